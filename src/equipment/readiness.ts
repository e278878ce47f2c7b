// When a unit's next readiness test is due, and whether it counts as working today (domain.md §5).
import { addDays } from '../common/dates.js';
import type { EquipmentKindTable, EquipmentStatus } from '../db/schema.js';

export interface ReadinessRules {
  today: string;
  seasonMonths: number[];
}

/** A pre-season inspection done within this many days before the season starts covers that season. */
const PRESEASON_WINDOW_DAYS = 60;

export function inSeason(date: string, months: number[]): boolean {
  return months.includes(Number(date.slice(5, 7)));
}

function seasonStart(year: number, months: number[]): string {
  const first = Math.min(...months);
  return `${year}-${String(first).padStart(2, '0')}-01`;
}

/** The day the next test falls due; a unit never tested is due today. */
export function nextTestDue(
  kind: Pick<EquipmentKindTable, 'test_plan' | 'test_days_in_season' | 'test_days_off_season'>,
  lastTest: string | null,
  rules: ReadinessRules,
): string | null {
  if (!lastTest) return rules.today;
  if (kind.test_plan === 'preseason') {
    const covered = addDays(lastTest, PRESEASON_WINDOW_DAYS);
    const year = Number(covered.slice(0, 4));
    const start = seasonStart(year, rules.seasonMonths);
    return start > covered ? start : seasonStart(year + 1, rules.seasonMonths);
  }
  const days = inSeason(rules.today, rules.seasonMonths) ? kind.test_days_in_season : kind.test_days_off_season;
  return days ? addDays(lastTest, days) : null;
}

export interface UnitState {
  kind: string;
  status: EquipmentStatus;
  village_id: number | null;
  last_test_date: string | null;
  last_test_passed: number | null;
  airtime_expiry: string | null;
}

export function readiness(
  unit: UnitState,
  kind: Pick<EquipmentKindTable, 'test_plan' | 'test_days_in_season' | 'test_days_off_season'>,
  rules: ReadinessRules,
) {
  const due = nextTestDue(kind, unit.last_test_date, rules);
  const testOverdue = due !== null && due < rules.today;
  const airtimeExpired = unit.kind === 'satellite_phone' && unit.airtime_expiry !== null && unit.airtime_expiry < rules.today;
  const serviceable = unit.status === 'in_use' || unit.status === 'in_store';
  const working = serviceable && unit.village_id !== null && unit.last_test_passed !== 0 && !testOverdue && !airtimeExpired;
  return { due, testOverdue, airtimeExpired, serviceable, working };
}
