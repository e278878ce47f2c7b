// Importing a workbook: find each sheet's header, read every data row into fields, let the kind check and commit
// them, all inside one transaction that is rolled back on any error (and always for a dry run). The rows stream:
// an .xlsx is read on a worker thread while this thread posts, so a 100,000-row journal never sits in memory.
import { createHash } from 'node:crypto';
import type {
  LedgerColumn,
  LedgerImportReport,
  LedgerInspection,
  LedgerKind,
  LedgerRowCounts,
  LedgerRowError,
  LedgerSheetInspection,
} from '../api/contract.ledgers.js';
import { LedgerError } from '../common/errors.js';
import type { Db } from '../db/executor.js';
import { message, type MessageKey, type MessageParams } from '../i18n/messages.js';
import { Breather } from '../jobs/breather.js';
import type { JobProgress } from '../jobs/progress.js';
import { requireLocation } from '../places/locations.js';
import { type Cell, columnIndex, displayText, isBlank, type SheetRow } from './cells.js';
import { buildErrorWorkbook } from './error-workbook.js';
import { locationIndex } from './kinds/common.js';
import { kinds } from './kinds/index.js';
import type { ErrorSink, FieldSpec, KindSpec, ParsedRow } from './kinds/kind.js';
import {
  choiceKey,
  isProblem,
  Problem,
  readDate,
  readExactText,
  readInteger,
  readMoney,
  readQuantity,
  readText,
  MAX_CELL,
} from './normalise.js';
import { detectFormat, type FileFormat } from './read/detect.js';
import { applyMapping, detectHeader, HEADER_SCAN_ROWS, HeaderMatcher } from './read/header.js';
import { openSource, type ReaderChoice } from './read/open.js';
import type { RowSource } from './read/source.js';

export interface ImportRequest {
  kind: LedgerKind;
  fileName: string;
  data: Uint8Array;
  dryRun?: boolean;
  sheet?: string;
  locationCode?: string;
  mapping?: Record<string, string | null>;
  force?: boolean;
  errorWorkbook?: boolean;
}

export interface ImportHooks {
  /** Rows read so far and the share of the file, every few tens of milliseconds: for a progress bar. */
  progress?: (p: JobProgress) => void;
  /** Where an .xlsx is read: a worker thread for big files by default. */
  reader?: ReaderChoice;
}

/** Errors listed in a report; past this the rest are counted, not listed. */
const MAX_LISTED_ERRORS = 50_000;
const PREVIEW_ROWS = 10;

// ---------- reading cells into fields ----------

type Reader = (c: Cell) => unknown;

function readerFor(field: FieldSpec, date1904: boolean): Reader {
  const max = field.max ?? 200;
  switch (field.type) {
    case 'text':
      return (c) => readText(c, max);
    case 'code':
      return (c) => readExactText(c, max);
    case 'exact':
      return (c) => readExactText(c, max, true);
    case 'quantity':
      return readQuantity;
    case 'money':
      return readMoney;
    case 'date':
      return (c) => readDate(c, date1904);
    case 'integer':
      return (c) => readInteger(c, field.units ?? []);
    case 'choice': {
      const choices = field.choices ?? {};
      const allowed = [...new Set(Object.values(choices))];
      // A column of choices repeats a handful of spellings: each is looked up once.
      const seen = new Map<string, unknown>();
      return (c) => {
        if (typeof c === 'string') {
          const hit = seen.get(c);
          if (hit !== undefined) return hit;
        }
        const t = readText(c, 100);
        if (t === undefined || isProblem(t)) return t;
        const v = choices[choiceKey(t)];
        const out =
          v ??
          new Problem('ledgers.value.choice', {
            value: t,
            choices: Object.keys(choices)
              .filter((k) => /[^\x00-\x7f]/.test(k))
              .slice(0, 24)
              .join('、'),
            choicesEn: allowed.join(', '),
          });
        if (typeof c === 'string' && seen.size < 1000) seen.set(c, out);
        return out;
      };
    }
    case 'raw':
      return (c) => (typeof c === 'string' ? (c.length > MAX_CELL ? new Problem('ledgers.value.tooLong', { max: MAX_CELL }) : c.trim() || undefined) : c);
  }
}

