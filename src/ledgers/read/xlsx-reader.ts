// Reading an .xlsx with exceljs's streaming WorkbookReader, on a worker thread, while the importer posts the rows
// already read inside its one transaction on this thread. The transaction is synchronous (better-sqlite3), so this
// side pulls rows synchronously: the worker signals on a shared counter, and `receiveMessageOnPort` takes the batch.
//
// The worker's code is plain JavaScript kept as text, so that no bundler or test transform rewrites it and it needs
// no file of its own beside the bundle: it loads exceljs by the path resolved here. Where a worker cannot start,
// the same code runs on this thread, reading the whole file before the rows are handed over.
//
// exceljs's own single pass over the zip intermittently loses the workbook part when it comes last, as exceljs
// itself writes it (exceljs #3064: "Cannot read properties of undefined (reading 'sheets')" on a busy machine).
// The whole file is in memory anyway, so the parts are opened through the zip's central directory instead, in the
// order the reader needs them (as the fix proposed upstream in exceljs #3065 does); each sheet is still streamed.
import { createRequire } from 'node:module';
import path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { LedgerError } from '../../common/errors.js';
import type { SheetRow } from '../cells.js';

/**
 * Loads the parts of exceljs the reading drives: its streaming reader alone (half the load time of all of exceljs,
 * paid by every worker), the zip library and its stream iterator. `req` is a CommonJS require.
 */
const LOAD_SOURCE = String.raw`function loadExcel(req, lib) {
  const path = req('node:path');
  const base = path.dirname(lib);
  return {
    WorkbookReader: req(path.join(base, 'lib', 'stream', 'xlsx', 'workbook-reader.js')),
    unzipper: req(req.resolve('unzipper', { paths: [base] })),
    iterateStream: req(path.join(base, 'lib', 'utils', 'iterate-stream.js')),
  };
}`;

/** The reading itself; `emit` receives JSON strings: {t:'book'}, {t:'sheet'}, {t:'rows'}, {t:'end'} or {t:'error'}. */
const READ_SOURCE = String.raw`async function readWorkbook(parts, data, emit, stopped, onShare) {
  const { WorkbookReader, unzipper, iterateStream } = parts;
  const MAX_COLUMNS = 1000;
  const BATCH = 1000;
  const flat = (v) => {
    if (v === null || v === undefined) return null;
    const t = typeof v;
    if (t === 'string' || t === 'boolean') return v;
    if (t === 'number') return Number.isFinite(v) ? v : null;
    if (v instanceof Date) return { d: v.getTime() };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? '').join('');
    if (v.error !== undefined) return { e: String(v.error) };
    if (v.formula !== undefined || v.sharedFormula !== undefined) {
      return v.result === undefined || v.result === null ? { f: String(v.formula ?? v.sharedFormula) } : flat(v.result);
    }
    if (v.text !== undefined) return flat(v.text);
    return String(v);
  };
  const zip = await unzipper.Open.buffer(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  const files = new Map();
  for (const f of zip.files) if (f.type !== 'Directory') files.set(f.path.replace(/^\/+/, ''), f);
  const open = (name) => files.get(name).stream();
  const reader = new WorkbookReader(null, {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
  });
  if (files.has('xl/_rels/workbook.xml.rels')) await reader._parseRels(open('xl/_rels/workbook.xml.rels'));
  if (files.has('xl/workbook.xml')) await reader._parseWorkbook(open('xl/workbook.xml'));
  if (!reader.model) throw new Error('no workbook part (xl/workbook.xml)');
  if (files.has('xl/sharedStrings.xml')) {
    for await (const _ of reader._parseSharedStrings(open('xl/sharedStrings.xml'))) void _;
  }
  if (files.has('xl/styles.xml')) await reader._parseStyles(open('xl/styles.xml'));
  const props = reader.properties || {};
  emit(JSON.stringify({ t: 'book', date1904: Boolean(props.date1904 || (reader.model && reader.model.date1904)) }));

  // Sheets in tab order, as the user sees them; any sheet part the workbook does not list comes after, by number.
  const sheetNo = (target) => {
    const m = /(?:^|\/)worksheets\/sheet(\d+)\.xml$/.exec(String(target || ''));
    return m ? m[1] : undefined;
  };
  const order = [];
  for (const s of reader.model.sheets || []) {
    const rel = (reader.workbookRels || []).find((r) => r.Id === s.rId);
    const no = rel && sheetNo(rel.Target);
    if (no && files.has('xl/worksheets/sheet' + no + '.xml') && !order.some((o) => o.no === no)) order.push({ no, sheet: s });
  }
  const unlisted = [...files.keys()].map(sheetNo).filter((no) => no && !order.some((o) => o.no === no));
  for (const no of unlisted.sort((a, b) => Number(a) - Number(b))) order.push({ no, sheet: undefined });

  // How far through the sheets' XML the reading is: the progress bar's share of the whole.
  const partOf = (no) => files.get('xl/worksheets/sheet' + no + '.xml');
  const total = order.reduce((n, o) => n + (Number(partOf(o.no).uncompressedSize) || 0), 0);
  let bytes = 0;
  const share = () => (total > 0 ? Math.min(1, bytes / total) : null);

  for (const { no, sheet } of order) {
    if (stopped()) break;
    const part = open('xl/worksheets/sheet' + no + '.xml');
    part.on('data', (chunk) => {
      bytes += chunk.length;
    });
    let ws;
    for (const e of reader._parseWorksheet(iterateStream(part), no)) ws = e.value;
    const name = ws.name !== undefined ? ws.name : sheet ? sheet.name : 'Sheet' + no;
    const state = ws.state || (sheet && sheet.state) || 'visible';
    emit(JSON.stringify({ t: 'sheet', name: String(name), state }));
    let batch = [];
    for await (const row of ws) {
      const values = row.values;
      const n = Math.min(values.length, MAX_COLUMNS + 1);
      const out = new Array(n);
      out[0] = row.number;
      for (let i = 1; i < n; i++) {
        const v = values[i];
        if (typeof v === 'string' || v === undefined || v === null) {
          out[i] = v === undefined ? null : v;
        } else if (typeof v === 'number') {
          // A code typed with a zero-padded format (000123) is the text the user sees.
          const fmt = Number.isInteger(v) && v >= 0 ? row.getCell(i).numFmt : undefined;
          out[i] = fmt && /^0+$/.test(fmt) ? String(v).padStart(fmt.length, '0') : flat(v);
        } else out[i] = flat(v);
      }
      batch.push(out);
      if (batch.length >= BATCH) {
        emit(JSON.stringify({ t: 'rows', rows: batch, share: share() }));
        if (onShare) onShare(share());
        batch = [];
        if (stopped()) break;
      }
    }
    if (batch.length) emit(JSON.stringify({ t: 'rows', rows: batch, share: share() }));
  }
  emit(JSON.stringify({ t: 'end' }));
}`;

