// Legacy .xls (BIFF8, and BIFF5/7 from Excel 95 with text in the workbook's code page) and WPS .et, read by us:
// SheetJS keeps every cell of a workbook as an object of some 500 bytes (a 65,536-row sheet took 520 MB), so a
// 100,000-row .xls would not fit a worker at all. Here the compound file is opened with SheetJS's CFB library and
// the workbook stream's records are walked once per sheet; cells become ours as in readXlsx: dates by their
// number format, zero-padded codes as text, formulas as their cached results.
import type * as SheetJS from '@e965/xlsx';
import { LedgerError } from '../../common/errors.js';
import type { Cell } from '../cells.js';
import { type Guard, OverLimit } from './limits.js';
import type { MergeRange } from './merges.js';
import { DATE, formatKind, PADDED, PLAIN, serialInstant, type NumberStyle } from './number-format.js';
import type { ReadJob } from './produce.js';
import { MAX_COLUMNS, type RowSink } from './source.js';

/** Not a workbook stream this reader knows (BIFF2–4, a broken stream): SheetJS gets to try. */
export class NotBiff extends Error {}

const BOF = 0x0809;
const EOF = 0x000a;
const CONTINUE = 0x003c;
const CODEPAGE = 0x0042;
const DATEMODE = 0x0022;
const FILEPASS = 0x002f;
const FORMAT = 0x041e;
const XF = 0x00e0;
const BOUNDSHEET = 0x0085;
const SST = 0x00fc;
const LABELSST = 0x00fd;
const LABEL = 0x0204;
const RSTRING = 0x00d6;
const NUMBER = 0x0203;
const RK = 0x027e;
const MULRK = 0x00bd;
const BOOLERR = 0x0205;
const FORMULA = 0x0006;
const STRING = 0x0207;
const BLANK = 0x0201;
const MULBLANK = 0x00be;
const MERGECELLS = 0x00e5;
const DBCELL = 0x00d7;

const ERRORS: Record<number, string> = { 0: '#NULL!', 7: '#DIV/0!', 15: '#VALUE!', 23: '#REF!', 29: '#NAME?', 36: '#NUM!', 42: '#N/A', 43: '#GETTING_DATA' };

/** Windows code pages of BIFF5 text, as TextDecoder labels. */
function codepageLabel(cp: number): string {
  if (cp === 1200) return 'utf-16le';
  if (cp === 936) return 'gbk';
  if (cp === 950) return 'big5';
  if (cp === 932) return 'shift_jis';
  if (cp === 949) return 'euc-kr';
  if (cp === 10000 || cp === 32768) return 'macintosh';
  if (cp >= 1250 && cp <= 1258) return `windows-${cp}`;
  if (cp === 437 || cp === 850 || cp === 0x8000) return 'windows-1252';
  return 'windows-1252';
}

interface Record8 {
  type: number;
  /** Start of the record's data in the stream, and its length. */
  at: number;
  len: number;
}

class Stream {
  constructor(
    readonly b: Buffer,
    readonly file: string,
  ) {}

  record(p: number): Record8 | null {
    if (p + 4 > this.b.length) return null;
    const len = this.b.readUInt16LE(p + 2);
    if (p + 4 + len > this.b.length) throw new LedgerError('ledgers.file.damaged', { file: this.file, detail: 'xls: record out of range' });
    return { type: this.b.readUInt16LE(p), at: p + 4, len };
  }
}

interface Globals {
  biff: 5 | 8;
  decoder: TextDecoder;
  date1904: boolean;
  formats: Map<number, string>;
  /** Per XF index: the number style its format gives. */
  styles: NumberStyle[];
  widths: number[];
  strings: string[];
  sheets: { name: string; hidden: boolean; offset: number }[];
}

/** Unicode text of BIFF8 at `p` with `cch` characters and the flags byte at p (compressed = one byte a character). */
function unicode(b: Buffer, p: number, cch: number, end: number): { text: string; next: number } {
  const flags = b[p]!;
  let q = p + 1;
  let rich = 0;
  let ext = 0;
  if (flags & 0x08) (rich = b.readUInt16LE(q)), (q += 2);
  if (flags & 0x04) (ext = b.readUInt32LE(q)), (q += 4);
  const wide = flags & 0x01;
  const bytes = Math.min(cch * (wide ? 2 : 1), Math.max(0, end - q));
  const text = wide ? b.toString('utf16le', q, q + bytes) : b.toString('latin1', q, q + bytes);
  return { text, next: q + bytes + rich * 4 + ext };
}

