// What a cell's number format says about its number: a date (the user sees a day), a zero-padded code (the user sees
// "000123"), or just a number.

/** Built-in format ids that show a date or time, including those of the Chinese locale (27–36, 50–58). */
function builtInDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** A format code that shows a date or time: y, m, d or h outside quoted text, brackets and escapes. */
export function isDateCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '');
  // Only the first section (positive numbers) decides; "General" has none of the letters.
  const first = bare.split(';')[0] ?? '';
  return /[ymdh]/i.test(first);
}

export const PLAIN = 0;
export const DATE = 1;
export const PADDED = 2;
export type NumberStyle = typeof PLAIN | typeof DATE | typeof PADDED;

export interface FormatKind {
  style: NumberStyle;
  /** Digits of a zero-padded format. */
  width: number;
}

export function formatKind(id: number, code: string | undefined): FormatKind {
  if (code === undefined) return { style: builtInDate(id) ? DATE : PLAIN, width: 0 };
  // "0" alone shows the number as it is; 000000 shows a code with its zeros.
  if (/^00+$/.test(code)) return { style: PADDED, width: code.length };
  return { style: isDateCode(code) ? DATE : PLAIN, width: 0 };
}

const DAY_MS = 86_400_000;

/**
 * An Excel serial as the instant exceljs made of it: days from 1899-12-30 (1900 system) or 1904-01-01, in UTC, so
 * that the UTC day of the instant is the day the cell shows.
 */
export function serialInstant(serial: number, date1904: boolean): number {
  return Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS);
}