interface MappedColumn {
  index: number;
  letter: string;
  header: string;
  field: FieldSpec;
  read: Reader;
}

interface SheetState {
  name: string;
  columns: MappedColumn[];
  byField: Map<string, MappedColumn>;
  headerCells: string[];
  headerRow: number | null;
  rows: LedgerRowCounts;
}

// ---------- skipped rows ----------

const TOTAL = /^(合计|小计|总计|累计|本页合计|本月合计|本年合计|合\s*计|小\s*计)/;
const NOTE = /^(注[:：\d一二三四五六七八九十、.]|说明[:：]|备注[:：]|填表说明|制表|填表|审核人|审核[:：]|复核|负责人|单位负责人|统计人|主管|盖章|签字|签名|经办人[:：]|保管员[:：]|仓库负责人|领导|日期[:：]|填报日期)/;
const EXAMPLE = /^(示例|例|样例|举例)[:：]?$/;

type Skip = 'blank' | 'skipped' | null;

function skipRow(cells: Cell[], header: string[]): Skip {
  let first: string | null = null;
  let nonBlank = 0;
  let sameAsHeader = 0;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (isBlank(c ?? null)) continue;
    nonBlank++;
    const h = header[i];
    const t: string | null = typeof c === 'string' ? (first === null || (h && c.length <= h.length + 8) ? c.replace(/\s+/g, '') : c) : null;
    if (first === null) first = t ?? '';
    if (t && h && t === h) sameAsHeader++;
  }
  if (nonBlank === 0) return 'blank';
  if (first && (TOTAL.test(first) || NOTE.test(first) || EXAMPLE.test(first))) return 'skipped';
  // 合计 in the second or third filled cell (after a 序号 or a merged blank): still a totals row.
  for (let i = 0, seen = 0; i < cells.length && seen < 3; i++) {
    const c = cells[i];
    if (isBlank(c ?? null)) continue;
    seen++;
    if (typeof c === 'string' && TOTAL.test(c.trim()) && c.trim().length <= 6) return 'skipped';
  }
  if (sameAsHeader >= 2 && sameAsHeader >= nonBlank - 1) return 'skipped';
  return null;
}

// ---------- errors ----------

class Collector implements ErrorSink {
  readonly list: LedgerRowError[] = [];
  count = 0;
  constructor(private readonly sheets: Map<string, SheetState>) {}

  fail(row: ParsedRow, field: string | null, key: MessageKey, params: MessageParams = {}): void {
    const t = message(key, params);
    this.failText(row, field, t.zh, t.en);
  }

  failText(row: ParsedRow, field: string | null, zh: string, en: string): void {
    row.failed = true;
    this.count++;
    if (this.list.length >= MAX_LISTED_ERRORS) return;
    const col = field ? this.sheets.get(row.sheet)?.byField.get(field) : undefined;
    this.list.push({
      sheet: row.sheet,
      row: row.row,
      column: col?.letter ?? '',
      header: col?.header ?? '',
      value: col ? displayText(row.cells[col.index]) : '',
      message: `${zh} (${en})`,
    });
  }

  unchanged(row: ParsedRow): void {
    const s = this.sheets.get(row.sheet);
    if (!s) return;
    s.rows.skipped++;
    s.rows.imported--;
  }

  sheet(sheet: string, row: number, key: MessageKey, params: MessageParams = {}): void {
    const t = message(key, params);
    this.count++;
    this.list.push({ sheet, row, column: '', header: '', value: '', message: `${t.zh} (${t.en})` });
  }
}

// ---------- the shared walk over a file ----------

interface Opened {
  format: FileFormat;
  encoding: string | null;
  source: RowSource;
  sheetName: string;
}

async function open(data: Uint8Array, fileName: string, hooks: ImportHooks): Promise<Opened> {
  const onRead = hooks.progress && ((fraction: number) => hooks.progress!({ rows: 0, fraction }));
  return openSource(data, fileName, { reader: hooks.reader, onRead });
}

interface SheetVisitor {
  /** A sheet's header was found (or not: `match` null); return false to skip its rows. */
  header(sheet: SheetState, scanned: SheetRow[], match: { columns: LedgerColumn[]; headerRows: number } | null): boolean;
  row(sheet: SheetState, row: SheetRow): void;
}

