import type { z } from 'zod';
import type { ExpiryStatus, StockRow, stockQueryInput } from '../api/contract.js';
import { addDays, today } from '../common/dates.js';
import { fromMilli } from '../common/quantity.js';
import type { Db } from '../db/executor.js';
import { leadDaysOf } from '../catalogue/items.js';
import { getSetting } from '../settings/settings.js';

type StockQuery = z.output<typeof stockQueryInput>;

/** Balances (s) with their batch (t), item (i), location (l), its area (a) and the area's parent (ap). */
export function balanceJoins(db: Db) {
  return db.q
    .selectFrom('balance as s')
    .innerJoin('batch as t', 't.id', 's.batch_id')
    .innerJoin('item as i', 'i.id', 's.item_id')
    .innerJoin('location as l', 'l.id', 's.location_id')
    .innerJoin('area as a', 'a.id', 'l.area_id')
    .leftJoin('area as ap', 'ap.id', 'a.parent_id');
}

/** A bound on the batches' expiry date: only batches that can be expired or expiring on a day pass it. */
interface ExpiryBound {
  op: '<' | '<=';
  date: string;
}

/** Balances per (location, batch) with what the stock screens need to judge them. */
export function balanceRows(db: Db, f: Partial<StockQuery>, expiryBound?: ExpiryBound) {
  let q = balanceJoins(db)
    .select((eb) => [
      's.qty_milli',
      't.batch_no',
      't.production_date',
      't.expiry_date',
      'i.code as item_code',
      'i.name as item_name',
      'i.spec',
      'i.unit',
      'i.category',
      'i.rotation_lead_days',
      'i.shelf_life_days',
      'l.code as location_code',
      'l.name as location_name',
      'l.kind as location_kind',
      eb.case().when('a.level', '=', 'street').then(eb.ref('a.code')).when('a.level', '=', 'village').then(eb.ref('ap.code')).else(null).end().as('street_code'),
      eb.case().when('a.level', '=', 'street').then(eb.ref('a.name')).when('a.level', '=', 'village').then(eb.ref('ap.name')).else(null).end().as('street_name'),
    ]);
  if (!f.includeZero) q = q.where('s.qty_milli', '>', 0);
  if (f.locationCode) q = q.where('l.code', '=', f.locationCode);
  if (f.itemCode) q = q.where('i.code', '=', f.itemCode);
  if (f.streetCode) {
    const street = f.streetCode;
    q = q.where((eb) => eb.or([eb('a.code', '=', street), eb('ap.code', '=', street)]));
  }
  if (expiryBound) q = q.where('t.expiry_date', expiryBound.op, expiryBound.date);
  if (f.search) {
    const like = `%${f.search}%`;
    q = q.where((eb) =>
      eb.or([eb('i.name', 'like', like), eb('i.code', 'like', like), eb('i.spec', 'like', like), eb('l.name', 'like', like), eb('t.batch_no', 'like', like)]),
    );
  }
  return db.all(q.orderBy('l.kind', 'desc').orderBy('l.code').orderBy('i.code').orderBy('t.expiry_date').orderBy('t.batch_no'));
}

export function expiryStatus(expiry: string | null, leadDays: number, on: string): ExpiryStatus {
  if (!expiry) return 'none';
  if (expiry < on) return 'expired';
  return expiry <= addDays(on, leadDays) ? 'expiring' : 'ok';
}

/**
 * By batch, a batch is its own row, so asking for expired or expiring batches need not read the others: a batch
 * expiring by the longest rotation lead time of any item is the most that can be. (By location, a row holds all
 * its batches, so all are read.)
 */
function expiryBoundOf(db: Db, f: StockQuery, on: string, defaultLead: number): ExpiryBound | undefined {
  if (!f.byBatch || !f.expiry) return undefined;
  if (f.expiry === 'expired') return { op: '<', date: on };
  const leads = db.all(db.q.selectFrom('item').select(['rotation_lead_days', 'shelf_life_days']));
  const longest = Math.max(0, ...leads.map((i) => leadDaysOf(i, defaultLead)));
  return { op: '<=', date: addDays(on, longest) };
}

