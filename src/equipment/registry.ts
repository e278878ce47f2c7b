// The register of serialised flood equipment. The unit row holds the current state; every change of status,
// assignment or custodian is also written to the append-only history in the same transaction.
import type { z } from 'zod';
import type {
  EquipmentHistory,
  EquipmentKind,
  EquipmentStatus,
  EquipmentUnit,
  equipmentListInput,
  equipmentRegisterInput,
  equipmentUpdateInput,
  handOutInput,
  recordTestInput,
  returnInput,
  setStatusInput,
  TestDue,
} from '../api/contract.equipment.js';
import { daysBetween, today } from '../common/dates.js';
import { LedgerError } from '../common/errors.js';
import type { Db } from '../db/executor.js';
import type { EquipmentKindTable } from '../db/schema.js';
import { equipmentLabels } from '../i18n/equipment.js';
import { requireArea } from '../places/areas.js';
import { requireLocation } from '../places/locations.js';
import { getSetting } from '../settings/settings.js';
import { type ReadinessRules, readiness } from './readiness.js';

export function readinessRules(db: Db): ReadinessRules {
  return { today: today(), seasonMonths: getSetting(db, 'flood.seasonMonths') };
}

export function equipmentKinds(db: Db): (EquipmentKindTable & { total: number })[] {
  return db.all(
    db.q
      .selectFrom('equipment_kind as k')
      .selectAll('k')
      .select((eb) =>
        eb
          .selectFrom('equipment as e')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('e.kind', '=', 'k.code')
          .where('e.status', 'not in', ['scrapped', 'transferred_out'])
          .as('total'),
      )
      .orderBy('k.sort'),
  ).map((k) => ({ ...k, total: Number(k.total ?? 0) }));
}

export function listKinds(db: Db): EquipmentKind[] {
  return equipmentKinds(db).map((k) => ({
    code: k.code,
    name: k.name,
    nameEn: k.name_en,
    unit: k.unit,
    testPlan: k.test_plan,
    testDaysInSeason: k.test_days_in_season,
    testDaysOffSeason: k.test_days_off_season,
    fields: JSON.parse(k.fields) as string[],
    total: k.total,
  }));
}

function requireKind(db: Db, code: string): EquipmentKindTable {
  const kind = db.get(db.q.selectFrom('equipment_kind').selectAll().where('code', '=', code));
  if (!kind) throw new LedgerError('equipment.kindNotFound', { kind: code }, 'kind');
  return kind;
}

function unitQuery(db: Db) {
  return db.q
    .selectFrom('equipment as e')
    .innerJoin('equipment_kind as k', 'k.code', 'e.kind')
    .innerJoin('location as h', 'h.id', 'e.home_location_id')
    .leftJoin('area as v', 'v.id', 'e.village_id')
    .leftJoin('area as s', 's.id', 'v.parent_id')
    .selectAll('e')
    .select([
      'k.name as kind_name',
      'k.test_plan',
      'k.test_days_in_season',
      'k.test_days_off_season',
      'h.code as home_code',
      'h.name as home_name',
      'v.code as village_code',
      'v.name as village_name',
      's.code as street_code',
      's.name as street_name',
    ]);
}

type UnitRow = NonNullable<ReturnType<typeof findUnit>>;

function findUnit(db: Db, kind: string, serial: string) {
  return db.get(unitQuery(db).where('e.kind', '=', kind).where('e.serial_no', '=', serial));
}

function requireUnit(db: Db, kind: string, serial: string): UnitRow {
  const unit = findUnit(db, kind, serial);
  if (!unit) {
    const k = requireKind(db, kind);
    throw new LedgerError('equipment.notFound', { kind: k.name, kindEn: k.name_en, serial }, 'serialNo');
  }
  return unit;
}

export function toUnit(r: UnitRow, rules: ReadinessRules): EquipmentUnit {
  const state = readiness(r, r, rules);
  return {
    kind: r.kind,
    kindName: r.kind_name,
    serialNo: r.serial_no,
    name: r.name,
    model: r.model,
    powerKw: r.power_kw,
    flowM3h: r.flow_m3h,
    purchaseDate: r.purchase_date,
    fundingSource: r.funding_source,
    homeLocationCode: r.home_code,
    homeLocationName: r.home_name,
    villageCode: r.village_code,
    villageName: r.village_name,
    streetCode: r.street_code,
    streetName: r.street_name,
    custodian: r.custodian,
    custodianPhone: r.custodian_phone,
    phoneNo: r.phone_no,
    airtimeExpiry: r.airtime_expiry,
    status: r.status,
    lastTestDate: r.last_test_date,
    lastTestPassed: r.last_test_passed === null ? null : r.last_test_passed === 1,
    nextTestDue: state.due,
    testOverdue: state.testOverdue,
    airtimeExpired: state.airtimeExpired,
    working: state.working,
    note: r.note,
  };
}

