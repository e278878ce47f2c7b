// 年度盘点 driven as the count team would, on a fresh demo ledger: start a stocktake of one street store, print its
// sheet, type the counts down the column with one difference, review and give the reason, sign off with two
// people (one person twice is refused on the supervisor's field), post, see the balance change, export the report.
import fs from 'node:fs';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import type { StockRow } from '../../src/api/contract';
import type { StocktakeView } from '../../src/api/contract.stocktake';
import { api, expect, screenshot, test } from './fixtures';

const FILES = path.resolve('artifacts/stocktake');

/** Keeps a download under artifacts/stocktake, prefixed by the test's store (every test's ledger starts at PD…-001). */
async function saveDownload(download: Download, prefix: string): Promise<string> {
  fs.mkdirSync(FILES, { recursive: true });
  const file = path.join(FILES, `${prefix}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  return file;
}

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  return String(v);
}

/** Rows of a worksheet as text, for finding a line in it. */
function rowsOf(ws: ExcelJS.Worksheet): string[][] {
  const out: string[][] = [];
  ws.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (c) => cells.push(cellText(c.value)));
    out.push(cells);
  });
  return out;
}

/** Starts a stocktake from the list screen; answers its id. */
async function startStocktake(page: Page, location: string, opts: { blind?: boolean } = {}): Promise<number> {
  await page.getByTestId('nav-stocktake').click();
  await expect(page.getByTestId('screen-stocktake')).toBeVisible();
  await page.getByTestId('stocktake-start').click();
  await page.getByTestId('start-locations').click();
  await page.keyboard.type(location);
  await page.locator('.ant-select-item-option-active:visible').first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.ant-modal-title').click();
  if (opts.blind) await page.getByTestId('start-blind').click();
  await page.getByTestId('submit-start').click();
  await expect(page.getByTestId('screen-stocktake-detail')).toBeVisible();
  await expect(page.getByTestId('stocktake-status')).toHaveText('盘点中');
  const id = Number(/#\/stocktake\/(\d+)/.exec(page.url())![1]);
  expect(id).toBeGreaterThan(0);
  return id;
}

test('a street store counted, one difference explained, signed off by two people, posted and reported', async ({ page }) => {
  // The list, empty on a fresh ledger.
  await page.getByTestId('nav-stocktake').click();
  await expect(page.getByTestId('stocktake-table')).toContainText('还没有盘点单');
  await expect(page.getByTestId('stocktake-table').locator('.ant-spin-spinning')).toHaveCount(0);
  await screenshot(page, 'stocktake-list-empty');

  // 开始盘点: one store, open count, today.
  await page.getByTestId('stocktake-start').click();
  await page.getByTestId('start-locations').click();
  await page.keyboard.type('ST-DC');
  await page.locator('.ant-select-item-option-active:visible').first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.ant-modal-title').click();
  await expect(page.getByTestId('form-start')).toContainText('大陈镇应急物资储备点');
  await screenshot(page, 'stocktake-start');
  await page.getByTestId('submit-start').click();
  await expect(page.getByTestId('stocktake-no')).toHaveText(/PD\d{4}-001/);
  await expect(page.getByTestId('stocktake-status')).toHaveText('盘点中');
  const id = Number(/#\/stocktake\/(\d+)/.exec(page.url())![1]);
  const start = await api<StocktakeView>(page, 'stocktake.get', { id });
  const n = start.lines;
  expect(n).toBeGreaterThanOrEqual(10);

  // 打印盘点表: the workbook downloads, one sheet for the store, with the book and an empty 实盘数 column.
  const [sheetDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('stocktake-sheet').click()]);
  expect(sheetDownload.suggestedFilename()).toMatch(/盘点表\.xlsx$/);
  const sheetFile = await saveDownload(sheetDownload, 'ST-DC');
  const sheetBook = await readWorkbook(sheetFile);
  expect(sheetBook.worksheets).toHaveLength(1);
  const sheetRows = rowsOf(sheetBook.worksheets[0]!);
  const head = sheetRows.find((r) => r.includes('实盘数'))!;
  expect(head).toContain('账面数');
  expect(sheetRows.filter((r) => /^\d+$/.test(r[0] ?? '')).length).toBe(n);

  // Counts typed down the column: the book figure on every line but the third, which is two short. The counter's
  // name first.
  await page.getByTestId('count-countedBy').fill('王海燕');
  await page.locator('input[data-row="0"]').click();
  const shortIndex = 2;
  let shortLine = 0;
  let shortBook = 0;
  for (let i = 0; i < n; i++) {
    const input = page.locator(`input[data-row="${i}"]`);
    await expect(input).toBeFocused();
    const book = Number(await input.getAttribute('data-book'));
    let value = book;
    if (i === shortIndex) {
      expect(book).toBeGreaterThan(2);
      value = book - 2;
      shortLine = Number(await input.getAttribute('data-line'));
      shortBook = book;
    }
    await page.keyboard.type(String(value));
    if (i === 8) await screenshot(page, 'stocktake-counting');
    await page.keyboard.press(i % 3 === 1 ? 'ArrowDown' : 'Enter');
  }
  await expect(page.getByTestId('count-progress')).toHaveText(`已盘 ${n} / ${n} 行`);
  await expect(page.getByTestId('count-save-state')).toHaveText('已全部保存');
  await expect(page.getByTestId('filter-diff')).toHaveText('有差异 1');
  await page.getByTestId('filter-diff').click();
  await expect(page.getByTestId('count-grid').getByRole('row')).toHaveCount(2);
  await expect(page.getByTestId(`count-row-${shortLine}`)).toContainText('-2');
  await screenshot(page, 'stocktake-counted-differences');

  // The equipment audit: one unit seen, one not seen, one found that was not expected.
  await page.getByTestId('tab-audit').click();
  const auditRows = page.getByTestId('audit-table').locator('.ant-table-row');
  await expect(auditRows.first()).toBeVisible();
  await auditRows.nth(0).getByRole('button', { name: /见到/ }).click();
  await expect(auditRows.nth(0)).toContainText('见到');
  await auditRows.nth(1).getByRole('button', { name: /未见/ }).click();
  await expect(auditRows.nth(1).locator('.st-audit-notSeen')).toBeVisible();
  await page.getByTestId('audit-found-kind').click();
  await page.locator('.ant-select-item-option[title="排水泵"]').click();
  await page.getByTestId('audit-found-serial').fill('E2E-PUMP-0099');
  await page.getByTestId('audit-found-submit').click();
  await expect(page.getByTestId('audit-table')).toContainText('E2E-PUMP-0099');
  await expect(page.getByTestId('audit-table')).toContainText('账外发现');
  await screenshot(page, 'stocktake-audit');

  // 审核: exactly that one variance; its reason given in place.
  await page.getByTestId('tab-review').click();
  await expect(page.getByTestId('review-variance-count')).toContainText('1');
  const varianceRows = page.getByTestId('review-table').locator('.ant-table-row');
  await expect(varianceRows).toHaveCount(1);
  const shortItem = start.items.find((l) => l.lineId === shortLine)!;
  await expect(varianceRows.first()).toContainText(shortItem.itemName);
  await expect(varianceRows.first()).toContainText('-2');
  await expect(page.getByTestId('review-missing')).toContainText('1');
  await page.getByTestId('review-reason').fill('受潮霉变，清点时已剔除');
  await page.getByTestId('review-reason').press('Enter');
  await expect(page.getByTestId('review-missing')).toContainText('0');
  await screenshot(page, 'stocktake-review');

  // 提交审核: the counts lock.
  await page.getByTestId('stocktake-submit').click();
  await expect(page.getByTestId('stocktake-status')).toHaveText('待审核');
  await expect(page.getByTestId('post-panel')).toBeVisible();

  // One person cannot sign twice: the contract's message stands next to the supervisor's field.
  await page.getByTestId('post-counter').fill('张建国');
  await page.getByTestId('post-supervisor').fill('张建国');
  await page.getByTestId('stocktake-post').click();
  const supervisorItem = page.locator('.ant-form-item', { has: page.getByTestId('post-supervisor') });
  await expect(supervisorItem.locator('.ant-form-item-explain-error')).toHaveText('盘点人与监盘人不能是同一人');
  await expect(page.getByTestId('stocktake-status')).toHaveText('待审核');
  await screenshot(page, 'stocktake-post-same-person');

  // Two different people: posted.
  await page.getByTestId('post-supervisor').fill('李卫东');
  await page.getByTestId('stocktake-post').click();
  await page.getByTestId('confirm-post').click();
  await expect(page.getByTestId('stocktake-status')).toHaveText('已过账');
  await expect(page.getByTestId('stocktake-posted')).toContainText('张建国');
  await expect(page.getByTestId('stocktake-posted')).toContainText('李卫东');
  await expect(page.getByTestId('review-signed')).toBeVisible();
  await expect(page.getByTestId('stocktake-void')).toHaveCount(0);
  await screenshot(page, 'stocktake-posted');

  // Read-only from now on: no count inputs.
  await page.getByTestId('tab-count').click();
  await page.getByTestId('count-filter').getByText('全部').click();
  await expect(page.getByTestId('count-grid')).toBeVisible();
  await expect(page.getByTestId('count-input')).toHaveCount(0);
  await screenshot(page, 'stocktake-posted-counts');

  // The balance of that batch went down by two.
  const stock = await api<StockRow[]>(page, 'stock.query', { locationCode: 'ST-DC', itemCode: shortItem.itemCode, byBatch: true });
  const batch = stock.find((r) => (r.batchNo ?? '') === shortItem.batchNo);
  expect(batch?.quantity).toBe(shortBook - 2);
  // …and 物资库存 shows it.
  await page.goto(`${page.url().split('#')[0]}#/stock?view=batch&location=ST-DC&q=${encodeURIComponent(shortItem.itemName)}`);
  await expect(page.getByTestId('stock-table')).toContainText(new Intl.NumberFormat('zh-CN').format(shortBook - 2));

  // 导出盘点报告: the four sheets, the variance line with its reason and the two signatures, every line.
  await page.goto(`${page.url().split('#')[0]}#/stocktake/${id}`);
  const [reportDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('stocktake-report').click()]);
  expect(reportDownload.suggestedFilename()).toMatch(/盘点报告\.xlsx$/);
  const reportFile = await saveDownload(reportDownload, 'ST-DC');
  const report = await readWorkbook(reportFile);
  expect(report.worksheets.map((w) => w.name)).toEqual(['汇总', '差异明细', '盘点明细', '装备核查']);
  const variances = rowsOf(report.getWorksheet('差异明细')!);
  const line = variances.find((r) => r.includes(shortItem.itemCode));
  expect(line).toBeDefined();
  expect(line).toContain('受潮霉变，清点时已剔除');
  expect(line).toContain('-2');
  expect(line).toContain('已盘亏入账');
  const summaryText = rowsOf(report.getWorksheet('汇总')!).flat().join(' ');
  expect(summaryText).toContain('张建国');
  expect(summaryText).toContain('李卫东');
  const all = rowsOf(report.getWorksheet('盘点明细')!).filter((r) => r.includes('大陈镇应急物资储备点'));
  expect(all).toHaveLength(n);
  expect(rowsOf(report.getWorksheet('装备核查')!).flat()).toContain('E2E-PUMP-0099');

  // The list shows it posted.
  await page.getByTestId('stocktake-back').click();
  await expect(page.getByTestId('stocktake-table').locator('.ant-table-row').first()).toContainText('已过账');
  await screenshot(page, 'stocktake-list');
});

