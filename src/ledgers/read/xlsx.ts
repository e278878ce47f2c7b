// .xlsx and .xlsm, read by us: the parts found through the package's relationships (absolute or relative targets,
// any part names), each sheet's XML scanned as it inflates. Cells become what the user sees: shared and inline
// strings (rich text runs joined, phonetic runs left out), cached formula values, dates by their number format or
// `t="d"`, zero-padded codes as text, booleans and error values; a formula without a cached value stays `{ f }`.
import { LedgerError } from '../../common/errors.js';
import type { Cell } from '../cells.js';
import { type Guard, OverLimit } from './limits.js';
import { type MergeRange, verticalMerge } from './merges.js';
import { DATE, formatKind, PADDED, serialInstant } from './number-format.js';
import { MAX_COLUMNS, type RowSink } from './source.js';
import { attr, decodeText, decodeXml, rootPrefix, runText, startTags } from './xml.js';
import { ElementStream } from './xml-stream.js';
import { Zip, type ZipEntry } from './zip.js';

const MB = 1024 * 1024;
/** Parts up to this size (as declared) are inflated whole, once for both passes over a sheet. */
const WHOLE_PART = 16 * MB;
/** …and a part that declares little but inflates past this is streamed instead. */
const WHOLE_CAP = 64 * MB;
/** The workbook, its relationships and styles: never this big in a real file. */
const META_CAP = 64 * MB;
const MAX_ELEMENT = 64 * MB;
const MAX_MERGES = 100_000;
const TEXT_SLICE = 256 * 1024;

interface Rel {
  id: string;
  type: string;
  target: string;
}

function dirOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i);
}

/** A relationship's target as a part name: absolute (`/xl/worksheets/sheet1.xml`) or relative to the source part. */
function resolve(baseDir: string, target: string): string {
  const path = target.replace(/\\/g, '/');
  const parts = path.startsWith('/') ? path.split('/') : [...baseDir.split('/'), ...path.split('/')];
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p && p !== '.') out.push(p);
  }
  return out.join('/');
}

function relsOf(part: string): string {
  const dir = dirOf(part);
  return `${dir ? `${dir}/` : ''}_rels/${part.slice(dir.length ? dir.length + 1 : 0)}.rels`;
}

function decodePart(buf: Buffer): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf);
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf);
  return new TextDecoder().decode(buf);
}

function parseRels(text: string, baseDir: string): Rel[] {
  const p = rootPrefix(text);
  const rels: Rel[] = [];
  for (const tag of startTags(text, p, 'Relationship')) {
    if (attr(tag, 'TargetMode') === 'External') continue;
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    if (id !== undefined && target !== undefined) rels.push({ id, type: attr(tag, 'Type') ?? '', target: resolve(baseDir, target) });
  }
  return rels;
}

interface BookSheet {
  name: string;
  hidden: boolean;
  rid: string | undefined;
}

function parseWorkbook(text: string): { date1904: boolean; sheets: BookSheet[] } {
  const p = rootPrefix(text);
  let date1904 = false;
  for (const tag of startTags(text, p, 'workbookPr')) {
    const v = attr(tag, 'date1904');
    date1904 = v === '1' || v === 'true';
  }
  const sheets: BookSheet[] = [];
  for (const tag of startTags(text, p, 'sheet')) {
    const state = attr(tag, 'state');
    sheets.push({ name: attr(tag, 'name') ?? '', hidden: state === 'hidden' || state === 'veryHidden', rid: attr(tag, 'id') });
  }
  return { date1904, sheets };
}

interface Styles {
  kind: Uint8Array;
  width: Uint8Array;
}

function parseStyles(text: string): Styles {
  const p = rootPrefix(text);
  const codes = new Map<number, string>();
  for (const tag of startTags(text, p, 'numFmt')) {
    const id = Number(attr(tag, 'numFmtId'));
    const code = attr(tag, 'formatCode');
    if (Number.isInteger(id) && code !== undefined) codes.set(id, code);
  }
  const from = text.indexOf(`<${p}cellXfs`);
  const to = from < 0 ? -1 : text.indexOf(`</${p}cellXfs>`, from);
  const xfs = from < 0 ? [] : [...startTags(text.slice(from + p.length + 8, to < 0 ? undefined : to), p, 'xf')];
  const kind = new Uint8Array(xfs.length);
  const width = new Uint8Array(xfs.length);
  xfs.forEach((tag, i) => {
    const id = Number(attr(tag, 'numFmtId') ?? 0);
    const k = formatKind(id, codes.get(id));
    kind[i] = k.style;
    width[i] = Math.min(255, k.width);
  });
  return { kind, width };
}

