// Automatic verified backups, as nobody has to think of them: after changes while the host runs, before an import,
// a stocktake posting or a restore, on exit; into the folder beside the ledger and a second one; a failure shown
// until a backup succeeds, never in the way of work; retention that never loses the newest verified backup.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { invoke } from '../../src/api/dispatch.js';
import { type BackupFile, backupName, parseBackupName } from '../../src/backups/folder.js';
import { backupsToRemove } from '../../src/backups/retention.js';
import { LedgerSession } from '../../src/backups/session.js';
import { verifyLedgerFile } from '../../src/db/backup.js';
import { cli, count, damage, demoLedger, sleep, startHost } from './safety-fixture.js';
import { tempDir } from './fixture.js';

const sessions: LedgerSession[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) s.closeNow();
});

async function open(file: string, schedule = false): Promise<LedgerSession> {
  const s = await LedgerSession.open(file, { door: 'host', create: 'never', schedule, quickCheck: true });
  sessions.push(s);
  return s;
}

const backupsDir = (file: string) => path.join(path.dirname(file), 'backups');
const backupFiles = (file: string) => (fs.existsSync(backupsDir(file)) ? fs.readdirSync(backupsDir(file)).filter((n) => n.endsWith('.db')).sort() : []);

function movementsCsv(dir: string, rows: number, quantity = 5): string {
  const file = path.join(dir, `receipts-${rows}-${quantity}.csv`);
  const lines = ['日期,类型,地点编码,物资编码,数量,经办人'];
  for (let i = 0; i < rows; i++) lines.push(`2026-11-20,采购入库,WH01,WZ003,${quantity},张建国`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const importInput = (csv: string, dryRun = false) => ({
  kind: 'movements' as const,
  fileName: path.basename(csv),
  data: fs.readFileSync(csv).toString('base64'),
  dryRun,
});

describe('backups before the operations that may need undoing', () => {
  it('an import gets a verified backup of the state before it; a dry run gets none; no change since, no second one', async () => {
    const { dir, file } = await demoLedger();
    const s = await open(file);
    const before = count(file);
    await invoke(s.ctx, 'ledgers.import', importInput(movementsCsv(dir, 3), true));
    expect(backupFiles(file)).toEqual([]);
    const r = await invoke(s.ctx, 'ledgers.import', importInput(movementsCsv(dir, 3)));
    expect(r.ok).toBe(true);
    const [first] = backupFiles(file);
    expect(first).toMatch(/^ledger-\d{8}-\d{6}-import\.db$/);
    const backup = path.join(backupsDir(file), first!);
    expect(count(backup)).toBe(before);
    expect(verifyLedgerFile(backup, 'integrity_check')).toBeNull();
    // A stocktake posting is the next risky step; the import changed the ledger, so it is backed up again.
    const st = await invoke(s.ctx, 'stocktake.start', { locationCodes: ['WH01'], date: '2026-11-28' });
    await invoke(s.ctx, 'stocktake.zeroUncounted', { id: st.id, countedBy: '王建华', date: '2026-11-28', reason: '未见' });
    await invoke(s.ctx, 'stocktake.submit', { id: st.id });
    const posting = await invoke(s.ctx, 'stocktake.post', { id: st.id, counter: '王建华', supervisor: '郑卫东', date: '2026-11-28' });
    expect(posting.status).toBe('posted');
    const names = backupFiles(file);
    expect(names.filter((n) => n.endsWith('-stocktake.db'))).toHaveLength(1);
    expect(count(path.join(backupsDir(file), names.find((n) => n.endsWith('-stocktake.db'))!))).toBe(before + 3);
  });

  it('through the CLI too: `import` backs up first, and `backups --json` lists { file, time, bytes, verified }', async () => {
    const { dir, file } = await demoLedger();
    const r = await cli(['import', 'movements', movementsCsv(dir, 2), '--db', file]);
    expect(r.code, r.stderr).toBe(0);
    const list = JSON.parse((await cli(['backups', '--db', file, '--json'])).stdout) as { file: string; time: string; bytes: number; verified: boolean }[];
    expect(list).toHaveLength(1);
    expect(list[0]).toEqual({ file: expect.stringMatching(/backups\/ledger-\d{8}-\d{6}-import\.db$/), time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/), bytes: fs.statSync(list[0]!.file).size, verified: true });
    const table = await cli(['backups', '--db', file]);
    expect(table.stdout).toContain('✓');
  });
});

describe('while the web host runs', () => {
  it('backs up after a change within the interval, not again while nothing changes, and on exit', async () => {
    const { file } = await demoLedger();
    const host = await startHost(file, { RELIEF_LEDGER_BACKUP_INTERVAL_S: '1' });
    try {
      expect(backupFiles(file)).toEqual([]);
      expect((await host.call('movements.post', { type: 'purchase', date: '2026-11-28', locationCode: 'WH01', handler: '张建国', lines: [{ itemCode: 'WZ003', quantity: 4 }] })).ok).toBe(true);
      for (let i = 0; i < 50 && backupFiles(file).length === 0; i++) await sleep(100);
      const first = backupFiles(file);
      expect(first).toHaveLength(1);
      expect(first[0]).toMatch(/-interval\.db$/);
      await sleep(2500);
      expect(backupFiles(file)).toEqual(first);
      const status = await host.call<{ lastSuccess: { file: string }; failing: boolean }>('backups.status');
      expect(status.result).toMatchObject({ lastSuccess: { file: first[0] }, failing: false, writeBlocked: null });
      expect((await host.call('movements.post', { type: 'purchase', date: '2026-11-28', locationCode: 'WH01', handler: '张建国', lines: [{ itemCode: 'WZ003', quantity: 5 }] })).ok).toBe(true);
    } finally {
      // Stopped at once after the second receipt: the backup on exit takes it along.
      await host.stop();
    }
    const all = backupFiles(file);
    const newest = all.map((n) => path.join(backupsDir(file), n)).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0]!;
    expect(count(newest)).toBe(count(file));
  });
});

