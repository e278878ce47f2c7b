// The annual count end to end on real workbooks: start → sheet → filled sheet back → review → post → report.
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { receipt, seeded, type TempLedger } from './fixture.js';

let l: TempLedger;
beforeEach(async () => {
  l = await seeded();
  await l.call('movements.post', receipt({ locationCode: 'ST-HM', lines: [{ itemCode: 'QUILT', quantity: 100 }, { itemCode: 'WATER', batchNo: 'W1', quantity: 40, expiryDate: '2027-06-30' }] }));
  await l.call('movements.post', receipt({ locationCode: 'ST-HM', lines: [{ itemCode: 'RICE', batchNo: 'R1', quantity: 12.5 }] }));
  await l.call('equipment.register', { kind: 'pump', serialNo: '000123', homeLocationCode: 'ST-HM', date: '2026-01-01', actor: 'x' });
});
afterEach(() => l.close());

async function load(data: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data, 'base64') as unknown as ArrayBuffer);
  return wb;
}

/** Fills 实盘数 like a counter with a pen would: the book figure, except where told otherwise. */
async function fill(data: string, counts: Record<string, { count: string | number; reason?: string }>): Promise<string> {
  const wb = await load(data);
  for (const ws of wb.worksheets) {
    const head = ws.getRow(3);
    const col = (name: string) => (head.values as unknown[]).indexOf(name);
    for (let r = 4; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const item = String(row.getCell(col('物资编码')).value ?? '');
      if (!item) continue;
      const given = counts[item];
      row.getCell(col('实盘数')).value = given ? given.count : Number(row.getCell(col('账面数')).value);
      if (given?.reason) row.getCell(col('差异原因')).value = given.reason;
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const stockAt = async (itemCode: string) => (await l.call('stock.query', { locationCode: 'ST-HM', itemCode })).reduce((a, r) => a + r.quantity, 0);

describe('stocktake', () => {
  it('runs start → sheet → counts → review → post with sign-off, and the ledger stays consistent', async () => {
    const st = await l.call('stocktake.start', { locationCodes: ['ST-HM'], date: '2026-12-20' });
    expect(st).toMatchObject({ status: 'counting', lines: 3, no: 'PD2026-001' });
    expect(st.units).toEqual([expect.objectContaining({ serialNo: '000123', expectedAt: '海门储备点', seen: null })]);

    const sheet = await l.call('stocktake.sheet', { id: st.id });
    const wb = await load(sheet.data);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['ST-HM 海门储备点']);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(3).values).toEqual(expect.arrayContaining(['行号', '物资编码', '批次号', '有效期至', '库位', '账面数', '实盘数', '差异原因']));
    expect(JSON.stringify(ws.getRow(ws.rowCount).values)).toContain('盘点人（签字）');

    // A movement during counting: the variance compares with the book at the moment of the count.
    await l.call('movements.post', receipt({ type: 'issue', basisDoc: 'X', locationCode: 'ST-HM', date: '2026-12-21', lines: [{ itemCode: 'QUILT', quantity: 10 }] }));
    const filled = await fill(sheet.data, { QUILT: { count: '８８条', reason: '受潮霉变未报损' } });
    const imported = await l.call('stocktake.importCounts', { id: st.id, fileName: 'sheet.xlsx', data: filled, countedBy: '王建华', date: '2026-12-21' });
    expect(imported).toEqual({ counted: 3, errors: [] });

    await l.call('stocktake.audit', { id: st.id, kind: 'pump', serialNo: '000123', seen: true });
    const review = await l.call('stocktake.review', { id: st.id });
    expect(review.uncounted).toEqual([]);
    expect(review.variances).toEqual([expect.objectContaining({ itemCode: 'QUILT', frozen: 100, book: 90, counted: 88, difference: -2, value: -230, reason: '受潮霉变未报损' })]);

    await expect(l.call('stocktake.post', { id: st.id, counter: '王建华', supervisor: '王建华', date: '2026-12-22' })).rejects.toMatchObject({ field: 'supervisor' });
    const posted = await l.call('stocktake.post', { id: st.id, counter: '王建华', supervisor: '郑卫东', date: '2026-12-22' });
    expect(posted).toMatchObject({ status: 'posted', counter: '王建华', supervisor: '郑卫东' });
    expect(await stockAt('QUILT')).toBe(88);
    expect(await stockAt('RICE')).toBe(12.5);
    const journal = await l.call('movements.list', { types: ['stocktake_loss'] });
    expect(journal.rows).toEqual([expect.objectContaining({ quantity: -2, basisDoc: 'PD2026-001', handler: '王建华', approver: '郑卫东', note: '受潮霉变未报损' })]);
    expect((await l.call('system.check', {})).ok).toBe(true);

    await expect(l.call('stocktake.count', { id: st.id, countedBy: 'x', date: '2026-12-23', counts: [{ lineId: 1, counted: 1 }] })).rejects.toMatchObject({ code: 'stocktake.badState' });
    await expect(l.call('stocktake.void', { id: st.id, reason: 'x' })).rejects.toMatchObject({ code: 'stocktake.badState' });
  });

  it('blind: keeps the book from the counters until every line is counted; lists uncounted lines, refuses review until they are counted or set to zero, adds lines found unexpected', async () => {
    const st = await l.call('stocktake.start', { locationCodes: ['ST-HM'], blind: true, date: '2026-12-20' });
    const sheet = await load((await l.call('stocktake.sheet', { id: st.id })).data);
    expect(sheet.worksheets[0]!.getRow(3).values).not.toContain('账面数');
    expect(st.items.every((i) => i.frozen === null && i.book === null)).toBe(true);
    expect(st.differences).toBeNull();
    await l.call('stocktake.count', { id: st.id, countedBy: '王建华', date: '2026-12-20', counts: [{ lineId: st.items[0]!.lineId, counted: 3, reason: '复核确认' }] });
    const review = await l.call('stocktake.review', { id: st.id });
    expect(review.uncounted).toHaveLength(2);
    expect(review.uncounted.every((i) => i.book === null)).toBe(true);
    expect(review.variances).toEqual([]);
    expect((await l.call('stocktake.list', {})).find((h) => h.id === st.id)?.differences).toBeNull();
    await expect(l.call('stocktake.report', { id: st.id })).rejects.toMatchObject({ code: 'stocktake.bookWithheld' });
    await expect(l.call('stocktake.submit', { id: st.id })).rejects.toMatchObject({ code: 'stocktake.uncounted' });
    const found = await l.call('stocktake.addLine', { id: st.id, locationCode: 'ST-HM', itemCode: 'QUILT', batchNo: 'OLD-2019', counted: 6, countedBy: '王建华', date: '2026-12-20', reason: '账外发现' });
    expect(found.items.find((i) => i.batchNo === 'OLD-2019')).toMatchObject({ unexpected: true, book: null, counted: 6, difference: null });
    const zeroed = await l.call('stocktake.zeroUncounted', { id: st.id, countedBy: '王建华', date: '2026-12-20', reason: '未见实物' });
    expect(zeroed.counted).toBe(zeroed.lines);
    // Every line has its count: the book shows now, for the review.
    expect(zeroed.items.find((i) => i.batchNo === 'OLD-2019')).toMatchObject({ book: 0, difference: 6 });
    expect(zeroed.differences).toBeGreaterThan(0);
    expect((await l.call('stocktake.review', { id: st.id })).variances.length).toBe(zeroed.differences);
    const submitted = await l.call('stocktake.submit', { id: st.id });
    expect(submitted.status).toBe('review');
    await l.call('stocktake.post', { id: st.id, counter: '王建华', supervisor: '郑卫东', date: '2026-12-22' });
    expect((await l.call('system.check', {})).ok).toBe(true);
  });

  it('rejects a filled sheet with a bad count, naming sheet, row and column, and writes nothing', async () => {
    const st = await l.call('stocktake.start', { locationCodes: ['ST-HM'], date: '2026-12-20' });
    const filled = await fill((await l.call('stocktake.sheet', { id: st.id })).data, { WATER: { count: '四十' } });
    const r = await l.call('stocktake.importCounts', { id: st.id, fileName: 'x.xlsx', data: filled, countedBy: 'x', date: '2026-12-20' });
    expect(r.counted).toBe(0);
    expect(r.errors).toEqual([expect.objectContaining({ sheet: 'ST-HM 海门储备点', header: '实盘数', value: '四十', column: 'K' })]);
    expect(r.errors[0]!.message).toMatch(/实盘数“四十”不是有效数量.*\(count "四十" is not a valid quantity\)/);
    expect((await l.call('stocktake.get', { id: st.id })).counted).toBe(0);
    await expect(l.call('stocktake.importCounts', { id: st.id, fileName: 'x.xlsx', data: Buffer.from('PK\u0003\u0004 truncated').toString('base64'), countedBy: 'x', date: '2026-12-20' })).rejects.toMatchObject({
      code: 'stocktake.sheetUnreadable',
    });
  });

  it('reads a filled sheet that the counter re-saved as a legacy .xls (here by SheetJS), as the .xlsx it was', async () => {
    const st = await l.call('stocktake.start', { locationCodes: ['ST-HM'], date: '2026-12-20' });
    const filled = await fill((await l.call('stocktake.sheet', { id: st.id })).data, { QUILT: { count: '９８条', reason: '受潮' } });
    const xls = XLSX.write(XLSX.read(Buffer.from(filled, 'base64'), { type: 'buffer' }), { bookType: 'biff8', type: 'buffer' }) as Buffer;
    const r = await l.call('stocktake.importCounts', { id: st.id, fileName: 'sheet.xls', data: xls.toString('base64'), countedBy: '王建华', date: '2026-12-20' });
    expect(r).toEqual({ counted: 3, errors: [] });
    expect((await l.call('stocktake.review', { id: st.id })).variances).toEqual([expect.objectContaining({ itemCode: 'QUILT', counted: 98, difference: -2, reason: '受潮' })]);
  });

  it('writes a report that holds every line of a 10,000-line stocktake', async () => {
    const docs = [];
    for (let d = 0; d < 100; d++) docs.push(receipt({ locationCode: 'WH02', lines: Array.from({ length: 100 }, (_, j) => ({ itemCode: 'QUILT', batchNo: `B${d * 100 + j}`, quantity: 1 + (j % 9) })) }));
    await l.call('movements.postMany', { documents: docs });
    const st = await l.call('stocktake.start', { locationCodes: ['WH02'], date: '2026-12-20' });
    expect(st.lines).toBe(10_000);
    await l.call('stocktake.count', { id: st.id, countedBy: 'x', date: '2026-12-20', counts: st.items.map((i, k) => ({ lineId: i.lineId, counted: k === 0 ? i.book! + 1 : i.book!, reason: k === 0 ? '多出' : undefined })) });
    await l.call('stocktake.post', { id: st.id, counter: '甲', supervisor: '乙', date: '2026-12-21' });
    const wb = await load((await l.call('stocktake.report', { id: st.id })).data);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '差异明细', '盘点明细', '装备核查']);
    const all = wb.getWorksheet('盘点明细')!;
    const batches = new Set<string>();
    for (let r = 4; r <= all.rowCount; r++) batches.add(String(all.getRow(r).getCell(7).value));
    expect(batches.size).toBe(10_000);
    expect(wb.getWorksheet('差异明细')!.rowCount).toBe(4);
    expect(JSON.stringify(wb.getWorksheet('汇总')!.getRow(4).values)).toContain('10000');
  });
});
