import { describe, expect, it } from 'vitest';
import { isCountedItem, isMeasuredUnit, onHandOf, totalsFor, UnitTotals } from '../../src/common/units.js';

describe('the 合计 rule', () => {
  it('gives one total when every row has the same unit, exactly in thousandths', () => {
    expect(totalsFor([{ unit: '吨', quantity: 0.1 }, { unit: '吨', quantity: 0.2 }, { unit: ' 吨', quantity: 1.005 }])).toEqual({ kind: 'single', unit: '吨', quantity: 1.305 });
  });

  it('gives a subtotal per unit, in order of first appearance, when units differ: 顶, 条 and 箱 are never added', () => {
    const t = totalsFor([
      { unit: '顶', quantity: 120 },
      { unit: '条', quantity: 3000 },
      { unit: '顶', quantity: 30 },
      { unit: '箱', quantity: 45 },
    ]);
    expect(t).toEqual({ kind: 'perUnit', subtotals: [{ unit: '顶', quantity: 150 }, { unit: '条', quantity: 3000 }, { unit: '箱', quantity: 45 }] });
  });

  it('is fed row by row by a streaming writer, and knows when nothing came', () => {
    const acc = new UnitTotals();
    expect(acc.empty).toBe(true);
    acc.add('米', 12.25);
    acc.add('米', 0.75);
    expect(acc.empty).toBe(false);
    expect(acc.result()).toEqual({ kind: 'single', unit: '米', quantity: 13 });
  });
});

describe('counted and measured items', () => {
  it('knows measures of weight, volume, length and area in Chinese and Latin, whatever the case', () => {
    for (const u of ['吨', 'kg', 'KG', '公斤', '千克', '克', '升', 'L', '毫升', '米', 'm', '平方米', '立方米']) expect(isMeasuredUnit(u), u).toBe(true);
    for (const u of ['顶', '张', '条', '箱', '个', '件', '台', '套', '包']) expect(isMeasuredUnit(u), u).toBe(false);
  });

  it('counts pieces only of whole-unit items that are not measures, so the pieces total is whole', () => {
    expect(isCountedItem({ unit: '条', decimals: 0 })).toBe(true);
    expect(isCountedItem({ unit: '个', decimals: 1 })).toBe(false);
    expect(isCountedItem({ unit: 'kg', decimals: 0 })).toBe(false);
    const held = onHandOf([
      { unit: '顶', decimals: 0, milli: 120_000 },
      { unit: '条', decimals: 0, milli: 3_000_000 },
      { unit: '米', decimals: 3, milli: 1_250 },
      { unit: 'kg', decimals: 3, milli: 500 },
      { unit: '米', decimals: 3, milli: 750 },
    ]);
    expect(held).toEqual({ pieces: 3120, measured: [{ unit: 'kg', quantity: 0.5 }, { unit: '米', quantity: 2 }] });
  });
});
