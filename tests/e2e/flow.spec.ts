// A keeper's day in one pass: receive → issue → transfer (each saved through its confirmation), then the balances
// and the journal show each step; an over-issue is refused with its message at the quantity. Drives the UI only through its data-testid hooks, so the
// same spec runs under Electron (E2E_DOOR=electron) where the binary exists.
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';

async function pick(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-item-option-active:visible').first().waitFor();
  await page.keyboard.press('Enter');
}

async function docNoOf(page: Page, pattern: RegExp): Promise<string> {
  const posted = page.getByTestId('posted-alert');
  await expect(posted).toContainText(pattern);
  return pattern.exec((await posted.textContent()) ?? '')![0];
}

async function batchRows(page: Page, batch: string): Promise<string[]> {
  await page.getByTestId('nav-stock').click();
  await page.getByTestId('stock-view-batch').click();
  await page.getByTestId('stock-search').fill(batch);
  await expect(page.getByTestId('stock-table').getByRole('row').nth(1)).toContainText(batch);
  return page.getByTestId('stock-table').getByRole('row').allInnerTexts();
}

test('receive → issue → transfer: the balances and the journal follow, and an over-issue is refused', async ({ page }) => {
  const batch = 'E2E-FLOW-01';
  await page.getByTestId('nav-movements').click();
  await pick(page, 'field-location', 'WH01');
  await page.getByTestId('field-handler').fill('张建国');
  await pick(page, 'line-0-item', 'WZ001');
  await page.getByTestId('line-0-batch').fill(batch);
  await page.getByTestId('line-0-quantity').fill('50');
  await page.getByTestId('submit-receipt').click();
  await page.getByTestId('confirm-post').click();
  const receipt = await docNoOf(page, /RK\d{8}-\d{4}/);

  await page.getByTestId('kind-issue').click();
  await pick(page, 'field-location', 'WH01');
  await page.getByTestId('field-handler').fill('张建国');
  await page.getByTestId('field-basisDoc').fill('椒防指〔2026〕12号');
  await pick(page, 'line-0-item', 'WZ001');
  await pick(page, 'line-0-batch', batch);
  await page.getByTestId('line-0-quantity').fill('80');
  await page.getByTestId('submit-issue').click();
  await page.getByTestId('confirm-post').click();
  const quantity = page.locator('.ant-form-item').filter({ has: page.getByTestId('line-0-quantity') });
  await expect(quantity.locator('.ant-form-item-explain-error')).toContainText('库存不足：现有 50顶，本次需要 80顶');
  await screenshot(page, 'e2e-flow-over-issue');
  await page.getByTestId('line-0-quantity').fill('20');
  await page.getByTestId('submit-issue').click();
  await page.getByTestId('confirm-post').click();
  const issue = await docNoOf(page, /CK\d{8}-\d{4}/);

  await page.getByTestId('kind-transfer').click();
  await pick(page, 'field-from', 'WH01');
  await pick(page, 'field-to', 'ST-HM');
  await page.getByTestId('field-handler').fill('李秀英');
  await pick(page, 'line-0-item', 'WZ001');
  await pick(page, 'line-0-batch', batch);
  await page.getByTestId('line-0-quantity').fill('10');
  await page.getByTestId('submit-transfer').click();
  await page.getByTestId('confirm-post').click();
  const transfer = await docNoOf(page, /DB\d{8}-\d{4}/);

  const rows = await batchRows(page, batch);
  expect(rows).toHaveLength(3); // header + two places
  const quantityAt = (place: string) => /(\d+)\s*顶/.exec(rows.find((r) => r.includes(place)) ?? '')?.[1];
  expect(quantityAt('一号库')).toBe('20');
  expect(quantityAt('海门街道应急物资储备点')).toBe('10');
  await screenshot(page, 'e2e-flow-stock');

  await page.getByTestId('nav-movements').click();
  await page.getByTestId('tab-journal').click();
  await page.getByTestId('journal-search').fill('帐篷');
  const journal = page.getByTestId('journal-table');
  for (const docNo of [receipt, issue, transfer]) await expect(journal).toContainText(docNo);
  await expect(journal.locator('.ant-table-row').filter({ hasText: transfer })).toHaveCount(2);
  await screenshot(page, 'e2e-flow-journal');
});
