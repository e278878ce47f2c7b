// The user's own file back, with the problems where they are: its sheets as read (whatever the format — .xlsx,
// .xls, .ods, a web page, CSV), a 错误说明 column at the end of the header row, each bad cell filled red with the
// message as a note. Written as a new .xlsx by exceljs's streaming writer, from what our reader read.
import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type ExcelJS from 'exceljs';
import { guardFormula } from './normalise.js';
import type { LedgerRowError } from '../api/contract.ledgers.js';
import { loadExcel } from '../common/excel.js';
import { message } from '../i18n/messages.js';
import type { Cell } from './cells.js';
import type { FileFormat } from './read/detect.js';
import { openSource } from './read/open.js';
import { collectSheets, type ReadSheet } from './read/source.js';

const BAD_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFFC7CE' } };
const BAD_FONT = { color: { argb: 'FF9C0006' } };
const HEAD_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFFEB9C' } };
const ERROR_VALUES = new Set(['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!']);
const DAY_MS = 86_400_000;

/** A cell as read, as exceljs writes it: dates as dates, error values as errors, a formula without a value as its text. */
function written(c: Cell): { value: ExcelJS.CellValue; numFmt?: string } {
  // The user's text goes back inert: what a spreadsheet would run as a formula gets the apostrophe the importer
  // takes off again, and a formula of theirs (a live =HYPERLINK …) comes back as its text.
  if (typeof c === 'string') return { value: guardFormula(c) };
  if (c === null || typeof c !== 'object') return { value: c };
  if ('d' in c) return { value: new Date(c.d), numFmt: c.d % DAY_MS === 0 ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm' };
  if ('e' in c) return { value: ERROR_VALUES.has(c.e) ? { error: c.e as ExcelJS.CellErrorValue['error'] } : c.e };
  return { value: guardFormula(`=${c.f}`) };
}

/** Excel's rules for a sheet name, for a name that came from a file name (CSV). */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet1';
  let out = base;
  for (let i = 2; taken.has(out.toLowerCase()); i++) out = `${base.slice(0, 28)}(${i})`;
  taken.add(out.toLowerCase());
  return out;
}

function writeSheet(ws: ExcelJS.Worksheet, sheet: ReadSheet, errors: LedgerRowError[], headerRow: number): void {
  const title = message('ledgers.errorColumn').zh;
  const width = sheet.rows.reduce((n, r) => Math.max(n, r.cells.length), 0);
  const col = width + 1;
  const marks = new Map<number, Map<string, string>>();
  const notes = new Map<number, string[]>();
  for (const e of errors) {
    const r = e.row || headerRow;
    notes.set(r, [...(notes.get(r) ?? []), e.column ? `${e.column}列：${e.message}` : e.message]);
    if (e.column && e.row) {
      const m = marks.get(e.row) ?? new Map<string, string>();
      m.set(e.column, m.has(e.column) ? `${m.get(e.column)}\n${e.message}` : e.message);
      marks.set(e.row, m);
    }
  }
  if (errors.length) ws.getColumn(col).width = 60;
  const byNumber = new Map(sheet.rows.map((r) => [r.row, r.cells]));
  const numbers = [...new Set([...byNumber.keys(), ...notes.keys(), ...(errors.length ? [headerRow] : [])])].sort((a, b) => a - b);
  for (const r of numbers) {
    const row = ws.getRow(r);
    (byNumber.get(r) ?? []).forEach((c, i) => {
      if (c === null) return;
      const cell = row.getCell(i + 1);
      const { value, numFmt } = written(c);
      cell.value = value;
      if (numFmt) cell.numFmt = numFmt;
    });
    for (const [letter, text] of marks.get(r) ?? []) {
      const cell = row.getCell(letter);
      cell.fill = BAD_FILL;
      cell.font = BAD_FONT;
      cell.note = text;
    }
    if (errors.length && r === headerRow) {
      const head = row.getCell(col);
      head.value = title;
      head.font = { bold: true, color: { argb: 'FF9C0006' } };
      head.fill = HEAD_FILL;
    }
    const list = notes.get(r);
    if (list) {
      const cell = row.getCell(col);
      cell.value = (r === headerRow ? `${title}\n` : '') + list.join('\n');
      cell.alignment = { wrapText: true, vertical: 'top' };
      cell.font = r === headerRow ? { bold: true, color: { argb: 'FF9C0006' } } : { color: { argb: 'FF9C0006' } };
    }
    row.commit();
  }
}

/** The marked-up workbook as bytes, or null when the file cannot be read whole (the JSON errors still stand). */
export async function buildErrorWorkbook(
  data: Uint8Array,
  _format: FileFormat,
  fileName: string,
  errors: LedgerRowError[],
  headerRows: Map<string, number | null>,
): Promise<Uint8Array | null> {
  let sheets: ReadSheet[];
  try {
    sheets = collectSheets((await openSource(data, fileName)).source);
  } catch {
    return null;
  }
  const out = new PassThrough();
  const bytes = buffer(out);
  const book = new (await loadExcel()).stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  const bySheet = new Map<string, LedgerRowError[]>();
  for (const e of errors) if (e.sheet) bySheet.set(e.sheet, [...(bySheet.get(e.sheet) ?? []), e]);
  const taken = new Set<string>();
  for (const sheet of sheets) {
    const ws = book.addWorksheet(sheetName(sheet.name, taken), { state: sheet.hidden ? 'hidden' : 'visible' });
    writeSheet(ws, sheet, bySheet.get(sheet.name) ?? [], headerRows.get(sheet.name) || 1);
    ws.commit();
  }
  await book.commit();
  return new Uint8Array(await bytes);
}
