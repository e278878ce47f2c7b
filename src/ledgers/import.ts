// Importing a workbook: find each sheet's header, map its columns to the kind's fields by meaning, read every data
// row into fields, let the kind check and commit them. The work runs inside one transaction (`importLedger` opens
// it; `onboard` runs several files in its own), rolled back on any error and always for a dry run; the same
// duplicate-file check runs inside it, so one workbook is posted once however many processes import it at once.
// The rows stream: an .xlsx is read on a worker thread while this thread posts, so a 100,000-row journal never sits
// in memory.
import { createHash } from 'node:crypto';
import type {
  LedgerColumn,
  LedgerConflict,
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
import { choiceSpellings, locationIndex, placeNameOf } from './kinds/common.js';
import { MasterData } from './kinds/implied.js';
import { kinds } from './kinds/index.js';
import type { ErrorSink, FieldSpec, KindSpec, ParsedRow, SheetPlace } from './kinds/kind.js';
import {
  choiceKey,
  excelDigits,
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
import { applyMapping, conflictsOf, detectHeader, HEADER_SCAN_ROWS, HeaderMatcher, titleAbove } from './read/header.js';
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
  /** Create the streets, villages, locations and items rows name but the ledger lacks (listed in the report). */
  createMissing?: boolean;
  /** The district's name, for a ledger that has none yet. */
  district?: string;
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
        const out = v ?? new Problem('ledgers.value.choice', { value: t, choices: choiceWords(choices), choicesEn: allowed.join(', ') });
        if (typeof c === 'string' && seen.size < 1000) seen.set(c, out);
        return out;
      };
    }
    case 'raw':
      return (c) => (typeof c === 'string' ? (c.length > MAX_CELL ? new Problem('ledgers.value.tooLong', { max: MAX_CELL }) : c.trim() || undefined) : c);
  }
}