/**
 * Walks every sheet of the source: buffers the first rows to find the header, then hands each data row over.
 * Pauses for the event loop now and then (`tick` first, to report progress), so the doors stay answerable.
 */
async function walk(
  source: RowSource,
  spec: KindSpec,
  mapping: Record<string, string | null> | undefined,
  only: string | undefined,
  visitor: SheetVisitor,
  tick: () => void = () => undefined,
): Promise<string[]> {
  const breather = new Breather();
  const matcher = new HeaderMatcher(spec.fields);
  const names: string[] = [];
  let ev = source.next();
  while (ev.t !== 'end') {
    if (ev.t !== 'sheet') {
      ev = source.next();
      continue;
    }
    const name = ev.name;
    names.push(name);
    const wanted = only === undefined ? !ev.hidden : name === only;
    const scanned: SheetRow[] = [];
    ev = source.next();
    while (ev.t === 'row' && scanned.length < HEADER_SCAN_ROWS) {
      scanned.push(ev.row);
      ev = source.next();
    }
    if (!wanted) {
      while (ev.t === 'row') ev = source.next();
      continue;
    }
    const match = detectHeader(scanned, matcher);
    const columns = match ? (mapping ? applyMapping(match.columns, mapping) : match.columns) : null;
    const sheet: SheetState = {
      name,
      columns: [],
      byField: new Map(),
      headerCells: [],
      headerRow: match ? match.headerRow : null,
      rows: { read: 0, imported: 0, skipped: 0 },
    };
    if (match && columns) {
      for (const c of columns) {
        const field = c.field ? spec.fields.find((f) => f.key === c.field) : undefined;
        if (!field) continue;
        const m: MappedColumn = { index: columnIndex(c.column), letter: c.column, header: c.header, field, read: readerFor(field, source.date1904) };
        sheet.columns.push(m);
        sheet.byField.set(field.key, m);
      }
      sheet.headerCells = scanned[match.index]!.cells.map((c) => (typeof c === 'string' ? c.replace(/\s+/g, '') : ''));
    }
    const go = visitor.header(sheet, scanned, match && columns ? { columns, headerRows: match.headerRows } : null);
    if (go && match) {
      for (let i = match.index + 1; i < scanned.length; i++) visitor.row(sheet, scanned[i]!);
      while (ev.t === 'row') {
        visitor.row(sheet, ev.row);
        if (breather.due()) {
          tick();
          await breather.pause();
        }
        ev = source.next();
      }
    } else while (ev.t === 'row') ev = source.next();
  }
  return names;
}

function sheetLocationOf(db: Db, spec: KindSpec, name: string): { code: string; name: string } | null {
  if (!spec.sheetIsLocation) return null;
  const r = locationIndex(db).find(name);
  return 'found' in r ? { code: r.found.code, name: r.found.name } : null;
}

function checkMapping(spec: KindSpec, mapping: Record<string, string | null> | undefined): void {
  for (const [column, field] of Object.entries(mapping ?? {})) {
    if (field !== null && !spec.fields.some((f) => f.key === field)) {
      const k = message(`ledgers.kind.${spec.kind}` as MessageKey);
      throw new LedgerError('ledgers.unknownField', { column, field, kind: k.zh, kindEn: k.en });
    }
  }
}

function previousImport(db: Db, sha256: string, kind: LedgerKind): { fileName: string; importedAt: string } | null {
  const r = db.get(db.q.selectFrom('import_log').select(['file_name', 'imported_at']).where('sha256', '=', sha256).where('kind', '=', kind).orderBy('id', 'desc').limit(1));
  return r ? { fileName: r.file_name, importedAt: r.imported_at } : null;
}

function missingFields(spec: KindSpec, byField: Map<string, unknown>): FieldSpec[] {
  return spec.fields.filter((f) => f.required && !byField.has(f.key));
}

// ---------- inspect ----------