export function listUnits(db: Db, f: z.output<typeof equipmentListInput>): EquipmentUnit[] {
  let q = unitQuery(db);
  if (f.kind) q = q.where('e.kind', '=', f.kind);
  if (f.streetCode) q = q.where('s.code', '=', f.streetCode);
  if (f.villageCode) q = q.where('v.code', '=', f.villageCode);
  if (f.status) q = q.where('e.status', '=', f.status);
  if (f.search) {
    const like = `%${f.search}%`;
    q = q.where((eb) => eb.or([eb('e.serial_no', 'like', like), eb('e.model', 'like', like), eb('e.custodian', 'like', like), eb('v.name', 'like', like), eb('e.phone_no', 'like', like)]));
  }
  const rules = readinessRules(db);
  return db.all(q.orderBy('k.sort').orderBy('s.code').orderBy('v.code').orderBy('e.serial_no')).map((r) => toUnit(r, rules));
}

function event(
  db: Db,
  unit: { id: number },
  values: { date: string; type: string; actor: string; from?: string | null; to?: string | null; villageId?: number | null; custodian?: string | null; phone?: string | null; reason?: string | null },
): void {
  db.run(
    db.q.insertInto('equipment_event').values({
      equipment_id: unit.id,
      date: values.date,
      type: values.type,
      from_status: values.from ?? null,
      to_status: values.to ?? null,
      village_id: values.villageId ?? null,
      custodian: values.custodian ?? null,
      custodian_phone: values.phone ?? null,
      actor: values.actor,
      reason: values.reason ?? null,
      created_at: new Date().toISOString(),
    }),
  );
}

function statusText(status: EquipmentStatus) {
  return equipmentLabels.status[status];
}

/** Registers a unit inside the caller's transaction (imports and the demo use this too). */
export function addUnit(db: Db, input: z.output<typeof equipmentRegisterInput>, isDemo = false): number {
  const kind = requireKind(db, input.kind);
  if (findUnit(db, input.kind, input.serialNo)) {
    throw new LedgerError('equipment.duplicate', { kind: kind.name, kindEn: kind.name_en, serial: input.serialNo }, 'serialNo');
  }
  if ((input.phoneNo || input.airtimeExpiry) && input.kind !== 'satellite_phone') throw new LedgerError('equipment.phoneOnly', {}, 'phoneNo');
  const home = requireLocation(db, input.homeLocationCode, 'homeLocationCode');
  const id = db.run(
    db.q.insertInto('equipment').values({
      kind: input.kind,
      serial_no: input.serialNo,
      name: input.name ?? null,
      model: input.model ?? null,
      power_kw: input.powerKw ?? null,
      flow_m3h: input.flowM3h ?? null,
      purchase_date: input.purchaseDate ?? null,
      funding_source: input.fundingSource ?? null,
      home_location_id: home.id,
      village_id: null,
      custodian: null,
      custodian_phone: null,
      phone_no: input.phoneNo ?? null,
      airtime_expiry: input.airtimeExpiry ?? null,
      status: 'in_store',
      last_test_date: null,
      last_test_passed: null,
      note: input.note ?? null,
      is_demo: isDemo ? 1 : 0,
    }),
  ).lastInsertRowid;
  event(db, { id }, { date: input.date, type: 'register', actor: input.actor, to: 'in_store' });
  return id;
}

const unitOf = (db: Db, kind: string, serial: string) => toUnit(requireUnit(db, kind, serial), readinessRules(db));

export function registerUnit(db: Db, input: z.output<typeof equipmentRegisterInput>): EquipmentUnit {
  db.tx(() => addUnit(db, input));
  return unitOf(db, input.kind, input.serialNo);
}

