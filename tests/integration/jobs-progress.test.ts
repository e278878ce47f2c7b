// A long import or export through the web host: the page can ask how far it got while it runs, and nothing else
// slips in between (another action waits its turn, and sees the ledger whole, before or after).
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../src/api/contract.jobs.js';
import { type RunningHost, startHost } from '../../src/host/server.js';
import { type HostClient, signIn } from './host-client.js';
import { counts, seeded, tempDir, type TempLedger } from './fixture.js';

const ROWS = 40_000;

/** A 出入库明细 of ROWS receipts into 一号库, the last row bad when asked. */
async function movementsBook(badLast: boolean): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('出入库明细');
  ws.addRow(['单号', '日期', '类型', '地点编码', '物资编码', '批次号', '数量', '经办人']);
  for (let i = 0; i < ROWS; i++) {
    const bad = badLast && i === ROWS - 1;
    ws.addRow([`RK-${Math.floor(i / 4)}`, '2026-05-01', '采购入库', 'WH01', i % 2 ? 'QUILT' : 'WATER', `B${i % 7}`, bad ? -5 : 1 + (i % 9), '张建国']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

let l: TempLedger;
let host: RunningHost;
let client: HostClient;
beforeEach(async () => {
  l = await seeded();
  host = await startHost({ ctx: l.ctx, staticDir: tempDir() });
  client = await signIn(host);
});
afterEach(async () => {
  await host.close();
  l.close();
});

const api = <T>(name: string, input: unknown): Promise<T> => client.result<T>(name, input);

/** Polls `jobs.progress` until `done` settles; returns every answer that was not null. */
async function watch(jobId: string, done: Promise<unknown>): Promise<JobProgress[]> {
  const seen: JobProgress[] = [];
  let finished = false;
  void done.finally(() => (finished = true));
  while (!finished) {
    const p = await api<JobProgress | null>('jobs.progress', { jobId });
    if (p) seen.push(p);
    await new Promise((r) => setTimeout(r, 20));
  }
  return seen;
}

describe('a long import through the web host', () => {
  it('answers how far it got while it runs, rows and share rising, and imports every row', async () => {
    const data = await movementsBook(false);
    const jobId = 'import-test-0001';
    const done = api<{ ok: boolean; rows: { imported: number } }>('ledgers.import', { kind: 'movements', fileName: 'big.xlsx', data, jobId });
    const seen = await watch(jobId, done);
    const r = await done;
    expect(r.ok).toBe(true);
    expect(r.rows.imported).toBe(ROWS);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    const rows = seen.map((p) => p.rows);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(rows.at(-1)!).toBeGreaterThan(rows[0]!);
    expect(rows.at(-1)!).toBeLessThanOrEqual(ROWS);
    for (const p of seen.filter((x) => x.rows > 0)) expect(p.fraction).toBeGreaterThan(0);
    for (const p of seen) expect(p.fraction ?? 0).toBeLessThanOrEqual(1);
    // Once it ended the id is forgotten.
    expect(await api('jobs.progress', { jobId })).toBeNull();
  });

  it('lets no other action in while it runs: a receipt sent meanwhile waits, and a failed import writes nothing', async () => {
    const data = await movementsBook(true);
    const before = counts(l.db);
    const jobId = 'import-test-0002';
    const done = api<{ ok: boolean; committed: boolean }>('ledgers.import', { kind: 'movements', fileName: 'bad.xlsx', data, jobId, errorWorkbook: false });
    // Wait until the import is under way, then send a receipt.
    for (let p = null; !p; ) p = await api<JobProgress | null>('jobs.progress', { jobId });
    const receipt = api<{ docNo: string }>('movements.post', {
      type: 'purchase',
      date: '2026-05-02',
      locationCode: 'WH02',
      handler: '李秀英',
      lines: [{ itemCode: 'RICE', quantity: 3 }],
    });
    const order: string[] = [];
    await Promise.all([done.then(() => order.push('import')), receipt.then(() => order.push('receipt'))]);
    expect(order).toEqual(['import', 'receipt']);
    const r = await done;
    expect(r.ok).toBe(false);
    expect(r.committed).toBe(false);
    // The import's rows are all gone; the receipt, which waited its turn, is there.
    const after = counts(l.db);
    expect(after.movements).toBe(before.movements + 1);
    expect(after.balances).toBe(before.balances + 1);
  }, 60_000);
});

describe('a long export through the web host', () => {
  it('answers how far it got while it writes', async () => {
    await api('ledgers.import', { kind: 'movements', fileName: 'big.xlsx', data: await movementsBook(false) });
    const jobId = 'export-test-0001';
    const done = api<{ data: string }>('ledgers.export', { kind: 'movements', jobId });
    const seen = await watch(jobId, done);
    expect((await done).data.length).toBeGreaterThan(1000);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.at(-1)!.rows).toBeGreaterThan(seen[0]!.rows);
    expect(seen.at(-1)!.fraction!).toBeGreaterThan(0);
  }, 60_000);
});