const WORKER_SOURCE = String.raw`const { workerData } = require('node:worker_threads');
const { port, flag, lib, data } = workerData;
// flag[0]: messages sent; flag[1]: messages taken; flag[2]: 1 when the reader should stop; flag[3]: 1 once ended.
const emit = (m) => {
  port.postMessage(m);
  Atomics.add(flag, 0, 1);
  Atomics.notify(flag, 0);
  while (Atomics.load(flag, 0) - Atomics.load(flag, 1) > 16 && Atomics.load(flag, 2) === 0) {
    Atomics.wait(flag, 1, Atomics.load(flag, 1), 100);
  }
};
let finished = false;
const fail = (e, stage) => {
  finished = true;
  emit(JSON.stringify({ t: 'error', stage, message: String((e && e.message) || e) }));
};
process.on('uncaughtException', (e) => fail(e, 'read'));
process.on('unhandledRejection', (e) => fail(e, 'read'));
// A damaged zip can leave the parser waiting for bytes that never come: the loop empties and the worker would end
// without a word. Say so instead; and mark the end in shared memory in case even that cannot be sent.
process.on('beforeExit', () => {
  if (!finished) fail(new Error('unexpected end of data'), 'read');
});
process.on('exit', () => {
  Atomics.store(flag, 3, 1);
  Atomics.add(flag, 0, 1);
  Atomics.notify(flag, 0);
});
let parts;
try {
  parts = (${LOAD_SOURCE})(require, lib);
} catch (e) {
  fail(e, 'load');
}
if (parts) {
  emit(JSON.stringify({ t: 'ready' }));
  (${READ_SOURCE})(parts, data, emit, () => Atomics.load(flag, 2) === 1).then(
    () => {
      finished = true;
    },
    (e) => fail(e, 'read'),
  );
}`;

type Message =
  | { t: 'ready' }
  | { t: 'book'; date1904: boolean }
  | { t: 'sheet'; name: string; state: string }
  | { t: 'rows'; rows: unknown[][]; share: number | null }
  | { t: 'end' }
  | { t: 'error'; stage: 'load' | 'read'; message: string };

