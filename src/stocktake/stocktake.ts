// The annual stocktake: book quantities per item and batch frozen at the start, counts while movements go on,
// variances against the book at the moment of each count, two signatures, and 盘盈/盘亏 posted in one transaction.
import type { z } from 'zod';
import type {
  addLineInput,
  countInput,
  postInput,
  StocktakeHeader,
  StocktakeLine,
  StocktakeReview,
  StocktakeStatus,
  StocktakeView,
  stocktakeStartInput,
} from '../api/contract.stocktake.js';
import { LedgerError } from '../common/errors.js';
import { fromFen, fromMilli, toMilli } from '../common/quantity.js';
import type { Db } from '../db/executor.js';
import { stocktakeLabels } from '../i18n/stocktake.js';
import { requireItem } from '../catalogue/items.js';
import { listLocations, requireLocation } from '../places/locations.js';
import { Poster } from '../stock/post.js';
import { type MovementPostInput, movementPostInput } from '../api/contract.js';

type Action = keyof typeof stocktakeLabels.action;

function journalMark(db: Db): number {
  return db.get(db.q.selectFrom('movement').select((eb) => eb.fn.max<number>('id').as('id')))?.id ?? 0;
}

function requireStocktake(db: Db, id: number) {
  const st = db.get(db.q.selectFrom('stocktake').selectAll().where('id', '=', id));
  if (!st) throw new LedgerError('stocktake.notFound', { id }, 'id');
  return st;
}

function requireState(st: { no: string; status: StocktakeStatus }, allowed: StocktakeStatus[], action: Action): void {
  if (allowed.includes(st.status)) return;
  const s = stocktakeLabels.status[st.status];
  const a = stocktakeLabels.action[action];
  throw new LedgerError('stocktake.badState', { no: st.no, status: s.zh, statusEn: s.en, action: a.zh, actionEn: a.en }, 'id');
}

/** Creates the stocktake and freezes the book of every batch held at its locations. */
export function startStocktake(db: Db, input: z.output<typeof stocktakeStartInput>): number {
  return db.tx(() => {
    const codes = new Set(input.locationCodes);
    if (input.streetCode) for (const l of listLocations(db, { streetCode: input.streetCode })) codes.add(l.code);
    const locations = [...codes].map((c) => requireLocation(db, c, 'locationCodes'));
    if (locations.length === 0) throw new LedgerError('stocktake.noLocations', {}, 'locationCodes');
    for (const l of locations) {
      const open = db.get(
        db.q
          .selectFrom('stocktake_location as sl')
          .innerJoin('stocktake as s', 's.id', 'sl.stocktake_id')
          .select('s.no')
          .where('sl.location_id', '=', l.id)
          .where('s.status', 'in', ['draft', 'counting', 'review']),
      );
      if (open) throw new LedgerError('stocktake.busy', { location: l.name, no: open.no }, 'locationCodes');
    }
    const year = input.date.slice(0, 4);
    const seq = (db.get(db.q.selectFrom('stocktake').select((eb) => eb.fn.countAll<number>().as('n')).where('no', 'like', `PD${year}-%`))?.n ?? 0) + 1;
    const mark = journalMark(db);
    const id = db.run(
      db.q.insertInto('stocktake').values({
        no: `PD${year}-${String(seq).padStart(3, '0')}`,
        status: 'counting',
        blind: input.blind ? 1 : 0,
        date: input.date,
        journal_mark: mark,
        note: input.note ?? null,
        counter: null,
        supervisor: null,
        posted_on: null,
        void_reason: null,
        created_at: new Date().toISOString(),
      }),
    ).lastInsertRowid;
    for (const l of locations) {
      db.run(db.q.insertInto('stocktake_location').values({ stocktake_id: id, location_id: l.id }));
      const balances = db.all(db.q.selectFrom('balance').select(['item_id', 'batch_id', 'qty_milli']).where('location_id', '=', l.id).where('qty_milli', '>', 0));
      for (const b of balances) {
        db.run(
          db.q.insertInto('stocktake_line').values({
            stocktake_id: id,
            location_id: l.id,
            item_id: b.item_id,
            batch_id: b.batch_id,
            frozen_milli: b.qty_milli,
            counted_milli: null,
            count_mark: null,
            counted_by: null,
            counted_on: null,
            unexpected: 0,
            reason: null,
          }),
        );
      }
      // Serial units expected here: in this store, or handed out from it to a village.
      const units = db.all(
        db.q
          .selectFrom('equipment as e')
          .leftJoin('area as v', 'v.id', 'e.village_id')
          .select(['e.id', 'e.kind', 'e.serial_no', 'v.name as village'])
          .where('e.home_location_id', '=', l.id)
          .where('e.status', 'not in', ['scrapped', 'transferred_out']),
      );
      for (const u of units) {
        db.run(
          db.q.insertInto('stocktake_unit').values({ stocktake_id: id, equipment_id: u.id, kind: u.kind, serial_no: u.serial_no, expected_at: u.village ?? l.name, seen: null, unexpected: 0, note: null }),
        );
      }
    }
    return id;
  });
}

