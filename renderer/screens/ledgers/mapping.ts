// The user's corrections of the detected column mapping, applied here the way the core applies them (see
// applyMapping in src/ledgers/read/header.ts), so the wizard shows the result without reading the file again.
import type { LedgerColumn, LedgerField, LedgerSheetInspection } from '../../../src/api/contract.ledgers';

/** Column letter → field key, or null to leave the column out. Only what the user changed. */
export type MappingOverrides = Record<string, string | null>;

export interface ShownColumn extends LedgerColumn {
  /** The user chose this column's field (or chose to ignore it). */
  manual: boolean;
}

export function applyOverrides(columns: readonly LedgerColumn[], overrides: MappingOverrides): ShownColumn[] {
  const out: ShownColumn[] = columns.map((c) => ({ ...c, manual: false }));
  for (const [letter, field] of Object.entries(overrides)) {
    // One column per field: the one the user chose takes it from any other.
    if (field) for (const c of out) if (c.field === field && c.column !== letter) Object.assign(c, { field: null, confidence: 0 });
    const col = out.find((c) => c.column === letter);
    if (col) Object.assign(col, { field, confidence: 0, manual: true });
  }
  return out;
}

/** Required fields no column is mapped to. */
export function missingFields(fields: readonly LedgerField[], columns: readonly LedgerColumn[]): LedgerField[] {
  const mapped = new Set(columns.map((c) => c.field).filter(Boolean));
  return fields.filter((f) => f.required && !mapped.has(f.key));
}

/** Sets one column's field; choosing what the detection chose drops the override. */
export function withOverride(overrides: MappingOverrides, detected: readonly LedgerColumn[], letter: string, field: string | null): MappingOverrides {
  const next = { ...overrides };
  const original = detected.find((c) => c.column === letter);
  if (original && original.field === field && !Object.values(overrides).some((f) => f !== null && f === field)) delete next[letter];
  else next[letter] = field;
  return next;
}

/**
 * Overrides worth keeping for a new file (the user fixed the file and chose it again): those whose column still
 * carries the same header in every sheet that has it.
 */
export function keepOverrides(overrides: MappingOverrides, before: readonly LedgerSheetInspection[], after: readonly LedgerSheetInspection[]): MappingOverrides {
  const headerOf = (sheets: readonly LedgerSheetInspection[], letter: string) =>
    new Set(sheets.flatMap((s) => s.columns.filter((c) => c.column === letter).map((c) => c.header)));
  const kept: MappingOverrides = {};
  for (const [letter, field] of Object.entries(overrides)) {
    const a = [...headerOf(before, letter)].sort().join('|');
    const b = [...headerOf(after, letter)].sort().join('|');
    if (a && a === b) kept[letter] = field;
  }
  return kept;
}

/** The first values of a column in the preview rows, for recognising it. */
export function sampleOf(sheet: LedgerSheetInspection, letter: string, max = 3): string {
  const values: string[] = [];
  for (const r of sheet.preview) {
    const v = r.cells[letter];
    if (v && !values.includes(v)) values.push(v);
    if (values.length >= max) break;
  }
  return values.join(' · ');
}
