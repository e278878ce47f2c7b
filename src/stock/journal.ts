import type { InferResult } from 'kysely';
import type { z } from 'zod';
import type { DocumentView, Journal, journalQueryInput, MovementRecord, MovementType } from '../api/contract.js';
import { LedgerError } from '../common/errors.js';
import { fromFen, fromMilli } from '../common/quantity.js';
import type { Db } from '../db/executor.js';

type JournalQuery = z.output<typeof journalQueryInput>;

function journalBase(db: Db) {
  return db.q
    .selectFrom('movement as m')
    .innerJoin('location as l', 'l.id', 'm.location_id')
    .innerJoin('item as i', 'i.id', 'm.item_id')
    .innerJoin('batch as b', 'b.id', 'm.batch_id')
    .leftJoin('location as c', 'c.id', 'm.counterpart_location_id');
}

function filtered(db: Db, f: Partial<JournalQuery>) {
  let q = journalBase(db);
  if (f.locationCode) q = q.where('l.code', '=', f.locationCode);
  if (f.itemCode) q = q.where('i.code', '=', f.itemCode);
  if (f.batchNo !== undefined) q = q.where('b.batch_no', '=', f.batchNo);
  if (f.types?.length) q = q.where('m.type', 'in', f.types);
  if (f.from) q = q.where('m.date', '>=', f.from);
  if (f.to) q = q.where('m.date', '<=', f.to);
  if (f.docNo) q = q.where('m.doc_no', '=', f.docNo);
  if (f.search) {
    const like = `%${f.search}%`;
    q = q.where((eb) =>
      eb.or([
        eb('i.name', 'like', like),
        eb('i.code', 'like', like),
        eb('m.doc_no', 'like', like),
        eb('m.basis_doc', 'like', like),
        eb('m.handler', 'like', like),
        eb('m.donor', 'like', like),
        eb('m.recipient', 'like', like),
      ]),
    );
  }
  return q;
}

function withColumns(q: ReturnType<typeof filtered>) {
  return q.select((eb) => [
    'm.id',
    'm.doc_no',
    'm.type',
    'm.date',
    'l.code as location_code',
    'l.name as location_name',
    'i.code as item_code',
    'i.name as item_name',
    'i.spec',
    'i.unit',
    'b.batch_no',
    'b.production_date',
    'b.expiry_date',
    'm.qty_milli',
    'm.unit_price_fen',
    'c.code as counterpart_code',
    'c.name as counterpart_name',
    'm.pair_id',
    'm.reverses_id',
    eb.selectFrom('movement as r').select('r.id').whereRef('r.reverses_id', '=', 'm.id').as('reversed_by_id'),
    'm.basis_doc',
    'm.handler',
    'm.approver',
    'm.donor',
    'm.donor_cert_no',
    'm.recipient',
    'm.reason',
    'm.note',
    'm.created_at',
  ]);
}

type JournalRow = InferResult<ReturnType<typeof withColumns>>[number];

function toRecord(r: JournalRow): MovementRecord {
  const quantity = fromMilli(r.qty_milli);
  return {
    id: r.id,
    docNo: r.doc_no,
    type: r.type as MovementType,
    date: r.date,
    locationCode: r.location_code,
    locationName: r.location_name,
    itemCode: r.item_code,
    itemName: r.item_name,
    spec: r.spec,
    unit: r.unit,
    batchNo: r.batch_no,
    productionDate: r.production_date,
    expiryDate: r.expiry_date,
    quantity,
    unitPrice: r.unit_price_fen === null ? null : fromFen(r.unit_price_fen),
    // 金额 in 分 first, rounded once, so that 0.1 元 × 3 never shows as 0.30000000000000004.
    amount: r.unit_price_fen === null ? null : fromFen(Math.round((r.unit_price_fen * r.qty_milli) / 1000)),
    counterpartCode: r.counterpart_code,
    counterpartName: r.counterpart_name,
    pairId: r.pair_id,
    reversesId: r.reverses_id,
    reversedById: r.reversed_by_id ?? null,
    basisDoc: r.basis_doc,
    handler: r.handler,
    approver: r.approver,
    donor: r.donor,
    donorCertNo: r.donor_cert_no,
    recipient: r.recipient,
    reason: r.reason,
    note: r.note,
    createdAt: r.created_at,
  };
}

export function queryJournal(db: Db, f: JournalQuery): Journal {
  const total = db.get(filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
  const rows = db.all(withColumns(filtered(db, f)).orderBy('m.date', 'desc').orderBy('m.id', 'desc').limit(f.limit).offset(f.offset));
  return { total, rows: rows.map(toRecord) };
}

export function movementsByIds(db: Db, ids: number[]): MovementRecord[] {
  if (ids.length === 0) return [];
  return db.all(withColumns(journalBase(db)).where('m.id', 'in', ids).orderBy('m.id')).map(toRecord);
}

export function documentView(db: Db, docNo: string): DocumentView {
  const lines = db.all(withColumns(filtered(db, { docNo })).orderBy('m.id')).map(toRecord);
  const first = lines[0];
  if (!first) throw new LedgerError('movement.notFound', { id: docNo }, 'docNo');
  return { docNo, type: first.type, date: first.date, lines };
}
