// Village coverage (domain.md §5): every 行政村/社区 needs, of each kind in the rule, enough units that work today —
// in use or in store at that village, not failed, test not overdue, and for phones airtime not expired.
import type { CoverageReason, CoverageReport, VillageCoverage } from '../api/contract.equipment.js';
import type { Db } from '../db/executor.js';
import { message } from '../i18n/messages.js';
import { getSetting } from '../settings/settings.js';
import { readiness } from './readiness.js';
import { equipmentKinds, readinessRules } from './registry.js';

export function coverage(db: Db, f: { streetCode?: string } = {}): CoverageReport {
  const rule = getSetting(db, 'coverage.rule');
  const rules = readinessRules(db);
  const kinds = new Map(equipmentKinds(db).map((k) => [k.code, k]));
  const required = Object.entries(rule).filter(([k, n]) => n > 0 && kinds.has(k));

  let vq = db.q
    .selectFrom('area as v')
    .innerJoin('area as s', 's.id', 'v.parent_id')
    .select(['v.id', 'v.code', 'v.name', 's.code as street_code', 's.name as street_name'])
    .where('v.level', '=', 'village');
  if (f.streetCode) vq = vq.where('s.code', '=', f.streetCode);
  const villages = db.all(vq.orderBy('s.code').orderBy('v.code'));

  const units = db.all(
    db.q
      .selectFrom('equipment')
      .select(['kind', 'status', 'village_id', 'last_test_date', 'last_test_passed', 'airtime_expiry'])
      .where('village_id', 'is not', null)
      .where('kind', 'in', required.length ? required.map(([k]) => k) : ['-']),
  );
  const byVillage = new Map<number, typeof units>();
  for (const u of units) {
    const list = byVillage.get(u.village_id!) ?? [];
    list.push(u);
    byVillage.set(u.village_id!, list);
  }

  const result: VillageCoverage[] = villages.map((v) => {
    const here = byVillage.get(v.id) ?? [];
    const perKind = required.map(([code, need]) => {
      const kind = kinds.get(code)!;
      const states = here.filter((u) => u.kind === code).map((u) => ({ u, r: readiness(u, kind, rules) }));
      const working = states.filter((s) => s.r.working).length;
      let reason: CoverageReason | null = null;
      if (working < need) {
        const live = states.filter((s) => s.r.serviceable || s.u.status === 'repair');
        if (live.length === 0) reason = 'none';
        else if (live.every((s) => s.u.status === 'repair' || s.u.last_test_passed === 0)) reason = 'broken';
        else if (live.some((s) => s.r.airtimeExpired)) reason = 'airtime';
        else reason = 'overdue';
      }
      return { kind: code, kindName: kind.name, working, required: need, reason, kindEn: kind.name_en };
    });
    const reasons = perKind
      .filter((k) => k.reason)
      .map((k) => message(`coverage.${k.reason!}`, { kind: k.kindName, kindEn: k.kindEn }).zh);
    return {
      streetCode: v.street_code,
      street: v.street_name,
      villageCode: v.code,
      village: v.name,
      covered: perKind.every((k) => k.reason === null),
      kinds: perKind.map(({ kindEn: _, ...k }) => k),
      reasons,
    };
  });

  const streets = new Map<string, { code: string; name: string; villages: number; covered: number; rate: number }>();
  for (const v of result) {
    const s = streets.get(v.streetCode) ?? { code: v.streetCode, name: v.street, villages: 0, covered: 0, rate: 0 };
    s.villages++;
    if (v.covered) s.covered++;
    streets.set(v.streetCode, s);
  }
  for (const s of streets.values()) s.rate = s.villages ? s.covered / s.villages : 1;
  const covered = result.filter((v) => v.covered).length;
  return { rate: result.length ? covered / result.length : 1, villages: result, streets: [...streets.values()], rule };
}