/** The shared strings, streamed: refused past the count and size limits before they can fill the memory. */
async function readSharedStrings(zip: Zip, entry: ZipEntry, guard: Guard): Promise<string[]> {
  const strings: string[] = [];
  let chars = 0;
  let prefix: string | null = null;
  let items: ElementStream | null = null;
  const { sharedStrings: maxCount, sharedStringChars: maxChars } = guard.limits;
  const add = (s: string) => {
    if (strings.length >= maxCount) throw new OverLimit('sharedStrings', maxCount);
    chars += s.length;
    if (chars > maxChars) throw new OverLimit('sharedStringChars', maxChars);
    strings.push(s);
  };
  for await (const chunk of zip.text(entry, guard)) {
    if (prefix === null) {
      prefix = rootPrefix(chunk);
      const declared = Number(attr(startTags(chunk, prefix, 'sst').next().value ?? '', 'uniqueCount'));
      if (declared > maxCount) throw new OverLimit('sharedStrings', maxCount);
      const p = prefix;
      const tOpen = `<${p}t`;
      const tClose = `</${p}t>`;
      items = new ElementStream(
        p,
        'si',
        (s, _start, gt, end) => {
          if (end < 0) return add('');
          // Most items are one plain run: <si><t>…</t></si>.
          const body = gt + 1;
          if (s.startsWith(tOpen, body)) {
            const c = s.charCodeAt(body + tOpen.length);
            if (c === 62 || c === 32) {
              const tgt = s.indexOf('>', body);
              const te = s.indexOf(tClose, tgt);
              if (te >= 0 && te + tClose.length === end && s.charCodeAt(tgt - 1) !== 47) return add(decodeText(s.slice(tgt + 1, te)));
            }
          }
          add(runText(s.slice(body, end), p));
        },
        MAX_ELEMENT,
        entry.name,
      );
    }
    items!.push(chunk);
  }
  return strings;
}

const MERGE_NEEDLE = Buffer.from('mergeCell');

function mergesIn(text: string): MergeRange[] {
  const out: MergeRange[] = [];
  const re = /<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref\s*=\s*["']([^"']+)["']/g;
  for (let m = re.exec(text); m && out.length < MAX_MERGES; m = re.exec(text)) {
    const r = verticalMerge(m[1]!);
    if (r) out.push(r);
  }
  return out;
}

/** The merges of a sheet: `<mergeCells>` comes after the rows, so the part is inflated once just to find them. */
async function streamedMerges(zip: Zip, entry: ZipEntry, guard: Guard): Promise<MergeRange[]> {
  const tail: Buffer[] = [];
  let tailBytes = 0;
  let prev: Buffer | null = null;
  for await (const chunk of zip.stream(entry, guard.shadow())) {
    if (tail.length) {
      if (tailBytes < WHOLE_CAP) tail.push(chunk), (tailBytes += chunk.length);
      continue;
    }
    const joined: Buffer = prev ? Buffer.concat([prev, chunk]) : chunk;
    const at = joined.indexOf(MERGE_NEEDLE);
    if (at >= 0) {
      const from = Math.max(0, at - 16);
      tail.push(joined.subarray(from));
      tailBytes = joined.length - from;
    } else prev = chunk.subarray(Math.max(0, chunk.length - MERGE_NEEDLE.length));
  }
  return tail.length ? mergesIn(Buffer.concat(tail).toString('utf8')) : [];
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?/;
const ISO_TIME = /^T?(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?/;

/** A `t="d"` cell: the day and time written, as an instant whose UTC fields are them (a zone offset is ignored). */
function isoInstant(v: string): Cell {
  const m = ISO_DATE.exec(v);
  if (m) {
    const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), Math.round(Number(m[7] ?? 0) * 1000));
    return Number.isFinite(t) ? { d: t } : v;
  }
  const h = ISO_TIME.exec(v);
  if (h) return { d: Date.UTC(1899, 11, 30) + (Number(h[1]) * 3600 + Number(h[2]) * 60 + Number(h[3] ?? 0)) * 1000 };
  return v;
}

/** Column letters at `from` (A = 0), or -1 when the reference has none. */
function columnAt(s: string, from: number): number {
  let col = 0;
  let i = from;
  for (;;) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
    i++;
  }
  return i === from ? -1 : col - 1;
}

