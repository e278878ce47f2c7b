// Quantities are stored as integer thousandths of a unit, money as integer 分: never binary floats that are summed.
import { isMeasuredUnit } from './units.js';

export const MILLI = 1000;

/** Units measured by weight, volume or length allow up to 3 decimals; everything else is counted whole. */
export function defaultDecimalsForUnit(unit: string): number {
  return isMeasuredUnit(unit) ? 3 : 0;
}

/** Parses a decimal quantity exactly; returns null when it has more decimals than allowed or is not a number. */
export function toMilli(value: number | string, decimals: number): number | null {
  if (typeof value === 'number') return numberToMilli(value, decimals);
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!m) return null;
  const frac = (m[3] ?? '').replace(/0+$/, '');
  if (frac.length > decimals) return null;
  const milli = Number(m[2]) * MILLI + Number(frac.padEnd(3, '0') || '0');
  if (!Number.isSafeInteger(milli)) return null;
  return m[1] === '-' ? -milli : milli;
}

/** A binary float such as 0.1 + 0.2 is read as the decimal a person typed; more decimals than allowed is null. */
function numberToMilli(n: number, decimals: number): number | null {
  if (!Number.isFinite(n)) return null;
  if (Number.isInteger(n)) return Number.isSafeInteger(n * MILLI) ? n * MILLI : null;
  const milli = Math.round(n * MILLI);
  if (Math.abs(n * MILLI - milli) > 1e-6 * Math.max(1, Math.abs(milli))) return null;
  if (!Number.isSafeInteger(milli) || milli % 10 ** (3 - decimals) !== 0) return null;
  return milli;
}

export function fromMilli(milli: number): number {
  return milli / MILLI;
}

export function toFen(value: number | string): number | null {
  const milli = toMilli(value, 2);
  return milli === null ? null : milli / 10;
}

export function fromFen(fen: number): number {
  return fen / 100;
}