/** What the import wizard shows before anything is imported: sheets, the header found, the mapping, a preview. */
export async function inspectLedger(
  db: Db,
  req: { kind: LedgerKind; fileName: string; data: Uint8Array; sheet?: string; mapping?: Record<string, string | null> },
  hooks: ImportHooks = {},
): Promise<LedgerInspection> {
  const spec = kinds[req.kind];
  checkMapping(spec, req.mapping);
  const opened = await open(req.data, req.fileName, hooks);
  const sheets: LedgerSheetInspection[] = [];
  let current: LedgerSheetInspection | null = null;
  let seen = 0;
  try {
    await walk(opened.source, spec, req.mapping, req.sheet, {
      header(sheet, _scanned, match) {
        current = {
          name: sheet.name,
          headerRow: sheet.headerRow,
          headerRows: match?.headerRows ?? 0,
          dataRows: 0,
          columns: match?.columns ?? [],
          missing: missingFields(spec, sheet.byField).map((f) => f.header),
          location: sheetLocationOf(db, spec, sheet.name),
          preview: [],
        };
        sheets.push(current);
        return match !== null;
      },
      row(sheet, row) {
        const s = current!;
        seen++;
        const skip = skipRow(row.cells, sheet.headerCells);
        if (skip === 'blank') return;
        s.dataRows++;
        if (s.preview.length < PREVIEW_ROWS && skip === null) {
          const cells: Record<string, string> = {};
          for (const c of s.columns) {
            const t = displayText(row.cells[columnIndex(c.column)]);
            if (t) cells[c.column] = t.slice(0, 200);
          }
          s.preview.push({ row: row.row, cells });
        }
      },
    }, () => hooks.progress?.({ rows: seen, fraction: opened.source.fraction }));
  } finally {
    opened.source.close();
  }
  const sha = createHash('sha256').update(req.data).digest('hex');
  return {
    kind: req.kind,
    fileName: req.fileName,
    format: opened.format,
    encoding: opened.encoding,
    fields: spec.fields.filter((f) => !f.informational || f.key !== 'seq').map((f) => ({ key: f.key, header: f.header, required: Boolean(f.required) })),
    sheets,
    alreadyImported: previousImport(db, sha, req.kind),
  };
}

// ---------- import ----------

/** An instant as the users read it (Asia/Shanghai), whatever the machine's zone. */
function shanghaiTime(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(t);
}

const ROLLBACK = Symbol('rollback');