function integerAt(s: string, from: number, to: number): number {
  let n = 0;
  let any = false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    n = n * 10 + (c - 48);
    any = true;
  }
  return any ? n : -1;
}

/**
 * Walks the attributes of the start tag s[from, to): `visit` gets the spans of each name and value (without its
 * quotes) and returns true to stop.
 */
function eachAttr(s: string, from: number, to: number, visit: (name: number, nameEnd: number, value: number, valueEnd: number) => boolean | void): void {
  let k = from;
  while (k < to) {
    const c = s.charCodeAt(k);
    if (c <= 32 || c === 47) {
      k++;
      continue;
    }
    const eq = s.indexOf('=', k);
    if (eq < 0 || eq >= to) return;
    let q = eq + 1;
    while (s.charCodeAt(q) <= 32) q++;
    const end = s.indexOf(s[q]!, q + 1);
    if (end < 0 || end > to) return;
    let ne = eq;
    while (s.charCodeAt(ne - 1) <= 32) ne--;
    if (visit(k, ne, q + 1, end)) return;
    k = end + 1;
  }
}

/** Attribute `name` of the start tag s[from, to): the positions of its value, or null. */
function attrSpan(s: string, from: number, to: number, name: string): [number, number] | null {
  let found: [number, number] | null = null;
  eachAttr(s, from, to, (n, ne, v, ve) => {
    if (ne - n === name.length && s.startsWith(name, n)) found = [v, ve];
    return found !== null;
  });
  return found;
}

const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;
const T_DATE = 6;

/** One sheet's rows, scanned from its XML as it arrives. */
class SheetScanner {
  private readonly rows: ElementStream;
  private lastRow = 0;
  private readonly cOpen: string;
  private readonly cClose: string;
  private readonly vOpen: string;
  private readonly vClose: string;
  private readonly fOpen: string;
  private readonly fClose: string;
  private readonly isOpen: string;
  private readonly isClose: string;
  private readonly rowClose: string;

  constructor(
    private readonly prefix: string,
    private readonly strings: string[],
    private readonly styles: Styles,
    private readonly date1904: boolean,
    private readonly sink: RowSink,
    private readonly guard: Guard,
    part: string,
  ) {
    const p = prefix;
    this.cOpen = `<${p}c`;
    this.cClose = `</${p}c>`;
    this.vOpen = `<${p}v`;
    this.vClose = `</${p}v>`;
    this.fOpen = `<${p}f`;
    this.fClose = `</${p}f>`;
    this.isOpen = `<${p}is`;
    this.isClose = `</${p}is>`;
    this.rowClose = `</${p}row>`;
    this.rows = new ElementStream(p, 'row', (s, a, gt, end) => this.row(s, a, gt, end), MAX_ELEMENT, part);
  }

  push(text: string): void {
    this.rows.push(text);
  }

  /** Past the child element last read by child(). */
  private next = 0;

  /** The text inside the cell's child element at `lt` when it is `<open…>` (next set past it), else null. */
  private child(s: string, lt: number, childEnd: number, end: number, open: string, close: string): string | null {
    if (!s.startsWith(open, lt)) return null;
    const c = s.charCodeAt(lt + open.length);
    if (!(c === 62 || c <= 32 || c === 47)) return null;
    if (s.charCodeAt(childEnd - 1) === 47) {
      this.next = childEnd + 1;
      return '';
    }
    let e = s.indexOf(close, childEnd);
    if (e < 0 || e > end) e = end;
    this.next = e === end ? end : e + close.length;
    return s.slice(childEnd + 1, e);
  }

  // The attributes of the cell being read, set by cellAttr (one function for every cell, not a closure each).
  private text = '';
  private ref = -1;
  private type = T_NUMBER;
  private style = -1;
  private readonly cellAttr = (n: number, ne: number, v: number, ve: number): void => {
    if (ne - n !== 1) return;
    const s = this.text;
    const name = s.charCodeAt(n);
    if (name === 114 /* r */) this.ref = columnAt(s, v);
    else if (name === 115 /* s */) this.style = integerAt(s, v, ve);
    else if (name === 116 /* t */) {
      const t0 = s.charCodeAt(v);
      const len = ve - v;
      this.type = t0 === 115 ? (len === 1 ? T_SHARED : T_STR) : t0 === 105 ? T_INLINE : t0 === 98 ? T_BOOL : t0 === 101 ? T_ERROR : t0 === 100 ? T_DATE : T_NUMBER;
    }
  };

