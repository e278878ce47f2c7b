// Quantities of different units are never added together: the summary counts pieces over counted items and totals
// weighed or measured items per unit beside them; an exported ledger puts 合计 under 数量 only when every row has
// the same unit, and a 小计 row per unit otherwise — and still imports back exactly.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCountedItem, totalsFor } from '../../src/common/units.js';
import { loadDemo } from '../../src/demo/demo.js';
import { receipt, seeded, type TempLedger, tempLedger } from './fixture.js';

let l: TempLedger;
beforeEach(async () => {
  l = await seeded();
  await l.call('items.create', { code: 'TARP', name: '彩条布', spec: '宽 4m', unit: '米', category: 'flood', unitPrice: 3.8 });
  await l.call('movements.post', receipt({ lines: [
    { itemCode: 'QUILT', batchNo: 'Q1', quantity: 100 },
    { itemCode: 'WATER', batchNo: 'W1', quantity: 20, productionDate: '2026-04-01' },
    { itemCode: 'RICE', batchNo: 'R1', quantity: 12.5 },
    { itemCode: 'TARP', quantity: 30.25 },
  ] }));
  await l.call('movements.post', receipt({ locationCode: 'WH02', lines: [{ itemCode: 'WATER', batchNo: 'W2', quantity: 7, productionDate: '2026-04-01' }] }));
  await l.call('movements.transfer', { date: '2026-05-02', fromCode: 'WH01', toCode: 'ST-HM', handler: '李秀英', lines: [{ itemCode: 'QUILT', quantity: 10 }, { itemCode: 'RICE', quantity: 2.5 }] });
});
afterEach(() => l.close());

async function sheetOf(data: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data, 'base64') as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

/** The rows below the data: 合计 and any 小计, as [first cell, 数量 cell, 金额 cell]. */
function tail(ws: ExcelJS.Worksheet): [unknown, unknown, unknown][] {
  const rows: [unknown, unknown, unknown][] = [];
  for (let r = 4; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const first = row.getCell(1).value;
    if (typeof first === 'string' && /^(合计|小计)/.test(first)) rows.push([first, row.getCell(11).value, row.getCell(13).value]);
  }
  return rows;
}

describe('totals per unit', () => {
  it('the summary counts pieces over counted items, a whole number, and totals each measured unit beside it', async () => {
    const s = await l.call('summary.get', {});
    expect(s.itemsOnHand).toBe(127); // 100 条 + 20 箱 + 7 箱: pieces
    expect(s.measuredOnHand).toEqual([{ unit: 'kg', quantity: 12.5 }, { unit: '米', quantity: 30.25 }]);
    const hm = s.perStreet.find((p) => p.code === 'HM')!;
    expect(hm).toMatchObject({ itemsOnHand: 10, measuredOnHand: [{ unit: 'kg', quantity: 2.5 }] });
  });

  it('on the demo district: pieces are exactly the counted items held, and no measured unit joins them', async () => {
    const demo = await tempLedger();
    try {
      loadDemo(demo.db);
      const s = await demo.call('summary.get', {});
      const items = new Map((await demo.call('items.list', {})).map((i) => [i.code, i]));
      const stock = await demo.call('stock.query', {});
      const counted = stock.filter((r) => isCountedItem(items.get(r.itemCode)!));
      expect(Number.isInteger(s.itemsOnHand)).toBe(true);
      expect(s.itemsOnHand).toBe(counted.reduce((a, r) => a + r.quantity, 0));
      expect(s.itemsOnHand).toBeGreaterThan(100_000); // the plan's "10万余件"
      const measured = totalsFor(stock.filter((r) => !isCountedItem(items.get(r.itemCode)!)));
      expect(measured.kind === 'single' ? [{ unit: measured.unit, quantity: measured.quantity }] : measured.subtotals).toEqual(s.measuredOnHand);
      expect(s.measuredOnHand.map((m) => m.unit)).toEqual(['米']);
    } finally {
      demo.close();
    }
  });

  it('an exported stock ledger of mixed units has no 合计 under 数量 but a 小计 per unit; money still totals', async () => {
    const ws = await sheetOf((await l.call('ledgers.export', { kind: 'stock' })).data);
    const [total, ...subtotals] = tail(ws);
    expect(total![0]).toBe('合计');
    expect(total![1]).toBeNull();
    // 金额: 100 条 × 115 + 27 箱 × 28.5 + 30.25 米 × 3.8 (rice has no price), one currency: summed.
    expect(total![2]).toMatchObject({ formula: expect.stringMatching(/^SUM\(M4:M\d+\)$/), result: 100 * 115 + 27 * 28.5 + 114.95 });
    // In the order the units first appear in the ledger (sorted by place and item).
    expect(subtotals).toEqual([
      ['小计（条）', 100, null],
      ['小计（kg）', 12.5, null],
      ['小计（米）', 30.25, null],
      ['小计（箱）', 27, null],
    ]);
  });

  it('a ledger whose rows share one unit keeps its 合计 under 数量', async () => {
    const ws = await sheetOf((await l.call('ledgers.export', { kind: 'stock', locationCode: 'WH02' })).data);
    expect(tail(ws)).toEqual([['合计', { formula: 'SUM(K4:K4)', result: 7 }, { formula: 'SUM(M4:M4)', result: 199.5 }]]);
  });

  it('the exported ledger, 小计 rows and all, imports back into an empty ledger exactly', async () => {
    const dst = await tempLedger();
    try {
      for (const kind of ['areas', 'locations', 'items', 'stock'] as const) {
        const r = await dst.call('ledgers.import', { kind, fileName: `${kind}.xlsx`, data: (await l.call('ledgers.export', { kind })).data });
        expect(r.errors, kind).toEqual([]);
      }
      expect(await dst.call('stock.query', { byBatch: true })).toEqual(await l.call('stock.query', { byBatch: true }));
      expect((await dst.call('summary.get', {})).measuredOnHand).toEqual((await l.call('summary.get', {})).measuredOnHand);
    } finally {
      dst.close();
    }
  });
});