/**
 * The shared strings: one SST record and its CONTINUE records. A string's characters may go on in the next record,
 * which then starts with a flags byte of its own (one or two bytes a character); runs and phonetic data just go on.
 */
function readSst(b: Buffer, segments: [number, number][], guard: Guard): string[] {
  const { sharedStrings: maxCount, sharedStringChars: maxChars } = guard.limits;
  let chars = 0;
  let seg = 0;
  let p = segments[0]![0] + 8;
  const count = b.readUInt32LE(segments[0]![0] + 4);
  const out: string[] = [];
  const end = () => segments[seg]![1];
  const advance = () => {
    seg++;
    if (seg >= segments.length) return false;
    p = segments[seg]![0];
    return true;
  };
  const skip = (n: number) => {
    while (n > 0) {
      const here = Math.min(n, end() - p);
      p += here;
      n -= here;
      if (n > 0 && !advance()) return;
    }
  };
  for (let i = 0; i < count; i++) {
    if (p >= end() && !advance()) break;
    const cch = b.readUInt16LE(p);
    const flags = b[p + 2]!;
    p += 3;
    let rich = 0;
    let ext = 0;
    if (flags & 0x08) (rich = b.readUInt16LE(p)), (p += 2);
    if (flags & 0x04) (ext = b.readUInt32LE(p)), (p += 4);
    let wide = flags & 0x01;
    let left = cch;
    let text = '';
    for (;;) {
      const size = wide ? 2 : 1;
      const fit = Math.min(left, Math.floor((end() - p) / size));
      text += wide ? b.toString('utf16le', p, p + fit * 2) : b.toString('latin1', p, p + fit);
      p += fit * size;
      left -= fit;
      if (left === 0 || !advance()) break;
      wide = b[p]! & 0x01;
      p++;
    }
    skip(rich * 4 + ext);
    if (out.length >= maxCount) throw new OverLimit('sharedStrings', maxCount);
    chars += text.length;
    if (chars > maxChars) throw new OverLimit('sharedStringChars', maxChars);
    out.push(text);
  }
  return out;
}

function readGlobals(s: Stream, guard: Guard): Globals {
  const { b } = s;
  const first = s.record(0);
  if (!first || first.type !== BOF) throw new NotBiff('no BOF');
  const vers = b.readUInt16LE(first.at);
  const biff = vers === 0x0600 ? 8 : vers === 0x0500 ? 5 : 0;
  if (!biff) throw new NotBiff(`BIFF version ${vers.toString(16)}`);
  const g: Globals = { biff, decoder: new TextDecoder('windows-1252'), date1904: false, formats: new Map(), styles: [], widths: [], strings: [], sheets: [] };
  const xfFormats: number[] = [];
  let sst: [number, number][] | null = null;
  let p = first.at + first.len;
  for (let r = s.record(p); r; r = s.record(p)) {
    p = r.at + r.len;
    if (sst && r.type === CONTINUE) {
      sst.push([r.at, r.at + r.len]);
      continue;
    }
    if (sst && sst.length) {
      g.strings = readSst(b, sst, guard);
      sst = null;
    }
    switch (r.type) {
      case EOF:
        p = b.length;
        break;
      case FILEPASS:
        throw new LedgerError('ledgers.file.encrypted', { file: s.file });
      case CODEPAGE:
        if (biff === 5) g.decoder = new TextDecoder(codepageLabel(b.readUInt16LE(r.at)));
        break;
      case DATEMODE:
        g.date1904 = b.readUInt16LE(r.at) === 1;
        break;
      case FORMAT: {
        const id = b.readUInt16LE(r.at);
        const code = biff === 8 ? unicode(b, r.at + 4, b.readUInt16LE(r.at + 2), r.at + r.len).text : g.decoder.decode(b.subarray(r.at + 3, r.at + 3 + b[r.at + 2]!));
        g.formats.set(id, code);
        break;
      }
      case XF:
        xfFormats.push(b.readUInt16LE(r.at + 2));
        break;
      case BOUNDSHEET: {
        const offset = b.readUInt32LE(r.at);
        const state = b[r.at + 4]! & 0x03;
        const type = b[r.at + 5]!;
        const cch = b[r.at + 6]!;
        const name = biff === 8 ? unicode(b, r.at + 7, cch, r.at + r.len).text : g.decoder.decode(b.subarray(r.at + 7, r.at + 7 + cch));
        if (type === 0) g.sheets.push({ name, hidden: state !== 0, offset });
        break;
      }
      case SST:
        sst = [[r.at, r.at + r.len]];
        break;
      default:
        break;
    }
  }
  if (sst && sst.length) g.strings = readSst(b, sst, guard);
  for (const id of xfFormats) {
    const k = formatKind(id, g.formats.get(id));
    g.styles.push(k.style);
    g.widths.push(k.width);
  }
  return g;
}

