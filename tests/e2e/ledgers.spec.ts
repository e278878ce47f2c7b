// 导入导出 driven as a keeper would: the items template, a workbook of one's own with a title and a 填报单位 row,
// an error shown where it sits, the corrected file imported; opening balances with a mapping fixed by hand, a
// default location and the refused re-import; the stock ledger exported and read back with exceljs.
import fs from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, screenshot, test } from './fixtures';

type Cell = string | number | null;

/** A workbook as offices make them: a merged title, a 填报单位/日期 row, then the header and the rows. */
async function officeWorkbook(sheet: string, title: string, rows: Cell[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(sheet);
  ws.addRow([title]);
  ws.mergeCells(1, 1, 1, Math.max(2, rows[0]!.length));
  ws.addRow(['填报单位：椒江区应急管理局', null, null, '填报日期：2026年11月28日']);
  for (const r of rows) ws.addRow(r);
  ws.getRow(3).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function upload(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page
    .getByTestId('ledgers-upload')
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
}

async function readDownload(download: Download): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  const bytes = await fs.readFile((await download.path())!);
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

function rowTexts(ws: ExcelJS.Worksheet, n: number): string[] {
  const out: string[] = [];
  ws.getRow(n).eachCell({ includeEmpty: false }, (c) => out.push(String(c.text ?? '').trim()));
  return out;
}

/** Picks an option in a searchable antd Select by typing. */
async function pick(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-item-option-active:visible').first().waitFor();
  await page.keyboard.press('Enter');
}

const ITEM_HEADER: Cell[] = ['物资编码', '物资名称', '规格型号', '单位', '物资类别', '单价(元)'];

test('items: template, an error where it sits, the corrected file imported into the catalogue', async ({ page }) => {
  await page.getByTestId('nav-ledgers').click();
  await page.getByTestId('ledgers-kind-items').click();
  await expect(page.getByTestId('ledgers-wizard')).toContainText('导入物资目录');
  await screenshot(page, 'ledgers-1-file');

  // The template: headers and an example row, under the title and the 填报单位 row.
  const [template] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ledgers-template').click()]);
  expect(template.suggestedFilename()).toMatch(/物资目录.*模板\.xlsx$/);
  const tpl = (await readDownload(template)).worksheets[0]!;
  const tplHeader = [1, 2, 3, 4, 5].map((n) => rowTexts(tpl, n)).find((r) => r.includes('物资编码'));
  expect(tplHeader).toEqual(expect.arrayContaining(['物资编码', '物资名称', '规格型号', '单位']));

  // Two new items; the second has no unit.
  const bad = await officeWorkbook('物资目录', '椒江区救灾物资目录（补充）', [
    ITEM_HEADER,
    ['WZ901', '折叠床', '1.9m×0.7m', '张', '住宿', 260],
    ['WZ902', '应急照明灯', 'LED 10W', null, '照明', 45],
  ]);
  await upload(page, '补充物资.xlsx', bad);
  const mapping = page.getByTestId('ledgers-mapping');
  await expect(mapping).toBeVisible();
  await expect(page.getByTestId('ledgers-sheets')).toContainText('第 3 行');
  await expect(mapping.locator('tr', { hasText: '应急照明灯' }).first()).toBeVisible();
  await screenshot(page, 'ledgers-2-mapping');

  await page.getByTestId('ledgers-check').click();
  const errors = page.getByTestId('ledgers-errors');
  await expect(errors).toBeVisible();
  const first = errors.locator('.ant-table-row').first();
  // Row 5 as Excel shows it (title 1, 填报单位 2, header 3, items 4 and 5), column D, header 单位.
  await expect(first.locator('td').nth(0)).toHaveText('5');
  await expect(first.locator('td').nth(1)).toHaveText('D');
  await expect(first.locator('td').nth(2)).toHaveText('单位');
  await expect(page.getByTestId('ledgers-rows-errors')).toContainText('1');
  await expect(page.getByTestId('ledgers-commit')).toBeDisabled();
  await screenshot(page, 'ledgers-3-preview-errors');

  // The marked-up workbook: the user's own sheet with a 错误说明 column.
  const [marked] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ledgers-error-workbook').click()]);
  expect(marked.suggestedFilename()).toBe('补充物资-错误标注.xlsx');
  const markedSheet = (await readDownload(marked)).getWorksheet('物资目录')!;
  expect(rowTexts(markedSheet, 3).join('|')).toContain('错误说明');
  expect(rowTexts(markedSheet, 5).join('|')).toContain('D列');

  // Corrected and chosen again: nothing to fix, two items to create.
  const fixed = await officeWorkbook('物资目录', '椒江区救灾物资目录（补充）', [
    ITEM_HEADER,
    ['WZ901', '折叠床', '1.9m×0.7m', '张', '住宿', 260],
    ['WZ902', '应急照明灯', 'LED 10W', '台', '照明', 45],
  ]);
  await page.getByTestId('ledgers-restart').click();
  await upload(page, '补充物资.xlsx', fixed);
  await page.getByTestId('ledgers-check').click();
  await expect(page.getByTestId('ledgers-preview-result')).toContainText('2 行可以导入');
  await expect(page.getByTestId('ledgers-preview-result')).toContainText('物资 2 种');
  await screenshot(page, 'ledgers-3-preview-ok');
  await page.getByTestId('ledgers-commit').click();
  await expect(page.getByTestId('ledgers-done')).toContainText('导入完成');
  await expect(page.getByTestId('ledgers-done')).toContainText('导入 2 行');
  await screenshot(page, 'ledgers-4-done');

  // In 基础数据 → 物资目录.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('tab-items').click();
  const items = page.getByTestId('items-table');
  await expect(items).toContainText('WZ901');
  await expect(items.locator('tr', { hasText: 'WZ902' })).toContainText('应急照明灯');
  await expect(items.locator('tr', { hasText: 'WZ902' })).toContainText('台');
});

test('opening stock: a column mapped by hand, a default location, the same file refused until forced', async ({ page }) => {
  await page.goto(`${page.url().split('#')[0]}#/ledgers/stock`);
  await expect(page.getByTestId('ledgers-wizard')).toContainText('导入物资库存台账');
  // 存量 is no header the importer knows: the quantity column must be chosen by hand.
  const book = await officeWorkbook('期初库存', '海门街道应急物资期初库存', [
    ['物资编码', '物资名称', '规格型号', '批次号', '存量'],
    ['WZ001', '帐篷', null, 'E2E-OPEN-01', 30],
  ]);
  await upload(page, '期初库存.xlsx', book);
  await expect(page.getByTestId('ledgers-missing')).toContainText('数量');
  await pick(page, 'map-E', '数量');
  await expect(page.getByTestId('ledgers-missing')).toHaveCount(0);
  await expect(page.getByTestId('ledgers-mapping').locator('tr', { hasText: '存量' })).toContainText('已手动指定');
  await pick(page, 'ledgers-location', 'WH01');
  await screenshot(page, 'ledgers-2-mapping-stock');

  await page.getByTestId('ledgers-check').click();
  await expect(page.getByTestId('ledgers-preview-result')).toContainText('1 行可以导入');
  await page.getByTestId('ledgers-commit').click();
  await expect(page.getByTestId('ledgers-done')).toContainText('导入 1 行');

  // The same file again: warned, checked, refused at the commit, then imported when the user insists.
  await page.getByTestId('ledgers-again').click();
  await upload(page, '期初库存-副本.xlsx', book);
  await expect(page.getByTestId('ledgers-already')).toBeVisible();
  await expect(page.getByTestId('ledgers-mapping').locator('tr', { hasText: '存量' })).toContainText('已手动指定');
  await page.getByTestId('ledgers-check').click();
  await expect(page.getByTestId('ledgers-preview-result')).toContainText('1 行可以导入');
  await page.getByTestId('ledgers-commit').click();
  await expect(page.getByTestId('ledgers-refusal')).toContainText('已于');
  await screenshot(page, 'ledgers-3-refused');
  await page.getByTestId('ledgers-force').click();
  await expect(page.getByTestId('ledgers-done')).toContainText('导入 1 行');

  await page.getByTestId('ledgers-view').click();
  await expect(page.getByTestId('screen-stock')).toBeVisible();
});

test('stock exported from 物资库存 and from 导入导出: the bureau title row and header row', async ({ page }) => {
  await page.getByTestId('nav-stock').click();
  await expect(page.getByTestId('stock-table').getByRole('row').nth(1)).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-stock').click()]);
  expect(download.suggestedFilename()).toMatch(/救灾物资库存台账.*\.xlsx$/);
  const ws = (await readDownload(download)).worksheets[0]!;
  expect(rowTexts(ws, 1).join('')).toContain('救灾物资库存台账');
  expect(rowTexts(ws, 2).join(' ')).toContain('填报单位');
  expect(rowTexts(ws, 3)).toEqual(expect.arrayContaining(['序号', '物资编码', '物资名称', '规格型号', '单位', '批次号', '数量']));
  await fs.copyFile((await download.path())!, 'artifacts/screens/ledgers-export-stock.xlsx').catch(() => undefined);

  // One location from the import/export screen.
  await page.getByTestId('nav-ledgers').click();
  await page.getByTestId('ledgers-kind-stock').click();
  await pick(page, 'ledgers-export-location', 'WH01');
  const [one] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ledgers-export').click()]);
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await screenshot(page, 'ledgers-0-export');
  const title = rowTexts((await readDownload(one)).worksheets[0]!, 1).join('');
  expect(title).toContain('救灾物资库存台账（');
});

test('a big journal: a bar with the rows done while it is checked and imported, and the count at the end', async ({ page }) => {
  const rows = 60_000;
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('出入库明细');
  ws.addRow(['单号', '日期', '类型', '地点编码', '物资编码', '批次号', '数量', '经办人']);
  for (let i = 0; i < rows; i++) ws.addRow([`E2E-RK-${Math.floor(i / 5)}`, '2026-11-20', '采购入库', 'WH01', i % 2 ? 'WZ001' : 'WZ002', `E2E-B${i % 9}`, 1 + (i % 4), '张建国']);
  const buffer = Buffer.from(await book.xlsx.writeBuffer());

  await page.getByTestId('nav-ledgers').click();
  await page.getByTestId('ledgers-kind-movements').click();
  await upload(page, '全年出入库明细.xlsx', buffer);
  await expect(page.getByTestId('ledgers-mapping')).toBeVisible({ timeout: 60_000 });

  await page.getByTestId('ledgers-check').click();
  const done = page.getByTestId('job-progress-rows');
  await expect(done).toHaveText(/^已处理 [\d,]+ 行$/, { timeout: 30_000 });
  await screenshot(page, 'ledgers-3-progress');
  await expect(page.getByTestId('ledgers-preview-result')).toContainText(`${rows.toLocaleString('en-US')} 行可以导入`, { timeout: 120_000 });

  await page.getByTestId('ledgers-commit').click();
  await expect(done).toHaveText(/^已处理 [\d,]+ 行$/, { timeout: 30_000 });
  await expect(page.getByTestId('ledgers-done')).toContainText(`导入 ${rows.toLocaleString('en-US')} 行`, { timeout: 120_000 });
});