function lineRows(db: Db, id: number, mark: number) {
  const rows = db.all(
    db.q
      .selectFrom('stocktake_line as sl')
      .innerJoin('location as l', 'l.id', 'sl.location_id')
      .innerJoin('item as i', 'i.id', 'sl.item_id')
      .innerJoin('batch as b', 'b.id', 'sl.batch_id')
      .selectAll('sl')
      .select(['l.code as location_code', 'l.name as location_name', 'i.code as item_code', 'i.name as item_name', 'i.spec', 'i.unit', 'i.unit_price_fen', 'b.batch_no', 'b.expiry_date'])
      .where('sl.stocktake_id', '=', id)
      .orderBy('l.code')
      .orderBy('i.code')
      .orderBy('b.expiry_date')
      .orderBy('b.batch_no'),
  );
  // Movements since the start, per (location, batch), in id order, so the book at any count mark can be summed.
  const since = db.all(
    db.q
      .selectFrom('movement as m')
      .innerJoin('stocktake_location as sl', (j) => j.onRef('sl.location_id', '=', 'm.location_id').on('sl.stocktake_id', '=', id))
      .select(['m.id', 'm.location_id', 'm.batch_id', 'm.qty_milli'])
      .where('m.id', '>', mark)
      .orderBy('m.id'),
  );
  const moves = new Map<string, { id: number; qty: number }[]>();
  for (const m of since) {
    const k = `${m.location_id}:${m.batch_id}`;
    const list = moves.get(k) ?? [];
    list.push({ id: m.id, qty: m.qty_milli });
    moves.set(k, list);
  }
  return rows.map((r) => {
    const upTo = r.count_mark ?? Number.MAX_SAFE_INTEGER;
    const delta = (moves.get(`${r.location_id}:${r.batch_id}`) ?? []).filter((m) => m.id <= upTo).reduce((a, m) => a + m.qty, 0);
    return { ...r, book_milli: r.frozen_milli + delta };
  });
}

function toLine(r: ReturnType<typeof lineRows>[number]): StocktakeLine {
  const diff = r.counted_milli === null ? null : r.counted_milli - r.book_milli;
  return {
    lineId: r.id,
    locationCode: r.location_code,
    locationName: r.location_name,
    itemCode: r.item_code,
    itemName: r.item_name,
    spec: r.spec,
    unit: r.unit,
    batchNo: r.batch_no,
    expiryDate: r.expiry_date,
    frozen: fromMilli(r.frozen_milli),
    book: fromMilli(r.book_milli),
    counted: r.counted_milli === null ? null : fromMilli(r.counted_milli),
    difference: diff === null ? null : fromMilli(diff),
    unitPrice: r.unit_price_fen === null ? null : fromFen(r.unit_price_fen),
    value: diff === null || r.unit_price_fen === null ? null : fromFen(Math.round((diff * r.unit_price_fen) / 1000)),
    reason: r.reason,
    unexpected: r.unexpected === 1,
    countedBy: r.counted_by,
    countedOn: r.counted_on,
  };
}