/** An RK number: a 30-bit integer or the top of a double, either maybe divided by 100. */
const rkDouble = new DataView(new ArrayBuffer(8));
function rkValue(rk: number): number {
  let v: number;
  if (rk & 0x02) v = rk >> 2;
  else {
    rkDouble.setInt32(0, 0, true);
    rkDouble.setInt32(4, rk & 0xfffffffc, true);
    v = rkDouble.getFloat64(0, true);
  }
  return rk & 0x01 ? v / 100 : v;
}

class SheetRows {
  readonly rows = new Map<number, unknown[]>();
  cells = 0;

  constructor(private readonly g: Globals) {}

  /** The highest row seen. */
  top = 0;

  put(row: number, col: number, value: Cell): void {
    if (value === null || col >= MAX_COLUMNS) return;
    if (row > this.top) this.top = row;
    let r = this.rows.get(row);
    if (!r) this.rows.set(row, (r = [row + 1]));
    r[col + 1] = value;
  }

  number(row: number, col: number, xf: number, n: number): void {
    if (!Number.isFinite(n)) return;
    const style = this.g.styles[xf] ?? PLAIN;
    if (style === DATE) this.put(row, col, { d: serialInstant(n, this.g.date1904) });
    else if (style === PADDED && Number.isInteger(n) && n >= 0) this.put(row, col, String(n).padStart(this.g.widths[xf]!, '0'));
    else this.put(row, col, n);
  }
}

/** The sheet's merges: MERGECELLS comes after the cells, so the sheet's records are first skimmed for it. */
function sheetMerges(s: Stream, offset: number): MergeRange[] {
  const { b } = s;
  const merges: MergeRange[] = [];
  for (let r = s.record(offset), p = offset; r; r = s.record(p)) {
    p = r.at + r.len;
    if (r.type === EOF) break;
    if (r.type !== MERGECELLS) continue;
    const n = b.readUInt16LE(r.at);
    for (let i = 0; i < n && 2 + i * 8 + 8 <= r.len; i++) {
      const q = r.at + 2 + i * 8;
      const top = b.readUInt16LE(q);
      const bottom = b.readUInt16LE(q + 2);
      if (bottom > top) merges.push({ top: top + 1, bottom: bottom + 1, left: b.readUInt16LE(q + 4) });
    }
  }
  return merges;
}

/**
 * The sheet's rows, handed over block by block: Excel writes its cells in row order, in blocks of up to 32 rows each
 * closed by a DBCELL record, so a block's rows are complete there.
 */
