// 物资库存's expiry filters over the ledger: a batch is expired past its date and expiring within its item's own
// rotation lead time (or the default one), and by location a row is flagged by any of its batches.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { receipt, seeded, type TempLedger } from './fixture.js';

let l: TempLedger;
beforeEach(async () => {
  process.env.RELIEF_LEDGER_TODAY = '2026-11-28';
  l = await seeded();
  // RICE turns over 30 days before its date; WATER has a shelf life and so the default 90 days.
  await l.call('items.update', { code: 'RICE', rotationLeadDays: 30 });
  const line = (itemCode: string, batchNo: string, expiryDate: string) => ({ itemCode, batchNo, quantity: 10, expiryDate });
  await l.call(
    'movements.post',
    receipt({
      lines: [
        line('RICE', 'R-EXPIRED', '2026-11-27'),
        line('RICE', 'R-20D', '2026-12-18'),
        line('RICE', 'R-60D', '2027-01-27'),
        line('WATER', 'W-60D', '2027-01-27'),
        line('WATER', 'W-90D', '2027-02-26'),
        line('WATER', 'W-91D', '2027-02-27'),
        { itemCode: 'QUILT', quantity: 10 },
      ],
    }),
  );
});
afterEach(() => {
  delete process.env.RELIEF_LEDGER_TODAY;
  l.close();
});

const batches = async (expiry?: 'expired' | 'expiring' | 'attention') =>
  (await l.call('stock.query', { byBatch: true, ...(expiry ? { expiry } : {}) })).map((r) => `${r.batchNo}:${r.expiryStatus}`).sort();

describe('stock by batch, filtered by expiry', () => {
  it('judges each batch by its own item’s lead time', async () => {
    expect(await batches()).toEqual([':none', 'R-20D:expiring', 'R-60D:ok', 'R-EXPIRED:expired', 'W-60D:expiring', 'W-90D:expiring', 'W-91D:ok']);
    expect(await batches('expired')).toEqual(['R-EXPIRED:expired']);
    expect(await batches('expiring')).toEqual(['R-20D:expiring', 'W-60D:expiring', 'W-90D:expiring']);
    expect(await batches('attention')).toEqual(['R-20D:expiring', 'R-EXPIRED:expired', 'W-60D:expiring', 'W-90D:expiring']);
  });

  it('by location keeps the whole holding of a flagged item, its quantities split by status', async () => {
    const rows = await l.call('stock.query', { expiry: 'attention' });
    expect(rows.map((r) => r.itemCode).sort()).toEqual(['RICE', 'WATER']);
    const rice = rows.find((r) => r.itemCode === 'RICE')!;
    expect([rice.quantity, rice.expiredQuantity, rice.expiringQuantity, rice.expiryStatus]).toEqual([30, 10, 10, 'expired']);
  });
});