export type SourceEvent = { t: 'sheet'; name: string; hidden: boolean } | { t: 'row'; row: SheetRow } | { t: 'end' };

/** Rows pulled one at a time, synchronously. */
export interface RowSource {
  readonly date1904: boolean;
  /** Share of the file read so far, 0–1, when it can be known: for a progress bar. */
  readonly fraction: number | null;
  next(): SourceEvent;
  close(): void;
}

const IDLE_LIMIT_MS = 120_000;
/** In-process reading: a reader silent this long has stalled on a damaged file. */
const STALL_MS = 30_000;

/**
 * A real `require`, to find exceljs for the worker: Electron's CommonJS bundle has one; ESM (the CLI bundle, tests,
 * benches) resolves from the running script, which lives beside the app's node_modules.
 */
function nodeRequire(): NodeJS.Require {
  if (typeof require === 'function' && typeof require.resolve === 'function') return require;
  return createRequire(process.argv[1] ? path.resolve(process.argv[1]) : path.join(process.cwd(), 'index.js'));
}

let exceljsPath: string | undefined;
function resolveExcelJs(): string {
  exceljsPath ??= nodeRequire().resolve('exceljs');
  return exceljsPath;
}

/** Turns the reader's messages into events, one row at a time. */
abstract class MessageSource implements RowSource {
  date1904 = false;
  private share: number | null = null;
  private rows: unknown[][] = [];
  private at = 0;
  private done = false;

  constructor(protected readonly file: string) {}

  protected abstract take(): Message;
  abstract close(): void;

  /** The share of the whole work, from the share of the file read. */
  protected scale(share: number): number {
    return share;
  }

  get fraction(): number | null {
    return this.share === null ? null : this.scale(this.share);
  }

  next(): SourceEvent {
    for (;;) {
      if (this.at < this.rows.length) {
        const r = this.rows[this.at++]!;
        return { t: 'row', row: { row: r[0] as number, cells: rowCells(r) } };
      }
      if (this.done) return { t: 'end' };
      const m = this.take();
      switch (m.t) {
        case 'book':
          this.date1904 = m.date1904;
          break;
        case 'sheet':
          return { t: 'sheet', name: m.name, hidden: m.state !== 'visible' };
        case 'rows':
          this.rows = m.rows;
          this.at = 0;
          this.share = m.share;
          break;
        case 'end':
          this.done = true;
          this.share = 1;
          this.close();
          return { t: 'end' };
        case 'error':
          this.close();
          throw new LedgerError('ledgers.file.damaged', { file: this.file, detail: m.message.slice(0, 200) });
        default:
          break;
      }
    }
  }
}

function rowCells(r: unknown[]): SheetRow['cells'] {
  const cells = new Array<SheetRow['cells'][number]>(Math.max(0, r.length - 1));
  for (let i = 1; i < r.length; i++) cells[i - 1] = (r[i] ?? null) as SheetRow['cells'][number];
  return cells;
}

class WorkerSource extends MessageSource {
  private readonly flag = new Int32Array(new SharedArrayBuffer(16));
  private readonly port;
  private readonly worker: Worker;
  private closed = false;

  constructor(data: Uint8Array, file: string) {
    super(file);
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const copy = new Uint8Array(data);
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { port: port2, flag: this.flag, lib: resolveExcelJs(), data: copy },
      transferList: [port2, copy.buffer],
      // A runaway file (a zip bomb, a sheet of a million styled empty cells) fails this worker, not the process.
      resourceLimits: { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 64 },
      stdout: true,
      stderr: true,
    });
    this.worker.unref();
    this.worker.on('error', () => undefined);
  }

  /** Waits for the worker's first word: whether it could load exceljs at all. */
  started(): boolean {
    const first = this.raw();
    if (first.t === 'ready') return true;
    if (first.t === 'error' && first.stage === 'load') {
      this.close();
      return false;
    }
    throw new LedgerError('ledgers.file.damaged', { file: this.file, detail: first.t === 'error' ? first.message : first.t });
  }

  protected override take(): Message {
    return this.raw();
  }

  private raw(): Message {
    let idle = 0;
    for (;;) {
      const seq = Atomics.load(this.flag, 0);
      const got = receiveMessageOnPort(this.port);
      if (got) {
        Atomics.add(this.flag, 1, 1);
        Atomics.notify(this.flag, 1);
        return JSON.parse(got.message as string) as Message;
      }
      if (this.closed) return { t: 'end' };
      if (Atomics.load(this.flag, 3) === 1 && receiveMessageOnPort(this.port) === undefined) {
        this.close();
        throw new LedgerError('ledgers.file.damaged', { file: this.file, detail: 'unexpected end of data' });
      }
      if (Atomics.wait(this.flag, 0, seq, 250) === 'timed-out') {
        idle += 250;
        if (idle >= IDLE_LIMIT_MS) {
          this.close();
          throw new LedgerError('ledgers.file.timeout', { file: this.file });
        }
      } else idle = 0;
    }
  }

  override close(): void {
    if (this.closed) return;
    this.closed = true;
    Atomics.store(this.flag, 2, 1);
    Atomics.notify(this.flag, 1);
    this.port.close();
    void this.worker.terminate();
  }
}