export function updateUnit(db: Db, input: z.output<typeof equipmentUpdateInput>): EquipmentUnit {
  db.tx(() => {
    const u = requireUnit(db, input.kind, input.serialNo);
    if ((input.phoneNo || input.airtimeExpiry) && input.kind !== 'satellite_phone') throw new LedgerError('equipment.phoneOnly', {}, 'phoneNo');
    const home = input.homeLocationCode ? requireLocation(db, input.homeLocationCode, 'homeLocationCode').id : u.home_location_id;
    const keep = <T>(next: T | undefined, prev: T) => (next === undefined ? prev : next);
    db.run(
      db.q
        .updateTable('equipment')
        .set({
          name: keep(input.name, u.name),
          model: keep(input.model, u.model),
          power_kw: keep(input.powerKw, u.power_kw),
          flow_m3h: keep(input.flowM3h, u.flow_m3h),
          purchase_date: keep(input.purchaseDate, u.purchase_date),
          funding_source: keep(input.fundingSource, u.funding_source),
          home_location_id: home,
          phone_no: keep(input.phoneNo, u.phone_no),
          airtime_expiry: keep(input.airtimeExpiry, u.airtime_expiry),
          note: keep(input.note, u.note),
        })
        .where('id', '=', u.id),
    );
  });
  return unitOf(db, input.kind, input.serialNo);
}

/** 配发: a unit in store goes to a village and its custodian, in use. */
export function handOut(db: Db, input: z.output<typeof handOutInput>): EquipmentUnit {
  db.tx(() => handOutUnit(db, input));
  return unitOf(db, input.kind, input.serialNo);
}

export function handOutUnit(db: Db, input: z.output<typeof handOutInput>): void {
  const u = requireUnit(db, input.kind, input.serialNo);
  if (u.status !== 'in_store') {
    const s = statusText(u.status);
    throw new LedgerError('equipment.cannotHandOut', { kind: u.kind_name, kindEn: u.kind, serial: u.serial_no, status: s.zh, statusEn: s.en }, 'serialNo');
  }
  const village = requireArea(db, input.villageCode, 'villageCode');
  if (village.level !== 'village') throw new LedgerError('equipment.notVillage', { code: input.villageCode }, 'villageCode');
  db.run(
    db.q
      .updateTable('equipment')
      .set({ status: 'in_use', village_id: village.id, custodian: input.custodian, custodian_phone: input.custodianPhone ?? null })
      .where('id', '=', u.id),
  );
  event(db, u, { date: input.date, type: 'hand_out', actor: input.actor, from: u.status, to: 'in_use', villageId: village.id, custodian: input.custodian, phone: input.custodianPhone, reason: input.note });
}

/** 收回: back to its home store, no village, no custodian. */
export function returnUnit(db: Db, input: z.output<typeof returnInput>): EquipmentUnit {
  db.tx(() => {
    const u = requireUnit(db, input.kind, input.serialNo);
    if (u.village_id === null) throw new LedgerError('equipment.notHandedOut', { kind: u.kind_name, kindEn: u.kind, serial: u.serial_no }, 'serialNo');
    const to: EquipmentStatus = u.status === 'in_use' ? 'in_store' : u.status;
    db.run(db.q.updateTable('equipment').set({ status: to, village_id: null, custodian: null, custodian_phone: null }).where('id', '=', u.id));
    event(db, u, { date: input.date, type: 'return', actor: input.actor, from: u.status, to, reason: input.reason });
  });
  return unitOf(db, input.kind, input.serialNo);
}

export function setStatus(db: Db, input: z.output<typeof setStatusInput>): EquipmentUnit {
  db.tx(() => applyStatus(db, input));
  return unitOf(db, input.kind, input.serialNo);
}

/** Changes a unit's status inside the caller's transaction (imports use this too). */
export function applyStatus(db: Db, input: z.output<typeof setStatusInput>): void {
  const u = requireUnit(db, input.kind, input.serialNo);
  if (u.status === 'scrapped' || u.status === 'transferred_out') {
    const s = statusText(u.status);
    throw new LedgerError('equipment.finalStatus', { kind: u.kind_name, kindEn: u.kind, serial: u.serial_no, status: s.zh, statusEn: s.en }, 'status');
  }
  if (u.status === input.status) throw new LedgerError('equipment.sameStatus', {}, 'status');
  // Leaving service also leaves the village: a scrapped or transferred unit covers nothing.
  const leaves = input.status === 'scrapped' || input.status === 'transferred_out';
  db.run(
    db.q
      .updateTable('equipment')
      .set({ status: input.status, ...(leaves ? { village_id: null, custodian: null, custodian_phone: null } : {}) })
      .where('id', '=', u.id),
  );
  event(db, u, { date: input.date, type: 'status', actor: input.actor, from: u.status, to: input.status, reason: input.reason });
}

/** A failed test sends the unit to repair; a passed test on a unit in repair brings it back into service. */
export function recordTest(db: Db, input: z.output<typeof recordTestInput>): EquipmentUnit {
  db.tx(() => addTest(db, input));
  return unitOf(db, input.kind, input.serialNo);
}