export async function importLedger(db: Db, req: ImportRequest, hooks: ImportHooks = {}): Promise<LedgerImportReport> {
  const spec = kinds[req.kind];
  const dryRun = req.dryRun ?? false;
  checkMapping(spec, req.mapping);
  const format = detectFormat(req.data, req.fileName);
  const sha = createHash('sha256').update(req.data).digest('hex');
  const previous = previousImport(db, sha, req.kind);
  if (previous && !dryRun && !req.force) {
    throw new LedgerError('ledgers.alreadyImported', { at: shanghaiTime(previous.importedAt), previous: previous.fileName });
  }
  if (req.locationCode) requireLocation(db, req.locationCode);

  const opened = await open(req.data, req.fileName, hooks);
  const states = new Map<string, SheetState>();
  const errors = new Collector(states);
  const order: SheetState[] = [];
  let created: Record<string, number> = {};
  let added = 0;
  let unchanged = 0;
  let skippedRows = 0;
  let read = 0;
  let anyHeader = false;
  let committed = false;

  try {
    await db.txAsync(async () => {
      const committer = spec.begin(db, errors, { fileName: req.fileName, locationCode: req.locationCode, dryRun });
      let sheetLocation: string | null = null;
      const names = await walk(opened.source, spec, req.mapping, req.sheet, {
        header(sheet, _scanned, match) {
          states.set(sheet.name, sheet);
          order.push(sheet);
          if (!match) return false;
          const missing = missingFields(spec, sheet.byField);
          if (missing.length) {
            errors.sheet(sheet.name, sheet.headerRow ?? 0, 'ledgers.missingColumns', { columns: missing.map((f) => f.header).join('、') });
            anyHeader = true;
            return false;
          }
          anyHeader = true;
          sheetLocation = sheetLocationOf(db, spec, sheet.name)?.code ?? null;
          return true;
        },
        row(sheet, raw) {
          const skip = skipRow(raw.cells, sheet.headerCells);
          if (skip === 'blank') return;
          sheet.rows.read++;
          read++;
          if (skip) {
            sheet.rows.skipped++;
            skippedRows++;
            return;
          }
          const row: ParsedRow = { sheet: sheet.name, row: raw.row, cells: raw.cells, values: {}, sheetLocation, failed: false, bad: null };
          let stored = 0;
          for (const col of sheet.columns) {
            const c = raw.cells[col.index];
            if (c === undefined || c === null || c === '') continue;
            const v = col.read(c);
            if (v === undefined) continue;
            if (v instanceof Problem) {
              (row.bad ??= []).push(col.field.key);
              errors.fail(row, col.field.key, v.key, v.params);
              continue;
            }
            row.values[col.field.key] = v;
            if (!col.field.informational) stored++;
          }
          if (stored === 0 && !row.failed) {
            // Only a 序号 or a 金额 left of a blank template row: nothing to import.
            sheet.rows.read--;
            read--;
            return;
          }
          added++;
          sheet.rows.imported++;
          committer.add(row);
        },
      }, () => hooks.progress?.({ rows: read, fraction: opened.source.fraction }));
      if (req.sheet !== undefined && !names.includes(req.sheet)) {
        throw new LedgerError('ledgers.sheetNotFound', { sheet: req.sheet, sheets: names.join('、') });
      }
      if (!anyHeader) {
        const k = message(`ledgers.kind.${spec.kind}` as MessageKey);
        const expected = spec.fields.filter((f) => f.required).map((f) => f.header);
        for (const s of order) errors.sheet(s.name, 0, 'ledgers.noHeader', { kind: k.zh, kindEn: k.en, rows: HEADER_SCAN_ROWS, expected: expected.join('”“') });
        if (order.length === 0) errors.sheet(opened.sheetName, 0, 'ledgers.noDataSheet', { kind: k.zh, kindEn: k.en });
      }
      created = committer.finish();
      unchanged = order.reduce((n, s) => n + s.rows.skipped, 0) - skippedRows;
      if (errors.count > 0 || dryRun) throw ROLLBACK;
      db.run(
        db.q.insertInto('import_log').values({
          sha256: sha,
          kind: req.kind,
          file_name: req.fileName.slice(0, 255),
          rows: added - unchanged,
          imported_at: new Date().toISOString(),
        }),
      );
      committed = true;
    });
  } catch (e) {
    if (e !== ROLLBACK) throw e;
  } finally {
    opened.source.close();
  }

  const ok = errors.count === 0;
  if (errors.count > errors.list.length) {
    const t = message('ledgers.row.tooMany', { max: MAX_LISTED_ERRORS });
    errors.list.push({ sheet: '', row: 0, column: '', header: '', value: String(errors.count), message: `${t.zh} (${t.en})` });
  }
  const sheetIndex = new Map(order.map((s, i) => [s.name, i]));
  errors.list.sort((a, b) => (sheetIndex.get(a.sheet) ?? 1e9) - (sheetIndex.get(b.sheet) ?? 1e9) || a.row - b.row || columnIndex(a.column || 'A') - columnIndex(b.column || 'A'));
  const rows: LedgerRowCounts = { read: 0, imported: 0, skipped: 0 };
  for (const s of order) {
    if (!ok) s.rows.imported = 0;
    rows.read += s.rows.read;
    rows.imported += s.rows.imported;
    rows.skipped += s.rows.skipped;
  }
  const report: LedgerImportReport = {
    kind: req.kind,
    fileName: req.fileName,
    format,
    dryRun,
    ok,
    committed,
    rows,
    sheets: order.map((s) => ({ name: s.name, headerRow: s.headerRow, rows: s.rows })),
    created: ok ? created : {},
    errors: errors.list,
    alreadyImported: previous,
  };
  if (!ok && req.errorWorkbook !== false) {
    const headerRows = new Map(order.map((s) => [s.name, s.headerRow]));
    const bytes = await buildErrorWorkbook(req.data, format, req.fileName, errors.list, headerRows);
    if (bytes) report.errorWorkbook = Buffer.from(bytes).toString('base64');
  }
  return report;
}
