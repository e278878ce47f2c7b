// Posting to the journal. Every movement updates its balance in the same transaction; a movement that would
// take a balance below zero is refused and the whole user action writes nothing.
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { movementPostInput, reverseDocumentInput, reverseInput, transferInput } from '../api/contract.js';
import { addDays, today } from '../common/dates.js';
import { LedgerError } from '../common/errors.js';
import { fromMilli, toFen, toMilli } from '../common/quantity.js';
import type { Db, PreparedTemplate } from '../db/executor.js';
import type { MovementTable } from '../db/schema.js';
import { labels, message } from '../i18n/messages.js';
import { requireItem } from '../catalogue/items.js';
import { requireLocation } from '../places/locations.js';

type PostDocument = z.output<typeof movementPostInput>;
type TransferDocument = z.output<typeof transferInput>;
type ReverseRequest = z.output<typeof reverseInput>;
type ReverseDocumentRequest = z.output<typeof reverseDocumentInput>;
/** What a reversal writes on each of its lines: the same for one line as for a whole document. */
type ReversalTerms = Omit<ReverseRequest, 'id'>;
type Line = PostDocument['lines'][number];
type MovementValues = Omit<MovementTable, 'id'>;

const DOC_PREFIX = { receipt: 'RK', issue: 'CK', transfer: 'DB', reversal: 'CX' } as const;
const RECEIPTS = new Set(['purchase', 'donation', 'allocation_in', 'return_in', 'stocktake_gain']);

interface ItemRef {
  id: number;
  code: string;
  name: string;
  unit: string;
  decimals: number;
  shelf_life_days: number | null;
  reserve_mode: 'held' | 'agreement' | 'capacity';
  unit_price_fen: number | null;
}
interface LocationRef {
  id: number;
  code: string;
  name: string;
}
interface BatchRef {
  id: number;
  batch_no: string;
  production_date: string | null;
  expiry_date: string | null;
}

/**
 * One posting session: caches look-ups and prepared statements for the duration of one user action, which may be
 * a single document or a whole import of thousands.
 */
export class Poster {
  private readonly items = new Map<string, ItemRef>();
  private readonly locations = new Map<string, LocationRef>();
  private readonly batches = new Map<string, BatchRef>();
  private readonly createdAt = new Date().toISOString();
  private readonly today = today();
  private readonly stmt: Statements;
  /** Balances touched by this action: read once, changed in memory, written back by `finish`. */
  private readonly pending = new Map<string, PendingBalance>();

  constructor(private readonly db: Db) {
    let stmt = statementsByDb.get(db);
    if (!stmt) {
      stmt = prepareStatements(db);
      statementsByDb.set(db, stmt);
    }
    this.stmt = stmt;
  }

  /** Runs a posting action inside the caller's transaction and writes its balances at the end. */
  static run<T>(db: Db, fn: (poster: Poster) => T): T {
    const poster = new Poster(db);
    const result = fn(poster);
    poster.finish();
    return result;
  }

  /** 入库单 / 出库单: posts one document and returns its number and the ids of the lines written. */
  postDocument(doc: PostDocument, path = ''): { docNo: string; ids: number[] } {
    const location = this.location(doc.locationCode, `${path}locationCode`);
    const receipt = RECEIPTS.has(doc.type);
    const docNo = this.docNo(doc.docNo, receipt ? DOC_PREFIX.receipt : DOC_PREFIX.issue, doc.date, `${path}docNo`);
    const ids: number[] = [];
    doc.lines.forEach((line, i) => {
      const at = `${path}lines.${i}.`;
      const item = this.item(line.itemCode, `${at}itemCode`);
      const milli = this.quantity(item, line.quantity, `${at}quantity`);
      const base = {
        doc_no: docNo,
        type: doc.type,
        date: doc.date,
        location_id: location.id,
        item_id: item.id,
        counterpart_location_id: null,
        pair_id: null,
        reverses_id: null,
        unit_price_fen: this.price(line, item),
        basis_doc: doc.basisDoc ?? null,
        handler: doc.handler,
        approver: doc.approver ?? null,
        donor: doc.donor ?? null,
        donor_cert_no: doc.donorCertNo ?? null,
        recipient: doc.recipient ?? doc.counterpart ?? null,
        reason: doc.reason ?? null,
        note: line.note ?? doc.note ?? null,
        created_at: this.createdAt,
      };
      if (receipt) {
        const batch = this.receiptBatch(item, line, at);
        ids.push(this.write({ ...base, batch_id: batch.id, qty_milli: milli }, location, item, batch));
      } else {
        for (const part of this.allocate(location, item, line.batchNo, milli, `${at}quantity`, doc.type === 'issue')) {
          ids.push(this.write({ ...base, batch_id: part.batch.id, qty_milli: -part.milli }, location, item, part.batch, `${at}quantity`));
        }
      }
    });
    return { docNo, ids };
  }

