import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerError } from '../../src/common/errors.js';
import { counts, receipt, seeded, type TempLedger } from './fixture.js';

let l: TempLedger;
beforeEach(async () => {
  l = await seeded();
});
afterEach(() => l.close());

const stockOf = async (locationCode: string, itemCode: string) =>
  (await l.call('stock.query', { locationCode, itemCode })).reduce((a, r) => a + r.quantity, 0);

describe('receipts', () => {
  it('posts every receipt type and raises the balance', async () => {
    await l.call('movements.post', receipt({ type: 'purchase', lines: [{ itemCode: 'QUILT', quantity: 100 }] }));
    await l.call('movements.post', receipt({ type: 'donation', donor: '椒江区慈善总会', donorCertNo: 'JZ001', lines: [{ itemCode: 'QUILT', quantity: 20 }] }));
    await l.call('movements.post', receipt({ type: 'allocation_in', basisDoc: '浙应急〔2026〕3号', lines: [{ itemCode: 'QUILT', quantity: 5 }] }));
    await l.call('movements.post', receipt({ type: 'return_in', lines: [{ itemCode: 'QUILT', quantity: 3 }] }));
    await l.call('movements.post', receipt({ type: 'stocktake_gain', reason: '盘点多出', lines: [{ itemCode: 'QUILT', quantity: 2 }] }));
    expect(await stockOf('WH01', 'QUILT')).toBe(130);
    const journal = await l.call('movements.list', { locationCode: 'WH01' });
    expect(journal.total).toBe(5);
    expect(new Set(journal.rows.map((r) => r.type))).toEqual(new Set(['purchase', 'donation', 'allocation_in', 'return_in', 'stocktake_gain']));
    expect(journal.rows.find((r) => r.type === 'donation')).toMatchObject({ donor: '椒江区慈善总会', donorCertNo: 'JZ001' });
  });

  it('numbers documents per day and keeps lines of one document together', async () => {
    const a = await l.call('movements.post', receipt({ lines: [{ itemCode: 'QUILT', quantity: 1 }, { itemCode: 'WATER', quantity: 2, productionDate: '2026-04-01' }] }));
    const b = await l.call('movements.post', receipt());
    expect(a.docNo).toBe('RK20260501-0001');
    expect(b.docNo).toBe('RK20260501-0002');
    expect(a.lines).toHaveLength(2);
    expect((await l.call('movements.document', { docNo: a.docNo })).lines.map((x) => x.itemCode)).toEqual(['QUILT', 'WATER']);
  });

  it('derives the expiry from production date and shelf life, and refuses expiry before production', async () => {
    const doc = await l.call('movements.post', receipt({ lines: [{ itemCode: 'WATER', batchNo: 'B1', quantity: 10, productionDate: '2026-01-01' }] }));
    expect(doc.lines[0]).toMatchObject({ batchNo: 'B1', productionDate: '2026-01-01', expiryDate: '2027-06-25' });
    const before = counts(l.db);
    await expect(
      l.call('movements.post', receipt({ lines: [{ itemCode: 'WATER', batchNo: 'B2', quantity: 1, productionDate: '2026-03-01', expiryDate: '2026-02-01' }] })),
    ).rejects.toMatchObject({ code: 'batch.expiryBeforeProduction', field: 'lines.0.expiryDate' });
    expect(counts(l.db)).toEqual(before);
  });

  it('keeps measured items exact to three decimals and whole-unit items whole', async () => {
    for (const q of [0.1, 0.2, 0.3, 1.235]) await l.call('movements.post', receipt({ lines: [{ itemCode: 'RICE', batchNo: 'R1', quantity: q }] }));
    expect(await stockOf('WH01', 'RICE')).toBe(1.835);
    await expect(l.call('movements.post', receipt({ lines: [{ itemCode: 'RICE', batchNo: 'R1', quantity: 1.2345 }] }))).rejects.toMatchObject({
      code: 'movement.badQuantity',
      field: 'lines.0.quantity',
    });
    await expect(l.call('movements.post', receipt({ lines: [{ itemCode: 'QUILT', quantity: 1.5 }] }))).rejects.toMatchObject({ code: 'movement.badQuantity' });
  });

  it('names every missing field at once, cross-field rules included', async () => {
    const attempt = l.call('movements.post', receipt({ type: 'donation', handler: '', lines: [{ itemCode: 'QUILT', quantity: -1 }] }));
    await expect(attempt).rejects.toMatchObject({ code: 'error.invalidInput' });
    const issues = await attempt.catch((e: { issues: { path: string }[] }) => e.issues.map((i) => i.path));
    expect(issues).toEqual(expect.arrayContaining(['handler', 'lines.0.quantity', 'donor']));
  });

  it('requires a donor for donations, an order number for issues and a reason for losses, at the field', async () => {
    await expect(l.call('movements.post', receipt({ type: 'donation' }))).rejects.toMatchObject({ code: 'error.invalidInput', field: 'donor' });
    await expect(l.call('movements.post', receipt({ type: 'issue' }))).rejects.toMatchObject({ field: 'basisDoc' });
    await expect(l.call('movements.post', receipt({ type: 'scrap' }))).rejects.toMatchObject({ field: 'reason' });
    await expect(l.call('movements.post', receipt({ date: '2026-02-30' }))).rejects.toMatchObject({ field: 'date' });
  });
});