  private row(s: string, a: number, gt: number, end: number): void {
    const span = attrSpan(s, a + this.prefix.length + 4, gt, 'r');
    const n = span ? integerAt(s, span[0], span[1]) : -1;
    const rowNo = n > 0 ? n : this.lastRow + 1;
    this.lastRow = rowNo;
    if (end < 0) return;
    const out: unknown[] = [rowNo];
    let col = -1;
    let cells = 0;
    let any = false;
    const { cOpen, cClose } = this;
    let i = gt + 1;
    while (i < end) {
      const c = s.indexOf('<', i);
      if (c < 0 || c >= end) break;
      if (!s.startsWith(cOpen, c) || !(s.charCodeAt(c + cOpen.length) <= 32 || s.charCodeAt(c + cOpen.length) === 62 || s.charCodeAt(c + cOpen.length) === 47)) {
        // Something else inside the row (an extension): step over its tag.
        const skip = s.indexOf('>', c);
        i = skip < 0 ? end : skip + 1;
        continue;
      }
      const tagEnd = s.indexOf('>', c);
      cells++;
      // The cell's attributes: r (its reference), t (its type), s (its style).
      this.text = s;
      this.ref = -1;
      this.type = T_NUMBER;
      this.style = -1;
      eachAttr(s, c + cOpen.length, tagEnd, this.cellAttr);
      const { ref, type, style } = this;
      col = ref >= 0 ? ref : col + 1;
      if (s.charCodeAt(tagEnd - 1) === 47) {
        i = tagEnd + 1;
        continue;
      }
      // The cell's children, in order: <f>, <v>, <is>; up to </c>.
      let value: string | null = null;
      let formula: string | null = null;
      let inline: string | null = null;
      let j = tagEnd + 1;
      for (;;) {
        const lt = s.indexOf('<', j);
        if (lt < 0 || lt >= end) {
          j = end;
          break;
        }
        if (s.startsWith(cClose, lt)) {
          j = lt + cClose.length;
          break;
        }
        const childEnd = s.indexOf('>', lt);
        if (childEnd < 0) {
          j = end;
          break;
        }
        let t: string | null;
        if ((t = this.child(s, lt, childEnd, end, this.vOpen, this.vClose)) !== null) value = t;
        else if ((t = this.child(s, lt, childEnd, end, this.fOpen, this.fClose)) !== null) formula = t;
        else if ((t = this.child(s, lt, childEnd, end, this.isOpen, this.isClose)) !== null) inline = runText(t, this.prefix);
        else this.next = childEnd + 1;
        j = this.next;
      }
      i = j;
      const cell = this.cell(type, style, value, formula, inline);
      if (cell !== null && col < MAX_COLUMNS) {
        out[col + 1] = cell;
        any = true;
      }
    }
    if (cells) this.guard.cells(cells);
    if (any) this.sink.row(out);
  }

  private cell(type: number, style: number, v: string | null, f: string | null, inline: string | null): Cell {
    if (type === T_INLINE) return inline ?? (v === null ? null : decodeText(v));
    if (v === null) return f !== null ? { f: decodeXml(f) } : null;
    switch (type) {
      case T_SHARED:
        return this.strings[integerAt(v, 0, v.length)] ?? null;
      case T_STR:
        return decodeText(v);
      case T_BOOL:
        return v === '1' || v === 'true';
      case T_ERROR:
        return { e: decodeXml(v) };
      case T_DATE:
        return isoInstant(v);
      default: {
        if (v === '') return null;
        const n = Number(v);
        if (!Number.isFinite(n)) return decodeXml(v);
        if (style > 0 && style < this.styles.kind.length) {
          const k = this.styles.kind[style];
          if (k === DATE) return { d: serialInstant(n, this.date1904) };
          if (k === PADDED && Number.isInteger(n) && n >= 0) return String(n).padStart(this.styles.width[style]!, '0');
        }
        return n;
      }
    }
  }
}

interface SheetPart {
  name: string;
  hidden: boolean;
  entry: ZipEntry;
}