/** The fallback: the same reading on this thread, the whole file first (the first half of the work). */
class MemorySource extends MessageSource {
  private taken = 0;
  protected override scale(share: number): number {
    return 0.5 + share / 2;
  }
  constructor(
    private readonly messages: string[],
    file: string,
  ) {
    super(file);
  }
  protected override take(): Message {
    const m = this.messages[this.taken++];
    return m === undefined ? { t: 'end' } : (JSON.parse(m) as Message);
  }
  override close(): void {
    this.messages.length = 0;
  }
}

async function readInProcess(data: Uint8Array, file: string, onRead?: (fraction: number) => void): Promise<MemorySource> {
  const messages: string[] = [];
  // The same stall as in the worker, seen from here: no word from the reader for a while.
  let timer: NodeJS.Timeout | undefined;
  let heard = Date.now();
  const stalled = new Promise<never>((_, reject) => {
    const check = () => {
      if (Date.now() - heard > STALL_MS) reject(new Error('unexpected end of data'));
      else timer = setTimeout(check, 250);
    };
    timer = setTimeout(check, 250);
  });
  try {
    const load = new Function(`return (${LOAD_SOURCE})`)() as (req: NodeJS.Require, lib: string) => unknown;
    const read = new Function(`return (${READ_SOURCE})`)() as (...args: unknown[]) => Promise<void>;
    const emit = (m: string) => {
      heard = Date.now();
      messages.push(m);
    };
    const onShare = onRead && ((share: number) => onRead(share / 2));
    await Promise.race([read(load(nodeRequire(), resolveExcelJs()), data, emit, () => false, onShare), stalled]);
  } catch (e) {
    messages.push(JSON.stringify({ t: 'error', stage: 'read', message: String((e as Error).message ?? e) }));
  } finally {
    clearTimeout(timer);
  }
  return new MemorySource(messages, file);
}

/**
 * Below this a file is read on this thread before its rows are posted: a worker costs the loading of exceljs in a
 * fresh isolate (half a second and more), more than reading a small file takes.
 */
export const WORKER_MIN_BYTES = 2 * 1024 * 1024;

export type ReaderChoice = 'auto' | 'worker' | 'thread';

/**
 * Opens an .xlsx for reading, on a worker for big files (or as chosen); falls back to this thread, where the file is
 * read whole before the first row: `onRead` hears how far that reading got, as a share of the whole work.
 */
export async function openXlsx(data: Uint8Array, file: string, reader: ReaderChoice = 'auto', onRead?: (fraction: number) => void): Promise<RowSource> {
  if (reader === 'worker' || (reader === 'auto' && data.length >= WORKER_MIN_BYTES)) {
    let source: WorkerSource | undefined;
    try {
      source = new WorkerSource(data, file);
    } catch {
      source = undefined;
    }
    if (source?.started()) return source;
  }
  return readInProcess(data, file, onRead);
}

/** Rows already in memory (CSV), behind the same interface. */
export class ArraySource implements RowSource {
  readonly date1904 = false;
  private at = -1;
  get fraction(): number | null {
    return this.rows.length ? Math.max(0, this.at) / this.rows.length : null;
  }
  constructor(
    private readonly sheet: string,
    private readonly rows: SheetRow[],
  ) {}
  next(): SourceEvent {
    if (this.at === -1) {
      this.at = 0;
      return { t: 'sheet', name: this.sheet, hidden: false };
    }
    const row = this.rows[this.at++];
    return row ? { t: 'row', row } : { t: 'end' };
  }
  close(): void {
    this.at = this.rows.length;
  }
}