describe('issues and refusals', () => {
  beforeEach(async () => {
    await l.call('movements.post', receipt({ lines: [{ itemCode: 'QUILT', quantity: 100 }] }));
  });

  it('posts issue, loss, scrap and stocktake shortage as negative movements', async () => {
    await l.call('movements.post', receipt({ type: 'issue', basisDoc: '椒防指〔2026〕5号', recipient: '东山社区', lines: [{ itemCode: 'QUILT', quantity: 30 }] }));
    await l.call('movements.post', receipt({ type: 'loss', reason: '受潮霉变', lines: [{ itemCode: 'QUILT', quantity: 2 }] }));
    await l.call('movements.post', receipt({ type: 'scrap', reason: '破损', lines: [{ itemCode: 'QUILT', quantity: 3 }] }));
    await l.call('movements.post', receipt({ type: 'stocktake_loss', reason: '盘点短少', lines: [{ itemCode: 'QUILT', quantity: 1 }] }));
    expect(await stockOf('WH01', 'QUILT')).toBe(64);
    const issued = (await l.call('movements.list', { types: ['issue'] })).rows[0]!;
    expect(issued).toMatchObject({ quantity: -30, basisDoc: '椒防指〔2026〕5号', recipient: '东山社区' });
    expect(issued.docNo).toMatch(/^CK20260501-/);
  });

  it('refuses an issue beyond the balance with a clear message and writes nothing', async () => {
    const before = counts(l.db);
    const attempt = l.call('movements.post', receipt({ type: 'issue', basisDoc: 'X1', lines: [{ itemCode: 'QUILT', quantity: 60 }, { itemCode: 'QUILT', quantity: 60 }] }));
    await expect(attempt).rejects.toBeInstanceOf(LedgerError);
    await expect(attempt).rejects.toMatchObject({ code: 'movement.insufficient', field: 'lines.1.quantity' });
    await attempt.catch((e: LedgerError) => {
      expect(e.zh).toContain('库存不足');
      expect(e.zh).toContain('现有 40条');
      expect(e.en).toContain('Not enough');
    });
    expect(counts(l.db)).toEqual(before);
    expect(await stockOf('WH01', 'QUILT')).toBe(100);
  });

  it('never hands out expired stock on its own, but writes it off first', async () => {
    process.env.RELIEF_LEDGER_TODAY = '2026-06-01';
    try {
      await l.call('movements.post', receipt({ lines: [{ itemCode: 'WATER', batchNo: 'OLD', quantity: 10, expiryDate: '2026-05-01' }] }));
      await l.call('movements.post', receipt({ lines: [{ itemCode: 'WATER', batchNo: 'NEW', quantity: 10, expiryDate: '2027-05-01' }] }));
      const issued = await l.call('movements.post', receipt({ type: 'issue', basisDoc: 'X', lines: [{ itemCode: 'WATER', quantity: 4 }] }));
      expect(issued.lines.map((x) => x.batchNo)).toEqual(['NEW']);
      await expect(l.call('movements.post', receipt({ type: 'issue', basisDoc: 'X', lines: [{ itemCode: 'WATER', quantity: 7 }] }))).rejects.toMatchObject({
        code: 'movement.insufficientUnexpired',
        zh: expect.stringContaining('另有已过期 10箱'),
      });
      const scrapped = await l.call('movements.post', receipt({ type: 'scrap', reason: '过期', lines: [{ itemCode: 'WATER', quantity: 10 }] }));
      expect(scrapped.lines.map((x) => x.batchNo)).toEqual(['OLD']);
    } finally {
      delete process.env.RELIEF_LEDGER_TODAY;
    }
  });

  it('issues first-expiry-first-out when no batch is named', async () => {
    await l.call('movements.post', receipt({ lines: [{ itemCode: 'WATER', batchNo: 'LATE', quantity: 10, expiryDate: '2027-12-31' }] }));
    await l.call('movements.post', receipt({ lines: [{ itemCode: 'WATER', batchNo: 'EARLY', quantity: 10, expiryDate: '2027-01-31' }] }));
    const doc = await l.call('movements.post', receipt({ type: 'issue', basisDoc: 'X2', lines: [{ itemCode: 'WATER', quantity: 15 }] }));
    await expect(l.call('movements.post', receipt({ type: 'issue', basisDoc: 'X2', lines: [{ itemCode: 'QUILT', quantity: 1 }, { itemCode: 'WATER', batchNo: 'LATE', quantity: 11 }] }))).rejects.toMatchObject({
      code: 'movement.insufficient',
      field: 'lines.1.quantity',
    });
    expect(doc.lines.map((x) => [x.batchNo, x.quantity])).toEqual([
      ['EARLY', -10],
      ['LATE', -5],
    ]);
  });
});

