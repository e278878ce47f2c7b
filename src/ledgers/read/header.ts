// Finding the header row under a title and a 填报单位/日期 row, reading two-level merged headers, and mapping each
// column to a field by the bureau's header, a synonym, or a partial match (with less confidence).
import type { LedgerColumn } from '../../api/contract.ledgers.js';
import { type Cell, columnIndex, columnLetter, type SheetRow } from '../cells.js';
import type { FieldSpec } from '../kinds/kind.js';
import { cleanText, headerKey, headerStem } from '../normalise.js';

/** How far down a header may sit. */
export const HEADER_SCAN_ROWS = 30;

export interface HeaderMatch {
  /** Index in the scanned rows of the (lower) header row. */
  index: number;
  headerRow: number;
  headerRows: 1 | 2;
  columns: LedgerColumn[];
  /** Fields recognised, and the sum of their confidence: how well the kind fits the sheet. */
  fields: number;
  score: number;
}

interface Candidate {
  field: FieldSpec;
  confidence: number;
}

export class HeaderMatcher {
  private readonly exact = new Map<string, Candidate>();
  private readonly stems = new Map<string, Candidate>();
  private readonly partial: { key: string; field: FieldSpec }[] = [];

  constructor(readonly fields: readonly FieldSpec[]) {
    for (const field of fields) {
      const names = [field.header, field.key, ...(field.synonyms ?? [])];
      names.forEach((name, i) => {
        const key = headerKey(name);
        const confidence = i === 0 ? 1 : i === 1 ? 0.95 : 0.9;
        if (!this.exact.has(key)) this.exact.set(key, { field, confidence });
        const stem = headerStem(key);
        if (stem && !this.stems.has(stem)) this.stems.set(stem, { field, confidence: 0.8 });
        if (stem.length >= 2 && /[^\x00-\x7f]/.test(stem)) this.partial.push({ key: stem, field });
      });
    }
    this.partial.sort((a, b) => b.key.length - a.key.length);
  }

  match(label: string): Candidate | null {
    const key = headerKey(label);
    if (!key) return null;
    const hit = this.exact.get(key) ?? this.stems.get(headerStem(key));
    if (hit) return hit;
    const stem = headerStem(key);
    // A header that only contains a known name ("入库数量", "物资名称及规格") is a guess: shown, with low confidence.
    if (stem.length > 12) return null;
    const p = this.partial.find((x) => stem.includes(x.key));
    return p ? { field: p.field, confidence: 0.5 } : null;
  }
}

function text(c: Cell | undefined): string {
  return typeof c === 'string' ? cleanText(c) : typeof c === 'number' ? String(c) : '';
}

/** Labels for a one-row header, or for two rows where the upper row's merged group labels carry to the right. */
function labels(rows: SheetRow[], index: number, two: boolean): string[][] {
  const lower = rows[index]!.cells;
  if (!two) return lower.map((c) => [text(c)]);
  const upper = rows[index - 1]!.cells;
  const n = Math.max(lower.length, upper.length);
  const out: string[][] = [];
  let group = '';
  for (let i = 0; i < n; i++) {
    const u = text(upper[i]);
    const l = text(lower[i]);
    if (u) group = l ? u : '';
    const up = u || (l ? group : '');
    if (!l) out.push([up]);
    else out.push(up && up !== l ? [l, up + l, up] : [l]);
  }
  return out;
}

/** A guess from a header that only contains a known name: below this, a column is not taken for sure. */
const STRONG = 0.8;

