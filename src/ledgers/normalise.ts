// Cell values as people type them into Chinese spreadsheets, made exact: full-width digits, thousands separators,
// stray spaces, a unit after the number, dates in half a dozen spellings, and numbers Excel has already mangled.
import { addDays, isIsoDate } from '../common/dates.js';
import type { MessageKey, MessageParams } from '../i18n/messages.js';
import { type Cell, displayText, isDateCell, numberText } from './cells.js';

/** A value that could not be read, with the message that says why. */
export class Problem {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams = {},
  ) {}
}

export const isProblem = (v: unknown): v is Problem => v instanceof Problem;

/** Excel keeps at most 32,767 characters in a cell; anything longer did not come from a spreadsheet. */
export const MAX_CELL = 32_767;

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/g;
const HAS_FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
/** Full-width ASCII (０-９, Ａ-Ｚ, ．，－ …) and the ideographic space to their half-width forms. */
export function halfWidth(s: string): string {
  if (!HAS_FULL_WIDTH.test(s)) return s;
  return s.replace(FULL_WIDTH, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

const FORMULA_GUARD = /^'+(?=[=+\-@\t\r])/;

/**
 * Free text: trimmed (also of full-width and no-break spaces), with the apostrophe our exports put before text a
 * spreadsheet would run as a formula taken off again. Spaces inside are the user's ("成人 船用"): kept.
 */
export function cleanText(s: string): string {
  let t = s.trim();
  if (t.charCodeAt(0) === 39 && FORMULA_GUARD.test(t)) t = t.slice(1);
  return t;
}

/** Exports: text a spreadsheet would run as a formula gets a leading apostrophe, which `cleanText` removes. */
export function guardFormula(s: string): string {
  return /^'*[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function cellProblem(c: Cell): Problem | null {
  if (typeof c === 'object' && c !== null) {
    if ('e' in c) return new Problem('ledgers.value.cellError', { value: c.e });
    if ('f' in c) return new Problem('ledgers.value.formula');
  }
  return null;
}

/** Free text (names, notes): numbers as a person would have typed them. */
export function readText(c: Cell, max: number): string | Problem | undefined {
  const p = cellProblem(c);
  if (p) return p;
  if (c === null || c === undefined) return undefined;
  const t = typeof c === 'string' ? cleanText(c) : displayText(c);
  if (!t) return undefined;
  return t.length > max ? new Problem('ledgers.value.tooLong', { max }) : t;
}

const SCIENTIFIC = /^[+-]?\d+(\.\d+)?E[+-]?\d+$/i;

/**
 * A number as Excel shows it in the formula bar: at most 15 significant digits (89860112345678900000 for a
 * 20-digit serial it rounded), never the binary double's own tail (…905344).
 */
export function excelDigits(n: number): string {
  if (!Number.isFinite(n) || Math.abs(n) < 1e15) return numberText(n);
  return Number(n.toPrecision(15)).toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 0 });
}

/**
 * Exact text for codes, serial and phone numbers. A number Excel stored with 16 or more digits, or text in
 * scientific notation, has already lost digits: that is an error, never a guess.
 */
export function readExactText(c: Cell, max: number, spaces = false): string | Problem | undefined {
  const p = cellProblem(c);
  if (p) return p;
  if (c === null || c === undefined) return undefined;
  let t: string;
  if (typeof c === 'number') {
    if (!Number.isFinite(c) || Math.abs(c) >= 1e15 || (!Number.isInteger(c) && String(c).replace(/[-.]/g, '').length >= 16)) {
      return new Problem('ledgers.value.lostDigits', { value: excelDigits(c) });
    }
    t = numberText(c);
  } else if (typeof c === 'string') {
    t = halfWidth(cleanText(c)).trim();
    if (SCIENTIFIC.test(t)) return new Problem('ledgers.value.lostDigits', { value: t });
  } else t = displayText(c);
  if (!t) return undefined;
  if (t.length > max) return new Problem('ledgers.value.tooLong', { max });
  if (!spaces && /\s/.test(t)) return new Problem('ledgers.value.code', { value: t });
  return t;
}

export interface QuantityText {
  value: number;
  /** The unit written after the number ("120件"), to be checked against the item's unit. */
  unit: string | null;
}

const THOUSANDS = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

/** A number typed as text: full-width digits, thousands separators, spaces; optionally a unit after it. */
function parseNumberText(raw: string, allowUnit: boolean): { value: number; unit: string | null } | null {
  let t = halfWidth(raw).replace(/[\s\u00A0]/g, '').replace(/，/g, ',');
  t = t.replace(/^[¥￥]/, '');
  let unit: string | null = null;
  const m = /^([+-]?[\d.,]+)([^\d.,+-].*)$/.exec(t);
  if (m) {
    if (!allowUnit) return null;
    t = m[1]!;
    unit = m[2]!;
  }
  if (t.includes(',')) {
    const unsigned = t.replace(/^[+-]/, '');
    if (!THOUSANDS.test(unsigned)) return null;
    t = t.replace(/,/g, '');
  }
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return null;
  return { value: Number(t), unit };
}

/** A quantity: zero or more (zero is for the caller to judge), negative is an error, a trailing unit is kept. */
export function readQuantity(c: Cell): QuantityText | Problem | undefined {
  const p = cellProblem(c);
  if (p) return p;
  if (c === null || c === undefined) return undefined;
  let q: { value: number; unit: string | null } | null;
  if (typeof c === 'number') q = Number.isFinite(c) ? { value: c, unit: null } : null;
  else if (typeof c === 'string') {
    if (!c.trim()) return undefined;
    q = parseNumberText(c, true);
  } else q = null;
  if (!q) return new Problem('ledgers.value.number', { value: displayText(c) });
  if (q.value < 0) return new Problem('ledgers.value.negative', { value: displayText(c) });
  return q;
}

