// The real command, as a user runs it (after `npm install` has built dist/): exit codes, JSON shapes, messages.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './fixture.js';

const run = promisify(execFile);
const bin = path.resolve('bin/relief-ledger.mjs');

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  try {
    const r = await run(process.execPath, [bin, ...args], { env: { ...process.env, RELIEF_LEDGER_TODAY: '2026-11-28', ...env } });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

let dir: string;
let demo: string;
beforeAll(async () => {
  dir = tempDir();
  demo = path.join(dir, 'demo.db');
  const r = await cli(['--db', demo, 'init', '--demo']);
  expect(r.code, r.stderr).toBe(0);
});

describe('relief-ledger on the demo data', () => {
  it('summarises the district as the plan describes it', async () => {
    const r = await cli(['--db', demo, 'summary', '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ shelters: 151, warehouses: 2, streets: 9 });
    expect(s.villages).toBeGreaterThan(150);
    expect(s.itemsOnHand).toBeGreaterThanOrEqual(100_000);
    expect(Object.keys(s.equipment)).toEqual(['satellite_phone', 'assault_boat', 'rubber_boat', 'pump', 'generator']);
    expect(s.batchesExpired).toBeGreaterThan(0);
    expect(s.batchesExpiring).toBeGreaterThan(0);
  });

  it("counts the plan's flood equipment, and shows coverage and the shelter KPI near but below target", async () => {
    const s = JSON.parse((await cli(['--db', demo, 'summary', '--json'])).stdout);
    expect(s.equipment).toEqual({ satellite_phone: 285, assault_boat: 10, rubber_boat: 20, pump: 253, generator: 217 });
    const cov = JSON.parse((await cli(['coverage', '--db', demo, '--json'])).stdout);
    expect(cov.rate).toBeGreaterThan(0.85);
    expect(cov.rate).toBeLessThan(1);
    const failing = cov.villages.filter((v: { covered: boolean }) => !v.covered);
    expect(failing.length).toBeGreaterThan(0);
    for (const v of failing) expect(v.reasons.join('')).toMatch(/缺少|在维修|资费已到期|试机逾期/);
    expect(cov.villages[0]).toEqual(expect.objectContaining({ street: expect.any(String), village: expect.any(String), covered: expect.any(Boolean), reasons: expect.any(Array) }));
    const one = JSON.parse((await cli(['coverage', '--street', 'DC', '--db', demo, '--json'])).stdout);
    expect(new Set(one.villages.map((v: { streetCode: string }) => v.streetCode))).toEqual(new Set(['DC']));

    const sh = JSON.parse((await cli(['shelters', '--db', demo, '--json'])).stdout);
    expect(sh.target).toBe(0.9);
    expect(sh.rate).toBeGreaterThan(0.85);
    expect(sh.rate).toBeLessThan(0.9);
    expect(sh.shelters).toHaveLength(151);
    const notMet = sh.shelters.filter((x: { standardised: boolean }) => !x.standardised);
    for (const x of notMet) expect(x.failing.length).toBeGreaterThan(0);
    expect(sh.shelters[0]).toEqual(expect.objectContaining({ name: expect.any(String), street: expect.any(String), level: expect.any(String), capacity: expect.any(Number) }));
  });

  it('accepts the global --db on either side of the subcommand, and from the environment', async () => {
    const after = await cli(['summary', '--json', '--db', demo]);
    const env = await cli(['summary', '--json'], { RELIEF_LEDGER_DB: demo });
    expect(JSON.parse(after.stdout).shelters).toBe(151);
    expect(JSON.parse(env.stdout).shelters).toBe(151);
  });

  it('lists stock with the promised fields, per location and per batch', async () => {
    const rows = JSON.parse((await cli(['stock', '--db', demo, '--location', 'WH01', '--json'])).stdout);
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      expect(r).toMatchObject({ locationCode: 'WH01', locationName: expect.any(String), itemCode: expect.any(String), itemName: expect.any(String), unit: expect.any(String) });
      expect(r.quantity).toBeGreaterThan(0);
    }
    const batches = JSON.parse((await cli(['stock', '--db', demo, '--item', 'WZ014', '--by-batch', '--json'])).stdout);
    expect(batches.every((r: { itemCode: string; batchNo: string }) => r.itemCode === 'WZ014' && r.batchNo.startsWith('WZ014-'))).toBe(true);
    expect(batches.some((r: { expiryStatus: string }) => r.expiryStatus === 'expired')).toBe(true);
    expect(batches[0]).toHaveProperty('expiryDate');
    const table = await cli(['stock', '--db', demo, '--location', 'WH01']);
    expect(table.stdout).toContain('瓶装饮用水');
  });

  it('builds the same demo on every machine for the same day', async () => {
    const other = path.join(dir, 'demo2.db');
    await cli(['--db', other, 'init', '--demo'], { TZ: 'Asia/Shanghai' });
    const a = (await cli(['stock', '--db', demo, '--by-batch', '--json'], { TZ: 'UTC' })).stdout;
    const b = (await cli(['stock', '--db', other, '--by-batch', '--json'], { TZ: 'Asia/Shanghai' })).stdout;
    expect(a).toBe(b);
  });

  it('checks integrity, and exits 1 naming the balance that disagrees with its journal', async () => {
    const ok = await cli(['check', '--db', demo]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('检查通过');
    const broken = path.join(dir, 'broken.db');
    fs.copyFileSync(demo, broken);
    for (const ext of ['-wal', '-shm']) if (fs.existsSync(demo + ext)) fs.copyFileSync(demo + ext, broken + ext);
    const raw = new Database(broken);
    raw.prepare(`update balance set qty_milli = qty_milli + 5000 where location_id = (select id from location where code = 'WH02') and item_id = (select id from item where code = 'WZ003')`).run();
    raw.close();
    const bad = await cli(['check', '--db', broken]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/余额不符.*WH02 \/ WZ003/);
    const json = JSON.parse((await cli(['check', '--db', broken, '--json'])).stdout);
    expect(json.ok).toBe(false);
    expect(json.mismatches[0]).toMatchObject({ locationCode: 'WH02', itemCode: 'WZ003' });
  });

  it('backs up online and restores after verifying, keeping the replaced database', async () => {
    const backup = path.join(dir, 'backup.db');
    const b = await cli(['backup', '--db', demo, '--out', backup]);
    expect(b.code, b.stderr).toBe(0);
    expect(fs.statSync(backup).size).toBeGreaterThan(100_000);
    expect((await cli(['backup', '--db', demo, '--out', backup])).code).toBe(1);

    const target = path.join(dir, 'target.db');
    await cli(['--db', target, 'init']);
    const r = await cli(['restore', backup, '--db', target, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const { keptAs } = JSON.parse(r.stdout);
    expect(fs.existsSync(keptAs)).toBe(true);
    expect(JSON.parse((await cli(['summary', '--db', target, '--json'])).stdout).shelters).toBe(151);

    const junk = path.join(dir, 'junk.db');
    fs.writeFileSync(junk, 'not a database at all '.repeat(200));
    const refused = await cli(['restore', junk, '--db', target]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^错误：备份文件 .* 校验失败.*\(Backup file .* failed verification/);
    expect(JSON.parse((await cli(['summary', '--db', target, '--json'])).stdout).shelters).toBe(151);
  });
});

describe('user errors', () => {
  it('answer with one line in Chinese and English and a non-zero exit, never a stack trace', async () => {
    const missing = await cli(['summary', '--db', path.join(dir, 'nope.db')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/^错误：找不到数据库文件 .*\(Database file .* not found; run init first\)/);
    expect(missing.stderr).not.toMatch(/\bat .*\.m?js:\d+/);

    const usage = await cli(['stock', '--bogus']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^错误：命令用法有误/);

    const demoTwice = await cli(['--db', demo, 'init', '--demo']);
    expect(demoTwice.code).toBe(1);
    expect(demoTwice.stderr).toContain('演示数据');
  });
});