describe('transfers and reversals', () => {
  beforeEach(async () => {
    await l.call('movements.post', receipt({ lines: [{ itemCode: 'QUILT', quantity: 100 }] }));
  });

  it('posts both legs of a transfer in one document', async () => {
    const doc = await l.call('movements.transfer', { date: '2026-05-02', fromCode: 'WH01', toCode: 'ST-HM', handler: '李秀英', lines: [{ itemCode: 'QUILT', quantity: 40 }] });
    expect(doc.docNo).toMatch(/^DB20260502-/);
    const [out, into] = doc.lines;
    expect(out).toMatchObject({ type: 'transfer_out', locationCode: 'WH01', counterpartCode: 'ST-HM', quantity: -40 });
    expect(into).toMatchObject({ type: 'transfer_in', locationCode: 'ST-HM', counterpartCode: 'WH01', quantity: 40, pairId: out!.id });
    expect(await stockOf('WH01', 'QUILT')).toBe(60);
    expect(await stockOf('ST-HM', 'QUILT')).toBe(40);
  });

  it('refuses a transfer to the same place and an over-transfer, writing nothing', async () => {
    const before = counts(l.db);
    await expect(l.call('movements.transfer', { date: '2026-05-02', fromCode: 'WH01', toCode: 'WH01', handler: 'x', lines: [{ itemCode: 'QUILT', quantity: 1 }] })).rejects.toMatchObject({ field: 'toCode' });
    await expect(l.call('movements.transfer', { date: '2026-05-02', fromCode: 'WH01', toCode: 'WH02', handler: 'x', lines: [{ itemCode: 'QUILT', quantity: 101 }] })).rejects.toMatchObject({
      code: 'movement.insufficient',
    });
    expect(counts(l.db)).toEqual(before);
  });

  it('corrects by a reversing movement, never by an edit, and only once', async () => {
    const issue = await l.call('movements.post', receipt({ type: 'issue', basisDoc: 'X3', lines: [{ itemCode: 'QUILT', quantity: 30 }] }));
    const id = issue.lines[0]!.id;
    const rev = await l.call('movements.reverse', { id, date: '2026-05-03', handler: '张建国', reason: '数量录错' });
    expect(rev.lines[0]).toMatchObject({ type: 'reversal', quantity: 30, reversesId: id, reason: '数量录错' });
    expect(await stockOf('WH01', 'QUILT')).toBe(100);
    expect((await l.call('movements.list', { docNo: issue.docNo })).rows[0]!.reversedById).toBe(rev.lines[0]!.id);
    await expect(l.call('movements.reverse', { id, date: '2026-05-03', handler: 'x', reason: 'again' })).rejects.toMatchObject({ code: 'movement.alreadyReversed' });
    await expect(l.call('movements.reverse', { id: rev.lines[0]!.id, date: '2026-05-03', handler: 'x', reason: 'r' })).rejects.toMatchObject({
      code: 'movement.cannotReverseReversal',
    });
  });

  it('reverses both legs of a transfer, and refuses when the destination has already issued the stock', async () => {
    const t = await l.call('movements.transfer', { date: '2026-05-02', fromCode: 'WH01', toCode: 'ST-HM', handler: 'x', lines: [{ itemCode: 'QUILT', quantity: 40 }] });
    await l.call('movements.post', receipt({ type: 'issue', basisDoc: 'X4', locationCode: 'ST-HM', lines: [{ itemCode: 'QUILT', quantity: 10 }] }));
    const before = counts(l.db);
    await expect(l.call('movements.reverse', { id: t.lines[0]!.id, date: '2026-05-04', handler: 'x', reason: 'r' })).rejects.toMatchObject({ code: 'movement.insufficient' });
    expect(counts(l.db)).toEqual(before);

    const t2 = await l.call('movements.transfer', { date: '2026-05-02', fromCode: 'WH01', toCode: 'WH02', handler: 'x', lines: [{ itemCode: 'QUILT', quantity: 5 }] });
    const rev = await l.call('movements.reverse', { id: t2.lines[1]!.id, date: '2026-05-04', handler: 'x', reason: '调错仓库' });
    expect(rev.lines).toHaveLength(2);
    expect(await stockOf('WH02', 'QUILT')).toBe(0);
    expect(await stockOf('WH01', 'QUILT')).toBe(60);
  });

  it('keeps the journal append-only at the database itself', () => {
    expect(() => l.db.sqlite.prepare('update movement set qty_milli = 1').run()).toThrow(/append-only/);
    expect(() => l.db.sqlite.prepare('delete from movement').run()).toThrow(/append-only/);
  });
});

describe('check', () => {
  it('passes on a consistent ledger and names a tampered balance', async () => {
    await l.call('movements.post', receipt());
    expect((await l.call('system.check', {})).ok).toBe(true);
    l.db.sqlite.prepare(`update balance set qty_milli = qty_milli + 1000`).run();
    const report = await l.call('system.check', {});
    expect(report.ok).toBe(false);
    expect(report.mismatches).toEqual([{ locationCode: 'WH01', itemCode: 'QUILT', batchNo: '', balance: 101, journal: 100 }]);
  });
});