/** The accepted words as people write them, grouped by what they mean: "区级仓库、仓库 …；街道(镇)储备点、街道仓库 …". */
function choiceWords(choices: Readonly<Record<string, string>>): string {
  const groups = new Map<string, string[]>();
  for (const [word, value] of choiceSpellings.get(choices) ?? Object.entries(choices)) {
    if (/[^\x00-\x7f]/.test(word)) groups.set(value, [...(groups.get(value) ?? []), word]);
  }
  return [...groups.values()].map((words) => words.join('、')).join('；');
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
  /** The title row above the header. */
  title: { text: string; row: number } | null;
  /** Fields two or more columns were taken for; required columns missing: the rows are read, not imported. */
  conflicts: LedgerConflict[];
  missing: string[];
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

/** A cell as the user sees it; a number past 15 digits as Excel keeps it (15 significant digits), not its binary tail. */
function shownText(c: Cell | undefined): string {
  return typeof c === 'number' ? excelDigits(c) : displayText(c);
}

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
      value: col ? shownText(row.cells[col.index]) : '',
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
      title: match ? titleAbove(scanned, match.index - (match.headerRows - 1)) : null,
      conflicts: [],
      missing: [],
    };
    if (match && columns) {
      for (const c of columns) {
        const field = c.field ? spec.fields.find((f) => f.key === c.field) : undefined;
        if (!field) continue;
        const m: MappedColumn = { index: columnIndex(c.column), letter: c.column, header: c.header, field, read: readerFor(field, source.date1904) };
        sheet.columns.push(m);
        // A field claimed twice is read from neither until the user settles it.
        if (sheet.byField.has(field.key)) sheet.byField.delete(field.key);
        else sheet.byField.set(field.key, m);
      }
      sheet.conflicts = conflictsOf(columns).map((k) => ({ field: k.field, header: spec.fields.find((f) => f.key === k.field)?.header ?? k.field, columns: k.columns }));
      const claimed = new Set(columns.map((c) => c.field).filter((f): f is string => Boolean(f)));
      sheet.missing = missingOf(spec, claimed);
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

/**
 * The location a sheet stands for (stock, movements): a location named like the sheet, or like the place in its
 * title row; else the place either names, for creating it (a sheet's own name first, unless it is Sheet1 or 台账).
 */
function sheetPlaceOf(
  spec: KindSpec,
  find: (name: string) => { code: string; name: string } | null,
  sheet: string,
  title: { text: string; row: number } | null,
): { location: { code: string; name: string } | null; place: SheetPlace | null } {
  if (!spec.sheetIsLocation) return { location: null, place: null };
  const fromTitle = title ? placeNameOf(title.text) : null;
  const location = find(sheet) ?? (fromTitle ? find(fromTitle) : null) ?? (title ? find(title.text) : null);
  if (location) return { location, place: null };
  const fromSheet = placeNameOf(sheet);
  if (fromSheet) return { location: null, place: { name: fromSheet, from: 'sheet', row: 0 } };
  return { location: null, place: fromTitle && title ? { name: fromTitle, from: 'title', row: title.row } : null };
}

function finder(index: { find(text: string): { found: { code: string; name: string } } | { missing: true } | { ambiguous: true } }) {
  return (name: string) => {
    const r = index.find(name);
    return 'found' in r ? { code: r.found.code, name: r.found.name } : null;
  };
}

function checkMapping(spec: KindSpec, mapping: Record<string, string | null> | undefined): void {
  for (const [column, field] of Object.entries(mapping ?? {})) {
    if (field !== null && !spec.fields.some((f) => f.key === field)) {
      const k = message(`ledgers.kind.${spec.kind}` as MessageKey);
      throw new LedgerError('ledgers.unknownField', { column, field, kind: k.zh, kindEn: k.en });
    }
  }
}

export function previousImport(db: Db, sha256: string, kind: LedgerKind): { fileName: string; importedAt: string } | null {
  const r = db.get(db.q.selectFrom('import_log').select(['file_name', 'imported_at']).where('sha256', '=', sha256).where('kind', '=', kind).orderBy('id', 'desc').limit(1));
  return r ? { fileName: r.file_name, importedAt: r.imported_at } : null;
}

const headerOf = (spec: KindSpec, key: string) => spec.fields.find((f) => f.key === key)?.header ?? key;

/**
 * What a sheet lacks: each required field, and — when none of the kind's groups is complete — the groups
 * ("村(社区)" 或 "街道(镇)" 或 "区域名称+级别").
 */
export function missingOf(spec: KindSpec, claimed: ReadonlySet<string>): string[] {
  const out = spec.fields.filter((f) => f.required && !claimed.has(f.key)).map((f) => f.header);
  if (spec.needs?.length && !spec.needs.some((g) => g.every((k) => claimed.has(k)))) {
    out.push(spec.needs.map((g) => g.map((k) => headerOf(spec, k)).join('+')).join(' 或 '));
  }
  return out;
}

function conflictText(c: LedgerConflict): string {
  return c.columns.map((x) => `${x.column} 列（${x.header}）`).join('、');
}

// ---------- a look at a file before it is imported ----------

export interface ScannedSheet {
  name: string;
  hidden: boolean;
  /** The first rows, where a header would be. */
  rows: SheetRow[];
  /** Non-blank rows after them. */
  more: number;
}

/** Each sheet's first rows, for recognising a file's kind by its headers (`onboard`). */
export async function scanWorkbook(data: Uint8Array, fileName: string, hooks: ImportHooks = {}): Promise<{ format: FileFormat; sheets: ScannedSheet[] }> {
  const opened = await open(data, fileName, hooks);
  const sheets: ScannedSheet[] = [];
  const breather = new Breather();
  try {
    let current: ScannedSheet | null = null;
    for (let ev = opened.source.next(); ev.t !== 'end'; ev = opened.source.next()) {
      if (ev.t === 'sheet') sheets.push((current = { name: ev.name, hidden: ev.hidden, rows: [], more: 0 }));
      else if (current) {
        if (current.rows.length < HEADER_SCAN_ROWS) current.rows.push(ev.row);
        else if (ev.row.cells.some((c) => !isBlank(c))) current.more++;
        if (breather.due()) await breather.pause();
      }
    }
  } finally {
    opened.source.close();
  }
  return { format: opened.format, sheets };
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
  const locations = finder(locationIndex(db));
  let current: LedgerSheetInspection | null = null;
  let seen = 0;
  try {
    await walk(opened.source, spec, req.mapping, req.sheet, {
      header(sheet, _scanned, match) {
        const where = sheetPlaceOf(spec, locations, sheet.name, sheet.title);
        current = {
          name: sheet.name,
          headerRow: sheet.headerRow,
          headerRows: match?.headerRows ?? 0,
          dataRows: 0,
          columns: match?.columns ?? [],
          missing: sheet.missing,
          conflicts: sheet.conflicts,
          title: sheet.title?.text ?? null,
          location: where.location,
          place: where.place ? { name: where.place.name, from: where.place.from } : null,
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
    needs: (spec.needs ?? []).map((g) => [...g]),
    sheets,
    alreadyImported: previousImport(db, sha, req.kind),
  };
}

// ---------- import ----------

/** An instant as the users read it (Asia/Shanghai), whatever the machine's zone. */
export function shanghaiTime(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(t);
}

const ROLLBACK = Symbol('rollback');

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** What is refused before a file is read: an unknown field in the mapping, an unknown location, a file imported before. */
function refuseEarly(db: Db, req: ImportRequest): { previous: { fileName: string; importedAt: string } | null; sha: string } {
  checkMapping(kinds[req.kind], req.mapping);
  const sha = sha256(req.data);
  const previous = previousImport(db, sha, req.kind);
  if (previous && !req.dryRun && !req.force) {
    throw new LedgerError('ledgers.alreadyImported', { at: shanghaiTime(previous.importedAt), previous: previous.fileName });
  }
  if (req.locationCode) requireLocation(db, req.locationCode);
  return { previous, sha };
}

/**
 * Reads a file and writes its rows inside the caller's transaction: each row is validated as it streams, the
 * kind generates what it implies (documents, codes, master data when allowed) and writes it, and the file is
 * recorded in import_log — checked here, under the transaction's write lock, so two processes never both post it.
 * The report's `ok` false (or a dry run) means the caller must roll back; `committed` says what it would be.
 */
export async function importInTransaction(db: Db, req: ImportRequest, hooks: ImportHooks = {}): Promise<LedgerImportReport> {
  if (!db.inTransaction) throw new Error('importInTransaction needs the caller\'s transaction');
  const spec = kinds[req.kind];
  const dryRun = req.dryRun ?? false;
  const format = detectFormat(req.data, req.fileName);
  const { previous, sha } = refuseEarly(db, req);

  const opened = await open(req.data, req.fileName, hooks);
  const states = new Map<string, SheetState>();
  const errors = new Collector(states);
  const order: SheetState[] = [];
  const master = new MasterData(db, errors, { createMissing: req.createMissing ?? false, district: req.district });
  const locations = finder(master.locations);
  let created: Record<string, number> = {};
  let added = 0;
  let unchanged = 0;
  let skippedRows = 0;
  let read = 0;
  let anyHeader = false;
  let committed = false;

  try {
    const committer = spec.begin(db, errors, { fileName: req.fileName, locationCode: req.locationCode, dryRun, master });
    let sheetLocation: string | null = null;
    let sheetPlace: SheetPlace | null = null;
    let blocked = false;
    const names = await walk(opened.source, spec, req.mapping, req.sheet, {
      header(sheet, _scanned, match) {
        states.set(sheet.name, sheet);
        order.push(sheet);
        if (!match) return false;
        anyHeader = true;
        const at = sheet.headerRow ?? 0;
        for (const c of sheet.conflicts) {
          errors.sheet(sheet.name, at, 'ledgers.columnConflict', { columns: conflictText(c), field: c.header, drop: c.columns[c.columns.length - 1]!.column });
        }
        if (sheet.missing.length) errors.sheet(sheet.name, at, 'ledgers.missingColumns', { columns: sheet.missing.join('、') });
        // Such a sheet is still read cell by cell, so that every other problem (a serial that lost its digits)
        // is reported in the same pass; its rows are not imported.
        blocked = sheet.conflicts.length > 0 || sheet.missing.length > 0;
        const where = sheetPlaceOf(spec, locations, sheet.name, sheet.title);
        sheetLocation = where.location?.code ?? null;
        sheetPlace = where.place;
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
        const row: ParsedRow = { sheet: sheet.name, row: raw.row, cells: raw.cells, values: {}, sheetLocation, sheetPlace, title: sheet.title?.text ?? null, failed: false, bad: null };
        let stored = 0;
        for (const col of sheet.columns) {
          const c = raw.cells[col.index];
          if (c === undefined || c === null || c === '') continue;
          const v = col.read(c);
          if (v === undefined) continue;
          if (v instanceof Problem) {
            (row.bad ??= []).push(col.field.key);
            if (sheet.byField.get(col.field.key) === col) errors.fail(row, col.field.key, v.key, v.params);
            else errors.failText(row, null, ...problemText(v, col));
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
        if (blocked) return;
        added++;
        sheet.rows.imported++;
        committer.add(row);
      },
    }, () => hooks.progress?.({ rows: read, fraction: opened.source.fraction }));
    if (req.sheet !== undefined && !names.includes(req.sheet)) {
      throw new LedgerError('ledgers.sheetNotFound', { sheet: req.sheet, sheets: names.join('、') });
    }
    const k = message(`ledgers.kind.${spec.kind}` as MessageKey);
    if (!anyHeader) {
      const expected = spec.fields.filter((f) => f.required || spec.needs?.some((g) => g.includes(f.key))).map((f) => f.header);
      for (const s of order) errors.sheet(s.name, 0, 'ledgers.noHeader', { kind: k.zh, kindEn: k.en, rows: HEADER_SCAN_ROWS, expected: expected.join('”“') });
      if (order.length === 0) errors.sheet(opened.sheetName, 0, 'ledgers.noDataSheet', { kind: k.zh, kindEn: k.en });
    }
    created = committer.finish();
    unchanged = order.reduce((n, s) => n + s.rows.skipped, 0) - skippedRows;
    if (anyHeader && added === 0 && errors.count === 0) {
      // A header alone (or only its example, totals and notes) is no import: refused, and not recorded as one.
      const first = order.find((s) => s.headerRow !== null)!;
      errors.sheet(first.name, 0, 'ledgers.noDataRows', { file: req.fileName, kind: k.zh, kindEn: k.en });
    }
    if (errors.count === 0 && !dryRun) {
      recordImport(db, req, sha, added - unchanged);
      committed = true;
    }
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
  return {
    kind: req.kind,
    fileName: req.fileName,
    format,
    dryRun,
    ok,
    committed,
    rows,
    sheets: order.map((s) => ({ name: s.name, headerRow: s.headerRow, rows: s.rows })),
    created: ok ? created : {},
    createdMaster: master.created,
    errors: errors.list,
    alreadyImported: previous,
  };
}

/** A problem in a column whose field another column claims too: named by its own column, not the field's. */
function problemText(p: Problem, col: MappedColumn): [string, string] {
  const t = message(p.key, p.params);
  return [`${col.letter} 列（${col.header}）：${t.zh}`, `column ${col.letter} (${col.header}): ${t.en}`];
}

/**
 * One row per (kind, content) in import_log, under a unique key (migration 0006): an import that is not forced
 * inserts, so one that slipped past the check would fail on the key rather than post twice; a forced one updates.
 */
function recordImport(db: Db, req: ImportRequest, sha: string, rows: number): void {
  const values = { sha256: sha, kind: req.kind, file_name: req.fileName.slice(0, 255), rows, imported_at: new Date().toISOString() };
  db.run(
    req.force
      ? db.q.insertInto('import_log').values(values).onConflict((oc) => oc.columns(['kind', 'sha256']).doUpdateSet({ file_name: values.file_name, rows, imported_at: values.imported_at }))
      : db.q.insertInto('import_log').values(values),
  );
}

/** The error workbook, for a report with errors when it was asked for. */
export async function withErrorWorkbook(report: LedgerImportReport, req: ImportRequest): Promise<LedgerImportReport> {
  if (report.ok || req.errorWorkbook === false) return report;
  const headerRows = new Map(report.sheets.map((s) => [s.name, s.headerRow]));
  const bytes = await buildErrorWorkbook(req.data, report.format, req.fileName, report.errors, headerRows);
  if (bytes) report.errorWorkbook = Buffer.from(bytes).toString('base64');
  return report;
}

/** One import, one transaction: everything the file holds goes in, or (on any error, and for a dry run) nothing. */
export async function importLedger(db: Db, req: ImportRequest, hooks: ImportHooks = {}): Promise<LedgerImportReport> {
  detectFormat(req.data, req.fileName);
  // The same checks run again inside the transaction; here they refuse at once, before the file is read.
  refuseEarly(db, req);
  let report: LedgerImportReport | undefined;
  try {
    await db.txAsync(async () => {
      report = await importInTransaction(db, req, hooks);
      if (!report.committed) throw ROLLBACK;
    });
  } catch (e) {
    if (e !== ROLLBACK) throw e;
  }
  return withErrorWorkbook(report!, req);
}
