import { describe, expect, it } from 'vitest';
import { defaultDecimalsForUnit, toFen, toMilli } from '../../src/common/quantity.js';
import { addDays, daysBetween, isIsoDate } from '../../src/common/dates.js';

describe('quantities are exact', () => {
  it('reads typed decimals as the decimal a person meant', () => {
    expect(toMilli(0.1 + 0.2, 3)).toBe(300);
    expect(toMilli(1.235, 3)).toBe(1235);
    expect(toMilli('2,400.5'.replace(',', ''), 3)).toBe(2_400_500);
    expect(toMilli(100, 0)).toBe(100_000);
  });
  it('refuses more decimals than the unit allows', () => {
    expect(toMilli(1.5, 0)).toBeNull();
    expect(toMilli(1.2345, 3)).toBeNull();
    expect(toMilli('1.2345', 3)).toBeNull();
    expect(toMilli(Number.NaN, 3)).toBeNull();
  });
  it('gives measured units three decimals and counted units none', () => {
    expect(defaultDecimalsForUnit('kg')).toBe(3);
    expect(defaultDecimalsForUnit('米')).toBe(3);
    expect(defaultDecimalsForUnit('条')).toBe(0);
  });
  it('keeps money in whole 分', () => {
    expect(toFen(28.5)).toBe(2850);
    expect(toFen(0.1 + 0.2)).toBe(30);
    expect(toFen(1.005)).toBeNull();
  });
});

describe('calendar dates are days', () => {
  it('validates real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-5-1')).toBe(false);
  });
  it('adds days across month and year ends whatever the time zone', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });
});