function mapLabels(matcher: HeaderMatcher, cols: string[][]): { columns: LedgerColumn[]; score: number; fields: number; strong: number } {
  const columns: LedgerColumn[] = [];
  cols.forEach((alternatives, i) => {
    const header = alternatives[0] || alternatives[alternatives.length - 1] || '';
    let found: Candidate | null = null;
    let shown = header;
    for (const label of alternatives) {
      if (!label) continue;
      const m = matcher.match(label);
      if (m && (!found || m.confidence > found.confidence)) {
        found = m;
        shown = label;
      }
    }
    if (!header && !found) return;
    columns.push({ column: columnLetter(i), header: alternatives.length > 1 && found ? shown : header, field: found?.field.key ?? null, confidence: found?.confidence ?? 0 });
  });
  // One column per field. A sure match beats guesses (which are then left out); two sure matches, or two guesses
  // and nothing sure, stay as they are: a conflict the user settles (conflictsOf), never a silent choice.
  const byField = new Map<string, LedgerColumn[]>();
  for (const c of columns) if (c.field) byField.set(c.field, [...(byField.get(c.field) ?? []), c]);
  for (const claims of byField.values()) {
    if (claims.length < 2) continue;
    const sure = claims.filter((c) => c.confidence >= STRONG);
    if (sure.length === 0) continue;
    for (const c of claims) if (c.confidence < STRONG) Object.assign(c, { field: null, confidence: 0 });
  }
  let score = 0;
  let strong = 0;
  const counted = new Set<string>();
  for (const c of columns) {
    if (!c.field || counted.has(c.field)) continue;
    counted.add(c.field);
    score += c.confidence;
    if (c.confidence >= STRONG) strong++;
  }
  return { columns, score, fields: counted.size, strong };
}

export interface HeaderConflict {
  field: string;
  columns: { column: string; header: string }[];
}

/** Fields that more than one column was taken for: the import refuses the sheet until a mapping settles them. */
export function conflictsOf(columns: readonly LedgerColumn[]): HeaderConflict[] {
  const byField = new Map<string, { column: string; header: string }[]>();
  for (const c of columns) if (c.field) byField.set(c.field, [...(byField.get(c.field) ?? []), { column: c.column, header: c.header }]);
  return [...byField].filter(([, cols]) => cols.length > 1).map(([field, cols]) => ({ field, columns: cols }));
}

/** The best header among the first rows: most fields recognised, then most confidence; two rows only when better. */
export function detectHeader(rows: SheetRow[], matcher: HeaderMatcher): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  const limit = Math.min(rows.length, HEADER_SCAN_ROWS);
  for (let i = 0; i < limit; i++) {
    const one = mapLabels(matcher, labels(rows, i, false));
    let pick = { ...one, headerRows: 1 as 1 | 2 };
    // A lower header row names its own columns (数量, 单价, 金额 …); a data row under a header does not.
    if (i > 0 && rows[i - 1]!.row === rows[i]!.row - 1 && one.strong >= 2) {
      const two = mapLabels(matcher, labels(rows, i, true));
      if (two.fields > one.fields) pick = { ...two, headerRows: 2 };
    }
    if (pick.fields < 2 || pick.strong < 1) continue;
    if (!best || pick.fields > best.fields || (pick.fields === best.fields && pick.score > best.score + 1e-9)) {
      best = { index: i, headerRow: rows[i]!.row, headerRows: pick.headerRows, columns: pick.columns, score: pick.score, fields: pick.fields };
    }
  }
  return best;
}

/** The user's corrections: column letter → field key, or null to leave the column out. */
export function applyMapping(columns: LedgerColumn[], mapping: Record<string, string | null>): LedgerColumn[] {
  const out = columns.map((c) => ({ ...c }));
  for (const [letter, field] of Object.entries(mapping)) {
    if (field) for (const c of out) if (c.field === field && c.column !== letter) Object.assign(c, { field: null, confidence: 0 });
    const col = out.find((c) => c.column === letter);
    if (col) Object.assign(col, { field, confidence: 0 });
    else out.push({ column: letter, header: '', field, confidence: 0 });
  }
  return out.sort((a, b) => columnIndex(a.column) - columnIndex(b.column));
}

/** Lines above a header that are not its title: 填报单位, dates, units. */
const NOT_TITLE = /^(填报|填表|编制|制表|单位[:：]|日期[:：]|时间[:：]|截至|截止|金额单位|单位:)/;

/**
 * The sheet's title: the first line above the header that holds one text and little else (a merged title row,
 * "一号仓库物资台账"), not a 填报单位/日期 line.
 */
export function titleAbove(rows: SheetRow[], index: number): { text: string; row: number } | null {
  for (let i = 0; i < index; i++) {
    const filled = rows[i]!.cells.filter((c) => c !== null && c !== undefined && !(typeof c === 'string' && !c.trim()));
    const first = filled[0];
    if (filled.length === 0 || filled.length > 2 || typeof first !== 'string') continue;
    const t = cleanText(first).replace(/\s+/g, '');
    if (t && !NOT_TITLE.test(t)) return { text: t, row: rows[i]!.row };
  }
  return null;
}
