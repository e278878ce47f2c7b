// What the catalogue-like kinds (areas, locations, items) share on import: rows are checked against the contract's
// own input schema, a row already in the ledger exactly as written is skipped, one that differs is an error.
import type { z } from 'zod';
import { LedgerError } from '../../common/errors.js';
import { message, type MessageKey } from '../../i18n/messages.js';
import type { ErrorSink, ParsedRow } from './kind.js';

/** Runs the contract's schema over a row's values; each issue becomes an error on the field it names. */
export function checkSchema<S extends z.ZodType>(schema: S, input: Record<string, unknown>, row: ParsedRow, errors: ErrorSink): z.output<S> | null {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  for (const issue of r.error.issues) {
    const field = String(issue.path[0] ?? '');
    const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(issue.message);
    errors.failText(row, field || null, m ? m[1]! : issue.message, m ? m[2]! : issue.message);
  }
  return null;
}

/** A core refusal (LedgerError with a field) as an error on that field's column. */
export function failFromCore(e: unknown, row: ParsedRow, errors: ErrorSink, fieldMap: Record<string, string> = {}): void {
  if (!(e instanceof LedgerError)) throw e;
  const field = e.field ? (fieldMap[e.field] ?? e.field) : null;
  errors.failText(row, field, e.zh, e.en);
}

/** The first field whose stored value differs from the file's, or null when the row is already in the ledger. */
export function firstDifference(current: Record<string, unknown>, given: Record<string, unknown>): string | null {
  for (const [k, v] of Object.entries(given)) {
    if (v === undefined) continue;
    const now = current[k] ?? null;
    if ((now ?? '') !== (v ?? '')) return k;
  }
  return null;
}

export function existsError(
  errors: ErrorSink,
  row: ParsedRow,
  what: MessageKey,
  code: string,
  field: string,
  header: string,
  current: unknown,
  given: unknown,
): void {
  const w = message(what);
  const t = message('ledgers.row.exists', {
    what: w.zh,
    whatEn: w.en,
    code,
    field: header,
    current: String(current ?? ''),
    given: String(given ?? ''),
  });
  errors.failText(row, field, t.zh, t.en);
}

/** Rows in file order, remembering the first row of each code to name duplicates. */
export class Seen {
  private readonly first = new Map<string, number>();
  /** The row that had this key first, or null when it is new. */
  check(key: string, row: number): number | null {
    const at = this.first.get(key);
    if (at !== undefined) return at;
    this.first.set(key, row);
    return null;
  }
}