export function stocktakeView(db: Db, id: number): StocktakeView {
  const st = requireStocktake(db, id);
  const items = lineRows(db, id, st.journal_mark).map(toLine);
  const units = db.all(
    db.q
      .selectFrom('stocktake_unit as u')
      .leftJoin('equipment_kind as k', 'k.code', 'u.kind')
      .select(['u.id', 'u.kind', 'k.name as kind_name', 'u.serial_no', 'u.expected_at', 'u.seen', 'u.unexpected', 'u.note'])
      .where('u.stocktake_id', '=', id)
      .orderBy('u.kind')
      .orderBy('u.serial_no'),
  );
  return {
    ...header(db, st, items),
    items,
    units: units.map((u) => ({
      unitId: u.id,
      kind: u.kind,
      kindName: u.kind_name ?? u.kind,
      serialNo: u.serial_no,
      expectedAt: u.expected_at,
      seen: u.seen === null ? null : u.seen === 1,
      unexpected: u.unexpected === 1,
      note: u.note,
    })),
  };
}

function header(db: Db, st: ReturnType<typeof requireStocktake>, items: StocktakeLine[]): StocktakeHeader {
  const locations = db.all(
    db.q.selectFrom('stocktake_location as sl').innerJoin('location as l', 'l.id', 'sl.location_id').select(['l.code', 'l.name']).where('sl.stocktake_id', '=', st.id).orderBy('l.code'),
  );
  return {
    id: st.id,
    no: st.no,
    status: st.status,
    blind: st.blind === 1,
    date: st.date,
    note: st.note,
    locations,
    counter: st.counter,
    supervisor: st.supervisor,
    postedOn: st.posted_on,
    voidReason: st.void_reason,
    lines: items.length,
    counted: items.filter((i) => i.counted !== null).length,
    differences: items.filter((i) => i.difference !== null && i.difference !== 0).length,
  };
}

export function listStocktakes(db: Db): StocktakeHeader[] {
  return db.all(db.q.selectFrom('stocktake').selectAll().orderBy('id', 'desc')).map((st) => header(db, st, lineRows(db, st.id, st.journal_mark).map(toLine)));
}

/** Records counts inside the caller's transaction (typed in the UI, or read from the filled count sheet). */
export function recordCounts(db: Db, input: z.output<typeof countInput>): void {
  const st = requireStocktake(db, input.id);
  requireState(st, ['counting'], 'count');
  const mark = journalMark(db);
  input.counts.forEach((c, i) => {
    const line = db.get(
      db.q
        .selectFrom('stocktake_line as sl')
        .innerJoin('item as it', 'it.id', 'sl.item_id')
        .select(['sl.id', 'it.decimals', 'it.unit'])
        .where('sl.id', '=', c.lineId)
        .where('sl.stocktake_id', '=', st.id),
    );
    if (!line) throw new LedgerError('stocktake.lineNotFound', { line: c.lineId }, `counts.${i}.lineId`);
    const milli = toMilli(c.counted, line.decimals);
    if (milli === null) throw new LedgerError('stocktake.sheetCount', { value: c.counted }, `counts.${i}.counted`);
    db.run(
      db.q
        .updateTable('stocktake_line')
        .set({ counted_milli: milli, count_mark: mark, counted_by: input.countedBy, counted_on: input.date, ...(c.reason !== undefined ? { reason: c.reason || null } : {}) })
        .where('id', '=', line.id),
    );
  });
}

export function countLines(db: Db, input: z.output<typeof countInput>): StocktakeView {
  db.tx(() => recordCounts(db, input));
  return stocktakeView(db, input.id);
}

