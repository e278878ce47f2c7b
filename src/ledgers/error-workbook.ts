// The user's own file back, with the problems where they are: a 错误说明 column at the end of the header row,
// each bad cell filled red with the message as a note. A CSV comes back as an .xlsx of its rows.
import type ExcelJS from 'exceljs';
import type { LedgerRowError } from '../api/contract.ledgers.js';
import { loadExcel } from '../common/excel.js';
import { message } from '../i18n/messages.js';
import type { FileFormat } from './read/detect.js';
import { readCsv } from './read/csv.js';
import path from 'node:path';

const BAD_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFFC7CE' } };
const BAD_FONT = { color: { argb: 'FF9C0006' } };
const HEAD_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFFEB9C' } };

async function workbookOf(data: Uint8Array, format: FileFormat, fileName: string): Promise<ExcelJS.Workbook> {
  const book = new (await loadExcel()).Workbook();
  if (format === 'xlsx') {
    await book.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ArrayBuffer);
    return book;
  }
  const ws = book.addWorksheet((path.basename(fileName).replace(/\.[^.]+$/, '') || 'Sheet1').slice(0, 31));
  for (const r of readCsv(data, fileName).rows) {
    const row = ws.getRow(r.row);
    r.cells.forEach((c, i) => {
      // Text stays text: a CSV has no numbers, and "00123" must not lose its zeros here either.
      row.getCell(i + 1).value = c as string;
    });
  }
  return book;
}

/** The marked-up workbook as bytes, or null when the file cannot be loaded whole (the JSON errors still stand). */
export async function buildErrorWorkbook(
  data: Uint8Array,
  format: FileFormat,
  fileName: string,
  errors: LedgerRowError[],
  headerRows: Map<string, number | null>,
): Promise<Uint8Array | null> {
  let book: ExcelJS.Workbook;
  try {
    book = await workbookOf(data, format, fileName);
  } catch {
    return null;
  }
  const title = message('ledgers.errorColumn').zh;
  const bySheet = new Map<string, LedgerRowError[]>();
  for (const e of errors) if (e.sheet) bySheet.set(e.sheet, [...(bySheet.get(e.sheet) ?? []), e]);
  for (const [sheet, list] of bySheet) {
    const ws = book.getWorksheet(sheet);
    if (!ws) continue;
    const headerRow = headerRows.get(sheet) ?? 1;
    const col = ws.columnCount + 1;
    const head = ws.getCell(headerRow || 1, col);
    head.value = title;
    head.font = { bold: true, color: { argb: 'FF9C0006' } };
    head.fill = HEAD_FILL;
    ws.getColumn(col).width = 60;
    const byRow = new Map<number, string[]>();
    for (const e of list) {
      const r = e.row || headerRow || 1;
      byRow.set(r, [...(byRow.get(r) ?? []), e.column ? `${e.column}列：${e.message}` : e.message]);
      if (e.column && e.row) {
        const cell = ws.getCell(`${e.column}${e.row}`);
        cell.fill = BAD_FILL;
        cell.font = { ...(cell.font ?? {}), ...BAD_FONT };
        cell.note = e.message;
      }
    }
    for (const [r, messages] of byRow) {
      const cell = ws.getCell(r, col);
      const before = r === (headerRow || 1) ? `${title}\n` : '';
      cell.value = before + messages.join('\n');
      cell.alignment = { wrapText: true, vertical: 'top' };
      cell.font = { color: { argb: 'FF9C0006' } };
    }
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