  /** 调拨: both legs of every line in one document; the in-leg points at its out-leg. */
  postTransfer(doc: TransferDocument): { docNo: string; ids: number[] } {
    const from = this.location(doc.fromCode, 'fromCode');
    const to = this.location(doc.toCode, 'toCode');
    if (from.id === to.id) throw new LedgerError('movement.sameLocation', {}, 'toCode');
    const docNo = this.docNo(doc.docNo, DOC_PREFIX.transfer, doc.date, 'docNo');
    const ids: number[] = [];
    doc.lines.forEach((line, i) => {
      const item = this.item(line.itemCode, `lines.${i}.itemCode`);
      const milli = this.quantity(item, line.quantity, `lines.${i}.quantity`);
      for (const part of this.allocate(from, item, line.batchNo, milli, `lines.${i}.quantity`, true)) {
        const base = {
          doc_no: docNo,
          date: doc.date,
          item_id: item.id,
          batch_id: part.batch.id,
          reverses_id: null,
          unit_price_fen: item.unit_price_fen,
          basis_doc: doc.basisDoc ?? null,
          handler: doc.handler,
          approver: doc.approver ?? null,
          donor: null,
          donor_cert_no: null,
          recipient: null,
          reason: null,
          note: line.note ?? doc.note ?? null,
          created_at: this.createdAt,
        };
        const outId = this.write(
          { ...base, type: 'transfer_out', location_id: from.id, counterpart_location_id: to.id, pair_id: null, qty_milli: -part.milli },
          from,
          item,
          part.batch,
          `lines.${i}.quantity`,
        );
        const inId = this.write(
          { ...base, type: 'transfer_in', location_id: to.id, counterpart_location_id: from.id, pair_id: outId, qty_milli: part.milli },
          to,
          item,
          part.batch,
        );
        ids.push(outId, inId);
      }
    });
    return { docNo, ids };
  }

