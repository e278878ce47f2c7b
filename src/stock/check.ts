import type { CheckReport } from '../api/contract.js';
import { fromMilli } from '../common/quantity.js';
import type { Db } from '../db/executor.js';

/**
 * SQLite's own integrity check (the full one, or the quicker one that skips comparing indexes with their tables), then:
 * every balance equals the sum of its journal, and no journal sum lacks a balance.
 */
export function checkLedger(db: Db, integrityCheck: 'integrity_check' | 'quick_check' = 'integrity_check'): CheckReport {
  const integrity = (db.sqlite.pragma(integrityCheck) as Record<string, string>[]).map((r) => r[integrityCheck]!);
  const fk = db.sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  const problems = integrity.filter((r) => r !== 'ok').concat(fk.map((r) => `foreign key: ${r.table} row ${r.rowid} → ${r.parent}`));

  const sums = db.all(
    db.q
      .selectFrom('movement')
      .select((eb) => ['location_id', 'batch_id', eb.fn.sum<number>('qty_milli').as('total'), eb.fn.countAll<number>().as('n')])
      .groupBy(['location_id', 'batch_id']),
  );
  const balances = db.all(db.q.selectFrom('balance').select(['location_id', 'batch_id', 'item_id', 'qty_milli']));
  const key = (l: number, b: number) => `${l}:${b}`;
  const journal = new Map(sums.map((s) => [key(s.location_id, s.batch_id), Number(s.total)]));
  const mismatchIds: { location_id: number; batch_id: number; balance: number; journal: number }[] = [];
  for (const b of balances) {
    const k = key(b.location_id, b.batch_id);
    const j = journal.get(k) ?? 0;
    journal.delete(k);
    if (j !== b.qty_milli) mismatchIds.push({ location_id: b.location_id, batch_id: b.batch_id, balance: b.qty_milli, journal: j });
  }
  for (const [k, j] of journal) {
    if (j === 0) continue;
    const [l, b] = k.split(':').map(Number) as [number, number];
    mismatchIds.push({ location_id: l, batch_id: b, balance: 0, journal: j });
  }
  const mismatches = mismatchIds.map((m) => {
    const names = db.get(
      db.q
        .selectFrom('batch as t')
        .innerJoin('item as i', 'i.id', 't.item_id')
        .select(['i.code as item_code', 't.batch_no'])
        .where('t.id', '=', m.batch_id),
    );
    const loc = db.get(db.q.selectFrom('location').select('code').where('id', '=', m.location_id));
    return {
      locationCode: loc?.code ?? `#${m.location_id}`,
      itemCode: names?.item_code ?? '?',
      batchNo: names?.batch_no ?? `#${m.batch_id}`,
      balance: fromMilli(m.balance),
      journal: fromMilli(m.journal),
    };
  });
  const movements = sums.reduce((n, s) => n + Number(s.n), 0);
  return { ok: problems.length === 0 && mismatches.length === 0, integrity: problems.length ? problems : ['ok'], mismatches, movements, balances: balances.length };
}