describe('a failing backup', () => {
  it('shows in the status until one succeeds, and never stops the work', async () => {
    const { dir, file } = await demoLedger();
    // Something else sits where the backup folder should be (as a full or unplugged disk would refuse it).
    fs.writeFileSync(backupsDir(file), 'not a folder');
    const s = await open(file);
    const r = await invoke(s.ctx, 'ledgers.import', importInput(movementsCsv(dir, 2)));
    expect(r.ok).toBe(true);
    const failing = await invoke(s.ctx, 'backups.status', {});
    expect(failing.failing).toBe(true);
    expect(failing.failures[0]).toMatchObject({ folder: 'primary', zh: expect.stringMatching(/\S/), en: expect.stringMatching(/\S/) });
    expect(failing.failures[0]!.zh).toMatch(/^备份文件夹 .*backups 不能使用：该位置是一个文件，而不是文件夹/);
    fs.rmSync(backupsDir(file));
    const made = await invoke(s.ctx, 'backups.now', {});
    expect(made).toMatchObject({ verified: true, reason: 'manual', folder: 'primary' });
    expect((await invoke(s.ctx, 'backups.status', {})).failing).toBe(false);
  });

  it('a second folder gets a verified copy of every backup; when it is unavailable the primary still succeeds and the banner says so', async () => {
    const { file } = await demoLedger();
    const usb = tempDir('relief-usb-');
    expect((await cli(['backups', '--db', file, '--second-folder', usb])).code).toBe(0);
    const s = await open(file);
    const made = await invoke(s.ctx, 'backups.now', {});
    expect(fs.existsSync(path.join(usb, made.file))).toBe(true);
    expect(verifyLedgerFile(path.join(usb, made.file))).toBeNull();
    const list = await invoke(s.ctx, 'backups.list', {});
    expect(list.secondFolder).toBe(usb);
    expect(list.backups.map((b) => b.folder).sort()).toEqual(['primary', 'second']);
    // The disk is pulled out: its folder is gone, and is not made again somewhere else.
    fs.rmSync(usb, { recursive: true });
    await invoke(s.ctx, 'movements.post', { type: 'purchase', date: '2026-11-28', locationCode: 'WH01', handler: '张建国', lines: [{ itemCode: 'WZ003', quantity: 1 }] });
    const again = await invoke(s.ctx, 'backups.now', {});
    expect(fs.existsSync(path.join(backupsDir(file), again.file))).toBe(true);
    expect(fs.existsSync(usb)).toBe(false);
    const status = await invoke(s.ctx, 'backups.status', {});
    expect(status.failing).toBe(true);
    expect(status.failures).toEqual([expect.objectContaining({ folder: 'second', zh: expect.stringMatching(/^找不到第二备份位置 .*（U 盘没有插好/) })]);
    // Plugged in again: the next backup reaches it, and the banner goes.
    fs.mkdirSync(usb);
    await invoke(s.ctx, 'backups.now', {});
    expect((await invoke(s.ctx, 'backups.status', {})).failing).toBe(false);
  });

  it('a backup killed half-way leaves only a hidden temporary file, which the next backup clears', async () => {
    const { file } = await demoLedger();
    fs.mkdirSync(backupsDir(file));
    const leftover = path.join(backupsDir(file), '.ledger-20261128-100000-interval.db.999999.abc123.tmp');
    fs.writeFileSync(leftover, Buffer.alloc(4096, 1));
    const s = await open(file);
    await invoke(s.ctx, 'backups.now', {});
    expect(fs.existsSync(leftover)).toBe(false);
    expect(backupFiles(file)).toHaveLength(1);
  });
});

