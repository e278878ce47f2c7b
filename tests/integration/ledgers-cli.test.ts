// `relief-ledger import | export | template` as a user runs them (the built CLI): exit codes 0/1/2, the JSON report,
// nothing written on errors, and the same days whether the machine runs on UTC or Asia/Shanghai.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './fixture.js';
import { zipParts } from './zip-parts.js';

const run = promisify(execFile);
const bin = path.resolve('bin/relief-ledger.mjs');
const fixtures = path.resolve('tests/fixtures/ledgers');

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  try {
    const r = await run(process.execPath, [bin, ...args], { env: { ...process.env, RELIEF_LEDGER_TODAY: '2026-11-28', ...env }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

let dir: string;
let demo: string;
const out = (name: string) => path.join(dir, name);

/** A ledger with the demo's places and catalogue but no stock, for importing stock into. */
async function places(name: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const db = out(name);
  expect((await cli(['init', '--db', db], env)).code).toBe(0);
  for (const kind of ['areas', 'locations', 'items']) {
    const r = await cli(['import', kind, out(`${kind}.xlsx`), '--db', db], env);
    expect(r.code, r.stderr).toBe(0);
  }
  return db;
}

/** The small ledger of the fixtures (一号库 WH01, 二号库 WH02; 棉被, 瓶装饮用水, 大米), built by importing CSV. */
async function small(name: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const db = out(name);
  expect((await cli(['init', '--db', db], env)).code).toBe(0);
  const csv: Record<string, string> = {
    areas: '区域编码,区域名称,级别,上级区域编码\nJJ,椒江区,区,\nHM,海门街道,街道,JJ\n',
    locations: '地点编码,地点名称,地点类型,所属区域\nWH01,一号库,区级仓库,海门街道\nWH02,二号库,区级仓库,HM\n',
    items: '物资编码,物资名称,单位,物资类别,保质期(天),单价(元)\nQUILT,棉被,条,被服,,115\nWATER,瓶装饮用水,箱,饮用水,540天,28.5\nRICE,大米,kg,食品,365,\n',
  };
  for (const [kind, text] of Object.entries(csv)) {
    fs.writeFileSync(out(`${name}-${kind}.csv`), text);
    const r = await cli(['import', kind, out(`${name}-${kind}.csv`), '--db', db], env);
    expect(r.code, r.stderr).toBe(0);
  }
  return db;
}

beforeAll(async () => {
  dir = tempDir();
  demo = out('demo.db');
  expect((await cli(['--db', demo, 'init', '--demo'])).code).toBe(0);
  for (const kind of ['areas', 'locations', 'items', 'stock', 'movements']) {
    const r = await cli(['export', kind, '--out', out(`${kind}.xlsx`), '--db', demo]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('已写出');
  }
}, 180_000);

describe('export and import back', () => {
  it('imports the demo district\'s own exports into an empty ledger: the same stock, batch by batch', async () => {
    const db = await places('copy.db');
    const r = await cli(['import', 'movements', out('movements.xlsx'), '--db', db, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ ok: true, committed: true, errors: [] });
    expect(report.rows.imported).toBe(report.rows.read);
    const a = await cli(['stock', '--by-batch', '--json', '--db', demo]);
    const b = await cli(['stock', '--by-batch', '--json', '--db', db]);
    expect(b.stdout).toBe(a.stdout);
    expect((await cli(['check', '--db', db])).code).toBe(0);
  }, 120_000);

  it('refuses to overwrite a file unless --force, and writes a template', async () => {
    const again = await cli(['export', 'items', '--out', out('items.xlsx'), '--db', demo]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^错误：文件 .* 已存在/);
    expect((await cli(['export', 'items', '--out', out('items.xlsx'), '--db', demo, '--force'])).code).toBe(0);
    const t = await cli(['template', 'stock', '--out', out('t.xlsx'), '--db', demo]);
    expect(t.code).toBe(0);
    const r = await cli(['import', 'stock', out('t.xlsx'), '--db', demo, '--dry-run', '--json']);
    expect(JSON.parse(r.stdout).rows).toEqual({ read: 1, imported: 0, skipped: 1 });
  });
});

describe('exit codes', () => {
  it('1 on validation errors, with every error in the JSON report and nothing written', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('明细');
    ws.addRow(['日期', '类型', '存放地点', '物资编码', '数量', '经办人']);
    ws.addRow(['2026-05-01', '采购入库', 'WH01', 'WZ001', 10, '张建国']);
    ws.addRow(['2026-05-01', '采购入库', '不存在的库', 'WZ001', -1, '张建国']);
    await wb.xlsx.writeFile(out('bad.xlsx'));
    const before = (await cli(['stock', '--json', '--db', demo])).stdout;
    const r = await cli(['import', 'movements', out('bad.xlsx'), '--db', demo, '--json', '--error-workbook', out('bad-marked.xlsx')]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.rows).toEqual({ read: 2, imported: 0, skipped: 0 });
    expect(report.errors).toHaveLength(2);
    for (const e of report.errors) expect(Object.keys(e).sort()).toEqual(['column', 'header', 'message', 'row', 'sheet', 'value']);
    expect(report.errors[0]).toMatchObject({ sheet: '明细', row: 3, column: 'C', header: '存放地点', value: '不存在的库' });
    expect(report.errorWorkbook).toBeUndefined();
    expect(fs.existsSync(out('bad-marked.xlsx'))).toBe(true);
    expect((await cli(['stock', '--json', '--db', demo])).stdout).toBe(before);
    const text = await cli(['import', 'movements', out('bad.xlsx'), '--db', demo]);
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/明细 第 3 行 C 列（存放地点） “不存在的库”：找不到存放地点/);
    expect(text.stderr).toMatch(/错误：发现 2 个错误，未导入任何数据/);
  });

  it('2 on a file it cannot read, in one line, never a stack trace', async () => {
    fs.writeFileSync(out('empty.csv'), '');
    fs.writeFileSync(out('letter.docx'), zipParts({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }));
    fs.writeFileSync(out('cut.xls'), fs.readFileSync(path.join(fixtures, 'lo-legacy.xls')).subarray(0, 5000));
    for (const [file, pattern] of [
      [out('empty.csv'), /文件 empty\.csv 是空的/],
      [out('letter.docx'), /不是能读取的表格文件/],
      [out('cut.xls'), /cut\.xls 已损坏或不完整/],
      [out('nope.xlsx'), /找不到文件/],
    ] as const) {
      const r = await cli(['import', 'stock', file, '--db', demo]);
      expect(r.code, file).toBe(2);
      expect(r.stderr.trim().split('\n'), file).toHaveLength(1);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr).not.toMatch(/\bat .*\.m?js:\d+/);
    }
    fs.writeFileSync(out('cut.xlsx'), fs.readFileSync(out('items.xlsx')).subarray(0, 3000));
    expect((await cli(['import', 'items', out('cut.xlsx'), '--db', demo])).code).toBe(2);
    expect((await cli(['import', 'bogus', out('items.xlsx'), '--db', demo])).code).toBe(2);
  }, 120_000);

  it('1 when the same file is imported twice without --force; a dry run says so and writes nothing', async () => {
    const db = await small('twice.db');
    const file = path.join(fixtures, 'lo-stock.xlsx');
    expect((await cli(['import', 'stock', file, '--db', db, '--create-missing'])).code).toBe(0);
    const again = await cli(['import', 'stock', file, '--db', db, '--create-missing']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/已于 .* 导入过.*--force/);
    const dry = JSON.parse((await cli(['import', 'stock', file, '--db', db, '--dry-run', '--json'])).stdout);
    expect(dry.alreadyImported.fileName).toBe('lo-stock.xlsx');
  }, 120_000);
});

describe('time zones', () => {
  it('the same days from the same workbook on a machine in UTC and one in Asia/Shanghai, both ways', async () => {
    const results: string[] = [];
    for (const TZ of ['UTC', 'Asia/Shanghai']) {
      const db = await small(`tz-${TZ.replace('/', '-')}.db`, { TZ });
      const r = await cli(['import', 'stock', path.join(fixtures, 'lo-stock.xlsx'), '--db', db, '--create-missing'], { TZ });
      expect(r.code, r.stderr).toBe(0);
      const stock = (await cli(['stock', '--by-batch', '--json', '--db', db], { TZ })).stdout;
      expect(stock).toContain('"expiryDate": "2026-10-23"');
      expect(stock).toContain('"productionDate": "2024-03-01"');
      results.push(stock);
      const file = out(`tz-${TZ.replace('/', '-')}.xlsx`);
      expect((await cli(['export', 'stock', '--out', file, '--db', db], { TZ })).code).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const dates = (wb.worksheets[0]!.getColumn(10).values as unknown[]).filter((v) => v instanceof Date) as Date[];
      results.push(dates.map((d) => d.toISOString()).join(','));
    }
    expect(results[2]).toBe(results[0]);
    expect(results[3]).toBe(results[1]);
    expect(results[1]).toContain('2026-10-23T00:00:00.000Z');
  }, 180_000);
});
