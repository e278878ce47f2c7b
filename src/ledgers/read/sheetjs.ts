// The formats exceljs cannot read, through SheetJS (as republished on npm: @e965/xlsx): .ods, .xlsb, the HTML tables
// web systems save as ".xls", Excel 2003's SpreadsheetML, and the legacy .xls our BIFF reader (biff.ts) does not
// know; BIFF8/BIFF5 .xls and WPS .et go to that reader, in SheetJS's compound-file container. SheetJS
// reads a workbook whole; its cells are mapped to ours here: dates by the cell's number format, serials by the
// workbook's date system, zero-padded codes as the text shown. An HTML table's cells stay text, as a CSV's do.
import { isUtf8 } from 'node:buffer';
import type * as SheetJS from '@e965/xlsx';
import { LedgerError } from '../../common/errors.js';
import type { Cell } from '../cells.js';
import { NotBiff, readBiff } from './biff.js';
import type { ReadJob } from './produce.js';
import { type Guard, OverLimit } from './limits.js';
import type { MergeRange } from './merges.js';
import { serialInstant } from './number-format.js';
import { MAX_COLUMNS, type RowSink } from './source.js';
import { attr } from './xml.js';
import { Zip } from './zip.js';

type Lib = typeof SheetJS;

let loading: Promise<Lib> | undefined;

/** SheetJS is loaded with the first workbook that needs it, with its code pages (BIFF5 text is GBK, not Unicode). */
export function loadSheetJS(): Promise<Lib> {
  loading ??= (async () => {
    const mod = (await import('@e965/xlsx')) as Lib & { default?: Lib };
    const lib = typeof mod.read === 'function' ? mod : mod.default!;
    try {
      const cp = (await import('@e965/xlsx/dist/cpexcel.full.mjs')) as { default?: unknown };
      lib.set_cptable(cp.default ?? cp);
    } catch {
      // The CommonJS build carries its code pages already.
    }
    return lib;
  })();
  return loading;
}

const CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)/i;