describe('a damaged ledger', () => {
  it('refuses backups and imports (a backup of it could not be restored), and says so in words', async () => {
    const { dir, file } = await demoLedger();
    expect((await cli(['backup', '--db', file])).code).toBe(0);
    const good = backupFiles(file);
    damage(file);
    const b = await cli(['backup', '--db', file, '--out', path.join(dir, 'x.db')]);
    expect(b.code).toBe(1);
    expect(b.stderr).toMatch(/已损坏.*不能备份/);
    expect(b.stderr).not.toMatch(/内部错误/);
    expect(fs.existsSync(path.join(dir, 'x.db'))).toBe(false);
    const before = fs.readFileSync(file);
    const i = await cli(['import', 'movements', movementsCsv(dir, 2), '--db', file]);
    expect(i.code).toBe(1);
    expect(i.stderr).toMatch(/已损坏/);
    expect(i.stderr).not.toMatch(/内部错误/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(backupFiles(file)).toEqual(good);
  });

  it('opens read-only in the web host, which names the newest verified backup and refuses writes in words', async () => {
    const { file } = await demoLedger();
    expect((await cli(['backup', '--db', file])).code).toBe(0);
    const [newest] = backupFiles(file);
    damage(file);
    const host = await startHost(file);
    try {
      // The warning comes on standard error, which may arrive just after the address on standard output.
      await expect.poll(() => host.stderr()).toMatch(/未通过完整性检查/);
      const status = await host.call<{ writeBlocked: { reason: string; zh: string; en: string }; newestVerified: string }>('backups.status');
      expect(status.result!.writeBlocked.reason).toBe('damaged');
      expect(status.result!.writeBlocked.zh).toContain(newest);
      expect(status.result!.newestVerified).toBe(newest);
      const write = await host.call('areas.create', { code: 'X1', name: '测试', level: 'district' });
      expect(write.ok).toBe(false);
      expect(write.error!.code).toBe('db.writeRefused');
      expect(write.error!.zh).toMatch(/^不能修改台账：台账 .* 未通过完整性检查.*请从最近一次经过校验的备份恢复/);
      const summary = await host.call('summary.get');
      expect(summary.error?.code ?? 'ok').not.toBe('error.internal');
    } finally {
      await host.stop();
    }
  });
});

describe('retention', () => {
  const now = new Date('2026-11-28T10:30:00+08:00');
  const at = (iso: string, reason: BackupFile['reason'] = 'interval', verified = true): BackupFile => {
    const time = new Date(iso);
    return { name: backupName('/x/ledger.db', time, reason), path: `/x/backups/${iso}`, time, bytes: 1, verified, reason };
  };

  it('keeps the newest of each of the last 24 hours, 30 days and 12 months, and everything of the last hour', () => {
    const files: BackupFile[] = [];
    // Every 15 minutes for 400 days.
    for (let t = now.getTime(); t > now.getTime() - 400 * 86_400_000; t -= 15 * 60_000) files.push(at(new Date(t).toISOString()));
    const removed = new Set(backupsToRemove(files, now));
    const kept = files.filter((f) => !removed.has(f));
    const hours = new Set(kept.filter((f) => now.getTime() - f.time.getTime() < 24 * 3_600_000).map((f) => f.time.toISOString().slice(0, 13)));
    expect(hours.size).toBe(24);
    const withinHour = files.filter((f) => now.getTime() - f.time.getTime() <= 3_600_000);
    for (const f of withinHour) expect(removed.has(f)).toBe(false);
    // 24 hourly + 30 daily + 12 monthly, overlapping at the newest end, plus the rest of the last hour.
    expect(kept.length).toBeLessThanOrEqual(24 + 30 + 12 + withinHour.length);
    expect(kept.length).toBeGreaterThanOrEqual(12 + 30);
    const months = new Set(kept.map((f) => new Date(f.time.getTime() + 8 * 3_600_000).toISOString().slice(0, 7)));
    expect(months.size).toBe(12);
  });

  it('never removes the newest verified backup, nor an unverified file, and keeps backups made on purpose for a day', () => {
    const old = at('2025-01-01T00:00:00Z');
    expect(backupsToRemove([old], now)).toEqual([]);
    const broken = at('2026-11-28T10:20:00+08:00', 'interval', false);
    expect(backupsToRemove([broken, old], now)).toEqual([]);
    const beforeImport = at('2026-11-27T18:05:00+08:00', 'import');
    const sameHour = at('2026-11-27T18:50:00+08:00');
    expect(backupsToRemove([sameHour, beforeImport], now)).toEqual([]);
    const twoDays = new Date('2026-11-30T10:30:00+08:00');
    expect(backupsToRemove([at('2026-11-30T10:00:00+08:00'), sameHour, beforeImport], twoDays)).toEqual([beforeImport]);
  });

  it('names carry Beijing time and the reason, and read back', () => {
    const t = new Date('2026-11-28T07:30:05Z');
    const name = backupName('/data/ledger.db', t, 'stocktake');
    expect(name).toBe('ledger-20261128-153005-stocktake.db');
    expect(parseBackupName('/data/ledger.db', name)).toEqual({ time: t, reason: 'stocktake' });
    expect(parseBackupName('/data/other.db', name)).toBeNull();
    expect(parseBackupName('/data/ledger.db', '../ledger-20261128-153005-stocktake.db')).toBeNull();
  });
});
