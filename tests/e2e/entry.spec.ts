// The keeper's daily entry with an Excel user's habits: Enter in any field never posts, lines are typed from the
// keyboard alone, a reload mid-entry brings the draft back, 清空 asks first, Ctrl+Enter shows what will be posted
// (totals per unit) and only its OK posts, and a wrong 3-line document is reversed in one step.
import type { Page } from '@playwright/test';
import type { Journal, StockRow } from '../../src/api/contract';
import type { DraftSummary } from '../../src/api/contract.drafts';
import { api, expect, screenshot, test } from './fixtures';

// A busy machine (several suites at once) makes antd slow; each test walks a whole document.
test.setTimeout(180_000);

async function pick(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-item-option-active:visible').first().waitFor();
  await page.keyboard.press('Enter');
}

const journalCount = async (page: Page) => (await api<Journal>(page, 'movements.list', { limit: 1 })).total;
const drafts = (page: Page) => api<DraftSummary[]>(page, 'drafts.list', {});
/** The element that has the keyboard, by its test id or its form item's field id. */
const focused = (page: Page) => page.evaluate(() => {
  const el = document.activeElement as HTMLElement | null;
  return el?.closest('[data-testid]')?.getAttribute('data-testid') ?? el?.id ?? '';
});

/** Every typing target of the form, header and lines: Input, InputNumber, Select and DatePicker inputs. */
const fieldsOf = (page: Page, form: string) => page.getByTestId(form).locator('.ant-form-item input:not([type="hidden"])');

async function enterEverywhere(page: Page, form: string): Promise<number> {
  const fields = fieldsOf(page, form);
  const n = await fields.count();
  for (let i = 0; i < n; i++) {
    await fields.nth(i).focus();
    await page.keyboard.press('Enter');
    // A drop-down or calendar opened by the press must not take the next field's Enter.
    await page.keyboard.press('Escape');
  }
  return n;
}

test('Enter in every field of a complete receipt, issue and transfer posts nothing; Ctrl+Enter asks first', async ({ page }) => {
  await page.getByTestId('nav-movements').click();
  const before = await journalCount(page);

  // A receipt that would post: every field filled, header and line.
  await pick(page, 'field-location', 'WH01');
  await page.getByTestId('field-docNo').fill('RK-E2E-ENTER');
  await page.getByTestId('field-counterpart').fill('台州某公司');
  await page.getByTestId('field-basisDoc').fill('椒应急采〔2026〕9号');
  await page.getByTestId('field-handler').fill('张建国');
  await page.getByTestId('field-approver').fill('李明');
  await pick(page, 'line-0-item', 'WZ013');
  await page.getByTestId('line-0-batch').fill('E2E-ENTER-1');
  await page.getByTestId('line-0-quantity').fill('6');
  await page.getByTestId('line-0-production').fill('2026-10-01');
  await page.getByTestId('line-0-production').press('Enter');
  await page.getByTestId('line-0-price').fill('120');
  const receiptFields = await enterEverywhere(page, 'form-receipt');
  expect(receiptFields).toBeGreaterThanOrEqual(15);
  await expect(page.getByTestId('confirm-summary')).toHaveCount(0);
  expect(await journalCount(page)).toBe(before);

  // Ctrl+Enter shows the confirmation; going back posts nothing either.
  await page.getByTestId('field-handler').focus();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('confirm-summary')).toBeVisible();
  await page.getByTestId('confirm-back').click();
  await expect(page.getByTestId('confirm-summary')).toHaveCount(0);
  expect(await journalCount(page)).toBe(before);

  // The same for an issue.
  await page.getByTestId('kind-issue').click();
  await pick(page, 'field-location', 'WH01');
  await page.getByTestId('field-docNo').fill('CK-E2E-ENTER');
  await page.getByTestId('field-basisDoc').fill('椒防指〔2026〕12号');
  await page.getByTestId('field-recipient').fill('王建华');
  await page.getByTestId('field-handler').fill('张建国');
  await page.getByTestId('field-approver').fill('李明');
  await pick(page, 'line-0-item', 'WZ001');
  await page.getByTestId('line-0-quantity').fill('2');
  const issueFields = await enterEverywhere(page, 'form-issue');
  expect(issueFields).toBeGreaterThanOrEqual(10);
  await expect(page.getByTestId('confirm-summary')).toHaveCount(0);
  expect(await journalCount(page)).toBe(before);

  // And for a transfer.
  await page.getByTestId('kind-transfer').click();
  await pick(page, 'field-from', 'WH01');
  await pick(page, 'field-to', 'ST-HM');
  await page.getByTestId('field-handler').fill('李秀英');
  await pick(page, 'line-0-item', 'WZ001');
  await page.getByTestId('line-0-quantity').fill('1');
  expect(await enterEverywhere(page, 'form-transfer')).toBeGreaterThanOrEqual(9);
  await expect(page.getByTestId('confirm-summary')).toHaveCount(0);
  expect(await journalCount(page)).toBe(before);
});

