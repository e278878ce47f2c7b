// The shelter registry (避灾安置场所名录), its checklist evaluation and the standardisation KPI.
import type { z } from 'zod';
import type { ShelterKpi, ShelterView, shelterCreateInput, shelterInspectInput, shelterUpdateInput, shelterUseInput } from '../api/contract.equipment.js';
import { today } from '../common/dates.js';
import { LedgerError } from '../common/errors.js';
import type { Db } from '../db/executor.js';
import { requireArea } from '../places/areas.js';
import { getSetting } from '../settings/settings.js';
import { type StockAgainstNorms, stockAgainstNorms } from '../norms/against.js';
import { evaluateChecklist } from './checklist.js';

function shelterQuery(db: Db) {
  return db.q
    .selectFrom('shelter as sh')
    .innerJoin('area as a', 'a.id', 'sh.area_id')
    .leftJoin('area as ap', 'ap.id', 'a.parent_id')
    .leftJoin('location as l', 'l.id', 'sh.location_id')
    .selectAll('sh')
    .select((eb) => [
      'a.code as area_code',
      'a.name as area_name',
      'l.code as location_code',
      eb.case().when('a.level', '=', 'street').then(eb.ref('a.code')).when('a.level', '=', 'village').then(eb.ref('ap.code')).else(null).end().as('street_code'),
      eb.case().when('a.level', '=', 'street').then(eb.ref('a.name')).when('a.level', '=', 'village').then(eb.ref('ap.name')).else(null).end().as('street_name'),
    ]);
}

type ShelterRow = NonNullable<ReturnType<typeof findShelter>>;

function findShelter(db: Db, code: string) {
  return db.get(shelterQuery(db).where('sh.code', '=', code));
}

function requireShelter(db: Db, code: string): ShelterRow {
  const s = findShelter(db, code);
  if (!s) throw new LedgerError('shelter.notFound', { code }, 'code');
  return s;
}

/** Evaluates many shelters with three queries, not three per shelter. */
function views(db: Db, rows: ShelterRow[], against?: StockAgainstNorms): ShelterView[] {
  if (rows.length === 0) return [];
  const on = today();
  const ids = rows.map((r) => r.id);
  const inspections = new Map<number, Map<string, { date: string; inspector: string; passed: number }>>();
  for (const i of db.all(
    db.q.selectFrom('shelter_inspection').select(['shelter_id', 'item', 'date', 'inspector', 'passed']).where('shelter_id', 'in', ids).orderBy('date').orderBy('id'),
  )) {
    const m = inspections.get(i.shelter_id) ?? new Map();
    m.set(i.item, i);
    inspections.set(i.shelter_id, m);
  }
  const expired = new Map<number, number>();
  for (const e of db.all(
    db.q
      .selectFrom('balance as b')
      .innerJoin('batch as t', 't.id', 'b.batch_id')
      .select((eb) => ['b.location_id', eb.fn.countAll<number>().as('n')])
      .where('b.qty_milli', '>', 0)
      .where('t.expiry_date', '<', on)
      .groupBy('b.location_id'),
  )) {
    expired.set(e.location_id, Number(e.n));
  }
  const below = new Map<number, number>();
  for (const l of (against ?? stockAgainstNorms(db, on)).lines) if (l.usableMilli < l.requiredMilli) below.set(l.place.id, (below.get(l.place.id) ?? 0) + 1);
  const appraisalYears = getSetting(db, 'shelters.appraisalYears');
  const areaPerPerson = getSetting(db, 'shelters.areaPerPerson');
  return rows.map((r) => {
    const facilities = r.facilities ? (JSON.parse(r.facilities) as string[]) : [];
    const checklist = evaluateChecklist({
      shelter: r,
      facilities,
      inspections: inspections.get(r.id) ?? new Map(),
      expiredBatches: r.location_id === null ? null : (expired.get(r.location_id) ?? 0),
      itemsBelowNorm: r.location_id === null ? 0 : (below.get(r.location_id) ?? 0),
      today: on,
      appraisalYears,
      areaPerPerson,
    });
    const failing = checklist.filter((c) => c.passed !== true).map((c) => c.item);
    return {
      code: r.code,
      name: r.name,
      level: r.level,
      type: r.type,
      areaCode: r.area_code,
      areaName: r.area_name,
      streetCode: r.street_code,
      street: r.street_name,
      address: r.address,
      latitude: r.latitude,
      longitude: r.longitude,
      structure: r.structure,
      buildingArea: r.building_area_m2,
      usableArea: r.usable_area_m2,
      capacity: r.capacity,
      plannedEvacuees: r.planned_evacuees,
      manager: r.manager,
      managerPhone: r.manager_phone,
      appraisalDate: r.appraisal_date,
      appraisalPassed: r.appraisal_passed === null ? null : r.appraisal_passed === 1,
      facilities,
      inUse: r.in_use === 1,
      outOfUseReason: r.out_of_use_reason,
      locationCode: r.location_code,
      standardised: failing.length === 0,
      checklist,
      failing,
    };
  });
}

/** `against` lets a caller that already compared stock with norms (the gap engine) hand it over instead. */
export function listShelters(db: Db, f: { streetCode?: string; level?: 'district' | 'street' | 'village'; search?: string } = {}, against?: StockAgainstNorms): ShelterView[] {
  let q = shelterQuery(db);
  if (f.streetCode) {
    const street = f.streetCode;
    q = q.where((eb) => eb.or([eb('a.code', '=', street), eb('ap.code', '=', street)]));
  }
  if (f.level) q = q.where('sh.level', '=', f.level);
  if (f.search) {
    const like = `%${f.search}%`;
    q = q.where((eb) => eb.or([eb('sh.name', 'like', like), eb('sh.code', 'like', like), eb('sh.address', 'like', like)]));
  }
  return views(db, db.all(q.orderBy('sh.code')), against);
}