function readSheet(s: Stream, g: Globals, offset: number, sink: RowSink): void {
  const { b } = s;
  const rows = new SheetRows(g);
  /** Hands over the rows above `below` (all of them by default), in order. */
  const flush = (below = Infinity) => {
    for (const n of [...rows.rows.keys()].filter((k) => k < below).sort((a, c) => a - c)) {
      sink.row(rows.rows.get(n)!);
      rows.rows.delete(n);
    }
  };
  const first = s.record(offset);
  if (!first || first.type !== BOF) throw new LedgerError('ledgers.file.damaged', { file: s.file, detail: 'xls: a sheet without its BOF' });
  let p = first.at + first.len;
  let pendingString: { row: number; col: number } | null = null;
  const text = (at: number, end: number): { text: string; next: number } => {
    const cch = b.readUInt16LE(at);
    if (g.biff === 8) return unicode(b, at + 2, cch, end);
    return { text: g.decoder.decode(b.subarray(at + 2, Math.min(end, at + 2 + cch))), next: at + 2 + cch };
  };
  for (let r = s.record(p); r; r = s.record(p)) {
    p = r.at + r.len;
    const at = r.at;
    if (r.type === EOF) break;
    if (r.type === STRING) {
      if (pendingString) rows.put(pendingString.row, pendingString.col, text(at, at + r.len).text);
      pendingString = null;
      continue;
    }
    pendingString = null;
    switch (r.type) {
      case LABELSST:
        rows.cells++;
        rows.put(b.readUInt16LE(at), b.readUInt16LE(at + 2), g.strings[b.readUInt32LE(at + 6)] ?? '');
        break;
      case LABEL:
      case RSTRING:
        rows.cells++;
        rows.put(b.readUInt16LE(at), b.readUInt16LE(at + 2), text(at + 6, at + r.len).text);
        break;
      case NUMBER:
        rows.cells++;
        rows.number(b.readUInt16LE(at), b.readUInt16LE(at + 2), b.readUInt16LE(at + 4), b.readDoubleLE(at + 6));
        break;
      case RK:
        rows.cells++;
        rows.number(b.readUInt16LE(at), b.readUInt16LE(at + 2), b.readUInt16LE(at + 4), rkValue(b.readInt32LE(at + 6)));
        break;
      case MULRK: {
        const row = b.readUInt16LE(at);
        const col = b.readUInt16LE(at + 2);
        const n = (r.len - 6) / 6;
        for (let i = 0; i < n; i++) {
          rows.cells++;
          rows.number(row, col + i, b.readUInt16LE(at + 4 + i * 6), rkValue(b.readInt32LE(at + 6 + i * 6)));
        }
        break;
      }
      case BOOLERR: {
        rows.cells++;
        const v = b[at + 6]!;
        rows.put(b.readUInt16LE(at), b.readUInt16LE(at + 2), b[at + 7] ? { e: ERRORS[v] ?? '#VALUE!' } : v !== 0);
        break;
      }
      case FORMULA: {
        rows.cells++;
        const row = b.readUInt16LE(at);
        const col = b.readUInt16LE(at + 2);
        if (b.readUInt16LE(at + 12) === 0xffff) {
          const kind = b[at + 6]!;
          if (kind === 0) pendingString = { row, col };
          else if (kind === 1) rows.put(row, col, b[at + 8] !== 0);
          else if (kind === 2) rows.put(row, col, { e: ERRORS[b[at + 8]!] ?? '#VALUE!' });
          else if (kind === 3) rows.put(row, col, '');
        } else rows.number(row, col, b.readUInt16LE(at + 4), b.readDoubleLE(at + 6));
        break;
      }
      case BLANK:
        rows.cells++;
        break;
      case MULBLANK:
        rows.cells += Math.max(0, (r.len - 6) / 2);
        break;
      case DBCELL:
        flush();
        sink.share(p / b.length);
        break;
      default:
        break;
    }
    // Writers without DBCELLs (LibreOffice) still write the cells in row order: rows a block above are complete.
    if (rows.rows.size > 256) flush(rows.top - 32);
    if (rows.cells > 65_536) {
      sink.guard.cells(rows.cells);
      rows.cells = 0;
    }
  }
  sink.guard.cells(rows.cells);
  flush();
}

export async function readBiff(lib: typeof SheetJS, job: ReadJob, sink: RowSink, stopped: () => boolean): Promise<void> {
  const { file } = job;
  let cfb: { FileIndex: unknown[] };
  try {
    cfb = lib.CFB.read(Buffer.from(job.data.buffer, job.data.byteOffset, job.data.byteLength), { type: 'buffer' });
  } catch (e) {
    throw new LedgerError('ledgers.file.damaged', { file, detail: `xls: ${String((e as Error).message ?? e).slice(0, 160)}` });
  }
  const find = (name: string) => lib.CFB.find(cfb, name) as { content?: Uint8Array } | null;
  if (find('EncryptedPackage') || find('EncryptionInfo')) throw new LedgerError('ledgers.file.encrypted', { file });
  const entry = find('Workbook') ?? find('Book');
  if (!entry?.content) throw new NotBiff('no workbook stream');
  const content = entry.content;
  const s = new Stream(Buffer.from(content.buffer, content.byteOffset, content.byteLength), file);
  const g = readGlobals(s, sink.guard);
  // From here the workbook stream is all that is read: the file's bytes can go (a worker holds no other copy).
  job.data = new Uint8Array(0);
  if (!g.sheets.length) throw new LedgerError('ledgers.file.noSheets', { file });
  sink.book(g.date1904);
  for (const sheet of g.sheets) {
    if (stopped()) return;
    sink.sheet(sheet.name, sheet.hidden, sheetMerges(s, sheet.offset));
    readSheet(s, g, sheet.offset, sink);
  }
}
