// The renderer's screens driven as a keeper would, through their data-testid hooks, on a fresh demo ledger.
import type { Page } from '@playwright/test';
import type { Item, StockRow } from '../../src/api/contract';
import { api, expect, overviewTablesDrawn, rendersChinese, screenshot, test } from './fixtures';

/** Picks an option in a searchable antd Select by typing. */
async function pick(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-item-option-active:visible').first().waitFor();
  await page.keyboard.press('Enter');
}

/** Picks an option of a plain antd Select by its title. */
async function choose(page: Page, testId: string, title: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator(`.ant-select-item-option[title="${title}"]`).click();
}

test('every screen opens from the navigation, in Chinese, at 1366×768', async ({ page }) => {
  await expect(page.getByTestId('app-title')).toHaveText('应急物资台账');
  await expect(page.getByTestId('screen-overview')).toBeVisible();
  await expect(page.getByTestId('stat-shelters')).toContainText('151');
  await expect(page.getByTestId('overview-equipment')).toContainText('卫星电话');
  expect(await rendersChinese(page)).toBe(true);
  await overviewTablesDrawn(page);
  await screenshot(page, 'e2e-overview');

  await page.getByTestId('nav-stock').click();
  await expect(page.getByTestId('stock-table').getByRole('row').nth(1)).toBeVisible();
  await screenshot(page, 'e2e-stock');

  await page.getByTestId('nav-movements').click();
  await expect(page.getByTestId('form-receipt')).toBeVisible();
  await page.getByTestId('tab-journal').click();
  await expect(page.getByTestId('journal-table').locator('.ant-table-row').first()).toBeVisible();
  await screenshot(page, 'e2e-journal');

  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('screen-settings')).toBeVisible();
  await page.getByTestId('tab-items').click();
  await expect(page.getByTestId('items-table')).toContainText('WZ001');
  await screenshot(page, 'e2e-items');

  // Nothing wider than the window.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the stock table scrolls to its last batch with every row in view in order and in its place', async ({ page }) => {
  await page.goto(`${page.url().split('#')[0]}#/stock?view=batch`);
  const table = page.getByTestId('stock-table');
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  const batches = await api<StockRow[]>(page, 'stock.query', { byBatch: true });
  const total = Number(await table.getAttribute('aria-rowcount'));
  expect(total).toBe(batches.length);
  expect(total).toBeGreaterThan(60);
  // Down in big steps, one per frame, as a dragged scrollbar does; then the rows in view, read by position.
  const inView = await page.evaluate(async () => {
    const scroller = document.querySelector('[data-testid="stock-table"] .vt-scroll') as HTMLElement;
    for (let i = 0; i < 200 && scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight; i++) {
      scroller.scrollTop += 1200;
      await new Promise((r) => requestAnimationFrame(r));
    }
    await new Promise((r) => setTimeout(r, 100));
    const box = scroller.getBoundingClientRect();
    return [...scroller.querySelectorAll('.vt-tr')]
      .map((r) => ({ index: Number(r.getAttribute('aria-rowindex')), top: r.getBoundingClientRect().top, text: (r as HTMLElement).innerText }))
      .filter((r) => r.top >= box.top + 32 - 1 && r.top < box.bottom)
      .sort((a, b) => a.top - b.top);
  });
  expect(inView.length).toBeGreaterThan(10);
  expect(inView.at(-1)!.index).toBe(total);
  inView.forEach((r, i) => {
    expect(r.index).toBe(inView[0]!.index + i);
    expect(r.top - inView[0]!.top).toBeCloseTo(i * 30, 0);
    // …and shows its own batch, not one left over from the row that had its place before.
    const batch = batches[r.index - 1]!;
    for (const text of [batch.locationName, batch.itemCode, batch.batchNo || '无批次']) expect(r.text).toContain(text);
  });
});

test('a donation receipt: errors in place, then posted, printed, in the journal and in stock', async ({ page }) => {
  await page.getByTestId('nav-movements').click();
  await choose(page, 'field-type', '捐赠入库');
  await page.getByTestId('submit-receipt').click();
  await expect(page.getByTestId('form-problems')).toBeVisible();
  await expect(page.getByTestId('form-receipt').locator('.ant-form-item-explain-error').filter({ hasText: '必填' }).first()).toBeVisible();

  await pick(page, 'field-location', 'WH01');
  await page.getByTestId('field-handler').fill('张建国');
  await pick(page, 'line-0-item', 'WZ003');
  await page.getByTestId('line-0-batch').fill('E2E-MB-01');
  await page.getByTestId('line-0-quantity').fill('12');
  await page.getByTestId('submit-receipt').click();
  // The donor is required for a donation: the contract says so once the rest is valid.
  await expect(page.getByTestId('form-problems')).toContainText('捐赠方');
  await page.getByTestId('field-donor').fill('台州市红十字会');
  await page.getByTestId('field-donorCertNo').fill('TZHS-E2E-1');
  await page.getByTestId('submit-receipt').click();
  // Valid now: what will be posted is shown first, and only its OK posts.
  await expect(page.getByTestId('confirm-from-to')).toContainText('台州市红十字会 → ');
  await page.getByTestId('confirm-post').click();

  const posted = page.getByTestId('posted-alert');
  await expect(posted).toContainText(/RK\d{8}-\d{4}/);
  const docNo = /RK\d{8}-\d{4}/.exec((await posted.textContent()) ?? '')![0];

  await page.getByTestId('posted-view').click();
  const sheet = page.getByTestId('print-sheet');
  await expect(sheet).toContainText('物资入库单');
  await expect(sheet).toContainText('椒江区应急管理局');
  await expect(sheet).toContainText('E2E-MB-01');
  await expect(sheet).toContainText('经办人');
  await screenshot(page, 'e2e-receipt-document');

  await page.goto(`${page.url().split('#')[0]}#/movements/journal`);
  await expect(page.getByTestId('journal-table').locator('.ant-table-row').first()).toContainText(docNo);

  await page.getByTestId('nav-stock').click();
  await page.getByTestId('stock-view-batch').click();
  await page.getByTestId('stock-search').fill('e2e-mb-01');
  await expect(page.getByTestId('stock-count')).toContainText('显示 1 /');
  await expect(page.getByTestId('stock-table')).toContainText('12');
});