test('lines typed from the keyboard alone: Enter to the next field, ↓ and ↑ between lines, a new line at the end', async ({ page }) => {
  await page.getByTestId('nav-movements').click();
  await pick(page, 'field-location', 'WH01');
  await page.getByTestId('field-handler').fill('张建国');
  // Enter from the handler goes on through the header to the first line's item.
  await page.getByTestId('field-handler').press('Enter');
  await expect.poll(() => focused(page)).not.toBe('field-handler');
  await page.getByTestId('line-0-item').click();

  // Line 1: item (typed, Enter chooses it and moves on), batch, quantity, dates, price, note, then a new line.
  await page.keyboard.type('WZ001');
  await page.locator('.ant-select-item-option-active:visible').first().waitFor();
  await page.keyboard.press('Enter');
  await expect.poll(() => focused(page)).toBe('line-0-batch');
  await page.keyboard.type('E2E-KB-1');
  await page.keyboard.press('Enter');
  await expect.poll(() => focused(page)).toBe('line-0-quantity');
  await page.keyboard.type('10');
  await page.keyboard.press('Enter');
  await expect.poll(() => focused(page)).toBe('line-0-production');
  await page.keyboard.type('2026-10-01');
  await page.keyboard.press('Enter');
  await expect.poll(() => focused(page)).toBe('line-0-expiry');
  await page.keyboard.press('Enter');
  await expect.poll(() => focused(page)).toBe('line-0-price');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // the note, empty
  await expect(page.getByTestId('line-1')).toBeVisible();
  await expect.poll(() => focused(page)).toBe('line-1-item');

  // Line 2 by Tab across; ↓ from its quantity makes line 3 in the same column.
  await page.keyboard.type('WZ003');
  await page.locator('.ant-select-item-option-active:visible').first().waitFor();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect.poll(() => focused(page)).toBe('line-1-quantity');
  await page.keyboard.type('20');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('line-2')).toBeVisible();
  await expect.poll(() => focused(page)).toBe('line-2-quantity');
  await page.keyboard.type('5');
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => focused(page)).toBe('line-1-quantity');
  await page.keyboard.press('ArrowDown');
  // Shift+Tab back to the item of line 3.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => focused(page)).toBe('line-2-item');
  await page.keyboard.type('WZ001');
  await page.locator('.ant-select-item-option-active:visible').first().waitFor();
  await page.keyboard.press('Enter');
  await page.getByTestId('line-2-batch').fill('E2E-KB-3');

  await expect(page.getByTestId('line-0-production')).toHaveValue('2026-10-01');
  await expect(page.getByTestId('line-1-quantity')).toHaveValue('20');
  await expect(page.getByTestId('line-2-quantity')).toHaveValue('5');
  await expect(page.getByTestId('confirm-summary')).toHaveCount(0);

  // Saving is on purpose: Ctrl+Enter, a summary with the totals per unit (顶 and 条 apart), OK posts.
  const before = await journalCount(page);
  await page.keyboard.press('Control+Enter');
  const summary = page.getByTestId('confirm-summary');
  await expect(summary).toBeVisible();
  await expect(page.getByTestId('confirm-from-to')).toContainText('一号库');
  await expect(summary).toContainText('采购入库');
  await expect(summary).toContainText('共 3 行');
  await expect(page.getByTestId('confirm-total-顶')).toHaveText('15顶');
  await expect(page.getByTestId('confirm-total-条')).toHaveText('20条');
  expect(await journalCount(page)).toBe(before);
  await screenshot(page, 'e2e-entry-confirm');
  await page.getByTestId('confirm-post').click();
  await expect(page.getByTestId('posted-alert')).toContainText(/RK\d{8}-\d{4}/);
  expect(await journalCount(page)).toBe(before + 3);
  // Posted: the draft is gone with it, the place and handler stay for the next document.
  expect(await drafts(page)).toEqual([]);
  await expect(page.getByTestId('line-0-quantity')).toHaveValue('');
  await expect(page.getByTestId('field-handler')).toHaveValue('张建国');
});

