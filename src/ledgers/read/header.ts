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

function mapLabels(matcher: HeaderMatcher, cols: string[][]): { columns: LedgerColumn[]; score: number; fields: number; strong: number } {
  const columns: LedgerColumn[] = [];
  const best = new Map<string, number>();
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
    const col: LedgerColumn = { column: columnLetter(i), header: alternatives.length > 1 && found ? shown : header, field: found?.field.key ?? null, confidence: found?.confidence ?? 0 };
    columns.push(col);
    if (found) {
      const prev = best.get(found.field.key);
      const prevCol = prev === undefined ? undefined : columns[prev];
      if (!prevCol || prevCol.confidence < col.confidence) {
        if (prevCol) {
          prevCol.field = null;
          prevCol.confidence = 0;
        }
        best.set(found.field.key, columns.length - 1);
      } else {
        col.field = null;
        col.confidence = 0;
      }
    }
  });
  let score = 0;
  let strong = 0;
  for (const c of columns) {
    score += c.confidence;
    if (c.confidence >= 0.8) strong++;
  }
  return { columns, score, fields: best.size, strong };
}

/** The best header among the first rows: most fields recognised, then most confidence; two rows only when better. */
export function detectHeader(rows: SheetRow[], matcher: HeaderMatcher): HeaderMatch | null {
  let best: (HeaderMatch & { score: number; fields: number }) | null = null;
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
  if (!best) return null;
  const { score: _s, fields: _f, ...match } = best;
  return match;
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
