// 基础数据 → 备份与恢复 as an office would use it: a backup now, the list with time, size and ✓, a restore after its
// confirmation (the page reloads onto the restored ledger), and the banner of a failing backup until one succeeds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BackupList } from '../../src/api/contract.backups';
import { damage, startHost } from '../integration/safety-fixture';
import { api, expect, screenshot, test } from './fixtures';

const receipt = (quantity: number) => ({
  type: 'purchase',
  date: '2026-11-28',
  locationCode: 'WH01',
  handler: '张建国',
  lines: [{ itemCode: 'WZ003', quantity }],
});

async function movements(page: import('@playwright/test').Page): Promise<number> {
  return (await api<{ total: number }>(page, 'movements.list', { limit: 1 })).total;
}

test('the backup tab lists verified backups and restores one after a confirmation', async ({ page }) => {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('tab-backups').click();
  await expect(page.getByTestId('backups-tab')).toBeVisible();
  await page.getByTestId('backup-now').click();
  const table = page.getByTestId('backups-table');
  await expect(table.locator('.ant-table-row')).toHaveCount(1);
  await expect(table).toContainText('✓ 已校验');
  await expect(table).toContainText('手动');
  const before = await movements(page);
  // The backup to restore later: the one made before both receipts (two backups made within the same second are
  // not ordered by their names' time, so it is taken by name now rather than by its place in the list later).
  const [first] = (await api<BackupList>(page, 'backups.list', {})).backups;

  await api(page, 'movements.post', receipt(3));
  expect(await movements(page)).toBe(before + 1);
  await page.getByTestId('backup-now').click();
  await expect(table.locator('.ant-table-row')).toHaveCount(2);

  for (const [width, height] of [
    [1280, 720],
    [1366, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expect(table.locator('.ant-table-row').first()).toBeVisible();
    await expect(page.locator('.ant-message-notice')).toHaveCount(0);
    await screenshot(page, `e2e-backups-${width}x${height}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }

  // One more receipt, not in any backup yet; then the older backup (before both) is restored: confirmation, and the
  // page starts again on it.
  await api(page, 'movements.post', receipt(4));
  const older = first!;
  await page.getByTestId(`backup-restore-${older.file}`).click();
  await expect(page.locator('.ant-modal-confirm')).toContainText('恢复到');
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await screenshot(page, 'e2e-backups-confirm');
  await page.getByTestId('confirm-restore').click();
  await expect(page.getByText(`已恢复 ${older.file}`)).toBeVisible();
  await page.waitForLoadState('load');
  await expect(page.getByTestId('backups-tab')).toBeVisible();
  await expect.poll(() => movements(page)).toBe(before);
  // The restore made its own backup first: the state with the last receipt is not lost.
  const after = await api<BackupList>(page, 'backups.list', {});
  expect(after.backups.map((b) => b.reason).sort()).toEqual(['manual', 'manual', 'restore']);
});

test('a failing backup shows a banner over every screen until one succeeds, and work goes on', async ({ page, ledger }) => {
  const folder = path.join(path.dirname(ledger.dbFile), 'backups');
  fs.rmSync(folder, { recursive: true, force: true });
  // Something else where the backup folder belongs, as an unplugged or full disk would refuse it.
  fs.writeFileSync(folder, 'not a folder');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('tab-backups').click();
  await page.getByTestId('backup-now').click();
  const banner = page.getByTestId('banner-backup-failed');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('备份失败');
  await expect(banner).toContainText('该位置是一个文件，而不是文件夹');
  await page.getByTestId('nav-stock').click();
  await expect(banner).toBeVisible();
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await screenshot(page, 'e2e-backups-banner');
  // Work is not blocked.
  await api(page, 'movements.post', receipt(1));
  fs.rmSync(folder);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('tab-backups').click();
  await page.getByTestId('backup-now').click();
  await expect(banner).toHaveCount(0);
});

test('a damaged ledger opens read-only, with a banner naming the newest verified backup', async ({ page, ledger }) => {
  // A verified backup of the demo, then a damaged copy of it opened by a second web host.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relief-e2e-damaged-'));
  const damaged = path.join(dir, 'ledger.db');
  await api(page, 'backups.now', {});
  const [newest] = (await api<BackupList>(page, 'backups.list', {})).backups;
  fs.mkdirSync(path.join(dir, 'backups'));
  fs.copyFileSync(path.join(path.dirname(ledger.dbFile), 'backups', newest!.file), path.join(dir, 'backups', newest!.file));
  fs.copyFileSync(path.join(path.dirname(ledger.dbFile), 'backups', newest!.file), damaged);
  damage(damaged);
  const host = await startHost(damaged);
  try {
    await page.goto(host.openUrl);
    const banner = page.getByTestId('banner-read-only');
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('未通过完整性检查');
    await expect(banner).toContainText(newest!.file);
    await screenshot(page, 'e2e-backups-damaged');
    await page.getByTestId('banner-to-backups').click();
    await expect(page.getByTestId('backups-tab')).toBeVisible();
  } finally {
    await host.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
