// Screenshots of every screen at 1366×768, for a person to look at (not a test).
// Usage: node tests/e2e/shoot.mjs URL [outDir]
//   start a host first (node bin/relief-ledger.mjs serve --db /tmp/ui.db --demo --port 5199) and pass the one-time
//   address it prints (http://127.0.0.1:5199/start?key=…)
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const openUrl = process.argv[2];
if (!openUrl) throw new Error('pass the one-time address the host printed');
/** The app's own address, once the one-time address has given this browser its session. */
let base = '';
const out = process.argv[3] ?? 'artifacts/screens';
fs.mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
const problems = [];
page.on('console', (m) => {
  if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text().slice(0, 300)}`);
});
page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));

const shot = async (name) => {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  console.log('shot', name);
};
const go = async (hash) => {
  await page.goto(`${base}#${hash}`);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
};
const pick = async (testId, text) => {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page.waitForTimeout(200);
  await page.keyboard.press('Enter');
};

await page.goto(openUrl);
base = `${new URL(page.url()).origin}/`;
await page.evaluate(() => localStorage.clear());
await go('/overview');
await page.getByTestId('screen-overview').waitFor();
await shot('01-overview');

await page.getByTestId('nav-stock').click();
await page.getByTestId('stock-table').waitFor();
await page.waitForTimeout(500);
await shot('02-stock-by-location');
await go('/stock?view=batch&expiry=attention');
await shot('03-stock-by-batch-attention');
await go('/stock?view=item');
await shot('04-stock-by-item');
await go('/stock?view=batch');
await page.getByTestId('stock-search').fill('饮用水');
await shot('05-stock-search');

await page.getByTestId('nav-movements').click();
await page.getByTestId('form-receipt').waitFor();
await shot('06-movement-receipt-empty');
// receipt with a donation: donor missing → errors in place
await page.getByTestId('field-type').click();
await page.locator('.ant-select-item-option[title="捐赠入库"]').click();
await page.getByTestId('submit-receipt').click();
await shot('07-movement-receipt-errors');
// fill it properly
await pick('field-location', 'WH01');
await page.getByTestId('field-donor').fill('台州市红十字会');
await page.getByTestId('field-donorCertNo').fill('TZHS-2026-118');
await page.getByTestId('field-handler').fill('张建国');
await pick('line-0-item', 'WZ003');
await page.getByTestId('line-0-batch').fill('MB-20261128');
await page.getByTestId('line-0-quantity').fill('120');
await page.getByTestId('add-line').click();
await pick('line-1-item', 'WZ010');
await page.getByTestId('line-1-batch').fill('SW-20261101');
await page.getByTestId('line-1-quantity').fill('-3');
await page.getByTestId('line-1-production').fill('2026-11-01');
await page.keyboard.press('Enter');
await page.getByTestId('submit-receipt').click();
await shot('08-movement-receipt-line-error');
await page.getByTestId('line-1-quantity').fill('80');
await page.getByTestId('submit-receipt').click();
await page.getByTestId('confirm-post').click();
await page.getByTestId('posted-alert').waitFor();
await shot('09-movement-receipt-posted');
await page.getByTestId('posted-view').click();
await page.getByTestId('print-sheet').waitFor();
await shot('10-document-receipt');
await page.emulateMedia({ media: 'print' });
await shot('11-document-receipt-print');
await page.emulateMedia({ media: 'screen' });

await go('/movements/entry?kind=issue');
await page.getByTestId('form-issue').waitFor();
await pick('field-location', 'WH01');
await page.getByTestId('field-handler').fill('张建国');
await pick('line-0-item', 'WZ003');
await page.getByTestId('line-0-quantity').fill('99999');
await page.getByTestId('submit-issue').click();
await shot('12-movement-issue-errors');
await page.getByTestId('field-basisDoc').fill('椒防指〔2026〕9号');
await page.getByTestId('field-recipient').fill('海门街道 王建平');
await page.getByTestId('submit-issue').click();
await page.getByTestId('confirm-post').click();
await page.waitForTimeout(600);
await shot('13-movement-issue-insufficient');
await page.getByTestId('line-0-quantity').fill('30');
await page.getByTestId('submit-issue').click();
await page.getByTestId('confirm-post').click();
await page.getByTestId('posted-alert').waitFor();
await page.getByTestId('posted-view').click();
await page.getByTestId('print-sheet').waitFor();
await shot('14-document-issue');

await go('/movements/entry?kind=transfer');
await page.getByTestId('form-transfer').waitFor();
await shot('15-movement-transfer');
await go('/movements/entry?kind=loss');
await page.getByTestId('form-loss').waitFor();
await shot('16-movement-loss');

await go('/movements/journal');
await page.getByTestId('journal-table').waitFor();
await page.waitForTimeout(500);
await shot('17-journal');
await page.getByTestId('journal-filter-types').click();
await page.locator('.ant-select-item-option[title="发放"]').click();
await page.keyboard.press('Escape');
await page.getByTestId('journal-search').fill('棉被');
await page.getByTestId('journal-search').press('Enter');
await page.waitForTimeout(600);
await shot('17b-journal-filtered');
await go('/movements/journal');
const reverse = page.locator('[data-testid^="reverse-"]').first();
await reverse.click();
await page.getByTestId('submit-reverse').click();
await shot('18-journal-reverse-errors');
await page.getByTestId('reverse-reason').fill('数量登记错误');
await page.getByTestId('submit-reverse').click();
await page.waitForTimeout(800);
await shot('19-journal-after-reverse');

await go('/settings/areas');
await page.locator('.ant-tree').waitFor();
await page.locator('.ant-tree-title').filter({ hasText: /^海门街道/ }).first().click();
await shot('20-settings-areas');
await page.getByTestId('area-create').click();
await page.getByTestId('area-code').fill('HM 99');
await page.getByTestId('area-admin-code').fill('1234');
await page.getByTestId('submit-area').click();
await shot('21-settings-area-errors');
await page.keyboard.press('Escape');
await go('/settings/locations');
await page.getByTestId('locations-table').waitFor();
await shot('22-settings-locations');
await go('/settings/items');
await page.getByTestId('items-table').waitFor();
await shot('23-settings-items');
await page.getByTestId('item-create').click();
await page.getByTestId('item-code').fill('WZ001');
await page.getByTestId('item-name').fill('帐篷');
await page.getByTestId('item-unit').fill('顶');
await page.getByTestId('item-gb-code').fill('4012');
await page.getByTestId('submit-item').click();
await shot('24-settings-item-errors');
await page.getByTestId('item-gb-code').fill('');
await page.getByTestId('submit-item').click();
await page.waitForTimeout(500);
await shot('25-settings-item-duplicate');
await page.keyboard.press('Escape');
await go('/doc/DB20261123-0001');
await page.getByTestId('print-sheet').waitFor();
await shot('25b-document-transfer');
await page.setViewportSize({ width: 794, height: 1123 });
await page.emulateMedia({ media: 'print' });
await shot('25c-document-transfer-print-a4');
await page.emulateMedia({ media: 'screen' });
await page.setViewportSize({ width: 1366, height: 768 });
await go('/settings/preferences');
await shot('26-settings-preferences');
await page.getByTestId('pref-language').getByText('English').click();
await go('/overview');
await shot('27-overview-en');
await go('/movements/entry?kind=issue');
await page.getByTestId('submit-issue').click();
await shot('28-issue-errors-en');
await page.evaluate(() => localStorage.clear());

await browser.close();
if (problems.length) {
  console.log(`\n${problems.length} console problems:`);
  for (const p of [...new Set(problems)]) console.log(' ', p);
}
