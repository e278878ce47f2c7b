// Reserve norms (储备定额): how much of an item a place must hold, as a quantity or per person × factor. A shelter's
// norm for an item is its own, else its street's norm for shelters, else the norm for its level.
import type { z } from 'zod';
import type { NormView, normSetInput } from '../api/contract.gaps.js';
import { LedgerError } from '../common/errors.js';
import { fromMilli, toMilli } from '../common/quantity.js';
import type { Db } from '../db/executor.js';
import type { NormTable } from '../db/schema.js';
import { labels } from '../i18n/messages.js';
import { findItem, requireItem } from '../catalogue/items.js';
import { requireArea } from '../places/areas.js';
import { requireLocation } from '../places/locations.js';
import { getSetting } from '../settings/settings.js';

type NormRow = Omit<NormTable, 'id'> & { id: number };
const MICRO = 1_000_000;

function normQuery(db: Db) {
  return db.q
    .selectFrom('norm as n')
    .innerJoin('item as i', 'i.id', 'n.item_id')
    .leftJoin('location as l', 'l.id', 'n.location_id')
    .leftJoin('area as a', 'a.id', 'n.area_id')
    .selectAll('n')
    .select(['i.code as item_code', 'i.name as item_name', 'i.unit', 'i.decimals', 'l.code as location_code', 'l.name as location_name', 'a.code as area_code', 'a.name as area_name']);
}

type NormJoined = NonNullable<ReturnType<typeof findNorm>>;

function findNorm(db: Db, id: number) {
  return db.get(normQuery(db).where('n.id', '=', id));
}

function toView(r: NormJoined): NormView {
  const level = r.shelter_level as keyof typeof labels.shelterLevel | null;
  const target =
    r.scope === 'location'
      ? { code: r.location_code!, name: r.location_name! }
      : r.scope === 'street_shelters'
        ? { code: r.area_code!, name: `${r.area_name}各避灾场所` }
        : { code: level!, name: `${labels.shelterLevel[level!].zh}避灾场所` };
  return {
    id: r.id,
    scope: r.scope,
    targetCode: target.code,
    targetName: target.name,
    itemCode: r.item_code,
    itemName: r.item_name,
    unit: r.unit,
    basis: r.basis,
    quantity: r.quantity_milli === null ? null : fromMilli(r.quantity_milli),
    factor: r.factor_micro === null ? null : r.factor_micro / MICRO,
    persons: r.persons,
    note: r.note,
  };
}

export function listNorms(db: Db, f: { locationCode?: string; streetCode?: string; itemCode?: string } = {}): NormView[] {
  let q = normQuery(db);
  if (f.locationCode) q = q.where('l.code', '=', f.locationCode);
  if (f.streetCode) q = q.where('a.code', '=', f.streetCode);
  if (f.itemCode) q = q.where('i.code', '=', f.itemCode);
  return db.all(q.orderBy('n.scope').orderBy('n.target').orderBy('i.code')).map(toView);
}

/** Sets (creates or replaces) the norm of one target for one item, inside the caller's transaction. */
export function putNorm(db: Db, input: z.output<typeof normSetInput>): number {
  const item = requireItem(db, input.itemCode);
  let target: Pick<NormRow, 'target' | 'location_id' | 'area_id' | 'shelter_level'>;
  if (input.scope === 'location') {
    const loc = requireLocation(db, input.locationCode!);
    target = { target: `L:${loc.id}`, location_id: loc.id, area_id: null, shelter_level: null };
  } else if (input.scope === 'street_shelters') {
    const street = requireArea(db, input.streetCode!, 'streetCode');
    if (street.level !== 'street') throw new LedgerError('norm.notShelterStreet', { code: input.streetCode! }, 'streetCode');
    target = { target: `S:${street.id}`, location_id: null, area_id: street.id, shelter_level: null };
  } else {
    target = { target: `V:${input.shelterLevel}`, location_id: null, area_id: null, shelter_level: input.shelterLevel! };
  }
  const quantity = input.basis === 'absolute' ? toMilli(input.quantity!, item.decimals) : null;
  if (input.basis === 'absolute' && quantity === null) {
    throw new LedgerError('movement.badQuantity', { value: input.quantity!, unit: item.unit, rule: `最多 ${item.decimals} 位小数`, ruleEn: `at most ${item.decimals} decimals` }, 'quantity');
  }
  const values = {
    scope: input.scope,
    ...target,
    item_id: item.id,
    basis: input.basis,
    quantity_milli: quantity,
    factor_micro: input.basis === 'per_person' ? Math.round(input.factor! * MICRO) : null,
    persons: input.basis === 'per_person' ? input.persons! : null,
    note: input.note ?? null,
  };
  const existing = db.get(db.q.selectFrom('norm').select('id').where('scope', '=', values.scope).where('target', '=', values.target).where('item_id', '=', item.id));
  if (existing) {
    db.run(db.q.updateTable('norm').set(values).where('id', '=', existing.id));
    return existing.id;
  }
  return db.run(db.q.insertInto('norm').values(values)).lastInsertRowid;
}

