// 装备, 村社覆盖 and 避灾场所 driven as a keeper would, through their data-testid hooks, on a fresh demo ledger
// (today 2026-11-28): a hand-out, a failed test that removes a village's coverage, a shelter that becomes
// standardised after an inspection.
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';

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
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`).click();
}

/** Lets a dialog or drawer finish its opening animation before a screenshot. */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(400);
}

/** Waits until the unit drawer has slid all the way in: a click during the slide lands where the button was. */
async function drawerIn(page: Page): Promise<void> {
  const width = page.viewportSize()!.width;
  await expect
    .poll(async () => {
      const box = await page.locator('.eq-drawer .ant-drawer-content-wrapper, .ant-drawer-content-wrapper:has(.eq-drawer)').first().boundingBox();
      return box ? Math.round(box.x + box.width) : -1;
    })
    .toBe(width);
}

/** Nothing wider than the window. */
async function noHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('hand-out: a new generator registered at a street store goes to a village, in use there and in its history', async ({ page }) => {
  await page.getByTestId('nav-equipment').click();
  await expect(page.getByTestId('eq-count')).toContainText('785');
  await expect(page.getByTestId('eq-table').getByRole('row').nth(1)).toBeVisible();
  await noHorizontalOverflow(page);
  await screenshot(page, 'equipment-registry');

  // Register: the form says what is missing, next to the fields.
  await page.getByTestId('eq-register').click();
  await page.getByTestId('submit-register').click();
  await expect(page.getByTestId('form-register').locator('.ant-form-item-explain-error').filter({ hasText: '必填' }).first()).toBeVisible();
  await choose(page, 'register-kind', '应急发电机');
  // A serial number is text: the leading zeros stay.
  await page.getByTestId('register-serial').fill('0020269001');
  await page.getByTestId('register-model').fill('EF6600');
  await page.getByTestId('register-power').fill('5.5');
  await pick(page, 'register-home', '白云街道');
  await page.getByTestId('register-actor').fill('张建国');
  await settle(page);
  await screenshot(page, 'equipment-register');
  await page.getByTestId('submit-register').click();

  const drawer = page.getByTestId('unit-drawer');
  await expect(drawer).toContainText('0020269001');
  await expect(drawer.getByTestId('unit-details')).toContainText('在库');
  await expect(drawer.getByTestId('unit-details')).toContainText('白云街道应急物资储备点');
  await drawerIn(page);

  // Hand out to a village: custodian required, then in use there.
  await drawer.getByTestId('unit-handout').click();
  await pick(page, 'handout-village', '白云街道 李家社区');
  await page.getByTestId('submit-handout').click();
  await expect(page.getByTestId('form-handout').locator('.ant-form-item-explain-error').filter({ hasText: '必填' })).toBeVisible();
  await page.getByTestId('handout-custodian').fill('李国强');
  await page.getByTestId('handout-phone').fill('13905761234');
  await settle(page);
  await screenshot(page, 'equipment-handout');
  await page.getByTestId('submit-handout').click();
  await expect(page.getByTestId('form-handout')).toBeHidden();

  await expect(drawer.getByTestId('unit-village')).toHaveText('白云街道 / 李家社区');
  await expect(drawer.getByTestId('unit-details')).toContainText('在用');
  await expect(drawer.getByTestId('unit-details')).toContainText('李国强');
  const events = drawer.getByTestId('unit-events');
  await expect(events.locator('.ant-table-row').first()).toContainText('配发');
  await expect(events.locator('.ant-table-row').first()).toContainText('在库 → 在用');
  await expect(events.locator('.ant-table-row').first()).toContainText('李家社区 / 李国强');
  await expect(events.locator('.ant-table-row').nth(1)).toContainText('登记');
  await settle(page);
  await screenshot(page, 'equipment-unit-drawer');

  // The other actions' dialogs, looked at and closed.
  await drawer.getByTestId('unit-status').click();
  await expect(page.getByTestId('form-status')).toBeVisible();
  await settle(page);
  await screenshot(page, 'equipment-status');
  await page.getByRole('button', { name: /取\s*消/ }).click();
  await drawer.getByTestId('unit-return').click();
  await expect(page.getByTestId('form-return')).toBeVisible();
  await settle(page);
  await screenshot(page, 'equipment-return');
  await page.getByRole('button', { name: /取\s*消/ }).click();
  await page.locator('.ant-drawer-close').click();

  // In the registry: in use at that village.
  await page.getByTestId('eq-search').fill('0020269001');
  const row = page.getByTestId('eq-table').getByRole('row').nth(1);
  await expect(row).toContainText('0020269001');
  await expect(row).toContainText('李家社区');
  await expect(row).toContainText('在用');
  await expect(row).toContainText('李国强');
  await expect(page.getByTestId('eq-count')).toContainText('1 / 共 786');

  // The tests due list: units never tested are due today.
  await page.getByTestId('tab-eq-due').click();
  await expect(page.getByTestId('due-table').getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByTestId('due-count')).toContainText('逾期');
  await noHorizontalOverflow(page);
  await screenshot(page, 'equipment-due');
});

test('a failed test on the only generator of a covered village sends it to repair and uncovers the village', async ({ page }) => {
  await page.getByTestId('nav-coverage').click();
  await expect(page.getByTestId('cov-rate')).toHaveText('90.1%');
  await expect(page.getByTestId('cov-counts')).toContainText('已覆盖 172 / 191');
  await noHorizontalOverflow(page);
  await screenshot(page, 'equipment-coverage');

  // 大陈镇: every village covered; 海城村 has one working generator.
  await page.getByTestId('cov-street-DC').click();
  const village = page.getByTestId('cov-village-DC001');
  await expect(village).toContainText('海城村');
  await expect(village).toContainText('已覆盖');
  await screenshot(page, 'equipment-coverage-street');

  // From the village to its equipment, then to its generator.
  await page.getByTestId('cov-units-DC001').click();
  await expect(page.getByTestId('screen-equipment')).toBeVisible();
  await choose(page, 'eq-filter-kind', '应急发电机');
  await expect(page.getByTestId('eq-count')).toContainText('显示 1 /');
  const link = page.locator('[data-testid^="unit-generator-"]');
  await expect(link).toHaveCount(1);
  await link.click();
  const drawer = page.getByTestId('unit-drawer');
  await expect(drawer.getByTestId('unit-working')).toHaveText('计入覆盖');
  await drawerIn(page);

  await drawer.getByTestId('unit-test').click();
  await page.getByTestId('test-fail').click();
  await page.getByTestId('test-tester').fill('陈志明');
  await page.getByTestId('test-note').fill('启动失败，化油器堵塞');
  await settle(page);
  await screenshot(page, 'equipment-test');
  await page.getByTestId('submit-test').click();
  await expect(page.getByTestId('form-test')).toBeHidden();

  await expect(drawer.getByTestId('unit-details')).toContainText('维修');
  await expect(drawer.getByTestId('unit-working')).toHaveText('不计入');
  await expect(drawer.getByTestId('unit-tests').locator('.ant-table-row').first()).toContainText('不合格');
  await expect(drawer.getByTestId('unit-events').locator('.ant-table-row').first()).toContainText('试机未通过');
  await page.locator('.ant-drawer-close').click();

  // Same session, no reload: the coverage screen shows the village uncovered, and why.
  await page.getByTestId('nav-coverage').click();
  await expect(page.getByTestId('cov-counts')).toContainText('已覆盖 171 / 191');
  await expect(page.getByTestId('cov-village-DC001')).toContainText('应急发电机在维修');
  await page.getByTestId('cov-street-DC').click();
  await expect(page.getByTestId('cov-village-DC001')).toContainText('未覆盖');
  await expect(page.getByTestId('cov-village-DC001')).toContainText('0 / 1');
  await expect(page.getByTestId('cov-village-DC001')).toContainText('应急发电机在维修');
  await expect(page.getByTestId('cov-panel-title')).toContainText('已覆盖 5 / 6');
});

test('a shelter failing only its facilities passes an inspection, becomes standardised, and the KPI goes up', async ({ page }) => {
  await page.getByTestId('nav-shelters').click();
  await expect(page.getByTestId('sh-kpi-count')).toHaveText('达标 131 / 在用 151 处');
  await expect(page.getByTestId('sh-kpi-need')).toHaveText('距目标还差 5 处');
  await noHorizontalOverflow(page);
  await screenshot(page, 'equipment-shelters');

  // Those failing 设施齐备.
  await choose(page, 'sh-filter-item', '设施齐备');
  await expect(page.getByTestId('shelter-BZ017')).toBeVisible();
  await page.getByTestId('shelter-BZ017').click();
  const drawer = page.getByTestId('shelter-drawer');
  await expect(drawer).toContainText('海门街道横河社区避灾安置点');
  await expect(drawer.getByTestId('sh-check-facilities')).toHaveText('未通过');
  await expect(drawer.getByTestId('shelter-checklist')).toContainText('缺少：淋浴间');
  await expect(drawer.getByTestId('sh-state')).toHaveText('未达标');
  await settle(page);
  await screenshot(page, 'equipment-shelter-drawer');

  // The inspection: showers are there now; inspector required.
  await drawer.getByTestId('sh-inspect').click();
  await page.getByTestId('inspect-inspector').fill('');
  await page.getByTestId('submit-inspect').click();
  await expect(page.getByTestId('form-inspect').locator('.ant-form-item-explain-error').filter({ hasText: '必填' })).toBeVisible();
  await page.getByTestId('inspect-inspector').fill('周建平');
  await page.getByTestId('inspect-facilities-pass').click();
  await page.getByTestId('inspect-facility-showers').click();
  await settle(page);
  await screenshot(page, 'equipment-shelter-inspect');
  await page.getByTestId('submit-inspect').click();
  await expect(page.getByTestId('form-inspect')).toBeHidden();

  await expect(drawer.getByTestId('sh-check-facilities')).toHaveText('通过');
  await expect(drawer.getByTestId('sh-state')).toHaveText('达标');
  await expect(page.getByTestId('sh-kpi-count')).toHaveText('达标 132 / 在用 151 处');
  await expect(page.getByTestId('sh-kpi-need')).toHaveText('距目标还差 4 处');

  // Editing opens with the registry fields; a new phone number for the manager is saved and shown.
  await drawer.getByTestId('sh-edit').click();
  await expect(page.getByTestId('shelter-edit-name')).toHaveValue('海门街道横河社区避灾安置点');
  await page.getByTestId('shelter-edit-phone').fill('0576-88123456');
  await settle(page);
  await screenshot(page, 'equipment-shelter-edit');
  await page.getByTestId('submit-shelter-edit').click();
  await expect(page.getByTestId('form-shelter-edit')).toBeHidden();
  await expect(drawer.getByTestId('shelter-details')).toContainText('0576-88123456');
  await expect(drawer.getByTestId('sh-state')).toHaveText('达标');

  // Out of use needs a reason, and the shelter leaves the KPI's count of shelters in use.
  await drawer.getByTestId('sh-use').click();
  await page.getByTestId('shelter-use-actor').fill('周建平');
  await page.getByTestId('submit-shelter-use').click();
  await expect(page.getByTestId('form-problems')).toContainText('停用避灾场所必须说明原因');
  await page.getByTestId('shelter-use-reason').fill('屋面维修');
  await settle(page);
  await screenshot(page, 'equipment-shelter-use');
  await page.getByTestId('submit-shelter-use').click();
  await expect(page.getByTestId('sh-kpi-count')).toHaveText('达标 131 / 在用 150 处');
  await expect(drawer).toContainText('屋面维修');
});