function sheetParts(zip: Zip, book: { sheets: BookSheet[] }, rels: Rel[]): SheetPart[] {
  const out: SheetPart[] = [];
  const used = new Set<ZipEntry>();
  for (const s of book.sheets) {
    const rel = rels.find((r) => r.id === s.rid);
    if (!rel || !/\/worksheet$/i.test(rel.type)) continue;
    const entry = zip.find(rel.target);
    if (!entry || used.has(entry)) continue;
    used.add(entry);
    out.push({ name: s.name, hidden: s.hidden, entry });
  }
  // A sheet part the workbook does not list (a writer's slip) still holds what the user typed: after the others.
  const unlisted = zip.entries
    .map((entry) => ({ entry, no: /^xl\/worksheets\/sheet(\d+)\.xml$/i.exec(entry.name)?.[1] }))
    .filter((x) => x.no !== undefined && !used.has(x.entry))
    .sort((a, b) => Number(a.no) - Number(b.no));
  for (const { entry, no } of unlisted) out.push({ name: `Sheet${no}`, hidden: false, entry });
  return out;
}

function findRel(rels: Rel[], type: string, zip: Zip, fallback: string): ZipEntry | undefined {
  const rel = rels.find((r) => r.type.endsWith(`/${type}`));
  return (rel && zip.find(rel.target)) ?? zip.find(fallback);
}

export async function readXlsx(data: Uint8Array, file: string, sink: RowSink, stopped: () => boolean): Promise<void> {
  const zip = new Zip(data, file);
  const guard = sink.guard;
  const meta = (e: ZipEntry) => decodePart(zip.inflate(e, guard, META_CAP)!);

  let bookPart = 'xl/workbook.xml';
  const rootRels = zip.find('_rels/.rels');
  if (rootRels) {
    const office = parseRels(meta(rootRels), '').find((r) => /\/officeDocument$/i.test(r.type) && zip.find(r.target));
    if (office) bookPart = office.target;
  }
  const bookEntry = zip.find(bookPart) ?? zip.find('xl/workbook.xml');
  if (!bookEntry) throw zip.damaged('no xl/workbook.xml');
  const book = parseWorkbook(meta(bookEntry));
  const relsEntry = zip.find(relsOf(bookEntry.name));
  const rels = relsEntry ? parseRels(meta(relsEntry), dirOf(bookEntry.name)) : [];
  const sheets = sheetParts(zip, book, rels);
  if (!sheets.length) throw new LedgerError('ledgers.file.noSheets', { file });
  sink.book(book.date1904);

  const stylesEntry = findRel(rels, 'styles', zip, 'xl/styles.xml');
  const styles = stylesEntry ? parseStyles(meta(stylesEntry)) : { kind: new Uint8Array(0), width: new Uint8Array(0) };
  const stringsEntry = findRel(rels, 'sharedStrings', zip, 'xl/sharedStrings.xml');
  const strings = stringsEntry ? await readSharedStrings(zip, stringsEntry, guard) : [];

  // How far through the sheets' XML the reading is: the progress bar's share of the whole.
  const total = sheets.reduce((n, s) => n + s.entry.size, 0);
  let done = 0;
  const advance = (n: number) => {
    done += n;
    sink.share(total > 0 ? Math.min(1, done / total) : null);
  };

  for (const sheet of sheets) {
    if (stopped()) return;
    const whole = sheet.entry.size <= WHOLE_PART ? zip.inflate(sheet.entry, guard, WHOLE_CAP, true) : null;
    let text: string | null = null;
    let merges: MergeRange[];
    if (whole) {
      text = decodePart(whole);
      merges = whole.indexOf(MERGE_NEEDLE) >= 0 ? mergesIn(text.slice(Math.max(0, text.indexOf('mergeCell') - 16))) : [];
    } else merges = await streamedMerges(zip, sheet.entry, guard);
    sink.sheet(sheet.name, sheet.hidden, merges);
    let scanner: SheetScanner | null = null;
    const scan = (chunk: string) => {
      scanner ??= new SheetScanner(rootPrefix(chunk), strings, styles, book.date1904, sink, guard, sheet.entry.name);
      scanner.push(chunk);
    };
    if (text !== null) {
      // In slices, so that the progress bar moves on a sheet read whole too.
      for (let i = 0; i < text.length; i += TEXT_SLICE) {
        const piece = text.slice(i, i + TEXT_SLICE);
        scan(piece);
        advance((sheet.entry.size * piece.length) / text.length);
      }
    } else {
      for await (const chunk of zip.text(sheet.entry, guard, advance)) {
        scan(chunk);
        if (stopped()) return;
      }
    }
  }
  sink.share(1);
}
