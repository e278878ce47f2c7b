// The whole district's gaps on the demo data plus 1,000,000 journal movements, warm; and the summary the overview
// reloads after every movement.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contract, type MovementPostInput } from '../src/api/contract.js';
import { invoke } from '../src/api/dispatch.js';
import { handlers } from '../src/api/handlers.js';
import { openLedger } from '../src/db/open.js';
import { loadDemo } from '../src/demo/demo.js';
import { benchDir, median, report, time, timeAsync } from './util.js';

export async function benchGaps(): Promise<void> {
  const db = await openLedger(path.join(benchDir(), 'gaps.db'), { create: true });
  loadDemo(db);
  const ctx = { db };
  const stores = ['WH01', 'WH02', 'ST-HM', 'ST-BY', 'ST-JZ', 'ST-HJ'];
  const items = ['WZ001', 'WZ002', 'WZ003', 'WZ005', 'WZ006', 'WZ007', 'WZ011', 'WZ016', 'WZ018', 'WZ019'];
  // Receipts and issues in pairs, so balances stay what the demo made them while the journal grows to 1M.
  const fill = await timeAsync(async () => {
    for (let chunk = 0; chunk < 10; chunk++) {
      const docs: MovementPostInput[] = [];
      for (let d = 0; d < 5_000; d++) {
        const k = chunk * 5_000 + d;
        const locationCode = stores[k % stores.length]!;
        const lines = Array.from({ length: 10 }, (_, j) => ({ itemCode: items[(k + j) % items.length]!, quantity: 1 + (j % 5) }));
        docs.push({ type: 'purchase', date: '2026-06-01', locationCode, handler: 'bench', lines });
        docs.push({ type: 'issue', date: '2026-06-02', locationCode, handler: 'bench', basisDoc: 'bench', lines });
      }
      await invoke(ctx, 'movements.postMany', { documents: docs });
    }
  });
  const movements = (db.sqlite.prepare('select count(*) n from movement').get() as { n: number }).n;
  console.log(`demo + ${movements.toLocaleString()} journal movements built in ${(fill.ms / 1000).toFixed(1)} s`);
  await invoke(ctx, 'gaps.get', {});
  // Answers are kept until the data changes, and worked out again right after a change (src/api/dispatch.ts), so
  // the computations are timed by calling their handlers, each after a one-line receipt: warm, as after every
  // movement.
  const movement = async () => {
    await invoke(ctx, 'movements.post', { type: 'purchase', date: '2026-06-03', locationCode: 'WH01', handler: 'bench', lines: [{ itemCode: 'WZ003', quantity: 1 }] });
    await invoke(ctx, 'system.info', {}); // the next turn: the kept answers' refresh has run, and is not timed below
  };
  const computeGaps = () => handlers['gaps.get'](ctx, contract['gaps.get'].input.parse({}));
  const computeSummary = () => handlers['summary.get'](ctx, contract['summary.get'].input.parse({}));
  const gaps: number[] = [];
  const summary: number[] = [];
  const kept: number[] = [];
  for (let r = 0; r < 11; r++) {
    await movement();
    gaps.push(time(computeGaps).ms);
    await invoke(ctx, 'gaps.get', {});
    kept.push((await timeAsync(() => invoke(ctx, 'gaps.get', {}))).ms);
    await movement();
    summary.push(time(computeSummary).ms);
  }
  report("the whole district's gaps (demo + 1M movements), warm, after a movement", `${median(gaps).toFixed(1)} ms`, '≤ 100 ms', median(gaps) <= 100);
  report('overview summary after a movement (summary.get), warm', `${median(summary).toFixed(1)} ms`, '(information)', true);
  report('the gaps asked again, nothing changed (kept answer)', `${median(kept).toFixed(2)} ms`, '(information)', true);
  db.close();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchGaps();
