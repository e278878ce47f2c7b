// Quantities are stored as integer thousandths of a unit, money as integer 分: never binary floats that are summed.
export const MILLI = 1000;

/** Units measured by weight, volume or length allow up to 3 decimals; everything else is counted whole. */
const MEASURED_UNITS = new Set(['吨', 't', 'kg', '千克', '公斤', '克', 'g', '升', 'l', 'L', '毫升', 'ml', '米', 'm', '千米', '立方米', 'm³', '平方米', 'm²']);

export function defaultDecimalsForUnit(unit: string): number {
  return MEASURED_UNITS.has(unit.trim()) ? 3 : 0;
}

/** Parses a decimal quantity exactly; returns null when it has more decimals than allowed or is not a number. */
export function toMilli(value: number | string, decimals: number): number | null {
  const text = typeof value === 'number' ? numberToPlainString(value) : value.trim();
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const frac = (m[3] ?? '').replace(/0+$/, '');
  if (frac.length > decimals) return null;
  const milli = Number(m[2]) * MILLI + Number(frac.padEnd(3, '0') || '0');
  if (!Number.isSafeInteger(milli)) return null;
  return m[1] === '-' ? -milli : milli;
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

function numberToPlainString(n: number): string {
  if (!Number.isFinite(n)) return 'NaN';
  // Round away binary noise such as 0.1 + 0.2 before judging the number of decimals.
  return Number(n.toPrecision(15)).toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 12 });
}