test('counts imported from the filled sheet: bad rows listed with sheet, row and column, nothing written; then clean', async ({ page }) => {
  const id = await startStocktake(page, 'ST-HM');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('stocktake-sheet').click()]);
  const file = await saveDownload(download, 'ST-HM');

  // Fill the sheet as a keeper would in Excel: the book as counted, one count mistyped.
  const wb = await readWorkbook(file);
  const ws = wb.worksheets[0]!;
  let headRow = 0;
  const cols: Record<string, number> = {};
  ws.eachRow((row, r) => {
    if (headRow) return;
    row.eachCell((c, ci) => {
      cols[cellText(c.value)] = ci;
    });
    if (cols['实盘数']) headRow = r;
  });
  let lines = 0;
  let badRow = 0;
  for (let r = headRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (!/^\d+$/.test(cellText(row.getCell(cols['行号']!).value))) continue;
    lines++;
    const book = Number(cellText(row.getCell(cols['账面数']!).value));
    if (lines === 4) {
      row.getCell(cols['实盘数']!).value = '十二';
      badRow = r;
    } else {
      row.getCell(cols['实盘数']!).value = book;
    }
  }
  const filled = path.join(FILES, 'ST-HM-filled-with-error.xlsx');
  await wb.xlsx.writeFile(filled);

  await page.getByTestId('stocktake-import').click();
  await page.getByTestId('import-countedBy').fill('王海燕');
  await page.locator('[data-testid="form-import"] input[type="file"]').setInputFiles(filled);
  await expect(page.getByTestId('form-import')).toContainText('ST-HM-filled-with-error.xlsx');
  await page.getByTestId('submit-import').click();
  const errors = page.getByTestId('import-errors');
  await expect(errors).toBeVisible();
  await expect(page.getByTestId('import-errors-banner')).toContainText('未写入任何数据');
  const errorRow = errors.locator('.ant-table-row').first();
  await expect(errorRow).toContainText(String(badRow));
  await expect(errorRow).toContainText('实盘数');
  await expect(errorRow).toContainText('十二');
  await screenshot(page, 'stocktake-import-errors');
  const untouched = await api<StocktakeView>(page, 'stocktake.get', { id });
  expect(untouched.counted).toBe(0);

  // Corrected and imported again: every line counted, no difference.
  ws.getRow(badRow).getCell(cols['实盘数']!).value = Number(cellText(ws.getRow(badRow).getCell(cols['账面数']!).value));
  const fixed = path.join(FILES, 'ST-HM-filled.xlsx');
  await wb.xlsx.writeFile(fixed);
  await page.locator('[data-testid="form-import"] input[type="file"]').setInputFiles(fixed);
  await expect(page.getByTestId('form-import')).toContainText('ST-HM-filled.xlsx');
  await page.getByTestId('submit-import').click();
  await expect(page.getByTestId('form-import')).toHaveCount(0);
  await expect(page.getByTestId('count-progress')).toHaveText(`已盘 ${lines} / ${lines} 行`);
  await expect(page.getByTestId('filter-diff')).toHaveText('有差异 0');
  await screenshot(page, 'stocktake-imported');
});