export function addTest(db: Db, input: z.output<typeof recordTestInput>): void {
  const u = requireUnit(db, input.kind, input.serialNo);
  if (u.status === 'scrapped' || u.status === 'transferred_out') throw new LedgerError('equipment.testOnRetired', {}, 'serialNo');
  db.run(
    db.q.insertInto('equipment_test').values({
      equipment_id: u.id,
      date: input.date,
      passed: input.passed ? 1 : 0,
      tester: input.tester,
      note: input.note ?? null,
      created_at: new Date().toISOString(),
    }),
  );
  const latest = u.last_test_date === null || input.date >= u.last_test_date;
  if (!latest) return;
  let status = u.status;
  if (!input.passed && u.status !== 'repair') {
    status = 'repair';
    event(db, u, { date: input.date, type: 'test_failed', actor: input.tester, from: u.status, to: status, reason: input.note });
  } else if (input.passed && u.status === 'repair') {
    status = u.village_id !== null ? 'in_use' : 'in_store';
    event(db, u, { date: input.date, type: 'test_passed', actor: input.tester, from: u.status, to: status, reason: input.note });
  }
  db.run(db.q.updateTable('equipment').set({ last_test_date: input.date, last_test_passed: input.passed ? 1 : 0, status }).where('id', '=', u.id));
}

export function unitHistory(db: Db, kind: string, serial: string): EquipmentHistory {
  const u = requireUnit(db, kind, serial);
  const events = db.all(
    db.q
      .selectFrom('equipment_event as ev')
      .leftJoin('area as v', 'v.id', 'ev.village_id')
      .select(['ev.date', 'ev.type', 'ev.from_status', 'ev.to_status', 'v.name as village_name', 'ev.custodian', 'ev.actor', 'ev.reason', 'ev.created_at'])
      .where('ev.equipment_id', '=', u.id)
      .orderBy('ev.id', 'desc'),
  );
  const tests = db.all(
    db.q.selectFrom('equipment_test').select(['date', 'passed', 'tester', 'note']).where('equipment_id', '=', u.id).orderBy('date', 'desc').orderBy('id', 'desc'),
  );
  return {
    unit: toUnit(u, readinessRules(db)),
    events: events.map((e) => ({
      date: e.date,
      type: e.type,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      villageName: e.village_name,
      custodian: e.custodian,
      actor: e.actor,
      reason: e.reason,
      createdAt: e.created_at,
    })),
    tests: tests.map((t) => ({ date: t.date, passed: t.passed === 1, tester: t.tester, note: t.note })),
  };
}

/** Units in service whose next test is overdue or falls due within `withinDays`. */
export function testsDue(db: Db, f: { streetCode?: string; withinDays: number }): TestDue[] {
  const rules = readinessRules(db);
  const horizon = new Date(Date.parse(`${rules.today}T00:00:00Z`) + f.withinDays * 86_400_000).toISOString().slice(0, 10);
  // Only the columns a test plan needs: the overview and the gap engine ask this on every change.
  let q = db.q
    .selectFrom('equipment as e')
    .innerJoin('equipment_kind as k', 'k.code', 'e.kind')
    .leftJoin('area as v', 'v.id', 'e.village_id')
    .leftJoin('area as s', 's.id', 'v.parent_id')
    .select([
      'e.kind',
      'e.serial_no',
      'e.status',
      'e.village_id',
      'e.custodian',
      'e.last_test_date',
      'e.last_test_passed',
      'e.airtime_expiry',
      'k.name as kind_name',
      'k.test_plan',
      'k.test_days_in_season',
      'k.test_days_off_season',
      'v.name as village_name',
      's.code as street_code',
      's.name as street_name',
    ])
    .where('e.status', 'in', ['in_store', 'in_use', 'repair']);
  if (f.streetCode) q = q.where('s.code', '=', f.streetCode);
  const out: TestDue[] = [];
  for (const r of db.all(q.orderBy('k.sort').orderBy('s.code').orderBy('e.serial_no'))) {
    const state = readiness(r, r, rules);
    if (!state.due || state.due > horizon) continue;
    out.push({
      kind: r.kind,
      kindName: r.kind_name,
      serialNo: r.serial_no,
      streetCode: r.street_code,
      streetName: r.street_name,
      villageName: r.village_name,
      custodian: r.custodian,
      lastTestDate: r.last_test_date,
      dueDate: state.due,
      overdue: state.testOverdue,
      daysOverdue: state.testOverdue ? daysBetween(state.due, rules.today) : 0,
    });
  }
  return out.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
}
