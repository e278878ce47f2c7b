import { expect, overviewTablesDrawn, rendersChinese, screenshot, test } from './fixtures.js';

test('the app opens on the overview in Chinese, with the demo district', async ({ page }) => {
  await expect(page.getByTestId('app-title')).toContainText('应急物资台账');
  await expect(page.getByText('避灾安置场所').first()).toBeVisible();
  await expect(page.getByText('151').first()).toBeVisible();
  expect(await rendersChinese(page)).toBe(true);
  await overviewTablesDrawn(page);
  await screenshot(page, 'e2e-overview');
});