test('a reload mid-entry finds the draft filled where it was; 清空 asks first; the list of drafts resumes or discards', async ({ page }) => {
  await page.getByTestId('nav-movements').click();
  await pick(page, 'field-location', 'WH01');
  await page.getByTestId('field-handler').fill('张建国');
  await pick(page, 'line-0-item', 'WZ003');
  await page.getByTestId('line-0-batch').fill('E2E-DRAFT-1');
  await page.getByTestId('line-0-quantity').fill('12');
  await page.getByTestId('line-0-quantity').press('ArrowDown');
  await pick(page, 'line-1-item', 'WZ020');
  await page.getByTestId('line-1-quantity').fill('12.5');
  await expect(page.getByTestId('draft-status')).toContainText('草稿已保存');

  await page.reload();
  await page.getByTestId('nav-movements').click();
  await expect(page.getByTestId('line-1-quantity')).toHaveValue('12.5');
  await expect(page.getByTestId('line-0-batch')).toHaveValue('E2E-DRAFT-1');
  await expect(page.getByTestId('line-0-quantity')).toHaveValue('12');
  await expect(page.getByTestId('line-0-item')).toContainText('棉被');
  await expect(page.getByTestId('field-location')).toContainText('一号库');
  // Where the keyboard was is brought back too when the form opens by itself; here the click on 出入库 after the
  // reload takes the focus to the navigation first (since the closed web host's sign-in the form opens after that
  // click), so the cursor is not asserted at this point.

  // A second document begun as an issue: two drafts in the list.
  await page.getByTestId('kind-issue').click();
  await pick(page, 'field-location', 'WH02');
  await pick(page, 'line-0-item', 'WZ001');
  await page.getByTestId('line-0-quantity').fill('3');
  await expect(page.getByTestId('draft-status')).toContainText('草稿已保存');
  await page.getByTestId('drafts-open').click();
  const table = page.getByTestId('drafts-table');
  await expect(table.locator('.ant-table-row')).toHaveCount(2);
  await expect(table).toContainText('（一号库） · 棉被');
  await expect(table).toContainText('正在编辑');
  await screenshot(page, 'e2e-entry-drafts');

  // Resume the receipt from the list: its lines are back.
  const receipt = (await drafts(page)).find((d) => d.form === 'receipt')!;
  await page.getByTestId(`draft-resume-${receipt.id}`).click();
  await expect(page.getByTestId('form-receipt')).toBeVisible();
  await expect(page.getByTestId('line-1-quantity')).toHaveValue('12.5');

  // 清空 asks; saying no keeps everything, saying yes empties the form and drops its draft.
  await page.getByTestId('clear-form').click();
  await expect(page.locator('.ant-popconfirm')).toContainText('清空本单？');
  await page.locator('.ant-popconfirm').getByRole('button', { name: '取 消' }).or(page.locator('.ant-popconfirm').getByRole('button', { name: '取消' })).click();
  await expect(page.getByTestId('line-1-quantity')).toHaveValue('12.5');
  await page.getByTestId('clear-form').click();
  await page.getByTestId('clear-confirm').click();
  await expect(page.getByTestId('line-0-quantity')).toHaveValue('');
  await expect(page.getByTestId('line-1')).toHaveCount(0);
  await expect.poll(async () => (await drafts(page)).map((d) => d.form)).toEqual(['issue']);

  // The issue's draft discarded from the list, after asking.
  const issue = (await drafts(page))[0]!;
  await page.getByTestId('drafts-open').click();
  await page.getByTestId(`draft-discard-${issue.id}`).click();
  await page.getByTestId('draft-discard-confirm').click();
  await expect.poll(async () => (await drafts(page)).length).toBe(0);
});

