// Posting through the contract against the raw prepared-insert floor, measured in the same run; stock queries on
// a ledger of 1,000,000 movements; the demo build.
import path from 'node:path';
import { invoke } from '../src/api/dispatch.js';
import type { MovementPostInput } from '../src/api/contract.js';
import type { Db } from '../src/db/executor.js';
import { openLedger } from '../src/db/open.js';
import { loadDemo } from '../src/demo/demo.js';
import { benchDir, median, report, time, timeAsync } from './util.js';

const N = 100_000;
const RUNS = 5;

async function fixture(dir: string, name: string): Promise<Db> {
  const db = await openLedger(path.join(dir, name), { create: true });
  const ctx = { db };
  await invoke(ctx, 'areas.create', { code: 'JJ', name: '椒江区', level: 'district' });
  await invoke(ctx, 'areas.create', { code: 'HM', name: '海门街道', level: 'street', parentCode: 'JJ' });
  for (let l = 0; l < 20; l++) await invoke(ctx, 'locations.create', { code: `L${l}`, name: `地点${l}`, kind: 'street_store', areaCode: 'HM' });
  for (let i = 0; i < 50; i++) await invoke(ctx, 'items.create', { code: `I${i}`, name: `物资${i}`, unit: '件', category: 'other' });
  return db;
}

/** Receipts spread over 20 locations, 50 items and 10 batches each: `lines` per document. */
function documents(count: number, lines: number, offset = 0): MovementPostInput[] {
  const docs: MovementPostInput[] = [];
  for (let d = 0; d < count / lines; d++) {
    const k = offset + d;
    docs.push({
      type: 'purchase',
      date: '2026-05-01',
      locationCode: `L${k % 20}`,
      handler: '张建国',
      basisDoc: `椒应急采〔2026〕${k}号`,
      lines: Array.from({ length: lines }, (_, j) => ({ itemCode: `I${(k * lines + j) % 50}`, batchNo: `B${(k + j) % 10}`, quantity: 1 + ((k + j) % 7) })),
    });
  }
  return docs;
}

function rawFloor(db: Db): number {
  const stmt = db.sqlite.prepare(
    `insert into movement (doc_no, type, date, location_id, item_id, batch_id, qty_milli, basis_doc, handler, created_at)
     values (?, 'purchase', '2026-05-01', ?, ?, ?, ?, ?, '张建国', ?)`,
  );
  db.sqlite.prepare(`insert into batch (item_id, batch_no) select id, 'FLOOR' from item`).run();
  const batches = db.sqlite.prepare(`select id, item_id from batch where batch_no = 'FLOOR'`).all() as { id: number; item_id: number }[];
  const created = new Date().toISOString();
  return time(() =>
    db.sqlite.transaction(() => {
      for (let i = 0; i < N; i++) {
        const b = batches[i % batches.length]!;
        stmt.run(`RK-${i}`, 1 + (i % 20), b.item_id, b.id, 1000 * (1 + (i % 7)), `椒应急采〔2026〕${i}号`, created);
      }
    })(),
  ).ms;
}

export async function benchLedger(): Promise<void> {
  const dir = benchDir();
  const floors: number[] = [];
  const posts: number[] = [];
  const singles: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const a = await fixture(dir, `floor-${r}.db`);
    floors.push(rawFloor(a));
    a.close();
    const b = await fixture(dir, `post-${r}.db`);
    const docs = documents(N, 10);
    posts.push((await timeAsync(() => invoke({ db: b }, 'movements.postMany', { documents: docs }))).ms);
    // One document per user action, each its own transaction, as the movement form posts them.
    const one = documents(2_000, 1, 50_000);
    const t = await timeAsync(async () => {
      for (const d of one) await invoke({ db: b }, 'movements.post', d);
    });
    singles.push((t.ms / one.length) * N);
    b.close();
  }
  const floorRate = N / (median(floors) / 1000);
  const postRate = N / (median(posts) / 1000);
  const singleRate = N / (median(singles) / 1000);
  console.log(`raw prepared insert floor: ${Math.round(floorRate).toLocaleString()} rows/s (median of ${RUNS})`);
  report('posting 100,000 movements (postMany, 10 lines/document)', `${Math.round(postRate).toLocaleString()}/s = ${(postRate / floorRate).toFixed(2)}× floor`, '≥ 0.33× floor', postRate / floorRate >= 1 / 3);
  report('posting one document per transaction (movements.post)', `${Math.round(singleRate).toLocaleString()}/s = ${(singleRate / floorRate).toFixed(2)}× floor`, '(information)', true);

  // 1,000,000 movements, then stock queries.
  const big = await fixture(dir, 'million.db');
  const fill = await timeAsync(async () => {
    for (let c = 0; c < 10; c++) await invoke({ db: big }, 'movements.postMany', { documents: documents(N, 10, c * 10_000) });
  });
  console.log(`built a ledger of 1,000,000 movements in ${(fill.ms / 1000).toFixed(1)} s`);
  const one: number[] = [];
  const all: number[] = [];
  for (let r = 0; r < 15; r++) {
    one.push((await timeAsync(() => invoke({ db: big }, 'stock.query', { locationCode: `L${r % 20}` }))).ms);
    all.push((await timeAsync(() => invoke({ db: big }, 'stock.query', { byBatch: true }))).ms);
  }
  report('stock for one location at 1M movements', `${median(one).toFixed(1)} ms`, '≤ 20 ms', median(one) <= 20);
  report('stock for the whole district (by batch) at 1M movements', `${median(all).toFixed(1)} ms`, '≤ 200 ms', median(all) <= 200);
  const check = await timeAsync(() => invoke({ db: big }, 'system.check', {}));
  console.log(`check (integrity + journal sums) at 1M movements: ${(check.ms / 1000).toFixed(2)} s, ok=${check.value.ok}`);
  big.close();

  const demo: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const db = await openLedger(path.join(dir, `demo-${r}.db`), { create: true });
    demo.push(time(() => loadDemo(db)).ms);
    db.close();
  }
  report('demo data build', `${median(demo).toFixed(0)} ms`, '< 2000 ms', median(demo) < 2000);
}