  /** 冲销: a reversing movement for a line (and its transfer partner). The original stays as it was. */
  reverse(req: ReverseRequest): { docNo: string; ids: number[] } {
    const original = this.db.get(this.db.q.selectFrom('movement').selectAll().where('id', '=', req.id));
    if (!original) throw new LedgerError('movement.notFound', { id: req.id }, 'id');
    if (original.type === 'reversal') throw new LedgerError('movement.cannotReverseReversal', {}, 'id');
    const legs = this.db.all(
      this.db.q
        .selectFrom('movement')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb('id', '=', original.id),
            ...(original.pair_id !== null ? [eb('id', '=', original.pair_id)] : []),
            ...(original.type === 'transfer_out' ? [eb('pair_id', '=', original.id)] : []),
          ]),
        )
        .orderBy('id'),
    );
    for (const leg of legs) {
      const by = this.db.get(this.db.q.selectFrom('movement').select('id').where('reverses_id', '=', leg.id));
      if (by) throw new LedgerError('movement.alreadyReversed', { id: leg.id, by: by.id }, 'id');
    }
    return this.reverseLegs(legs, req);
  }

  /**
   * 冲销整单: every line of a document (both legs of a transfer) in one reversal document, each line pointing at its
   * original. Refused, writing nothing, when any line is already reversed or a balance would go below zero.
   */
  reverseDocument(req: ReverseDocumentRequest & { date: string }): { docNo: string; ids: number[] } {
    const legs = this.db.all(this.db.q.selectFrom('movement').selectAll().where('doc_no', '=', req.docNo).orderBy('id'));
    if (legs.length === 0) throw new LedgerError('movement.documentNotFound', { docNo: req.docNo }, 'docNo');
    if (legs.some((l) => l.type === 'reversal')) throw new LedgerError('movement.documentIsReversal', { docNo: req.docNo }, 'docNo');
    const reversed = this.db.all(
      this.db.q
        .selectFrom('movement as r')
        .innerJoin('movement as m', 'm.id', 'r.reverses_id')
        .select(['m.id'])
        .where('m.doc_no', '=', req.docNo)
        .orderBy('m.id'),
    );
    if (reversed.length > 0) {
      const ids = reversed.map((r) => r.id).join(', ');
      throw new LedgerError('movement.documentPartlyReversed', { docNo: req.docNo, n: reversed.length, ids }, 'docNo');
    }
    try {
      return this.reverseLegs(legs, req);
    } catch (e) {
      if (e instanceof LedgerError && e.code === 'movement.insufficient') {
        throw new LedgerError('movement.reverseBelowZero', { ...e.params, docNo: req.docNo }, 'docNo');
      }
      throw e;
    }
  }

  private reverseLegs(legs: Selectable<MovementTable>[], req: ReversalTerms): { docNo: string; ids: number[] } {
    const docNo = this.docNo(undefined, DOC_PREFIX.reversal, req.date, 'docNo');
    const ids: number[] = [];
    // Give stock back before taking it, so a transfer reversal checks the destination, not a half-done state.
    for (const leg of [...legs].sort((a, b) => a.qty_milli - b.qty_milli)) {
      const location = this.locationById(leg.location_id);
      const item = this.itemById(leg.item_id);
      const batch = this.db.get(
        this.db.q.selectFrom('batch').select(['id', 'batch_no', 'production_date', 'expiry_date']).where('id', '=', leg.batch_id),
      )!;
      ids.push(
        this.write(
          {
            ...leg,
            doc_no: docNo,
            type: 'reversal',
            date: req.date,
            qty_milli: -leg.qty_milli,
            pair_id: null,
            reverses_id: leg.id,
            handler: req.handler,
            approver: req.approver ?? null,
            reason: req.reason,
            note: `冲销 ${leg.doc_no}`,
            created_at: this.createdAt,
          },
          location,
          item,
          batch,
        ),
      );
    }
    return { docNo, ids };
  }

  private write(values: MovementValues, location: LocationRef, item: ItemRef, batch: BatchRef, field = 'quantity'): number {
    const key = `${location.id}:${batch.id}`;
    let b = this.pending.get(key);
    if (!b) {
      const row = this.stmt.balance.get({ location_id: location.id, batch_id: batch.id });
      b = { location_id: location.id, item_id: item.id, batch_id: batch.id, existed: row !== undefined, milli: row?.qty_milli ?? 0, delta: 0 };
      this.pending.set(key, b);
    }
    if (b.milli + values.qty_milli < 0) this.insufficient(location, item, batch.batch_no, b.milli, -values.qty_milli, field);
    b.milli += values.qty_milli;
    b.delta += values.qty_milli;
    return this.stmt.insert.run(values).lastInsertRowid;
  }

  /** Writes the balances this action changed. Call before reading balances from the database, and before commit. */
  finish(): void {
    for (const b of this.pending.values()) {
      if (b.delta === 0) continue;
      if (b.existed) this.stmt.changeBalance.run(b);
      else this.stmt.addBalance.run(b);
    }
    this.pending.clear();
  }

  /**
   * Which batches an outgoing quantity comes from: the named batch, or first-expiry-first-out when none is named.
   * Issues and transfers never pick expired stock on their own (it is written off, not handed out); write-offs
   * take it first.
   */
  private allocate(location: LocationRef, item: ItemRef, batchNo: string, milli: number, field: string, skipExpired: boolean) {
    if (batchNo) {
      const batch = this.stmt.batch.get({ item_id: item.id, batch_no: batchNo });
      if (!batch) throw new LedgerError('batch.notFound', { item: item.name, batch: batchNo }, field.replace(/quantity$/, 'batchNo'));
      return [{ batch, milli }];
    }
    this.finish();
    const parts: { batch: BatchRef; milli: number }[] = [];
    let left = milli;
    let expired = 0;
    for (const b of this.stmt.fefo.all({ location_id: location.id, item_id: item.id })) {
      if (left <= 0) break;
      if (skipExpired && b.expiry_date !== null && b.expiry_date < this.today) {
        expired += b.qty_milli;
        continue;
      }
      const take = Math.min(left, b.qty_milli);
      parts.push({ batch: b, milli: take });
      left -= take;
    }
    if (left > 0) {
      if (expired > 0) {
        throw new LedgerError(
          'movement.insufficientUnexpired',
          { location: location.name, item: item.name, available: fromMilli(milli - left), expired: fromMilli(expired), requested: fromMilli(milli), unit: item.unit },
          field,
        );
      }
      this.insufficient(location, item, '', milli - left, milli, field);
    }
    return parts;
  }

  private insufficient(location: LocationRef, item: ItemRef, batchNo: string, available: number, requested: number, field = 'quantity'): never {
    const batch = batchNo ? message('movement.batch', { batch: batchNo }) : message('movement.noBatch');
    throw new LedgerError(
      'movement.insufficient',
      {
        location: location.name,
        item: item.name,
        batchZh: batch.zh,
        batchEn: batch.en,
        available: fromMilli(available),
        requested: fromMilli(requested),
        unit: item.unit,
      },
      field,
    );
  }

  private receiptBatch(item: ItemRef, line: Line, at: string): BatchRef {
    const key = `${item.id}\u0000${line.batchNo}`;
    const expiry = line.expiryDate ?? (line.productionDate && item.shelf_life_days ? addDays(line.productionDate, item.shelf_life_days) : undefined);
    if (line.productionDate && expiry && expiry < line.productionDate) {
      throw new LedgerError('batch.expiryBeforeProduction', { expiry, production: line.productionDate }, `${at}expiryDate`);
    }
    let batch = this.batches.get(key) ?? this.stmt.batch.get({ item_id: item.id, batch_no: line.batchNo });
    if (!batch) {
      const values = { item_id: item.id, batch_no: line.batchNo, production_date: line.productionDate ?? null, expiry_date: expiry ?? null };
      const id = this.stmt.insertBatch.run(values).lastInsertRowid;
      batch = { id, batch_no: line.batchNo, production_date: values.production_date, expiry_date: values.expiry_date };
    } else if (
      (line.productionDate && batch.production_date && line.productionDate !== batch.production_date) ||
      (line.expiryDate && batch.expiry_date && line.expiryDate !== batch.expiry_date)
    ) {
      throw new LedgerError(
        'batch.datesConflict',
        { batch: line.batchNo, oldProduction: batch.production_date ?? '-', oldExpiry: batch.expiry_date ?? '-' },
        `${at}batchNo`,
      );
    }
    this.batches.set(key, batch);
    return batch;
  }

  private item(code: string, field: string): ItemRef {
    let item = this.items.get(code);
    if (!item) {
      item = requireItem(this.db, code, field);
      if (item.reserve_mode !== 'held') {
        const mode = labels.reserveMode[item.reserve_mode];
        throw new LedgerError('movement.agreementStock', { item: item.name, mode: mode.zh, modeEn: mode.en }, field);
      }
      this.items.set(code, item);
    }
    return item;
  }

  private itemById(id: number): ItemRef {
    return this.db.get(this.db.q.selectFrom('item').selectAll().where('id', '=', id))!;
  }

  private location(code: string, field: string): LocationRef {
    let loc = this.locations.get(code);
    if (!loc) {
      loc = requireLocation(this.db, code, field);
      this.locations.set(code, loc);
    }
    return loc;
  }

  private locationById(id: number): LocationRef {
    return this.db.get(this.db.q.selectFrom('location').select(['id', 'code', 'name']).where('id', '=', id))!;
  }

  private quantity(item: ItemRef, value: number, field: string): number {
    const milli = toMilli(value, item.decimals);
    if (milli === null || milli <= 0) {
      const rule = item.decimals === 0 ? message('movement.ruleWhole') : message('movement.ruleDecimals', { decimals: item.decimals });
      throw new LedgerError('movement.badQuantity', { value, unit: item.unit, rule: rule.zh, ruleEn: rule.en }, field);
    }
    return milli;
  }

  private price(line: Line, item: ItemRef): number | null {
    if (line.unitPrice === undefined || line.unitPrice === null) return item.unit_price_fen;
    return toFen(line.unitPrice);
  }

  private docNo(given: string | undefined, prefix: string, date: string, field: string): string {
    if (given) {
      if (this.stmt.docExists.get({ doc_no: given })) throw new LedgerError('movement.docExists', { docNo: given }, field);
      return given;
    }
    const key = `${prefix}${date.replaceAll('-', '')}`;
    const n = this.stmt.nextDoc.get({ prefix: key })!.last;
    return `${key}-${String(n).padStart(4, '0')}`;
  }
}

