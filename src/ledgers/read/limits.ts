// How much of a workbook the reader is willing to take in. A ledger a person keeps stays far below each figure; a
// file beyond one is refused with a message naming the file and the limit, before it can exhaust memory or time
// (a zip bomb lies about its sizes in the zip's directory, so inflated bytes are counted as they come).
import { LedgerError } from '../../common/errors.js';
import type { MessageKey } from '../../i18n/messages.js';

export interface ReadLimits {
  /** Cells in the whole workbook, empty styled cells included. */
  cells: number;
  /** Rows in one sheet (Excel's own maximum). */
  rowsPerSheet: number;
  sharedStrings: number;
  /** Characters in all shared strings together. */
  sharedStringChars: number;
  /** Bytes of one part of the zip, once inflated. */
  partBytes: number;
  /** Bytes of all parts read, once inflated. */
  totalBytes: number;
}

const MB = 1024 * 1024;

export const READ_LIMITS: ReadLimits = {
  cells: 10_000_000,
  rowsPerSheet: 1_048_576,
  sharedStrings: 2_000_000,
  sharedStringChars: 100_000_000,
  partBytes: 1024 * MB,
  totalBytes: 2048 * MB,
};

/**
 * What a file read on the calling thread may take: beyond it the file moves to a worker thread (and its real
 * limits), so the thread that serves the window or the web host never holds a big workbook.
 */
export const THREAD_LIMITS: ReadLimits = {
  cells: 400_000,
  rowsPerSheet: 100_000,
  sharedStrings: 100_000,
  sharedStringChars: 4_000_000,
  partBytes: 48 * MB,
  totalBytes: 64 * MB,
};

/** Thrown while reading when a limit is reached; the reader's driver turns it into the refusal (or a retry). */
export class OverLimit extends Error {
  constructor(
    readonly which: keyof ReadLimits,
    readonly max: number,
    readonly where = '',
  ) {
    super(`over the ${which} limit (${max})`);
  }
}

const keys: Record<keyof ReadLimits, MessageKey> = {
  cells: 'ledgers.file.limit.cells',
  rowsPerSheet: 'ledgers.file.limit.rows',
  sharedStrings: 'ledgers.file.limit.sharedStrings',
  sharedStringChars: 'ledgers.file.limit.sharedStringChars',
  partBytes: 'ledgers.file.limit.part',
  totalBytes: 'ledgers.file.limit.total',
};

export function limitError(file: string, e: OverLimit): LedgerError {
  const bytes = e.which === 'partBytes' || e.which === 'totalBytes';
  return new LedgerError(keys[e.which], { file, max: bytes ? Math.round(e.max / MB) : e.max.toLocaleString('en-US'), where: e.where });
}

/** Counts what the reading takes in against the limits. */
export class Guard {
  private cellCount = 0;
  private inflated = 0;

  constructor(
    readonly limits: ReadLimits,
    private readonly counted = true,
  ) {}

  /** The same limit per part, for a second pass over a part that is already counted. */
  shadow(): Guard {
    return new Guard(this.limits, false);
  }

  cells(n: number): void {
    this.cellCount += n;
    if (this.cellCount > this.limits.cells) throw new OverLimit('cells', this.limits.cells);
  }

  row(sheet: string, rowNumber: number): void {
    if (rowNumber > this.limits.rowsPerSheet) throw new OverLimit('rowsPerSheet', this.limits.rowsPerSheet, sheet);
  }

  /** Inflated bytes of `part`, `partTotal` of them so far. */
  bytes(part: string, n: number, partTotal: number): void {
    if (this.counted) this.inflated += n;
    if (partTotal > this.limits.partBytes) throw new OverLimit('partBytes', this.limits.partBytes, part);
    if (this.inflated > this.limits.totalBytes) throw new OverLimit('totalBytes', this.limits.totalBytes);
  }
}
