// Quantities of different units are never added together. A total of pieces over counted items (顶, 张, 条, 箱 …) is
// meaningful — the plan counts its reserves that way ("10万余件") — so it stays; weighed or measured items (吨, kg,
// 升, 米 …) never join it and are totalled per unit beside it. Pure: the renderer uses it too.

/** Thousandths, as every quantity is stored (src/common/quantity.ts). */
const MILLI = 1000;

/** Units of weight, volume, length, area: measured, not counted. Compared trimmed and case-insensitively. */
const MEASURED = new Set(
  [
    '吨', 't', '公吨', 'kg', '千克', '公斤', '克', 'g', '斤', '两', 'mg', '毫克',
    '升', 'l', '公升', '毫升', 'ml', '立方米', '立方', '方', 'm³', 'm3',
    '米', 'm', '千米', '公里', 'km', '厘米', 'cm', '毫米', 'mm',
    '平方米', '平米', 'm²', 'm2', '亩',
  ].map((u) => u.toLowerCase()),
);

export function isMeasuredUnit(unit: string): boolean {
  return MEASURED.has(unit.trim().toLowerCase());
}

/**
 * An item is counted in pieces when its unit is not a measure and it is kept in whole units; an item of 个 kept
 * to decimals is not a count of pieces either, so the pieces total is always a whole number.
 */
export function isCountedItem(item: { unit: string; decimals: number }): boolean {
  return item.decimals === 0 && !isMeasuredUnit(item.unit);
}

export interface UnitQuantity {
  unit: string;
  quantity: number;
}

/** One total when every row has the same unit; otherwise a subtotal per unit, in order of first appearance. */
export type Totals = { kind: 'single'; unit: string; quantity: number } | { kind: 'perUnit'; subtotals: UnitQuantity[] };

/** Adds quantities per unit exactly (in thousandths), row by row: a streaming writer feeds it as it writes. */
export class UnitTotals {
  private readonly milli = new Map<string, number>();

  add(unit: string, quantity: number): void {
    const key = unit.trim();
    this.milli.set(key, (this.milli.get(key) ?? 0) + Math.round(quantity * MILLI));
  }

  /** Nothing added: an empty list has a total of zero in no unit. */
  get empty(): boolean {
    return this.milli.size === 0;
  }

  result(): Totals {
    const subtotals = [...this.milli].map(([unit, m]) => ({ unit, quantity: m / MILLI }));
    if (subtotals.length === 1) return { kind: 'single', ...subtotals[0]! };
    return { kind: 'perUnit', subtotals };
  }
}

/** The 合计 rule for a quantity column: one total, or per-unit subtotals when the units differ. */
export function totalsFor(rows: Iterable<UnitQuantity>): Totals {
  const totals = new UnitTotals();
  for (const r of rows) totals.add(r.unit, r.quantity);
  return totals.result();
}

/** Stock on hand as the overview states it: pieces over counted items, and each measured unit on its own. */
export interface OnHand {
  pieces: number;
  measured: UnitQuantity[];
}

export function onHandOf(groups: Iterable<{ unit: string; decimals: number; milli: number }>): OnHand {
  let pieces = 0;
  const measured = new Map<string, number>();
  for (const g of groups) {
    if (isCountedItem(g)) pieces += g.milli;
    else measured.set(g.unit.trim(), (measured.get(g.unit.trim()) ?? 0) + g.milli);
  }
  return {
    pieces: Math.round(pieces / MILLI),
    measured: [...measured]
      .filter(([, m]) => m !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([unit, m]) => ({ unit, quantity: m / MILLI })),
  };
}