/** HTML or XML text: by its BOM, else UTF-8 when the bytes are UTF-8, else the charset it declares (GBK as GB18030). */
export function decodeMarkup(data: Uint8Array): { text: string; encoding: string } {
  if (data[0] === 0xff && data[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(data), encoding: 'utf-16le' };
  if (data[0] === 0xfe && data[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(data), encoding: 'utf-16be' };
  if (isUtf8(data)) return { text: new TextDecoder().decode(data), encoding: 'utf-8' };
  const head = new TextDecoder('latin1').decode(data.subarray(0, 4096));
  const declared = (CHARSET.exec(head)?.slice(1).find(Boolean) ?? '').toLowerCase();
  let label = /^(gb2312|gbk|gb18030|x-gbk|cp936|windows-936|euc-cn)$/.test(declared) || !declared || /^utf-?8$/.test(declared) ? 'gb18030' : declared;
  try {
    new TextDecoder(label);
  } catch {
    label = 'gb18030';
  }
  return { text: new TextDecoder(label).decode(data), encoding: label };
}

/** SheetJS remarks on what it parses on the console ("ODS number format may be incorrect"): not for our users' eyes. */
function quietly<T>(read: () => T): T {
  const saved = { log: console.log, warn: console.warn, error: console.error };
  const quiet = () => undefined;
  Object.assign(console, { log: quiet, warn: quiet, error: quiet });
  try {
    return read();
  } finally {
    Object.assign(console, saved);
  }
}

const ODS_TABLE_STYLE = /<style:style\b([^>]*)>\s*<style:table-properties\b([^>]*)>/g;
const ODS_TABLE = /<table:table\b([^>]*)>/g;

/**
 * The sheets an .ods hides (SheetJS does not read it): a table whose style has table:display="false". Styles come
 * before the tables in content.xml; both are found in a window moving over the part as it inflates.
 */
async function odsHiddenSheets(data: Uint8Array, file: string, guard: Guard): Promise<Set<string>> {
  const zip = new Zip(data, file);
  const content = zip.find('content.xml');
  const hidden = new Set<string>();
  if (!content) return hidden;
  const hiddenStyles = new Set<string>();
  let tail = '';
  for await (const chunk of zip.text(content, guard.shadow())) {
    const window = tail + chunk;
    for (const m of window.matchAll(ODS_TABLE_STYLE)) {
      if (attr(m[1]!, 'family') === 'table' && attr(m[2]!, 'display') === 'false') hiddenStyles.add(attr(m[1]!, 'name') ?? '');
    }
    for (const m of window.matchAll(ODS_TABLE)) {
      const style = attr(m[1]!, 'style-name');
      const name = attr(m[1]!, 'name');
      if (style && name !== undefined && hiddenStyles.has(style)) hidden.add(name);
    }
    tail = window.slice(-4096);
  }
  return hidden;
}

const ERRORS: Record<number, string> = { 0: '#NULL!', 7: '#DIV/0!', 15: '#VALUE!', 23: '#REF!', 29: '#NAME?', 36: '#NUM!', 42: '#N/A', 43: '#GETTING_DATA' };

function cellOf(lib: Lib, c: SheetJS.CellObject | undefined, date1904: boolean, dates: Map<string, boolean>): Cell {
  if (!c) return null;
  if (c.v === undefined || c.v === null) return c.f ? { f: c.f } : null;
  switch (c.t) {
    case 's':
      return String(c.v);
    case 'b':
      return Boolean(c.v);
    case 'e':
      return { e: c.w ?? ERRORS[c.v as number] ?? '#VALUE!' };
    case 'd': {
      const d = c.v instanceof Date ? c.v : new Date(String(c.v));
      return Number.isNaN(d.getTime()) ? null : { d: Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()) };
    }
    case 'n': {
      const n = c.v as number;
      if (!Number.isFinite(n)) return null;
      const z = typeof c.z === 'string' ? c.z : undefined;
      if (z && z !== 'General') {
        if (/^00+$/.test(z)) return Number.isInteger(n) && n >= 0 ? String(n).padStart(z.length, '0') : n;
        let date = dates.get(z);
        if (date === undefined) dates.set(z, (date = lib.SSF.is_date(z)));
        if (date) return { d: serialInstant(n, date1904) };
      }
      return n;
    }
    default:
      return null;
  }
}

export async function readWithSheetJS(job: ReadJob, sink: RowSink, stopped: () => boolean): Promise<void> {
  const { format, file } = job;
  const lib = await loadSheetJS();
  if (format === 'xls' || format === 'et') {
    try {
      return await readBiff(lib, job, sink, stopped);
    } catch (e) {
      // BIFF2–4 and streams our reader does not know: SheetJS reads more of the old formats.
      if (!(e instanceof NotBiff)) throw e;
    }
  }
  const data = job.data;
  const markup = format === 'html' || format === 'xml';
  const decoded = markup ? decodeMarkup(data) : null;
  const { rowsPerSheet } = sink.guard.limits;
  // SheetJS inflates a zip's parts whole: their real sizes are counted first (a zip bomb lies in its directory).
  if (format === 'ods' || format === 'xlsb') {
    const zip = new Zip(data, file);
    for (const entry of zip.entries) for await (const _ of zip.stream(entry, sink.guard)) void _;
  }
  let wb: SheetJS.WorkBook;
  try {
    const options: SheetJS.ParsingOptions = {
      dense: true,
      cellNF: true,
      cellText: false,
      cellDates: false,
      cellHTML: false,
      cellStyles: false,
      sheetStubs: false,
      // A web page's cells are text, as typed: "000123" keeps its zeros, 2024-03-01 stays a day.
      raw: format === 'html',
      sheetRows: rowsPerSheet + 1,
    };
    wb = quietly(() =>
      decoded ? lib.read(decoded.text, { ...options, type: 'string' }) : lib.read(Buffer.from(data.buffer, data.byteOffset, data.byteLength), { ...options, type: 'buffer' }),
    );
  } catch (e) {
    const text = String((e as Error)?.message ?? e);
    if (/password|encrypt/i.test(text)) throw new LedgerError('ledgers.file.encrypted', { file });
    throw new LedgerError('ledgers.file.damaged', { file, detail: text.slice(0, 200) });
  }
  if (!wb.SheetNames.length) throw new LedgerError('ledgers.file.noSheets', { file });
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const odsHidden = format === 'ods' ? await odsHiddenSheets(data, file, sink.guard) : null;
  sink.book(date1904, decoded?.encoding ?? null);

  const denseRows = (ws: SheetJS.WorkSheet) => ((ws as { '!data'?: (SheetJS.CellObject | undefined)[][] })['!data'] ?? []);
  const total = wb.SheetNames.reduce((n, name) => n + denseRows(wb.Sheets[name]!).length, 0);
  let done = 0;
  const dates = new Map<string, boolean>();
  for (const [i, name] of wb.SheetNames.entries()) {
    if (stopped()) return;
    const ws = wb.Sheets[name]!;
    const full = ws['!fullref'] ? lib.utils.decode_range(ws['!fullref']) : null;
    if (full && full.e.r + 1 > rowsPerSheet) throw new OverLimit('rowsPerSheet', rowsPerSheet, name);
    const merges: MergeRange[] = (ws['!merges'] ?? []).filter((m) => m.e.r > m.s.r).map((m) => ({ top: m.s.r + 1, bottom: m.e.r + 1, left: m.s.c }));
    sink.sheet(name, Boolean(wb.Workbook?.Sheets?.[i]?.Hidden) || Boolean(odsHidden?.has(name)), merges);
    const rows = denseRows(ws);
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r];
      done++;
      if (!cells) continue;
      rows[r] = undefined as unknown as SheetJS.CellObject[];
      const n = Math.min(cells.length, MAX_COLUMNS);
      sink.guard.cells(cells.length);
      const out: unknown[] = [r + 1];
      let any = false;
      for (let c = 0; c < n; c++) {
        const v = cellOf(lib, cells[c], date1904, dates);
        if (v !== null) {
          out[c + 1] = v;
          any = true;
        }
      }
      if (any) sink.row(out);
      if ((done & 1023) === 0) {
        sink.share(total ? done / total : null);
        if (stopped()) return;
      }
    }
  }
  sink.share(1);
}
