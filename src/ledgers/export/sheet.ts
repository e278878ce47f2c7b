// A ledger in the bureau's shape, written with exceljs's streaming WorkbookWriter so that 100,000 rows never sit
// in memory as a workbook: a merged title row, the 填报单位/日期 row, a styled and frozen header that repeats on
// every printed page, widths that fit Chinese, number and date formats, IDs as text, a 合计 row, A4 landscape.
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import stringWidth from 'string-width';
import { loadExcel } from '../../common/excel.js';
import { UnitTotals } from '../../common/units.js';
import { message } from '../../i18n/messages.js';
import { Breather } from '../../jobs/breather.js';
import type { JobProgress } from '../../jobs/progress.js';
import { columnLetter } from '../cells.js';
import { guardFormula } from '../normalise.js';

export type ColumnType = 'text' | 'code' | 'quantity' | 'money' | 'date' | 'integer';

export interface ExportColumn<R> {
  header: string;
  type: ColumnType;
  /** `index` counts data rows from 0. */
  value: (row: R, index: number) => string | number | null | undefined;
  /** Decimals of a quantity (the item's); whole units otherwise. */
  decimals?: (row: R) => number;
  /** Summed in the 合计 row. */
  total?: boolean;
  /**
   * A summed quantity's unit, row by row: the 合计 stands under the column only when every row has the same unit;
   * otherwise a 小计 row per unit follows it (顶, 条 and 箱 are never added together).
   */
  unit?: (row: R) => string;
  /** Minimum width in characters. */
  width?: number;
}

export interface ExportSheet<R = unknown> {
  sheetName: string;
  /** The title row, e.g. 椒江区救灾物资库存台账. */
  title: string;
  columns: ExportColumn<R>[];
  rows: Iterable<R>;
  /** How many rows, where `rows` is not an array: for the progress bar. */
  count?: number;
  /** A 合计 row under the data (exports yes, templates no). */
  totals: boolean;
  /** Text for column A of the first data row in templates (示例). */
  firstCell?: string;
}

export interface SheetHeading {
  org: string;
  date: string;
}

const THIN = { style: 'thin' as const, color: { argb: 'FFA6A6A6' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFDDEBF7' } };
const FONT = { name: '宋体', size: 11 };
const TITLE_ROWS = 2;
const HEADER_ROW = TITLE_ROWS + 1;
const WIDTH_SAMPLE = 2000;

const NUM_FMT: Record<ColumnType, string> = {
  text: '@',
  code: '@',
  quantity: '#,##0',
  money: '#,##0.00',
  date: 'yyyy-mm-dd',
  integer: '0',
};
const QUANTITY_FMT = ['#,##0', '#,##0.0', '#,##0.00', '#,##0.000'];

type Style = Partial<ExcelJS.Style>;

/** One style object per column and format, shared by all its cells, so exceljs registers it once. */
function styles(type: ColumnType): Map<string, Style> {
  const m = new Map<string, Style>();
  const fmts = type === 'quantity' ? QUANTITY_FMT : [NUM_FMT[type]];
  for (const numFmt of fmts) {
    m.set(numFmt, {
      numFmt,
      font: FONT,
      border: BORDER,
      alignment: type === 'text' ? { vertical: 'middle', wrapText: false } : { vertical: 'middle', horizontal: type === 'code' || type === 'date' ? 'center' : 'right' },
    });
  }
  return m;
}

function cellValue(type: ColumnType, v: string | number | null | undefined): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (type === 'date') {
    const s = String(v);
    return new Date(Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10))));
  }
  if (type === 'text' || type === 'code') return guardFormula(String(v));
  return v;
}

function displayWidth(type: ColumnType, v: string | number | null | undefined): number {
  if (v === null || v === undefined) return 0;
  if (type === 'date') return 10;
  if (typeof v === 'number') return v.toLocaleString('en-US', { maximumFractionDigits: 3 }).length + (type === 'money' ? 3 : 0);
  return stringWidth(v);
}

/** A second sheet of plain rows (a template's 填表说明). */
export interface GuideSheet {
  name: string;
  rows: string[][];
}

