// Merged cells as the bureaus use them: a street merged down its villages (A2:A9 = 海门街道) means every one of those
// rows belongs to that street. The value goes down the first column of a vertical merge only; a title merged across
// a row stays where it is, and a two-level header's groups are read by the header detection.
import { columnIndex } from '../cells.js';

export interface MergeRange {
  /** First and last row, as Excel numbers them. */
  top: number;
  bottom: number;
  /** The first column, 0 for A. */
  left: number;
}

const REF = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/;

/** `A2:A9` → rows 2–9 of column A; null for a merge within one row or a reference that is not a range. */
export function verticalMerge(ref: string): MergeRange | null {
  const m = REF.exec(ref.trim());
  if (!m || !m[3]) return null;
  const top = Number(m[2]);
  const bottom = Number(m[4]);
  const left = Math.min(columnIndex(m[1]!.toUpperCase()), columnIndex(m[3].toUpperCase()));
  return bottom > top ? { top, bottom, left } : bottom < top ? { top: bottom, bottom: top, left } : null;
}

/**
 * Fills the rows of one sheet as they pass, in row order: the top row's value of each vertical merge goes into the
 * blank cells below it. Rows are `[row number, cell A, cell B, …]`.
 */
export class VerticalFill {
  private readonly pending: MergeRange[];
  private active: { range: MergeRange; value: unknown }[] = [];
  private next = 0;

  constructor(ranges: MergeRange[]) {
    this.pending = [...ranges].sort((a, b) => a.top - b.top);
  }

  apply(row: unknown[]): void {
    const n = row[0] as number;
    if (this.active.length) this.active = this.active.filter((a) => a.range.bottom >= n);
    while (this.next < this.pending.length && this.pending[this.next]!.top <= n) {
      const range = this.pending[this.next++]!;
      if (range.top === n) {
        const value = row[range.left + 1];
        if (value !== null && value !== undefined && value !== '') this.active.push({ range, value });
      }
    }
    for (const a of this.active) {
      if (a.range.top >= n) continue;
      const i = a.range.left + 1;
      const v = row[i];
      if (v === null || v === undefined || v === '') {
        for (let k = row.length; k < i; k++) row[k] = null;
        row[i] = a.value;
      }
    }
  }
}