/** A line found that was not expected (book 0), with its batch created when new. */
export function addFoundLine(db: Db, input: z.output<typeof addLineInput>): StocktakeView {
  db.tx(() => {
    const st = requireStocktake(db, input.id);
    requireState(st, ['counting'], 'count');
    const loc = requireLocation(db, input.locationCode);
    const inScope = db.get(db.q.selectFrom('stocktake_location').select('location_id').where('stocktake_id', '=', st.id).where('location_id', '=', loc.id));
    if (!inScope) throw new LedgerError('stocktake.locationNotIn', { code: input.locationCode }, 'locationCode');
    const item = requireItem(db, input.itemCode);
    let batch = db.get(db.q.selectFrom('batch').select('id').where('item_id', '=', item.id).where('batch_no', '=', input.batchNo));
    if (!batch) {
      const id = db.run(
        db.q.insertInto('batch').values({ item_id: item.id, batch_no: input.batchNo, production_date: input.productionDate ?? null, expiry_date: input.expiryDate ?? null }),
      ).lastInsertRowid;
      batch = { id };
    }
    const exists = db.get(db.q.selectFrom('stocktake_line').select('id').where('stocktake_id', '=', st.id).where('location_id', '=', loc.id).where('batch_id', '=', batch.id));
    if (exists) throw new LedgerError('stocktake.lineExists', { item: item.name, batch: input.batchNo || '无批次' }, 'itemCode');
    const milli = toMilli(input.counted, item.decimals);
    if (milli === null) throw new LedgerError('stocktake.sheetCount', { value: input.counted }, 'counted');
    db.run(
      db.q.insertInto('stocktake_line').values({
        stocktake_id: st.id,
        location_id: loc.id,
        item_id: item.id,
        batch_id: batch.id,
        frozen_milli: 0,
        counted_milli: milli,
        count_mark: journalMark(db),
        counted_by: input.countedBy,
        counted_on: input.date,
        unexpected: 1,
        reason: input.reason ?? null,
      }),
    );
  });
  return stocktakeView(db, input.id);
}

export function zeroUncounted(db: Db, input: { id: number; countedBy: string; date: string; reason: string }): StocktakeView {
  db.tx(() => {
    const st = requireStocktake(db, input.id);
    requireState(st, ['counting'], 'count');
    db.run(
      db.q
        .updateTable('stocktake_line')
        .set({ counted_milli: 0, count_mark: journalMark(db), counted_by: input.countedBy, counted_on: input.date, reason: input.reason })
        .where('stocktake_id', '=', st.id)
        .where('counted_milli', 'is', null),
    );
  });
  return stocktakeView(db, input.id);
}

export function setReason(db: Db, input: { id: number; lineId: number; reason: string }): StocktakeView {
  db.tx(() => {
    const st = requireStocktake(db, input.id);
    requireState(st, ['counting', 'review'], 'count');
    const r = db.run(db.q.updateTable('stocktake_line').set({ reason: input.reason || null }).where('id', '=', input.lineId).where('stocktake_id', '=', st.id));
    if (r.changes === 0) throw new LedgerError('stocktake.lineNotFound', { line: input.lineId }, 'lineId');
  });
  return stocktakeView(db, input.id);
}

/** Equipment audit: a unit seen or not seen; a serial not expected here is recorded as found unexpected. */
export function auditUnit(db: Db, input: { id: number; kind: string; serialNo: string; seen: boolean; note?: string }): StocktakeView {
  db.tx(() => {
    const st = requireStocktake(db, input.id);
    requireState(st, ['counting'], 'count');
    const expected = db.get(db.q.selectFrom('stocktake_unit').select('id').where('stocktake_id', '=', st.id).where('kind', '=', input.kind).where('serial_no', '=', input.serialNo));
    if (expected) {
      db.run(db.q.updateTable('stocktake_unit').set({ seen: input.seen ? 1 : 0, note: input.note ?? null }).where('id', '=', expected.id));
      return;
    }
    const unit = db.get(db.q.selectFrom('equipment').select('id').where('kind', '=', input.kind).where('serial_no', '=', input.serialNo));
    db.run(
      db.q.insertInto('stocktake_unit').values({ stocktake_id: st.id, equipment_id: unit?.id ?? null, kind: input.kind, serial_no: input.serialNo, expected_at: null, seen: 1, unexpected: 1, note: input.note ?? null }),
    );
  });
  return stocktakeView(db, input.id);
}

