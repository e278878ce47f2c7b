// Day one in the browser: an empty ledger, the bureau's own workbooks dropped on the 导入向导 all at once and in no
// particular order; each recognised by its headers, what would be created shown and confirmed, everything written
// once. Then a file with a serial Excel turned into a number: refused with its cell named, nothing written.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { api, expect, screenshot, test } from './fixtures';

const DIR = path.resolve('tests/fixtures/day-one');
const FILES = [
  '08-避灾场所名录.xlsx',
  '04-一号库物资台账.xlsx',
  '01-村社区名单.xlsx',
  '07-防汛装备台账.xlsx',
  '03-物资存放地点.xlsx',
  '06-章安储备点台账.xlsx',
  '02-大陈镇村社-合并单元格.xlsx',
  '05-白云街道仓库台账.xlsx',
];

async function drop(page: Page, names: string[]): Promise<void> {
  await page
    .getByTestId('onboard-upload')
    .locator('input[type=file]')
    .setInputFiles(names.map((name) => ({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: fs.readFileSync(path.join(DIR, name)) })));
}

test.use({ demo: false });

test('onboarding: eight workbooks in any order go into an empty ledger in one step', async ({ page }) => {
  await page.getByTestId('nav-ledgers').click();
  await page.getByTestId('ledgers-onboard').click();
  await expect(page.getByTestId('onboard-wizard')).toBeVisible();
  await screenshot(page, 'onboard-1-empty');

  await drop(page, FILES);
  const result = page.getByTestId('onboard-plan-result');
  await expect(result).toContainText('检查通过', { timeout: 60_000 });
  const rows = page.getByTestId('onboard-files').locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(FILES.length);
  // The core's order: areas first, then locations, then the stock ledgers, equipment, shelters.
  await expect(rows.nth(0)).toContainText('01-村社区名单.xlsx');
  await expect(rows.nth(0)).toContainText('行政区域');
  await expect(rows.nth(2)).toContainText('03-物资存放地点.xlsx');
  await expect(rows.nth(7)).toContainText('08-避灾场所名录.xlsx');
  await expect(rows.nth(7)).toContainText('避灾场所');
  await expect(page.getByTestId('ledgers-created')).toContainText('文件中提到');

  // What the files only name is created only once the keeper has ticked the confirmation.
  await expect(page.getByTestId('onboard-commit')).toBeDisabled();
  await page.getByTestId('onboard-confirm-create').click();
  await expect(page.getByTestId('onboard-commit')).toBeEnabled();
  for (const [w, h] of [
    [1280, 720],
    [1366, 768],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await screenshot(page, `onboard-2-plan-${w}`);
  }
  // Enter on the focused checkbox posts nothing: committing takes the button and its confirmation.
  await page.keyboard.press('Enter');
  expect((await api<unknown[]>(page, 'areas.list', {})).length).toBe(0);

  await page.getByTestId('onboard-commit').click();
  await expect(page.getByTestId('onboard-confirm')).toContainText('8 个文件');
  await screenshot(page, 'onboard-3-confirm');
  await page.getByTestId('onboard-confirm-ok').click();
  await expect(page.getByTestId('onboard-done')).toContainText('全部导入完成', { timeout: 60_000 });
  await screenshot(page, 'onboard-4-done');

  const areas = await api<{ level: string }[]>(page, 'areas.list', {});
  expect(areas.filter((a) => a.level === 'village').length).toBeGreaterThan(5);
  const stock = await api<{ quantity: number }[]>(page, 'stock.query', {});
  expect(stock.length).toBeGreaterThan(0);
  const units = await api<unknown[]>(page, 'equipment.list', {});
  expect(units.length).toBeGreaterThan(0);
  const shelters = await api<unknown[]>(page, 'shelters.list', {});
  expect(shelters.length).toBeGreaterThan(0);
});

test('onboarding: one bad file refuses the lot, names its cell, writes nothing', async ({ page }) => {
  await page.getByTestId('nav-ledgers').click();
  await page.getByTestId('ledgers-onboard').click();
  await drop(page, [...FILES.slice(0, 3), '09-装备台账-序列号成了数字.xlsx']);
  await expect(page.getByTestId('onboard-plan-result')).toContainText('处问题', { timeout: 60_000 });
  const bad = page.getByTestId('onboard-files').locator('tbody tr.ant-table-row', { hasText: '09-装备台账' });
  await expect(bad).toContainText('有错误');
  await bad.locator('.ant-table-row-expand-icon').click();
  const errors = page.getByTestId('ledgers-errors');
  await expect(errors).toContainText('出厂编号');
  await expect(errors).toContainText('文本');
  await screenshot(page, 'onboard-5-errors');
  await expect(page.getByTestId('onboard-commit')).toBeDisabled();

  // Removing the bad file leaves the rest ready.
  await page.getByTestId('onboard-remove-09-装备台账-序列号成了数字.xlsx').click();
  await expect(page.getByTestId('onboard-files').locator('tbody tr.ant-table-row')).toHaveCount(3);
  expect((await api<unknown[]>(page, 'areas.list', {})).length).toBe(0);
});
