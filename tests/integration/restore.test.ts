// Restore, check and start-up as a clumsy office meets them, through the real CLI and web host: nothing that is not
// a ledger replaces one, a running program's ledger is never swapped under it, check never writes, and a ledger that
// went missing is never silently replaced by an empty one.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LEDGER_APPLICATION_ID } from '../../src/db/stamp.js';
import { cli, count, demoLedger, startHost } from './safety-fixture.js';
import { tempDir } from './fixture.js';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function backupOf(file: string, out: string): Promise<void> {
  const r = await cli(['backup', '--db', file, '--out', out]);
  expect(r.code, r.stderr).toBe(0);
}

const receipt = (n: number) => ({
  type: 'purchase',
  date: '2026-11-28',
  locationCode: 'WH01',
  handler: '张建国',
  lines: [{ itemCode: 'WZ003', quantity: n }],
});

describe('restore refuses anything that is not a ledger, and replaces nothing then', () => {
  it('a 0-byte file: exit 1, the ledger untouched', async () => {
    const { dir, file } = await demoLedger();
    const before = sha(file);
    const empty = path.join(dir, 'empty.db');
    fs.writeFileSync(empty, '');
    const r = await cli(['restore', empty, '--db', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^错误：备份文件 .*empty\.db 校验失败：文件为空（0 字节）；数据库没有改动 \(Backup file .* failed verification: the file is empty/);
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(dir).filter((n) => n.includes('replaced'))).toEqual([]);
  });

  it("another program's SQLite file (tables of its own, or its own application id): exit 1, the ledger untouched", async () => {
    const { dir, file } = await demoLedger();
    const movements = count(file);
    const foreign = path.join(dir, 'contacts.db');
    const f = new Database(foreign);
    f.exec(`create table contact (name text, phone text); insert into contact values ('王建华', '13800138000')`);
    f.close();
    const stamped = path.join(dir, 'other-app.db');
    const o = new Database(stamped);
    o.pragma('application_id = 1234');
    o.exec('create table area (x)');
    o.close();
    for (const [candidate, why] of [
      [foreign, /缺少台账的数据表/],
      [stamped, /属于其他程序（application_id 1234）/],
    ] as const) {
      const r = await cli(['restore', candidate, '--db', file]);
      expect(r.code, r.stdout).toBe(1);
      expect(r.stderr).toMatch(why);
      expect(count(file)).toBe(movements);
    }
    // The foreign files themselves are left as they were: no ledger tables were added to them.
    const back = new Database(foreign, { readonly: true });
    expect((back.prepare(`select name from sqlite_master where type = 'table'`).all() as { name: string }[]).map((t) => t.name)).toEqual(['contact']);
    back.close();
  });

  it('a backup cut short by a kill: refused', async () => {
    const { dir, file } = await demoLedger();
    const full = path.join(dir, 'full.db');
    await backupOf(file, full);
    const cut = path.join(dir, 'cut.db');
    fs.writeFileSync(cut, fs.readFileSync(full).subarray(0, Math.floor(fs.statSync(full).size / 2)));
    const r = await cli(['restore', cut, '--db', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/校验失败/);
  });

  it('a real backup restores exactly, stamped, and the replaced ledger is kept beside it', async () => {
    const { dir, file } = await demoLedger();
    const backup = path.join(dir, 'before.db');
    await backupOf(file, backup);
    const original = count(file);
    const host = await startHost(file);
    expect((await host.call('movements.post', receipt(7))).ok).toBe(true);
    await host.stop();
    expect(count(file)).toBe(original + 1);
    const r = await cli(['restore', backup, '--db', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { keptAs: string; backupBefore: string | null };
    expect(count(file)).toBe(original);
    expect(count(out.keptAs)).toBe(original + 1);
    // The state just before the restore is also a verified backup in the backup folder.
    expect(out.backupBefore).toMatch(/backups\/ledger-\d{8}-\d{6}-restore\.db$/);
    expect(count(out.backupBefore!)).toBe(original + 1);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(LEDGER_APPLICATION_ID);
    db.close();
    expect((await cli(['check', '--db', file])).code).toBe(0);
  });

  it('a ledger from before the stamp (application id 0, its tables) is accepted and stamped by the restore', async () => {
    const { dir, file } = await demoLedger();
    const legacy = path.join(dir, 'legacy.db');
    await backupOf(file, legacy);
    const l = new Database(legacy);
    l.pragma('application_id = 0');
    l.prepare(`delete from kysely_migration where name = '0007_ledger_stamp'`).run();
    l.close();
    const r = await cli(['restore', legacy, '--db', file]);
    expect(r.code, r.stderr).toBe(0);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(LEDGER_APPLICATION_ID);
    db.close();
  });
});

describe('restore never swaps the ledger under a running program', () => {
  it('refuses while the web host holds the ledger; every write the host acknowledged is still there after', async () => {
    const { dir, file } = await demoLedger();
    const backup = path.join(dir, 'old.db');
    await backupOf(file, backup);
    const original = count(file);
    const host = await startHost(file);
    try {
      expect((await host.call('movements.post', receipt(1))).ok).toBe(true);
      const r = await cli(['restore', backup, '--db', file]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/正被其他程序使用（网页版，进程 \d+）.*数据库没有改动/);
      expect(r.stderr).toMatch(/in use by another program \(the web host, process \d+\)/);
      for (const n of [2, 3]) expect((await host.call('movements.post', receipt(n))).ok).toBe(true);
    } finally {
      await host.stop();
    }
    expect(count(file)).toBe(original + 3);
    expect(fs.readdirSync(dir).filter((n) => n.includes('replaced'))).toEqual([]);
  });

  it('a killed host does not block a restore for ever (its entry is dead)', async () => {
    const { dir, file } = await demoLedger();
    const backup = path.join(dir, 'old.db');
    await backupOf(file, backup);
    const host = await startHost(file);
    await host.stop('SIGKILL');
    const r = await cli(['restore', backup, '--db', file]);
    expect(r.code, r.stderr).toBe(0);
  });

  it('the running host restores a listed backup itself: operations queued meanwhile land in the restored ledger', async () => {
    const { file } = await demoLedger();
    const host = await startHost(file);
    try {
      const made = await host.call<{ file: string }>('backups.now');
      expect(made.ok, JSON.stringify(made)).toBe(true);
      const base = count(file);
      expect((await host.call('movements.post', receipt(5))).ok).toBe(true);
      // The restore and three receipts sent at once: the queue runs them in order, none slips in between.
      const [restored, ...writes] = await Promise.all([
        host.call<{ restored: string; keptAs: string }>('backups.restore', { file: made.result!.file }),
        host.call('movements.post', receipt(1)),
        host.call('movements.post', receipt(2)),
        host.call('movements.post', receipt(3)),
      ]);
      expect(restored.ok, JSON.stringify(restored)).toBe(true);
      for (const w of writes) expect(w.ok, JSON.stringify(w)).toBe(true);
      expect(restored.result!.keptAs).toMatch(/^ledger\.db\.replaced-/);
      await host.stop();
      expect(count(file)).toBe(base + 3);
      expect(count(path.join(path.dirname(file), restored.result!.keptAs))).toBe(base + 1);
    } finally {
      await host.stop();
    }
  });

  it('refuses a path instead of a listed backup name', async () => {
    const { file } = await demoLedger();
    const host = await startHost(file);
    try {
      const r = await host.call('backups.restore', { file: '../../etc/passwd.db' });
      expect(r.ok).toBe(false);
      expect(r.error!.code).toBe('error.invalidInput');
      const other = await host.call('backups.restore', { file: 'ledger-20260101-000000-manual.db' });
      expect(other.error!.code).toBe('backup.notFound');
    } finally {
      await host.stop();
    }
  });
});

describe('check opens read-only and never writes', () => {
  it('on a foreign SQLite file says it is not a ledger and leaves the file byte for byte as it was', async () => {
    const dir = tempDir();
    const foreign = path.join(dir, 'notes.db');
    const f = new Database(foreign);
    f.exec(`create table note (text text); insert into note values ('hello')`);
    f.close();
    const before = sha(foreign);
    const r = await cli(['check', '--db', foreign]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^错误：.*notes\.db 不是应急物资台账数据库：缺少台账的数据表/);
    expect(sha(foreign)).toBe(before);
    // …and so it does not become restorable either.
    const { file } = await demoLedger();
    expect((await cli(['restore', foreign, '--db', file])).code).toBe(1);
  });

  it('on a 0-byte file (a killed backup) says so, and the file stays empty', async () => {
    const dir = tempDir();
    const empty = path.join(dir, 'killed.db');
    fs.writeFileSync(empty, '');
    const r = await cli(['check', '--db', empty]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/文件为空（0 字节）/);
    expect(fs.statSync(empty).size).toBe(0);
  });

  it('passes on a ledger without changing its file', async () => {
    const { file } = await demoLedger();
    const before = sha(file);
    expect((await cli(['check', '--db', file])).code).toBe(0);
    expect(sha(file)).toBe(before);
  });
});

describe('start-up never creates a ledger where one was expected', () => {
  it('the web host refuses a missing ledger that had backups, naming the newest, and creates nothing', async () => {
    const { dir, file } = await demoLedger();
    await backupOf(file, path.join(dir, 'backups', 'ledger-20261128-100000-manual.db'));
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    const started = await startHost(file).then(
      (h) => h.stop().then(() => 'started'),
      (e: Error) => e.message,
    );
    expect(started).toMatch(/找不到数据库 .*ledger\.db，但这里曾有台账（备份文件夹中有它的 1 个备份.*relief-ledger restore ".*backups\/ledger-20261128-100000-manual\.db"/);
    expect(fs.existsSync(file)).toBe(false);
    // A command says the same instead of "run init".
    const r = await cli(['summary', '--db', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/这里曾有台账/);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('a first start (nothing was ever there) creates the ledger; init always may', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'new.db');
    const host = await startHost(file);
    await host.stop();
    expect(fs.existsSync(file)).toBe(true);
    fs.rmSync(file);
    expect((await cli(['init', '--db', file])).code).toBe(0);
    expect(fs.existsSync(file)).toBe(true);
  });
});