export function setNorm(db: Db, input: z.output<typeof normSetInput>): NormView {
  const id = db.tx(() => putNorm(db, input));
  return toView(findNorm(db, id)!);
}

export function removeNorm(db: Db, id: number): { removed: number } {
  return db.tx(() => {
    if (!findNorm(db, id)) throw new LedgerError('norm.notFound', { id }, 'id');
    return { removed: db.run(db.q.deleteFrom('norm').where('id', '=', id)).changes };
  });
}

/** Writes the default shelter norms (settings `norms.shelterDefaults`) for every level, matching items by name. */
export function applyDefaultNorms(db: Db): { created: number; updated: number; missingItems: string[] } {
  return db.tx(() => addDefaultNorms(db));
}

/** The same, inside the caller's transaction. */
export function addDefaultNorms(db: Db): { created: number; updated: number; missingItems: string[] } {
  let created = 0;
  let updated = 0;
  const missingItems: string[] = [];
  for (const d of getSetting(db, 'norms.shelterDefaults')) {
    const item = db.get(db.q.selectFrom('item').select('code').where('name', '=', d.itemName).where('reserve_mode', '=', 'held').orderBy('code').limit(1));
    if (!item || !findItem(db, item.code)) {
      missingItems.push(d.itemName);
      continue;
    }
    for (const level of ['district', 'street', 'village'] as const) {
      const before = db.get(db.q.selectFrom('norm').select('id').where('target', '=', `V:${level}`).where('item_id', '=', findItem(db, item.code)!.id));
      putNorm(db, {
        scope: 'shelter_level',
        shelterLevel: level,
        itemCode: item.code,
        basis: d.basis,
        quantity: d.quantity,
        factor: d.factor,
        persons: d.basis === 'per_person' ? 'evacuees' : undefined,
        note: d.note,
      });
      if (before) updated++;
      else created++;
    }
  }
  return { created, updated, missingItems };
}

// ---------- resolution, for the gap engine ----------

export interface ResolvedNorm {
  locationId: number;
  itemId: number;
  requiredMilli: number;
  basis: string;
}

export interface NormPlace {
  locationId: number;
  streetId: number | null;
  shelter: { level: string; capacity: number; evacuees: number | null } | null;
  population: number | null;
}

/** The norm in force for every (place, item): a place's own beats its street's shelter norm beats its level's. */
export function resolveNorms(db: Db, places: NormPlace[]): ResolvedNorm[] {
  const rows = db.all(normQuery(db));
  const byTarget = new Map<string, typeof rows>();
  for (const r of rows) {
    const list = byTarget.get(r.target) ?? [];
    list.push(r);
    byTarget.set(r.target, list);
  }
  const out: ResolvedNorm[] = [];
  for (const p of places) {
    const chosen = new Map<number, (typeof rows)[number]>();
    const layers = [`L:${p.locationId}`, ...(p.shelter ? [`S:${p.streetId}`, `V:${p.shelter.level}`] : [])];
    for (const layer of layers) for (const r of byTarget.get(layer) ?? []) if (!chosen.has(r.item_id)) chosen.set(r.item_id, r);
    for (const r of chosen.values()) {
      const required = requiredMilli(r, p);
      if (required === null) continue;
      out.push({ locationId: p.locationId, itemId: r.item_id, requiredMilli: required, basis: describeBasis(r, p) });
    }
  }
  return out;
}

function personsFor(r: Pick<NormRow, 'persons'>, p: NormPlace): number | null {
  if (r.persons === 'population') return p.population;
  if (!p.shelter) return null;
  return r.persons === 'capacity' ? p.shelter.capacity : (p.shelter.evacuees ?? p.shelter.capacity);
}

function requiredMilli(r: NormRow & { decimals: number }, p: NormPlace): number | null {
  if (r.basis === 'absolute') return r.quantity_milli;
  const persons = personsFor(r, p);
  if (persons === null) return null;
  // Round up to what the item can be counted in: whole units, or thousandths for measured items.
  const step = 10 ** (3 - r.decimals);
  const exact = (persons * r.factor_micro!) / 1000;
  return Math.ceil(exact / step - 1e-9) * step;
}

function describeBasis(r: NormRow & { unit: string }, p: NormPlace): string {
  const scope = r.scope === 'location' ? '本点定额' : r.scope === 'street_shelters' ? '街道统一定额' : '场所级别默认定额';
  if (r.basis === 'absolute') return `${scope}：${fromMilli(r.quantity_milli!)}${r.unit}`;
  const who = r.persons === 'population' ? '转移人口' : r.persons === 'capacity' ? '可容纳人数' : '计划安置人数';
  return `${scope}：${who} ${personsFor(r, p)} × ${r.factor_micro! / MICRO}${r.unit}/人`;
}