/** Writes a ledger sheet (and an optional guide sheet) into `out`; resolves when the file is complete. */
export async function writeLedgerSheet<R>(
  out: Writable,
  sheet: ExportSheet<R>,
  heading: SheetHeading,
  guide?: GuideSheet,
  progress: (p: JobProgress) => void = () => undefined,
): Promise<{ rows: number }> {
  const book = new (await loadExcel()).stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  book.creator = heading.org;
  const last = sheet.columns.length;
  const lastLetter = columnLetter(last - 1);
  const ws = book.addWorksheet(sheet.sheetName.slice(0, 31), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, showGridLines: true }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });

  // Widths from the header and the first rows (a streaming writer fixes columns before the first row).
  const iterator = sheet.rows[Symbol.iterator]();
  const head: R[] = [];
  for (let r = iterator.next(); !r.done; r = head.length < WIDTH_SAMPLE ? iterator.next() : { done: true, value: undefined }) {
    head.push(r.value as R);
    if (head.length >= WIDTH_SAMPLE) break;
  }
  ws.columns = sheet.columns.map((c) => {
    let w = Math.max(stringWidth(c.header) + 2, c.width ?? 0, 6);
    head.forEach((r, i) => {
      w = Math.max(w, displayWidth(c.type, c.value(r, i)) + 2);
    });
    return { width: Math.min(w, 60) };
  });

  const title = ws.getRow(1);
  title.height = 32;
  title.getCell(1).value = guardFormula(sheet.title);
  title.getCell(1).style = { font: { ...FONT, size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } };
  ws.mergeCells(1, 1, 1, last);
  title.commit();

  const split = Math.max(1, Math.floor(last / 2));
  const sub = ws.getRow(2);
  sub.getCell(1).value = message('ledgers.export.org', { org: heading.org }).zh;
  sub.getCell(1).style = { font: FONT, alignment: { horizontal: 'left', vertical: 'middle' } };
  sub.getCell(split + 1).value = message('ledgers.export.date', { date: heading.date }).zh;
  sub.getCell(split + 1).style = { font: FONT, alignment: { horizontal: 'right', vertical: 'middle' } };
  if (split > 1) ws.mergeCells(2, 1, 2, split);
  if (last > split + 1) ws.mergeCells(2, split + 1, 2, last);
  sub.commit();

  const header = ws.getRow(HEADER_ROW);
  header.height = 22;
  const headStyle: Style = {
    font: { ...FONT, bold: true },
    fill: HEADER_FILL,
    border: BORDER,
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  };
  sheet.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.style = headStyle;
  });
  header.commit();
  ws.autoFilter = `A${HEADER_ROW}:${lastLetter}${HEADER_ROW}`;

  const columnStyles = sheet.columns.map((c) => styles(c.type));
  const totals = sheet.columns.map(() => 0);
  const totalDecimals = sheet.columns.map(() => 0);
  const unitTotals = sheet.columns.map((c) => (c.total && c.unit ? new UnitTotals() : null));
  let n = 0;
  const write = (r: R) => {
    const row = ws.getRow(HEADER_ROW + 1 + n);
    sheet.columns.forEach((c, i) => {
      const v = c.value(r, n);
      const cell = row.getCell(i + 1);
      cell.value = n === 0 && i === 0 && sheet.firstCell ? sheet.firstCell : cellValue(c.type, v);
      const decimals = c.type === 'quantity' ? Math.min(3, c.decimals?.(r) ?? 0) : 0;
      cell.style = columnStyles[i]!.get(c.type === 'quantity' ? QUANTITY_FMT[decimals]! : NUM_FMT[c.type])!;
      if (c.total && typeof v === 'number') {
        // Summed in thousandths (quantities) or 分 (money), so the total is exact.
        totals[i]! += Math.round(v * 1000);
        totalDecimals[i] = Math.max(totalDecimals[i]!, decimals);
        unitTotals[i]?.add(c.unit!(r), v);
      }
    });
    row.commit();
    n++;
  };
  for (const r of head) write(r);
  head.length = 0;
  const count = Array.isArray(sheet.rows) ? sheet.rows.length : sheet.count;
  const breather = new Breather();
  for (let r = iterator.next(); !r.done; r = iterator.next()) {
    write(r.value);
    if (breather.due()) {
      progress({ rows: n, fraction: count ? Math.min(1, n / count) : null });
      await breather.pause();
    }
  }

  if (sheet.totals) {
    const row = ws.getRow(HEADER_ROW + 1 + n);
    const bold = { ...FONT, bold: true };
    const perUnit = unitTotals.map((u) => {
      const t = u?.result();
      return t?.kind === 'perUnit' ? new Map(t.subtotals.map((s) => [s.unit, s.quantity])) : null;
    });
    sheet.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      if (i === 0) cell.value = message('ledgers.export.total').zh;
      else if (perUnit[i]) cell.value = null;
      else if (c.total) {
        const letter = columnLetter(i);
        const result = totals[i]! / 1000;
        cell.value = n > 0 ? { formula: `SUM(${letter}${HEADER_ROW + 1}:${letter}${HEADER_ROW + n})`, result } : 0;
      }
      const numFmt = c.type === 'quantity' ? QUANTITY_FMT[totalDecimals[i]!]! : c.type === 'money' ? NUM_FMT.money : '@';
      cell.style = { font: bold, border: BORDER, numFmt, alignment: { horizontal: i === 0 ? 'center' : 'right', vertical: 'middle' } };
    });
    row.commit();
    // 小计（顶）, 小计（条）…: what the 合计 row could not add up. The importer skips them as it skips 合计.
    const units = [...new Set(perUnit.flatMap((m) => (m ? [...m.keys()] : [])))];
    units.forEach((unit, k) => {
      const sub = ws.getRow(HEADER_ROW + 2 + n + k);
      sheet.columns.forEach((c, i) => {
        const cell = sub.getCell(i + 1);
        if (i === 0) cell.value = message('units.subtotal', { unit }).zh;
        else if (perUnit[i]) cell.value = perUnit[i]!.get(unit) ?? 0;
        const numFmt = c.type === 'quantity' ? QUANTITY_FMT[totalDecimals[i]!]! : '@';
        cell.style = { font: bold, border: BORDER, numFmt, alignment: { horizontal: i === 0 ? 'center' : 'right', vertical: 'middle' } };
      });
      sub.commit();
    });
  }
  ws.commit();
  if (guide) {
    const g = book.addWorksheet(guide.name.slice(0, 31));
    g.columns = guide.rows[0]!.map((_, i) => ({ width: Math.min(70, Math.max(...guide.rows.map((r) => stringWidth(r[i] ?? ''))) + 2) }));
    guide.rows.forEach((cells, i) => {
      const row = g.addRow(cells);
      row.eachCell((cell) => {
        cell.style = { font: { ...FONT, bold: i === 0 }, border: BORDER, alignment: { vertical: 'middle', wrapText: true }, ...(i === 0 ? { fill: HEADER_FILL } : {}) };
      });
      row.commit();
    });
    g.commit();
  }
  await book.commit();
  return { rows: n };
}