test('a wrong 3-line receipt is reversed in one step, then re-entered from a prefilled draft', async ({ page }) => {
  const doc = await api<{ docNo: string; lines: { id: number }[] }>(page, 'movements.post', {
    type: 'purchase',
    date: '2026-11-28',
    locationCode: 'WH01',
    handler: '张建国',
    lines: [
      { itemCode: 'WZ001', batchNo: 'E2E-REV-1', quantity: 7 },
      { itemCode: 'WZ003', batchNo: 'E2E-REV-2', quantity: 30 },
      { itemCode: 'WZ020', batchNo: 'E2E-REV-3', quantity: 2.5 },
    ],
  });
  await page.getByTestId('nav-movements').click();
  await page.getByTestId('tab-journal').click();
  await page.getByTestId('journal-search').fill(doc.docNo);
  await page.getByTestId('journal-search').press('Enter');
  const rows = page.getByTestId('journal-table').locator('.ant-table-row');
  await expect(rows).toHaveCount(3);
  await page.getByTestId(`reverse-doc-${doc.lines[0]!.id}`).click();
  await expect(page.getByTestId('reverse-doc-lines').locator('.ant-table-row')).toHaveCount(3);
  await page.getByTestId('reverse-doc-handler').fill('张建国');
  await page.getByTestId('reverse-doc-reason').fill('供应商送错货');
  // Enter in the handler does not post the reversal either.
  await page.getByTestId('reverse-doc-handler').press('Enter');
  expect((await api<Journal>(page, 'movements.list', { types: ['reversal'], search: doc.docNo })).total).toBe(0);
  await screenshot(page, 'e2e-entry-reverse-doc');
  await page.getByTestId('submit-reverse-doc').click();
  await expect(page.getByTestId('re-enter')).toBeVisible();
  const reversals = await api<Journal>(page, 'movements.list', { types: ['reversal'], limit: 10 });
  expect(reversals.total).toBe(3);
  expect(new Set(reversals.rows.map((r) => r.reversesId))).toEqual(new Set(doc.lines.map((l) => l.id)));
  expect(new Set(reversals.rows.map((r) => r.docNo)).size).toBe(1);
  const left = await api<StockRow[]>(page, 'stock.query', { locationCode: 'WH01', byBatch: true, search: 'E2E-REV' });
  expect(left).toEqual([]);

  // 更正重录: the entry form opens on a draft of the same lines, to correct and post.
  await page.getByTestId('re-enter').click();
  await expect(page.getByTestId('form-receipt')).toBeVisible();
  await expect(page.getByTestId('line-2-batch')).toHaveValue('E2E-REV-3');
  await expect(page.getByTestId('line-1-quantity')).toHaveValue('30');
  await page.getByTestId('line-1-quantity').fill('3');
  await page.getByTestId('submit-receipt').click();
  await expect(page.getByTestId('confirm-total-条')).toHaveText('3条');
  await expect(page.getByTestId('confirm-total-米')).toHaveText('2.5米');
  // In the confirmation, Ctrl+Enter again is its OK.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('posted-alert')).toContainText(/RK\d{8}-\d{4}/);
  expect(await drafts(page)).toEqual([]);
});