/** Money in 元: "1,200.50", "¥1200.5", "1200.50元". At most two decimals. */
export function readMoney(c: Cell): number | Problem | undefined {
  const p = cellProblem(c);
  if (p) return p;
  if (c === null || c === undefined) return undefined;
  let v: number | null = null;
  if (typeof c === 'number') v = Number.isFinite(c) ? c : null;
  else if (typeof c === 'string') {
    if (!c.trim()) return undefined;
    const q = parseNumberText(c, true);
    v = q && (q.unit === null || q.unit === '元') ? q.value : null;
  }
  if (v === null || v < 0) return new Problem('ledgers.value.money', { value: displayText(c) });
  const fen = Math.round(v * 100);
  if (Math.abs(v * 100 - fen) > 1e-6 * Math.max(1, Math.abs(fen))) return new Problem('ledgers.value.money', { value: displayText(c) });
  return fen / 100;
}

/** A whole number, optionally followed by a unit word that the caller accepts (e.g. 天). */
export function readInteger(c: Cell, units: readonly string[] = []): number | Problem | undefined {
  const p = cellProblem(c);
  if (p) return p;
  if (c === null || c === undefined) return undefined;
  let v: number | null = null;
  if (typeof c === 'number') v = c;
  else if (typeof c === 'string') {
    if (!c.trim()) return undefined;
    const q = parseNumberText(c, units.length > 0);
    v = q && (q.unit === null || units.includes(q.unit)) ? q.value : null;
  }
  if (v === null || !Number.isSafeInteger(v)) return new Problem('ledgers.value.integer', { value: displayText(c) });
  return v;
}

const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 as YYYY-MM-DD; a ledger repeats its days, so each is formatted once. */
const dayText = new Map<number, string>();
function utcDay(days: number): string {
  let t = dayText.get(days);
  if (t === undefined) {
    t = new Date(days * DAY_MS).toISOString().slice(0, 10);
    if (dayText.size < 100_000) dayText.set(days, t);
  }
  return t;
}

/** An Excel serial as a calendar day (the 1900 system counts from 1899-12-30 once past its phantom 29 Feb). */
export function serialToDate(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return null;
  return utcDay(Math.floor(((date1904 ? EPOCH_1904 : EPOCH_1900) + Math.floor(serial) * DAY_MS) / DAY_MS));
}

const DATE_PATTERNS: RegExp[] = [
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/** A calendar day from a date cell, a serial number, or text such as 2023.5.1, 2023/05/01, 2023年5月1日, 20230501. */
export function readDate(c: Cell, date1904 = false): string | Problem | undefined {
  const p = cellProblem(c);
  if (p) return p;
  if (c === null || c === undefined) return undefined;
  let day: string | null = null;
  if (isDateCell(c)) day = utcDay(Math.floor(c.d / DAY_MS));
  else if (typeof c === 'number') day = serialToDate(c, date1904);
  else if (typeof c === 'string') {
    const t = halfWidth(c).trim();
    if (!t) return undefined;
    for (const re of DATE_PATTERNS) {
      const m = re.exec(t);
      if (m) {
        const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
        day = isIsoDate(iso) ? iso : null;
        break;
      }
    }
  }
  if (!day) return new Problem('ledgers.value.date', { value: displayText(c) });
  if (day < '1950-01-01' || day > '2199-12-31') return new Problem('ledgers.value.dateRange', { value: day });
  return day;
}

export interface Duration {
  days?: number;
  months?: number;
}

/** A shelf life written as a duration: 365天, 24个月, 2年 (a bare number means days). */
export function readDuration(c: Cell): Duration | null {
  if (typeof c === 'number') return Number.isSafeInteger(c) && c > 0 ? { days: c } : null;
  if (typeof c !== 'string') return null;
  const m = /^(\d+)\s*(天|日|个月|月|年)?$/.exec(halfWidth(c).trim());
  if (!m) return null;
  const n = Number(m[1]);
  if (n <= 0) return null;
  const unit = m[2] ?? '天';
  if (unit === '天' || unit === '日') return { days: n };
  return { months: unit === '年' ? n * 12 : n };
}

/** The day a duration after `from` ends: calendar months for months and years, so 24个月 from 2024-01-31 is 2026-01-31. */
export function addDuration(from: string, d: Duration): string {
  if (d.days !== undefined) return addDays(from, d.days);
  const [y, m, day] = from.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + (d.months ?? 0);
  const ty = Math.floor(total / 12);
  const tm = total % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return new Date(Date.UTC(ty, tm, Math.min(day, last))).toISOString().slice(0, 10);
}

/**
 * A header as written, reduced to what identifies it: no spaces, line breaks, 「*」 marks or a trailing colon,
 * half-width, every kind of bracket written as ( ).
 */
export function headerKey(s: string): string {
  return halfWidth(s)
    .replace(/[\s\u00A0*※]/g, '')
    .replace(/[【\[〔〈《]/g, '(')
    .replace(/[】\]〕〉》]/g, ')')
    .replace(/[:：]+$/, '')
    .toLowerCase();
}

/** The same without a bracketed unit or remark: 单价(元) → 单价, 容纳人数（人） → 容纳人数, 村(社区) → 村. */
export function headerStem(key: string): string {
  return key.replace(/\([^)]*\)/g, '');
}

/** For choices (类型, 级别 …): half-width, no spaces or brackets. */
export function choiceKey(s: string): string {
  return halfWidth(s).replace(/[\s\u00A0()]/g, '').toLowerCase();
}
