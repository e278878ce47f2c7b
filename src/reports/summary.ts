import { equipmentKinds, type Summary } from '../api/contract.js';
import { coverage } from '../equipment/coverage.js';
import { equipmentKinds as kindsWithTotals, testsDue } from '../equipment/registry.js';
import { shelterKpi } from '../shelters/registry.js';
import { today } from '../common/dates.js';
import { fromFen } from '../common/quantity.js';
import { onHandOf } from '../common/units.js';
import type { Db } from '../db/executor.js';
import { leadDaysOf } from '../catalogue/items.js';
import { getSetting } from '../settings/settings.js';
import { balanceJoins, expiryStatus } from '../stock/balances.js';

export function summarize(db: Db): Summary {
  const q = db.q;
  const countWhere = <T extends 'area' | 'location'>(table: T, column: 'level' | 'kind', value: string) =>
    db.get(q.selectFrom(table as 'area').select((eb) => eb.fn.countAll<number>().as('n')).where(column as 'level', '=', value as 'street'))?.n ?? 0;

  const shelters = db.get(
    q.selectFrom('shelter').select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(eb.case().when('in_use', '=', 1).then(1).else(0).end()).as('in_use'),
      eb.fn.sum<number>(eb.case().when('in_use', '=', 1).then(eb.ref('capacity')).else(0).end()).as('capacity'),
    ]),
  );
  // Per unit, so that pieces and measures are never added together (src/common/units.ts).
  const held = db.all(
    q
      .selectFrom('balance as b')
      .innerJoin('item as i', 'i.id', 'b.item_id')
      .select((eb) => [
        'i.unit',
        'i.decimals',
        eb.fn.sum<number>('b.qty_milli').as('milli'),
        eb.fn.sum<number>(eb('b.qty_milli', '*', eb.fn.coalesce('i.unit_price_fen', eb.lit(0)))).as('value_milli_fen'),
      ])
      .groupBy(['i.unit', 'i.decimals']),
  );
  const onHand = onHandOf(held.map((h) => ({ unit: h.unit, decimals: h.decimals, milli: Number(h.milli ?? 0) })));
  const valueMilliFen = held.reduce((sum, h) => sum + Number(h.value_milli_fen ?? 0), 0);

  const on = today();
  const lead = getSetting(db, 'rotation.defaultLeadDays');
  let batchesExpired = 0;
  let batchesExpiring = 0;
  const onHandByStreet = new Map<string, { unit: string; decimals: number; milli: number }[]>();
  // Balances grouped by what decides their status and their street: far fewer rows than batches.
  const groups = db.all(
    balanceJoins(db)
      .select((eb) => [
        't.expiry_date',
        'i.rotation_lead_days',
        'i.shelf_life_days',
        'l.kind as location_kind',
        'a.level',
        'a.code as area_code',
        'ap.code as parent_code',
        'i.unit',
        'i.decimals',
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>('s.qty_milli').as('milli'),
      ])
      .where('s.qty_milli', '>', 0)
      .groupBy(['t.expiry_date', 'i.rotation_lead_days', 'i.shelf_life_days', 'l.kind', 'a.id', 'i.unit', 'i.decimals']),
  );
  for (const g of groups) {
    const status = expiryStatus(g.expiry_date, leadDaysOf(g, lead), on);
    if (status === 'expired') batchesExpired += g.n;
    if (status === 'expiring') batchesExpiring += g.n;
    const street = g.level === 'street' ? g.area_code : g.level === 'village' ? g.parent_code : null;
    if (street && g.location_kind !== 'warehouse') {
      const list = onHandByStreet.get(street) ?? [];
      list.push({ unit: g.unit, decimals: g.decimals, milli: Number(g.milli) });
      onHandByStreet.set(street, list);
    }
  }

  const itemsOutOfStock = db.all(
    q
      .selectFrom('item as i')
      .select(['i.code', 'i.name', 'i.unit'])
      .where('i.reserve_mode', '=', 'held')
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('balance as b').select('b.item_id').whereRef('b.item_id', '=', 'i.id').where('b.qty_milli', '>', 0))),
      )
      .orderBy('i.code'),
  );

  const cover = coverage(db);
  const kpi = shelterKpi(db);
  const streets = db.all(q.selectFrom('area').select(['id', 'code', 'name']).where('level', '=', 'street').orderBy('code'));
  const perStreet = streets.map((s) => {
    const inStreet = (eb: any) => eb.or([eb('a.id', '=', s.id), eb('a.parent_id', '=', s.id)]);
    const villages = db.get(q.selectFrom('area').select((eb) => eb.fn.countAll<number>().as('n')).where('parent_id', '=', s.id))?.n ?? 0;
    const sh = db.get(
      q
        .selectFrom('shelter as sh')
        .innerJoin('area as a', 'a.id', 'sh.area_id')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('sh.capacity').as('capacity')])
        .where('sh.in_use', '=', 1)
        .where(inStreet),
    );
    const stores = db.get(
      q.selectFrom('location as l').innerJoin('area as a', 'a.id', 'l.area_id').select((eb) => eb.fn.countAll<number>().as('n')).where(inStreet),
    )?.n ?? 0;
    const held = onHandOf(onHandByStreet.get(s.code) ?? []);
    return {
      code: s.code,
      name: s.name,
      villages,
      shelters: sh?.n ?? 0,
      sheltersCapacity: Number(sh?.capacity ?? 0),
      stores,
      itemsOnHand: held.pieces,
      measuredOnHand: held.measured,
      villagesCovered: cover.streets.find((c) => c.code === s.code)?.covered ?? 0,
      sheltersStandardised: kpi.streets.find((k) => k.code === s.code)?.standardised ?? 0,
    };
  });

  return {
    today: on,
    streets: streets.length,
    villages: countWhere('area', 'level', 'village'),
    warehouses: countWhere('location', 'kind', 'warehouse'),
    streetStores: countWhere('location', 'kind', 'street_store'),
    shelters: shelters?.n ?? 0,
    sheltersInUse: Number(shelters?.in_use ?? 0),
    shelterCapacity: Number(shelters?.capacity ?? 0),
    catalogueItems: db.get(q.selectFrom('item').select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0,
    itemsOnHand: onHand.pieces,
    measuredOnHand: onHand.measured,
    stockValue: fromFen(Math.round(valueMilliFen / 1000)),
    batchesExpired,
    batchesExpiring,
    itemsOutOfStock,
    equipment: equipmentCounts(db),
    readiness: {
      villageCoverageRate: cover.rate,
      villagesUncovered: cover.villages.filter((v) => !v.covered).length,
      testsOverdue: testsDue(db, { withinDays: 0 }).filter((t) => t.overdue).length,
      shelterStandardisedRate: kpi.rate,
      sheltersStandardised: kpi.standardised,
      shelterTarget: kpi.target,
    },
    perStreet,
  };
}

/** Units in service per kind (scrapped and transferred-out units are no longer the district's). */
function equipmentCounts(db: Db): Summary['equipment'] {
  const counts = Object.fromEntries(equipmentKinds.map((k) => [k, 0])) as Summary['equipment'];
  for (const k of kindsWithTotals(db)) (counts as Record<string, number>)[k.code] = k.total;
  return counts;
}
