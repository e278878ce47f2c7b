// 冲销整单: a whole document reversed in one step — one reason, one handler, one transaction, each line pointing at
// its original — or refused with a clear message, writing nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { counts, receipt, seeded, type TempLedger } from './fixture.js';

let l: TempLedger;
beforeEach(async () => {
  l = await seeded();
});
afterEach(() => {
  delete process.env.RELIEF_LEDGER_TODAY;
  l.close();
});

const stockOf = async (locationCode: string, itemCode: string) =>
  (await l.call('stock.query', { locationCode, itemCode })).reduce((a, r) => a + r.quantity, 0);

const threeLines = () =>
  l.call(
    'movements.post',
    receipt({
      lines: [
        { itemCode: 'QUILT', batchNo: 'Q1', quantity: 100 },
        { itemCode: 'WATER', batchNo: 'W1', quantity: 20, productionDate: '2026-04-01' },
        { itemCode: 'RICE', batchNo: 'R1', quantity: 12.5 },
      ],
    }),
  );

describe('reversing a whole document', () => {
  it('reverses every line of a 3-line receipt in one reversal document, each line linked to its original', async () => {
    process.env.RELIEF_LEDGER_TODAY = '2026-05-04';
    const doc = await threeLines();
    const rev = await l.call('movements.reverseDocument', { docNo: doc.docNo, reason: '供应商送错货', handler: '李秀英', approver: '王主任' });
    expect(rev.docNo).toBe('CX20260504-0001');
    expect(rev.lines).toHaveLength(3);
    for (const line of rev.lines) expect(line).toMatchObject({ type: 'reversal', date: '2026-05-04', reason: '供应商送错货', handler: '李秀英', approver: '王主任' });
    expect(rev.lines.map((x) => x.reversesId).sort()).toEqual(doc.lines.map((x) => x.id).sort());
    expect(rev.lines.map((x) => [x.itemCode, x.quantity]).sort()).toEqual([['QUILT', -100], ['RICE', -12.5], ['WATER', -20]]);
    for (const code of ['QUILT', 'WATER', 'RICE']) expect(await stockOf('WH01', code)).toBe(0);
    const original = await l.call('movements.document', { docNo: doc.docNo });
    expect(original.lines.every((x) => x.reversedById !== null)).toBe(true);
    expect((await l.call('system.check', {})).ok).toBe(true);
  });

  it('reverses both legs of every line of a transfer, on the date given', async () => {
    await threeLines();
    const t = await l.call('movements.transfer', { date: '2026-05-02', fromCode: 'WH01', toCode: 'ST-HM', handler: '李秀英', lines: [{ itemCode: 'QUILT', quantity: 40 }, { itemCode: 'RICE', quantity: 2.5 }] });
    const rev = await l.call('movements.reverseDocument', { docNo: t.docNo, date: '2026-05-03', reason: '调错地点', handler: '李秀英' });
    expect(rev.lines).toHaveLength(4);
    expect(rev.date).toBe('2026-05-03');
    expect([await stockOf('WH01', 'QUILT'), await stockOf('ST-HM', 'QUILT'), await stockOf('WH01', 'RICE'), await stockOf('ST-HM', 'RICE')]).toEqual([100, 0, 12.5, 0]);
  });

  it('refuses, writing nothing, when a line is already reversed', async () => {
    const doc = await threeLines();
    await l.call('movements.reverse', { id: doc.lines[1]!.id, date: '2026-05-02', handler: '张建国', reason: '数量错' });
    const before = counts(l.db);
    const attempt = l.call('movements.reverseDocument', { docNo: doc.docNo, reason: '整单错', handler: '张建国' });
    await expect(attempt).rejects.toMatchObject({ code: 'movement.documentPartlyReversed', field: 'docNo' });
    await attempt.catch((e: { zh: string; en: string }) => {
      expect(e.zh).toContain(`单据 ${doc.docNo} 已有 1 行被冲销（记录 ${doc.lines[1]!.id}）`);
      expect(e.en).toContain('cannot be reversed as a whole');
    });
    expect(counts(l.db)).toEqual(before);
  });

  it('refuses, writing nothing, when the reversal would take a balance below zero', async () => {
    const doc = await threeLines();
    await l.call('movements.post', receipt({ type: 'issue', basisDoc: '椒防指〔2026〕5号', lines: [{ itemCode: 'WATER', quantity: 15 }] }));
    const before = counts(l.db);
    const attempt = l.call('movements.reverseDocument', { docNo: doc.docNo, reason: '整单错', handler: '张建国' });
    await expect(attempt).rejects.toMatchObject({ code: 'movement.reverseBelowZero', field: 'docNo' });
    await attempt.catch((e: { zh: string }) => expect(e.zh).toBe(`整单冲销 ${doc.docNo} 会使 一号库 的 瓶装饮用水（批次 W1）库存为负：现有 5箱，冲销需扣减 20箱。未写入任何记录`));
    expect(counts(l.db)).toEqual(before);
    expect(await stockOf('WH01', 'QUILT')).toBe(100);
    expect((await l.call('movements.list', { types: ['reversal'] })).total).toBe(0);
  });

  it('refuses a reversal document, an unknown number and a missing reason', async () => {
    const doc = await threeLines();
    const rev = await l.call('movements.reverseDocument', { docNo: doc.docNo, reason: '错', handler: '张建国' });
    await expect(l.call('movements.reverseDocument', { docNo: rev.docNo, reason: '再冲', handler: '张建国' })).rejects.toMatchObject({ code: 'movement.documentIsReversal' });
    await expect(l.call('movements.reverseDocument', { docNo: 'RK-NONE', reason: 'x', handler: '张建国' })).rejects.toMatchObject({ code: 'movement.documentNotFound', zh: '找不到单据 RK-NONE' });
    await expect(l.call('movements.reverseDocument', { docNo: doc.docNo, reason: ' ', handler: '' })).rejects.toMatchObject({ code: 'error.invalidInput' });
  });
});