test('a blind count: no book on screen, a found line, the rest set to zero with a reason, then void', async ({ page }) => {
  const id = await startStocktake(page, 'ST-JZ', { blind: true });
  const grid = page.getByTestId('count-grid');
  await expect(grid.getByRole('columnheader', { name: '账面数' })).toHaveCount(0);
  await expect(grid.getByRole('columnheader', { name: '差异', exact: true })).toHaveCount(0);
  await expect(grid.getByRole('columnheader', { name: '差异原因' })).toHaveCount(0);
  await expect(grid.locator('input[data-book]')).toHaveCount(0);
  await expect(page.getByTestId('filter-diff')).toHaveCount(0);

  // Two lines counted by keyboard.
  await expect(page.locator('input[data-row="0"]')).toBeFocused();
  await page.getByTestId('count-countedBy').fill('');
  await page.locator('input[data-row="0"]').click();
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  // No counter named yet: the count waits and says so.
  await expect(page.locator('.st-banner').filter({ hasText: '请先填写盘点人' })).toBeVisible();
  await page.getByTestId('count-countedBy').fill('陈晓明');
  await expect(page.getByTestId('count-save-state')).toHaveText('已全部保存');
  await page.locator('input[data-row="1"]').click();
  await page.keyboard.type('1.5');
  await page.keyboard.press('Enter');
  await expect(page.locator('input[data-row="1"]')).toBeFocused();
  await expect(page.locator('input[data-row="1"]')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.ant-tooltip:visible')).toContainText('该物资按整数计量');
  await page.locator('input[data-row="1"]').fill('3');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('count-progress')).toContainText('已盘 2 /');
  await screenshot(page, 'stocktake-blind');

  // Nor anywhere else while lines are left: not in what the page is sent, not in the review tab, not in a report.
  const during = await api<StocktakeView>(page, 'stocktake.get', { id });
  expect(during.items.every((l) => l.frozen === null && l.book === null && l.difference === null)).toBe(true);
  await expect(page.getByTestId('stocktake-report')).toBeDisabled();
  await page.getByTestId('tab-review').click();
  await expect(page.getByTestId('review-blind')).toBeVisible();
  await expect(page.getByTestId('review-variance-count')).toContainText('—');
  await screenshot(page, 'stocktake-blind-review-withheld');
  await page.getByTestId('tab-count').click();

  // 添加盘盈行: found on the shelf, not on the books.
  await page.getByTestId('stocktake-add-line').click();
  await page.getByTestId('add-line-item').click();
  await page.keyboard.type('WZ009');
  await page.locator('.ant-select-item-option-active:visible').first().waitFor();
  await page.keyboard.press('Enter');
  await page.getByTestId('add-line-batch').fill('E2E-FOUND-01');
  await page.getByTestId('add-line-counted').fill('2');
  await page.getByTestId('add-line-reason').fill('上次调拨退回未入账');
  await screenshot(page, 'stocktake-add-line');
  await page.getByTestId('submit-add-line').click();
  await expect(page.getByTestId('form-add-line')).toHaveCount(0);
  const view = await api<StocktakeView>(page, 'stocktake.get', { id });
  expect(view.items.some((l) => l.unexpected && l.batchNo === 'E2E-FOUND-01')).toBe(true);

  // 未盘行置零: the reason is required.
  await page.getByTestId('stocktake-zero').click();
  await page.getByTestId('submit-zero').click();
  await expect(page.locator('.ant-form-item', { has: page.getByTestId('zero-reason') }).locator('.ant-form-item-explain-error')).toBeVisible();
  await page.getByTestId('zero-reason').fill('库内未见实物');
  await screenshot(page, 'stocktake-zero');
  await page.getByTestId('submit-zero').click();
  await expect(page.getByTestId('count-progress')).toHaveText(`已盘 ${view.lines} / ${view.lines} 行`);

  // The review shows the book now, and the shortages.
  await page.getByTestId('tab-review').click();
  await expect(page.getByTestId('review-table')).toContainText('账面数');
  // Lines 1 and 2 were counted; the third was set to zero, with the reason given.
  await expect(page.getByTestId('review-reason').nth(2)).toHaveValue('库内未见实物');
  await expect(page.getByTestId('review-table')).toContainText('E2E-FOUND-01');
  await screenshot(page, 'stocktake-blind-review');

  // 作废 with a reason.
  await page.getByTestId('stocktake-void').click();
  await page.getByTestId('void-reason').fill('盘点人员调整，重新组织盘点');
  await page.getByTestId('submit-void').click();
  await expect(page.getByTestId('stocktake-status')).toHaveText('已作废');
  await expect(page.getByTestId('stocktake-voided')).toContainText('盘点人员调整');
  await screenshot(page, 'stocktake-void');
});
