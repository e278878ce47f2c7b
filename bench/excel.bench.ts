// Excel ledgers, 100,000 rows each way, against exceljs's own streaming floor measured in the same run:
// importing a movements workbook end to end (as .xlsx, and the same rows as a legacy .xls that LibreOffice wrote,
// two sheets since BIFF8 holds 65,536 rows a sheet) vs. reading the .xlsx with exceljs's WorkbookReader, and
// exporting the journal vs. writing the same cells with its WorkbookWriter. Each measurement runs in a child
// process, so its peak RSS and CPU time (all its threads) are its own. Medians of RUNS, floor and subjects
// alternating so that all see the same machine.
// The import part alone: RELIEF_BENCH_ONLY=import node --import tsx bench/excel.bench.ts
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { invoke } from '../src/api/dispatch.js';
import type { Db } from '../src/db/executor.js';
import { openLedger } from '../src/db/open.js';
import { exportLedger } from '../src/ledgers/export/index.js';
import { importLedger } from '../src/ledgers/import.js';
import { movementsKind } from '../src/ledgers/kinds/movements.js';
import { benchDir, median, report } from './util.js';

const N = 100_000;
const RUNS = 3;
const self = fileURLToPath(import.meta.url);

async function places(file: string): Promise<Db> {
  const db = await openLedger(file, { create: true });
  const ctx = { db };
  await invoke(ctx, 'areas.create', { code: 'JJ', name: '椒江区', level: 'district' });
  await invoke(ctx, 'areas.create', { code: 'HM', name: '海门街道', level: 'street', parentCode: 'JJ' });
  for (let l = 0; l < 20; l++) await invoke(ctx, 'locations.create', { code: `L${l}`, name: `地点${l}`, kind: 'street_store', areaCode: 'HM' });
  for (let i = 0; i < 50; i++) await invoke(ctx, 'items.create', { code: `I${i}`, name: `物资${i}`, unit: '件', category: 'other', unitPrice: 10 + i });
  return db;
}

/**
 * A 出入库明细 as a keeper's workbook holds it: title, 填报 row, header, 100,000 receipt lines in date order; in
 * `sheets` sheets of as many lines each (出入库明细, 出入库明细2 …), as a keeper splits a journal that an .xls cannot hold.
 */
async function movementsWorkbook(file: string, sheets = 1): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  const perSheet = Math.ceil(N / sheets);
  let ws: ExcelJS.Worksheet | undefined;
  let doc = 0;
  for (let i = 0; i < N; ) {
    const lines = 1 + (doc % 5);
    for (let j = 0; j < lines && i < N; j++, i++) {
      if (i % perSheet === 0) {
        ws?.commit();
        ws = book.addWorksheet(i === 0 ? '出入库明细' : `出入库明细${i / perSheet + 1}`);
        ws.addRow(['椒江区救灾物资出入库明细']).commit();
        ws.addRow(['填报单位：椒江区应急管理局', null, null, null, null, null, '日期：2026-11-28']).commit();
        ws.addRow(['序号', '单号', '日期', '类型', '地点编码', '物资编码', '物资名称', '单位', '批次号', '生产日期', '数量', '单价(元)', '来源/去向', '依据文号', '经办人', '审批人']).commit();
      }
      const item = (doc * 7 + j) % 50;
      ws!.addRow([
        i + 1,
        `RK-${String(doc).padStart(6, '0')}`,
        // In date order, as a journal is kept: about 45 documents a day over two years.
        new Date(Date.UTC(2025, 0, 1 + Math.floor(doc / 45))),
        '采购入库',
        `L${doc % 20}`,
        `I${item}`,
        `物资${item}`,
        '件',
        `B${(doc + j) % 10}`,
        new Date(Date.UTC(2026, 0, 1 + ((doc + j) % 10))),
        1 + ((doc + j) % 7),
        10 + item,
        '台州某供应商',
        `椒应急采〔2026〕${doc}号`,
        '张建国',
        '李明',
      ]).commit();
    }
    doc++;
  }
  ws!.commit();
  await book.commit();
}

