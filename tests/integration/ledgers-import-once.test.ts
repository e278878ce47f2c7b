// One import, once: the already-imported check runs inside the write transaction under a unique key on
// (kind, file hash), so six CLI processes importing the same workbook at once post it exactly once; a file with a
// header and no data is refused and not recorded; old ledgers with repeated log rows migrate.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLedger } from '../../src/db/open.js';
import { tempDir } from './fixture.js';

const run = promisify(execFile);
const cliScript = path.resolve('dist/cli.mjs');

async function cli(args: string[]) {
  try {
    const r = await run(process.execPath, [cliScript, ...args], { env: { ...process.env, RELIEF_LEDGER_TODAY: '2026-11-28' } });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

let dir: string;
const out = (name: string) => path.join(dir, name);

/** A ledger with one warehouse and one item, made through the CLI from CSV. */
async function ledger(name: string): Promise<string> {
  const db = out(name);
  expect((await cli(['init', '--db', db])).code).toBe(0);
  fs.writeFileSync(out(`${name}-areas.csv`), '区域编码,区域名称,级别\nJJ,椒江区,区\n');
  fs.writeFileSync(out(`${name}-locations.csv`), '地点编码,地点名称,地点类型\nWH01,一号库,区级仓库\n');
  fs.writeFileSync(out(`${name}-items.csv`), '物资编码,物资名称,单位\nQUILT,棉被,条\n');
  for (const kind of ['areas', 'locations', 'items']) {
    const r = await cli(['import', kind, out(`${name}-${kind}.csv`), '--db', db]);
    expect(r.code, r.stderr).toBe(0);
  }
  return db;
}

const sqlite = (db: string) => new Database(db, { readonly: true });
const logRows = (db: string) => {
  const s = sqlite(db);
  try {
    return s.prepare('select kind, file_name from import_log').all() as { kind: string; file_name: string }[];
  } finally {
    s.close();
  }
};
const stockOf = (db: string) => {
  const s = sqlite(db);
  try {
    return (s.prepare('select coalesce(sum(qty_milli), 0) q, count(*) n from movement').get() as { q: number; n: number });
  } finally {
    s.close();
  }
};

beforeAll(async () => {
  dir = tempDir('relief-once-');
  expect(fs.existsSync(cliScript), 'the CLI is built (npm run build)').toBe(true);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('一号库');
  ws.addRow(['物资编码', '物资名称', '单位', '数量', '批次号']);
  for (let i = 0; i < 50; i++) ws.addRow(['QUILT', '棉被', '条', 10, `B${i}`]);
  await wb.xlsx.writeFile(out('stock.xlsx'));
  const empty = new ExcelJS.Workbook();
  const e = empty.addWorksheet('一号库');
  e.addRow(['物资编码', '物资名称', '单位', '数量']);
  await empty.xlsx.writeFile(out('header-only.xlsx'));
}, 120_000);

describe('one import, once', () => {
  it('six processes importing the same workbook at once post it exactly once', async () => {
    const db = await ledger('race.db');
    const results = await Promise.all(Array.from({ length: 6 }, () => cli(['import', 'stock', out('stock.xlsx'), '--db', db])));
    const codes = results.map((r) => r.code).sort();
    expect(codes, results.map((r) => r.stderr).join('\n')).toEqual([0, 1, 1, 1, 1, 1]);
    for (const r of results.filter((x) => x.code === 1)) expect(r.stderr).toMatch(/同样内容的文件已于 .* 导入过.*--force/);
    expect(stockOf(db)).toEqual({ q: 50 * 10 * 1000, n: 50 });
    expect(logRows(db).filter((r) => r.kind === 'stock')).toEqual([{ kind: 'stock', file_name: 'stock.xlsx' }]);
    // Forced in again: posted a second time, still one log row for that content.
    expect((await cli(['import', 'stock', out('stock.xlsx'), '--force', '--db', db])).code).toBe(0);
    expect(stockOf(db).n).toBe(100);
    expect(logRows(db).filter((r) => r.kind === 'stock')).toHaveLength(1);
  }, 180_000);

  it('a header-only file is refused (no data rows) and not recorded as imported', async () => {
    const db = await ledger('empty.db');
    for (let i = 0; i < 2; i++) {
      const r = await cli(['import', 'stock', out('header-only.xlsx'), '--db', db]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/一号库：header-only\.xlsx 没有数据行.*\(.*no data rows/);
      expect(r.stderr).not.toMatch(/导入过/);
    }
    expect(logRows(db).filter((r) => r.kind === 'stock')).toEqual([]);
    const json = JSON.parse((await cli(['import', 'stock', out('header-only.xlsx'), '--json', '--db', db])).stdout);
    expect(json).toMatchObject({ ok: false, committed: false, rows: { read: 0, imported: 0, skipped: 0 } });
  }, 120_000);

  it('an old ledger with the same file logged twice (forced) migrates to the unique key, keeping the latest', async () => {
    const file = out('old.db');
    (await openLedger(file, { create: true })).close();
    // Back to the ledger as 0005 left it: the plain index, no 0006, a file forced in twice.
    const raw = new Database(file);
    raw.exec(`drop index import_log_once; create index import_log_sha on import_log (sha256, kind);
      delete from kysely_migration where name = '0006_import_once';
      insert into import_log (sha256, kind, file_name, rows, imported_at) values
        ('abc', 'stock', 'first.xlsx', 3, '2026-01-01T00:00:00Z'),
        ('abc', 'stock', 'again.xlsx', 3, '2026-02-01T00:00:00Z'),
        ('abc', 'items', 'items.xlsx', 2, '2026-01-01T00:00:00Z');`);
    raw.close();
    const db = await openLedger(file);
    try {
      expect(db.sqlite.prepare('select kind, file_name from import_log order by kind').all()).toEqual([
        { kind: 'items', file_name: 'items.xlsx' },
        { kind: 'stock', file_name: 'again.xlsx' },
      ]);
      expect(() => db.sqlite.prepare(`insert into import_log (sha256, kind, file_name, rows, imported_at) values ('abc', 'stock', 'x', 1, 'now')`).run()).toThrow(/UNIQUE/);
    } finally {
      db.close();
    }
  });
});