export function reviewStocktake(db: Db, id: number): StocktakeReview {
  const view = stocktakeView(db, id);
  const variances = view.items.filter((l) => l.difference !== null && l.difference !== 0);
  const sum = (xs: StocktakeLine[]) => fromFen(xs.reduce((a, l) => a + Math.round((l.value ?? 0) * 100), 0));
  const { items: _items, units, ...h } = view;
  return {
    header: h,
    variances,
    uncounted: view.items.filter((l) => l.counted === null),
    missingReasons: variances.filter((l) => !l.reason).length,
    units: {
      seen: units.filter((u) => u.seen === true && !u.unexpected).length,
      notSeen: units.filter((u) => u.seen === false).length,
      unchecked: units.filter((u) => u.seen === null).length,
      unexpected: units.filter((u) => u.unexpected).length,
    },
    totals: { gainValue: sum(variances.filter((l) => l.difference! > 0)), lossValue: sum(variances.filter((l) => l.difference! < 0)) },
  };
}

function requireAllCounted(db: Db, id: number): void {
  const n = db.get(db.q.selectFrom('stocktake_line').select((eb) => eb.fn.countAll<number>().as('n')).where('stocktake_id', '=', id).where('counted_milli', 'is', null))?.n ?? 0;
  if (n > 0) throw new LedgerError('stocktake.uncounted', { n }, 'id');
}

export function submitStocktake(db: Db, id: number): StocktakeView {
  db.tx(() => {
    const st = requireStocktake(db, id);
    requireState(st, ['counting'], 'submit');
    requireAllCounted(db, id);
    db.run(db.q.updateTable('stocktake').set({ status: 'review' }).where('id', '=', id));
  });
  return stocktakeView(db, id);
}

export function reopenStocktake(db: Db, id: number): StocktakeView {
  db.tx(() => {
    const st = requireStocktake(db, id);
    requireState(st, ['review'], 'reopen');
    db.run(db.q.updateTable('stocktake').set({ status: 'counting' }).where('id', '=', id));
  });
  return stocktakeView(db, id);
}

/** Posts 盘盈/盘亏 for every difference, signed by two different people, in one transaction. */
export function postStocktake(db: Db, input: z.output<typeof postInput>): StocktakeView {
  db.tx(() => {
    const st = requireStocktake(db, input.id);
    requireState(st, ['counting', 'review'], 'post');
    requireAllCounted(db, st.id);
    const lines = lineRows(db, st.id, st.journal_mark).filter((l) => l.counted_milli! !== l.book_milli);
    const missing = lines.filter((l) => !l.reason).length;
    if (missing > 0) throw new LedgerError('stocktake.reasonsMissing', { n: missing }, 'id');
    const docs: MovementPostInput[] = [];
    for (const sign of [1, -1]) {
      const byLocation = new Map<string, typeof lines>();
      for (const l of lines.filter((x) => Math.sign(x.counted_milli! - x.book_milli) === sign)) {
        byLocation.set(l.location_code, [...(byLocation.get(l.location_code) ?? []), l]);
      }
      for (const [locationCode, ls] of byLocation) {
        docs.push({
          type: sign > 0 ? 'stocktake_gain' : 'stocktake_loss',
          date: input.date,
          locationCode,
          handler: input.counter,
          approver: input.supervisor,
          basisDoc: st.no,
          reason: `年度盘点 ${st.no}`,
          lines: ls.map((l) => ({ itemCode: l.item_code, batchNo: l.batch_no, quantity: Math.abs(l.counted_milli! - l.book_milli) / 1000, note: l.reason ?? undefined })),
        });
      }
    }
    Poster.run(db, (p) => docs.forEach((d, i) => p.postDocument(movementPostInput.parse(d), `documents.${i}.`)));
    db.run(db.q.updateTable('stocktake').set({ status: 'posted', counter: input.counter, supervisor: input.supervisor, posted_on: input.date }).where('id', '=', st.id));
  });
  return stocktakeView(db, input.id);
}

export function voidStocktake(db: Db, id: number, reason: string): StocktakeView {
  db.tx(() => {
    const st = requireStocktake(db, id);
    requireState(st, ['draft', 'counting', 'review'], 'void');
    db.run(db.q.updateTable('stocktake').set({ status: 'void', void_reason: reason }).where('id', '=', id));
  });
  return stocktakeView(db, id);
}