/** The same rows as a legacy .xls, written by LibreOffice; null where LibreOffice is not installed. */
async function movementsXls(dir: string): Promise<string | null> {
  const source = path.join(dir, 'movements-100k-2.xlsx');
  await movementsWorkbook(source, 2);
  try {
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'xls:MS Excel 97', '--outdir', dir, source], { stdio: 'pipe', timeout: 600_000 });
  } catch {
    return null;
  }
  return path.join(dir, 'movements-100k-2.xls');
}

// ---------- what each child process measures ----------

async function readFloor(file: string): Promise<number> {
  const t0 = performance.now();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([fs.readFileSync(file)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let cells = 0;
  for await (const ws of reader) for await (const row of ws) cells += (row.values as unknown[]).length;
  if (cells < N) throw new Error('floor read too few cells');
  return performance.now() - t0;
}

async function importRun(file: string, dbFile: string): Promise<number> {
  const db = await openLedger(dbFile);
  const t0 = performance.now();
  const r = await importLedger(db, { kind: 'movements', fileName: path.basename(file), data: fs.readFileSync(file), errorWorkbook: false });
  const ms = performance.now() - t0;
  if (!r.ok || r.rows.imported !== N) throw new Error(`import failed: ${JSON.stringify(r.errors.slice(0, 3))}`);
  db.close();
  return ms;
}

/** The same cells the export writes, already in memory, written with no styles: the writer's own cost. */
async function writeFloor(dbFile: string, out: string): Promise<number> {
  const db = await openLedger(dbFile);
  const sheet = movementsKind.exportSheet(db, {});
  const rows: unknown[][] = [];
  let n = 0;
  for (const r of sheet.rows) {
    rows.push(
      sheet.columns.map((c) => {
        const v = c.value(r, n);
        return c.type === 'date' && typeof v === 'string' ? new Date(`${v}T00:00:00Z`) : (v ?? null);
      }),
    );
    n++;
  }
  db.close();
  const t0 = performance.now();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: fs.createWriteStream(out), useStyles: true, useSharedStrings: true });
  const ws = book.addWorksheet('出入库明细');
  ws.addRow(sheet.columns.map((c) => c.header)).commit();
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await book.commit();
  return performance.now() - t0;
}

async function exportRun(dbFile: string, out: string): Promise<number> {
  const db = await openLedger(dbFile);
  const t0 = performance.now();
  const stream = fs.createWriteStream(out);
  const done = new Promise<void>((resolve) => stream.on('close', () => resolve()));
  const r = await exportLedger(db, 'movements', {}, stream);
  await done;
  const ms = performance.now() - t0;
  if (r.rows !== N) throw new Error(`export wrote ${r.rows} rows`);
  db.close();
  return ms;
}

