// Random sequences of movements: whatever is accepted or refused, every balance equals the sum of its journal and
// equals a simple model of what should be on hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seeded } from './fixture.js';

const places = ['WH01', 'WH02', 'ST-HM'] as const;
const step = fc.oneof(
  fc.record({ kind: fc.constant('receive' as const), at: fc.constantFrom(...places), batch: fc.constantFrom('A', 'B'), qty: fc.integer({ min: 1, max: 50 }) }),
  fc.record({ kind: fc.constant('issue' as const), at: fc.constantFrom(...places), batch: fc.constantFrom('A', 'B', ''), qty: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constant('transfer' as const), from: fc.constantFrom(...places), to: fc.constantFrom(...places), qty: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }),
);

describe('balances agree with the journal after any sequence', () => {
  it('holds for random receipts, issues, transfers and reversals', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), async (steps) => {
        const l = await seeded();
        try {
          const model = new Map<string, number>(); // `${place}/${batch}` → quantity
          const get = (k: string) => model.get(k) ?? 0;
          const ids: number[] = [];
          for (const s of steps) {
            try {
              if (s.kind === 'receive') {
                const d = await l.call('movements.post', { type: 'purchase', date: '2026-05-01', locationCode: s.at, handler: 'h', lines: [{ itemCode: 'QUILT', batchNo: s.batch, quantity: s.qty }] });
                model.set(`${s.at}/${s.batch}`, get(`${s.at}/${s.batch}`) + s.qty);
                ids.push(...d.lines.map((x) => x.id));
              } else if (s.kind === 'issue') {
                const d = await l.call('movements.post', { type: 'issue', basisDoc: 'o', date: '2026-05-02', locationCode: s.at, handler: 'h', lines: [{ itemCode: 'QUILT', batchNo: s.batch, quantity: s.qty }] });
                for (const line of d.lines) model.set(`${s.at}/${line.batchNo}`, get(`${s.at}/${line.batchNo}`) + line.quantity);
                ids.push(...d.lines.map((x) => x.id));
              } else if (s.kind === 'transfer') {
                const d = await l.call('movements.transfer', { date: '2026-05-03', fromCode: s.from, toCode: s.to, handler: 'h', lines: [{ itemCode: 'QUILT', quantity: s.qty }] });
                for (const line of d.lines) model.set(`${line.locationCode}/${line.batchNo}`, get(`${line.locationCode}/${line.batchNo}`) + line.quantity);
                ids.push(...d.lines.map((x) => x.id));
              } else if (ids.length) {
                const d = await l.call('movements.reverse', { id: ids[s.pick % ids.length]!, date: '2026-05-04', handler: 'h', reason: 'r' });
                for (const line of d.lines) model.set(`${line.locationCode}/${line.batchNo}`, get(`${line.locationCode}/${line.batchNo}`) + line.quantity);
              }
            } catch (e) {
              // Refusals are expected (over-issue, same place, double reversal); they must write nothing, which the
              // model and the check below prove.
              expect((e as { code?: string }).code).toBeTruthy();
            }
          }
          const report = await l.call('system.check', {});
          expect(report.ok).toBe(true);
          const stock = await l.call('stock.query', { byBatch: true, includeZero: true });
          for (const row of stock) expect(row.quantity).toBe(get(`${row.locationCode}/${row.batchNo}`));
          for (const [, q] of model) expect(q).toBeGreaterThanOrEqual(0);
        } finally {
          l.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