test('an issue needs its order number, and asking for more than is on hand lands on the quantity', async ({ page }) => {
  await page.getByTestId('nav-movements').click();
  await page.getByTestId('kind-issue').click();
  await pick(page, 'field-location', 'WH01');
  await page.getByTestId('field-handler').fill('张建国');
  await pick(page, 'line-0-item', 'WZ003');
  await page.getByTestId('line-0-quantity').fill('999999');
  await page.getByTestId('submit-issue').click();
  await expect(page.getByTestId('form-problems')).toContainText('动用指令文号');

  await page.getByTestId('field-basisDoc').fill('椒防指〔2026〕99号');
  await page.getByTestId('submit-issue').click();
  await page.getByTestId('confirm-post').click();
  const quantityItem = page.locator('.ant-form-item').filter({ has: page.getByTestId('line-0-quantity') });
  await expect(quantityItem.locator('.ant-form-item-explain-error')).toContainText('库存不足');

  await page.getByTestId('line-0-quantity').fill('3');
  await page.getByTestId('submit-issue').click();
  await page.getByTestId('confirm-post').click();
  await expect(page.getByTestId('posted-alert')).toContainText(/CK\d{8}-\d{4}/);
});

test('a journal row is reversed with a reason', async ({ page }) => {
  await page.getByTestId('nav-movements').click();
  await page.getByTestId('tab-journal').click();
  const table = page.getByTestId('journal-table');
  await table.locator('[data-testid^="reverse-"]').first().click();
  await page.getByTestId('submit-reverse').click();
  await expect(page.getByTestId('form-reverse')).toContainText('冲销必须说明原因');
  await page.getByTestId('reverse-handler').fill('张建国');
  await page.getByTestId('reverse-reason').fill('登记错误');
  await page.getByTestId('submit-reverse').click();
  await expect(table.locator('.ant-table-row').first()).toContainText('冲销');
});

test('the item catalogue checks the GB/T 38565 code, refuses a duplicate item code, and clears a spec emptied on an edit', async ({ page }) => {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('tab-items').click();
  await page.getByTestId('item-create').click();
  await page.getByTestId('item-code').fill('WZ001');
  await page.getByTestId('item-name').fill('帐篷');
  await page.getByTestId('item-unit').fill('顶');
  await page.getByTestId('item-gb-code').fill('4012');
  await page.getByTestId('submit-item').click();
  await expect(page.getByTestId('form-item')).toContainText('编码为 7 位');
  await page.getByTestId('item-gb-code').fill('1010101');
  await page.getByTestId('submit-item').click();
  await expect(page.getByTestId('form-item')).toContainText('物资编码 WZ001 已存在');
  await page.getByTestId('item-code').fill('WZ901');
  await page.getByTestId('item-spec').fill('3×4m 单帐');
  await page.getByTestId('submit-item').click();
  await expect(page.getByTestId('items-table')).toContainText('3×4m 单帐');

  // Edited: the spec and the GB code emptied are gone, not kept.
  await page.getByTestId('item-edit-WZ901').click();
  await expect(page.getByTestId('item-spec')).toHaveValue('3×4m 单帐');
  await page.getByTestId('item-spec').fill('');
  await page.getByTestId('item-gb-code').fill('');
  await page.getByTestId('submit-item').click();
  await expect(page.getByTestId('form-item')).toBeHidden();
  await expect(page.getByTestId('items-table')).not.toContainText('3×4m 单帐');
  const saved = (await api<Item[]>(page, 'items.list', {})).find((i) => i.code === 'WZ901');
  expect([saved?.spec, saved?.gbCode]).toEqual([null, null]);
});

test('the English switch is kept across a reload', async ({ page }) => {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('tab-preferences').click();
  await page.getByTestId('pref-language').getByText('English').click();
  await expect(page.getByTestId('app-title')).toHaveText('Relief Ledger');
  await page.reload();
  await expect(page.getByTestId('nav-stock')).toHaveText('Stock');
  await page.getByTestId('lang-switch').getByText('中文').click();
  await expect(page.getByTestId('nav-stock')).toHaveText('物资库存');
});