export function queryStock(db: Db, f: StockQuery): StockRow[] {
  const on = today();
  const defaultLead = getSetting(db, 'rotation.defaultLeadDays');
  const out = new Map<string, StockRow & { milli: number; expiredMilli: number; expiringMilli: number }>();
  for (const r of balanceRows(db, f, expiryBoundOf(db, f, on, defaultLead))) {
    const status = expiryStatus(r.expiry_date, leadDaysOf(r, defaultLead), on);
    const key = f.byBatch ? `${r.location_code}\u0000${r.item_code}\u0000${r.batch_no}` : `${r.location_code}\u0000${r.item_code}`;
    let row = out.get(key);
    if (!row) {
      row = {
        locationCode: r.location_code,
        locationName: r.location_name,
        locationKind: r.location_kind,
        streetCode: r.street_code,
        streetName: r.street_name,
        itemCode: r.item_code,
        itemName: r.item_name,
        spec: r.spec,
        unit: r.unit,
        category: r.category,
        quantity: 0,
        expiredQuantity: 0,
        expiringQuantity: 0,
        expiryDate: null,
        expiryStatus: 'none',
        milli: 0,
        expiredMilli: 0,
        expiringMilli: 0,
        ...(f.byBatch ? { batchNo: r.batch_no, productionDate: r.production_date } : { batches: 0 }),
      };
      out.set(key, row);
    }
    row.milli += r.qty_milli;
    if (status === 'expired') row.expiredMilli += r.qty_milli;
    if (status === 'expiring') row.expiringMilli += r.qty_milli;
    if (r.expiry_date && (!row.expiryDate || r.expiry_date < row.expiryDate)) row.expiryDate = r.expiry_date;
    if (row.batches !== undefined) row.batches++;
  }
  const rows: StockRow[] = [];
  for (const { milli, expiredMilli, expiringMilli, ...row } of out.values()) {
    row.quantity = fromMilli(milli);
    row.expiredQuantity = fromMilli(expiredMilli);
    row.expiringQuantity = fromMilli(expiringMilli);
    row.expiryStatus = expiredMilli > 0 ? 'expired' : expiringMilli > 0 ? 'expiring' : row.expiryDate ? 'ok' : 'none';
    if (f.expiry === 'expired' && row.expiryStatus !== 'expired') continue;
    if (f.expiry === 'expiring' && row.expiryStatus !== 'expiring') continue;
    if (f.expiry === 'attention' && row.expiryStatus !== 'expired' && row.expiryStatus !== 'expiring') continue;
    rows.push(row);
  }
  return rows;
}

export interface UsableStock {
  locationId: number;
  itemId: number;
  held: number;
  /** Held minus what is expired or within the item's rotation lead time (domain.md §7). */
  usable: number;
  excluded: number;
}

/** Per (location, item), in thousandths: what is held and what of it is usable on `on`. */
export function usableStock(db: Db, on: string): Map<string, UsableStock> {
  const defaultLead = getSetting(db, 'rotation.defaultLeadDays');
  const rows = db.all(
    db.q
      .selectFrom('balance as s')
      .innerJoin('batch as t', 't.id', 's.batch_id')
      .innerJoin('item as i', 'i.id', 's.item_id')
      .select(['s.location_id', 's.item_id', 's.qty_milli', 't.expiry_date', 'i.rotation_lead_days', 'i.shelf_life_days'])
      .where('s.qty_milli', '>', 0),
  );
  const out = new Map<string, UsableStock>();
  for (const r of rows) {
    const key = `${r.location_id}:${r.item_id}`;
    let u = out.get(key);
    if (!u) {
      u = { locationId: r.location_id, itemId: r.item_id, held: 0, usable: 0, excluded: 0 };
      out.set(key, u);
    }
    u.held += r.qty_milli;
    const status = expiryStatus(r.expiry_date, leadDaysOf(r, defaultLead), on);
    if (status === 'expired' || status === 'expiring') u.excluded += r.qty_milli;
    else u.usable += r.qty_milli;
  }
  return out;
}
