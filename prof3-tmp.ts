import { invoke } from './src/api/dispatch.js';
import { openLedger } from './src/db/open.js';
import { Db } from './src/db/executor.js';
const db = await openLedger(process.argv[2]!);
const ctx = { db };
const times = new Map<string, [number, number]>();
for (const m of ['all', 'get'] as const) {
  const orig = (Db.prototype as any)[m];
  (Db.prototype as any)[m] = function (q: any) { const t0 = performance.now(); const r = orig.call(this, q); const sql = q.compile().sql.slice(0, 160); const e = times.get(sql) ?? [0, 0]; e[0] += performance.now() - t0; e[1]++; times.set(sql, e); return r; };
}
for (let i = 0; i < 5; i++) { await invoke(ctx, 'summary.get', {}); await invoke(ctx, 'gaps.get', {}); }
times.clear();
for (let i = 0; i < 10; i++) await invoke(ctx, process.argv[3] as any, {});
console.log([...times].sort((a, b) => b[1][0] - a[1][0]).slice(0, 8).map(([k, [t, n]]) => `${(t / 10).toFixed(1)} ms/call x${n / 10} ${k}`).join('\n'));