type Statements = {
  balance: PreparedTemplate<{ location_id: number; batch_id: number }, { qty_milli: number }>;
  addBalance: PreparedTemplate<{ location_id: number; item_id: number; batch_id: number; delta: number }, unknown>;
  changeBalance: PreparedTemplate<{ location_id: number; batch_id: number; delta: number }, unknown>;
  insert: PreparedTemplate<MovementValues, unknown>;
  batch: PreparedTemplate<{ item_id: number; batch_no: string }, BatchRef>;
  insertBatch: PreparedTemplate<Omit<BatchRef, 'id'> & { item_id: number }, unknown>;
  nextDoc: PreparedTemplate<{ prefix: string }, { last: number }>;
  docExists: PreparedTemplate<{ doc_no: string }, { id: number }>;
  fefo: PreparedTemplate<{ location_id: number; item_id: number }, BatchRef & { qty_milli: number }>;
};

interface PendingBalance {
  location_id: number;
  item_id: number;
  batch_id: number;
  existed: boolean;
  milli: number;
  delta: number;
}

const statementsByDb = new WeakMap<Db, Statements>();

function prepareStatements(db: Db): Statements {
  const q = db.q;
  return {
    balance: db.template((p) =>
      q
        .selectFrom('balance')
        .select('qty_milli')
        .where('location_id', '=', p('location_id'))
        .where('batch_id', '=', p('batch_id')),
    ),
    addBalance: db.template((p) =>
      q.insertInto('balance').values({
        location_id: p('location_id'),
        item_id: p('item_id'),
        batch_id: p('batch_id'),
        qty_milli: p('delta'),
      }),
    ),
    changeBalance: db.template((p) =>
      q
        .updateTable('balance')
        .set((eb) => ({ qty_milli: eb('qty_milli', '+', p('delta')) }))
        .where('location_id', '=', p('location_id'))
        .where('batch_id', '=', p('batch_id')),
    ),
    insert: db.template<MovementValues>((p) =>
      q.insertInto('movement').values({
        doc_no: p('doc_no'),
        type: p('type'),
        date: p('date'),
        location_id: p('location_id'),
        item_id: p('item_id'),
        batch_id: p('batch_id'),
        qty_milli: p('qty_milli'),
        counterpart_location_id: p('counterpart_location_id'),
        pair_id: p('pair_id'),
        reverses_id: p('reverses_id'),
        unit_price_fen: p('unit_price_fen'),
        basis_doc: p('basis_doc'),
        handler: p('handler'),
        approver: p('approver'),
        donor: p('donor'),
        donor_cert_no: p('donor_cert_no'),
        recipient: p('recipient'),
        reason: p('reason'),
        note: p('note'),
        created_at: p('created_at'),
      }),
    ),
    batch: db.template((p) =>
      q
        .selectFrom('batch')
        .select(['id', 'batch_no', 'production_date', 'expiry_date'])
        .where('item_id', '=', p('item_id'))
        .where('batch_no', '=', p('batch_no')),
    ),
    insertBatch: db.template((p) =>
      q.insertInto('batch').values({
        item_id: p('item_id'),
        batch_no: p('batch_no'),
        production_date: p('production_date'),
        expiry_date: p('expiry_date'),
      }),
    ),
    nextDoc: db.template((p) =>
      q
        .insertInto('doc_counter')
        .values({ prefix: p('prefix'), last: 1 })
        .onConflict((oc) => oc.column('prefix').doUpdateSet((eb) => ({ last: eb('doc_counter.last', '+', 1) })))
        .returning('last'),
    ),
    docExists: db.template((p) => q.selectFrom('movement').select('id').where('doc_no', '=', p('doc_no')).limit(1)),
    fefo: db.template((p) =>
      q
        .selectFrom('balance as b')
        .innerJoin('batch as t', 't.id', 'b.batch_id')
        .select(['t.id', 't.batch_no', 't.production_date', 't.expiry_date', 'b.qty_milli'])
        .where('b.location_id', '=', p('location_id'))
        .where('b.item_id', '=', p('item_id'))
        .where('b.qty_milli', '>', 0)
        // First expiry, first out; batches without an expiry go last.
        .orderBy((eb) => eb.case().when('t.expiry_date', 'is', null).then(1).else(0).end())
        .orderBy('t.expiry_date')
        .orderBy('t.batch_no'),
    ),
  };
}