function shelterView(db: Db, code: string): ShelterView {
  return views(db, [requireShelter(db, code)])[0]!;
}

type ShelterFields = Partial<z.output<typeof shelterCreateInput>>;

function columns(db: Db, input: ShelterFields) {
  const set: Record<string, unknown> = {};
  const map: [keyof ShelterFields, string][] = [
    ['name', 'name'],
    ['level', 'level'],
    ['type', 'type'],
    ['address', 'address'],
    ['latitude', 'latitude'],
    ['longitude', 'longitude'],
    ['structure', 'structure'],
    ['buildingArea', 'building_area_m2'],
    ['usableArea', 'usable_area_m2'],
    ['capacity', 'capacity'],
    ['plannedEvacuees', 'planned_evacuees'],
    ['manager', 'manager'],
    ['managerPhone', 'manager_phone'],
    ['appraisalDate', 'appraisal_date'],
  ];
  for (const [from, to] of map) if (input[from] !== undefined) set[to] = input[from] ?? null;
  if (input.appraisalPassed !== undefined) set.appraisal_passed = input.appraisalPassed === null ? null : input.appraisalPassed ? 1 : 0;
  if (input.areaCode) set.area_id = requireArea(db, input.areaCode).id;
  return set;
}

export function addShelter(db: Db, input: z.output<typeof shelterCreateInput>, locationId: number | null = null, isDemo = false): void {
  if (findShelter(db, input.code)) throw new LedgerError('shelter.duplicate', { code: input.code }, 'code');
  db.run(
    db.q.insertInto('shelter').values({
      code: input.code,
      name: input.name,
      level: input.level,
      area_id: requireArea(db, input.areaCode).id,
      capacity: input.capacity,
      location_id: locationId,
      in_use: 1,
      is_demo: isDemo ? 1 : 0,
      ...(columns(db, input) as object),
    }),
  );
}

export function createShelter(db: Db, input: z.output<typeof shelterCreateInput>): ShelterView {
  db.tx(() => addShelter(db, input));
  return shelterView(db, input.code);
}

export function updateShelter(db: Db, input: z.output<typeof shelterUpdateInput>): ShelterView {
  db.tx(() => {
    const s = requireShelter(db, input.code);
    const set = columns(db, input);
    if (Object.keys(set).length) db.run(db.q.updateTable('shelter').set(set).where('id', '=', s.id));
  });
  return shelterView(db, input.code);
}

export function inspectShelter(db: Db, input: z.output<typeof shelterInspectInput>): ShelterView {
  db.tx(() => recordInspection(db, input));
  return shelterView(db, input.code);
}

/** Records an inspection inside the caller's transaction; a facilities list decides the facilities item. */
export function recordInspection(db: Db, input: z.output<typeof shelterInspectInput>): void {
  const s = requireShelter(db, input.code);
  const results: Record<string, boolean> = { ...input.results };
  if (input.facilities) {
    db.run(db.q.updateTable('shelter').set({ facilities: JSON.stringify(input.facilities) }).where('id', '=', s.id));
    results.facilities ??= true;
  }
  const created_at = new Date().toISOString();
  for (const [item, passed] of Object.entries(results)) {
    db.run(
      db.q.insertInto('shelter_inspection').values({ shelter_id: s.id, date: input.date, inspector: input.inspector, item, passed: passed ? 1 : 0, note: input.note ?? null, created_at }),
    );
  }
}

export function setShelterInUse(db: Db, input: z.output<typeof shelterUseInput>): ShelterView {
  db.tx(() => {
    const s = requireShelter(db, input.code);
    if (!input.inUse && !input.reason) throw new LedgerError('shelter.reasonRequired', {}, 'reason');
    db.run(
      db.q
        .updateTable('shelter')
        .set({ in_use: input.inUse ? 1 : 0, out_of_use_reason: input.inUse ? null : `${input.date} ${input.actor}：${input.reason}` })
        .where('id', '=', s.id),
    );
  });
  return shelterView(db, input.code);
}

/** 规范化建设率: standardised shelters ÷ shelters in use, against the target, per street. */
export function shelterKpi(db: Db, f: { streetCode?: string } = {}, against?: StockAgainstNorms): ShelterKpi {
  const shelters = listShelters(db, f, against);
  const inUse = shelters.filter((s) => s.inUse);
  const streets = new Map<string, { code: string; name: string; inUse: number; standardised: number; rate: number }>();
  for (const s of inUse) {
    const key = s.streetCode ?? '-';
    const st = streets.get(key) ?? { code: key, name: s.street ?? '区级', inUse: 0, standardised: 0, rate: 0 };
    st.inUse++;
    if (s.standardised) st.standardised++;
    streets.set(key, st);
  }
  for (const st of streets.values()) st.rate = st.inUse ? st.standardised / st.inUse : 0;
  const standardised = inUse.filter((s) => s.standardised).length;
  return {
    rate: inUse.length ? standardised / inUse.length : 0,
    target: getSetting(db, 'shelters.targetRate'),
    inUse: inUse.length,
    standardised,
    streets: [...streets.values()].sort((a, b) => a.code.localeCompare(b.code)),
    shelters,
  };
}