async function child(): Promise<void> {
  const [what, a, b] = JSON.parse(process.env.RELIEF_BENCH_CHILD!) as [string, string, string];
  const cpu0 = process.cpuUsage();
  const ms =
    what === 'readFloor' ? await readFloor(a) : what === 'import' ? await importRun(a, b) : what === 'writeFloor' ? await writeFloor(a, b) : await exportRun(a, b);
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(`${JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, rssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

const run = promisify(execFile);
interface Measured {
  ms: number;
  cpuMs: number;
  rssMb: number;
}

async function measure(what: string, ...args: string[]): Promise<Measured> {
  const r = await run(process.execPath, ['--import', 'tsx', self], {
    env: { ...process.env, RELIEF_BENCH_CHILD: JSON.stringify([what, ...args]) },
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Measured;
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);

/** Imports against the read floor, alternating; returns the last ledger imported into (the export reads it). */
async function benchImport(dir: string, template: string): Promise<string> {
  const file = path.join(dir, 'movements-100k.xlsx');
  await movementsWorkbook(file);
  const xls = await movementsXls(dir);
  console.log(`\nExcel: a ${N.toLocaleString()}-row 出入库明细 workbook, ${(fs.statSync(file).size / 1048576).toFixed(1)} MB; as .xls ${xls ? `${(fs.statSync(xls).size / 1048576).toFixed(1)} MB` : '(no LibreOffice here: skipped)'}`);
  const floors: Measured[] = [];
  const imports: Measured[] = [];
  const xlsImports: Measured[] = [];
  let imported = '';
  for (let r = 0; r < RUNS; r++) {
    floors.push(await measure('readFloor', file));
    imported = path.join(dir, `import-${r}.db`);
    fs.copyFileSync(template, imported);
    imports.push(await measure('import', file, imported));
    if (xls) {
      const db = path.join(dir, `import-xls-${r}.db`);
      fs.copyFileSync(template, db);
      xlsImports.push(await measure('import', xls, db));
    }
  }
  const floor = median(floors.map((x) => x.ms));
  const floorCpu = median(floors.map((x) => x.cpuMs));
  const runs = (xs: Measured[]) => xs.map((x) => `${seconds(x.ms)} s (CPU ${seconds(x.cpuMs)} s)`).join(', ');
  console.log(`exceljs streaming read floor: ${seconds(floor)} s, CPU ${seconds(floorCpu)} s (median of ${RUNS}; runs ${runs(floors)}; RSS ${median(floors.map((x) => x.rssMb)).toFixed(0)} MB)`);
  for (const [what, xs] of [['.xlsx', imports], ['.xls', xlsImports]] as const) {
    if (!xs.length) continue;
    const wall = median(xs.map((x) => x.ms));
    const cpu = median(xs.map((x) => x.cpuMs));
    const rss = median(xs.map((x) => x.rssMb));
    console.log(`import ${what} runs: ${runs(xs)}`);
    report(`import 100,000 movements from ${what} (read, check, post), wall`, `${seconds(wall)} s = ${(wall / floor).toFixed(2)}× floor`, '≤ 1.3× floor', wall / floor <= 1.3);
    report(`import from ${what}, CPU time (all threads)`, `${seconds(cpu)} s = ${(cpu / floorCpu).toFixed(2)}× floor`, '≤ 1.3× floor', cpu / floorCpu <= 1.3);
    report(`import from ${what}, peak RSS`, `${rss.toFixed(0)} MB`, '≤ 400 MB', rss <= 400);
  }
  return imported;
}

export async function benchExcel(): Promise<void> {
  const dir = benchDir();
  const template = path.join(dir, 'places.db');
  (await places(template)).close();
  const imported = await benchImport(dir, template);
  if (process.env.RELIEF_BENCH_ONLY === 'import') return;

  const wfloors: Measured[] = [];
  const exports: Measured[] = [];
  for (let r = 0; r < RUNS; r++) {
    wfloors.push(await measure('writeFloor', imported, path.join(dir, `floor-${r}.xlsx`)));
    exports.push(await measure('export', imported, path.join(dir, `export-${r}.xlsx`)));
  }
  const wfloor = median(wfloors.map((x) => x.ms));
  const exp = median(exports.map((x) => x.ms));
  const expRss = median(exports.map((x) => x.rssMb));
  console.log(`exceljs streaming write floor: ${(wfloor / 1000).toFixed(2)} s (median of ${RUNS}; runs ${wfloors.map((x) => (x.ms / 1000).toFixed(2)).join(', ')}; RSS ${median(wfloors.map((x) => x.rssMb)).toFixed(0)} MB with the rows in memory)`);
  console.log(`export runs: ${exports.map((x) => (x.ms / 1000).toFixed(2)).join(', ')} s`);
  report('export 100,000 movements (query, format, styles, write)', `${(exp / 1000).toFixed(2)} s = ${(exp / wfloor).toFixed(2)}× floor`, '≤ 1.3× floor', exp / wfloor <= 1.3);
  report('export peak RSS', `${expRss.toFixed(0)} MB`, '≤ 350 MB', expRss <= 350);
}

if (process.env.RELIEF_BENCH_CHILD) await child();
else if (process.argv[1] === self) await benchExcel();