test('the entry form, its confirmation and the drafts list fit 1280×720 and 1366×768 in Chinese and English', async ({ page }) => {
  for (const lang of ['zh', 'en'] as const) {
    await page.evaluate((l) => localStorage.setItem('relief-ledger.lang', l), lang);
    for (const [w, h] of [[1280, 720], [1366, 768]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.reload();
      await page.getByTestId('nav-movements').click();
      await expect(page.getByTestId('form-receipt')).toBeVisible();
      if (!(await page.getByTestId('line-2').count())) {
        await pick(page, 'field-location', 'WH01');
        await page.getByTestId('field-handler').fill('张建国');
        for (const [i, [item, qty]] of ([['WZ001', '120'], ['WZ003', '3000'], ['WZ020', '1250.75']] as const).entries()) {
          if (i > 0) await page.getByTestId(`line-${i - 1}-quantity`).press('ArrowDown');
          await pick(page, `line-${i}-item`, item);
          await page.getByTestId(`line-${i}-batch`).fill(`E2E-FIT-${i}`);
          await page.getByTestId(`line-${i}-quantity`).fill(qty);
        }
        await expect(page.getByTestId('draft-status')).toContainText(/草稿已保存|Draft saved/);
      }
      await expect(page.getByTestId('line-2-quantity')).toHaveValue('1250.75');
      await noneClipped(page, '[data-testid="form-receipt"]');
      await screenshot(page, `e2e-entry-form-${lang}-${w}x${h}`);

      await page.getByTestId('submit-receipt').click();
      await expect(page.getByTestId('confirm-summary')).toBeVisible();
      await noneClipped(page, '.ant-modal');
      await screenshot(page, `e2e-entry-confirm-${lang}-${w}x${h}`);
      await page.getByTestId('confirm-back').click();

      await page.getByTestId('drafts-open').click();
      await expect(page.getByTestId('drafts-table')).toBeVisible();
      await noneClipped(page, '[data-testid="drafts-drawer"]');
      await screenshot(page, `e2e-entry-drafts-${lang}-${w}x${h}`);
      await page.keyboard.press('Escape');
    }
  }
});

/** No button, number or header text cut off: each one's content fits its box, and the page is no wider than the window. */
async function noneClipped(page: Page, scope: string): Promise<void> {
  const clipped = await page.evaluate((sel) => {
    const root = document.querySelector(sel);
    if (!root) return ['(scope missing)'];
    const out: string[] = [];
    const check = (el: Element) => {
      const e = el as HTMLElement;
      if (!e.offsetParent || e.clientWidth === 0) return;
      if (e.scrollWidth > e.clientWidth + 1) out.push(`${e.className || e.tagName}: ${e.innerText.slice(0, 40)}`);
    };
    root.querySelectorAll('button, .num, th, td, .ant-form-item-label label, .ant-descriptions-item-label, .ant-descriptions-item-content, .confirm-total, .ant-input-number-input').forEach(check);
    return out;
  }, scope);
  expect(clipped).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

test('units are never added across kinds: the overview counts pieces with metres beside them; the stock list totals per unit', async ({ page }) => {
  const summary = await api<{ itemsOnHand: number; measuredOnHand: { unit: string; quantity: number }[] }>(page, 'summary.get', {});
  expect(Number.isInteger(summary.itemsOnHand)).toBe(true);
  expect(summary.measuredOnHand.map((m) => m.unit)).toEqual(['米']);
  const card = page.getByTestId('stat-onHand');
  await expect(card).toContainText('在库物资（计件）');
  await expect(card).toContainText(`${summary.itemsOnHand.toLocaleString('zh-CN')}件`);
  await expect(card).toContainText(`另 ${summary.measuredOnHand[0]!.quantity.toLocaleString('zh-CN', { maximumFractionDigits: 3 })} 米`);

  await page.getByTestId('nav-stock').click();
  await page.getByTestId('stock-view-item').click();
  const total = page.getByTestId('stock-total');
  await expect(total).toContainText(/数量按单位合计（\d+ 种单位）/);
  await total.click();
  await expect(page.getByTestId('stock-subtotals')).toContainText('米');
  await expect(page.getByTestId('stock-subtotals')).toContainText('顶');
  await page.keyboard.press('Escape');

  const tents = (await api<StockRow[]>(page, 'stock.query', { itemCode: 'WZ001' })).reduce((a, r) => a + r.quantity, 0);
  await page.getByTestId('stock-view-location').click();
  await page.getByTestId('stock-search').fill('帐篷');
  await expect(total).toHaveText(`数量合计 ${tents.toLocaleString('zh-CN')} 顶`);
});
