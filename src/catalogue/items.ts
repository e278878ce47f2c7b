import type { z } from 'zod';
import type { Item, itemCreateInput, itemUpdateInput } from '../api/contract.js';
import { LedgerError } from '../common/errors.js';
import { defaultDecimalsForUnit, fromFen, toFen } from '../common/quantity.js';
import type { Db } from '../db/executor.js';
import type { ItemTable } from '../db/schema.js';
import { getSetting } from '../settings/settings.js';

type ItemRow = Omit<ItemTable, 'id'> & { id: number };

export function itemColumns(db: Db) {
  return db.q.selectFrom('item').selectAll();
}

/** The rotation lead time in force for an item: its own, else the default for items that have a shelf life. */
export function leadDaysOf(item: Pick<ItemRow, 'rotation_lead_days' | 'shelf_life_days'>, defaultLead: number): number {
  if (item.rotation_lead_days !== null) return item.rotation_lead_days;
  return item.shelf_life_days !== null ? defaultLead : 0;
}

export function toItem(r: ItemRow, defaultLead: number): Item {
  return {
    code: r.code,
    name: r.name,
    spec: r.spec,
    unit: r.unit,
    decimals: r.decimals,
    category: r.category,
    gbCode: r.gb_code,
    shelfLifeDays: r.shelf_life_days,
    rotationLeadDays: r.rotation_lead_days,
    effectiveLeadDays: leadDaysOf(r, defaultLead),
    reserveMode: r.reserve_mode,
    unitPrice: r.unit_price_fen === null ? null : fromFen(r.unit_price_fen),
    note: r.note,
  };
}

export function listItems(db: Db, filter: { search?: string } = {}): Item[] {
  let q = itemColumns(db);
  if (filter.search) {
    const like = `%${filter.search}%`;
    q = q.where((eb) => eb.or([eb('code', 'like', like), eb('name', 'like', like), eb('spec', 'like', like)]));
  }
  const lead = getSetting(db, 'rotation.defaultLeadDays');
  return db.all(q.orderBy('code')).map((r) => toItem(r, lead));
}

export function findItem(db: Db, code: string): ItemRow | undefined {
  return db.get(itemColumns(db).where('code', '=', code));
}

export function requireItem(db: Db, code: string, field = 'itemCode'): ItemRow {
  const item = findItem(db, code);
  if (!item) throw new LedgerError('item.notFound', { code }, field);
  return item;
}

function priceFen(price: number | null | undefined): number | null {
  return price === undefined || price === null ? null : toFen(price);
}

export function createItem(db: Db, input: z.output<typeof itemCreateInput>): Item {
  return db.tx(() => addItem(db, input));
}

/** Adds a catalogue item inside the caller's transaction. */
export function addItem(db: Db, input: z.output<typeof itemCreateInput>): Item {
  if (findItem(db, input.code)) throw new LedgerError('item.duplicate', { code: input.code }, 'code');
  db.run(
    db.q.insertInto('item').values({
      code: input.code,
      name: input.name,
      spec: input.spec ?? null,
      unit: input.unit,
      decimals: input.decimals ?? defaultDecimalsForUnit(input.unit),
      category: input.category,
      gb_code: input.gbCode ?? null,
      shelf_life_days: input.shelfLifeDays ?? null,
      rotation_lead_days: input.rotationLeadDays ?? null,
      reserve_mode: input.reserveMode,
      unit_price_fen: priceFen(input.unitPrice),
      note: input.note ?? null,
    }),
  );
  return toItem(findItem(db, input.code)!, getSetting(db, 'rotation.defaultLeadDays'));
}

export function updateItem(db: Db, input: z.output<typeof itemUpdateInput>): Item {
  return db.tx(() => {
    const current = requireItem(db, input.code, 'code');
    const decimals = input.decimals ?? (input.unit ? defaultDecimalsForUnit(input.unit) : current.decimals);
    if (decimals < current.decimals) {
      const fractional = db.get(
        db.q
          .selectFrom('movement')
          .select('id')
          .where('item_id', '=', current.id)
          .where((eb) => eb(eb('qty_milli', '%', 10 ** (3 - decimals)), '!=', 0))
          .limit(1),
      );
      if (fractional) throw new LedgerError('item.decimalsInUse', { code: input.code }, 'decimals');
    }
    const pick = <T>(next: T | undefined, prev: T) => (next === undefined ? prev : next);
    db.run(
      db.q
        .updateTable('item')
        .set({
          name: pick(input.name, current.name),
          spec: pick(input.spec, current.spec),
          unit: pick(input.unit, current.unit),
          decimals,
          category: pick(input.category, current.category),
          gb_code: pick(input.gbCode, current.gb_code),
          shelf_life_days: pick(input.shelfLifeDays, current.shelf_life_days),
          rotation_lead_days: pick(input.rotationLeadDays, current.rotation_lead_days),
          reserve_mode: pick(input.reserveMode, current.reserve_mode),
          unit_price_fen: input.unitPrice === undefined ? current.unit_price_fen : priceFen(input.unitPrice),
          note: pick(input.note, current.note),
        })
        .where('id', '=', current.id),
    );
    return toItem(findItem(db, input.code)!, getSetting(db, 'rotation.defaultLeadDays'));
  });
}
