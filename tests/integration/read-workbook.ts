// Reading a workbook back in a test through the app's own reader, whatever its format: the sheets as the importer
// sees them (names, hidden state, rows with their Excel numbers, cells as values).
import type { Cell } from '../../src/ledgers/cells.js';
import { columnIndex } from '../../src/ledgers/cells.js';
import { openSource } from '../../src/ledgers/read/open.js';
import { collectSheets, type ReadSheet } from '../../src/ledgers/read/source.js';

export type { ReadSheet };

/** `data` as bytes, or base64 as the contract carries workbooks. */
export async function readWorkbook(data: Uint8Array | string, fileName = 'book.xlsx'): Promise<ReadSheet[]> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'base64') : data;
  return collectSheets((await openSource(bytes, fileName)).source);
}

export function sheetNamed(sheets: ReadSheet[], name: string): ReadSheet {
  const s = sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}; the workbook has ${sheets.map((x) => x.name).join(', ')}`);
  return s;
}

/** The value at an A1 reference, null when the cell is empty. */
export function cellAt(sheet: ReadSheet, ref: string): Cell {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(`bad reference ${ref}`);
  return sheet.rows.find((r) => r.row === Number(m[2]))?.cells[columnIndex(m[1]!)] ?? null;
}
