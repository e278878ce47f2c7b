// A cell as the readers hand it over: plain values, with dates, error values and formulas without a result tagged.
// Dates are instants in epoch milliseconds that exceljs built in UTC from the serial, so their UTC day is the day.
export type Cell = string | number | boolean | { d: number } | { e: string } | { f: string } | null;

export interface SheetRow {
  /** The row number Excel shows. */
  row: number;
  /** Index 0 is column A. */
  cells: Cell[];
}

export function isDateCell(c: Cell): c is { d: number } {
  return typeof c === 'object' && c !== null && 'd' in c;
}

export function isBlank(c: Cell | undefined): boolean {
  return c === null || c === undefined || (typeof c === 'string' && c.trim() === '');
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letter: string): number {
  let n = 0;
  for (const ch of letter) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** What a person sees in the cell, for previews and error reports. */
export function displayText(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'string') return c;
  if (typeof c === 'number') return numberText(c);
  if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE';
  if ('d' in c) return new Date(c.d).toISOString().slice(0, 10);
  if ('e' in c) return c.e;
  return `=${c.f}`;
}

export function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(n);
}
