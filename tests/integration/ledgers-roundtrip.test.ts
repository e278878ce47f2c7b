// What we export, we import back exactly: every kind from a seeded ledger into a fresh database, compared field by
// field; and the exports are in the bureau's shape (title, 填报 row, frozen header, print set-up, formats, totals).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerKind } from '../../src/api/contract.ledgers.js';
import { receipt, seeded, type TempLedger, tempLedger } from './fixture.js';

let src: TempLedger;
const files = new Map<LedgerKind, string>();

beforeAll(async () => {
  src = await seeded();
  await src.call('areas.create', { code: 'HM002', name: '西岙村', level: 'village', parentCode: 'HM', adminCode: '331002001002' });
  await src.call('locations.create', { code: '00017', name: '东山社区 储备点', kind: 'shelter_store', areaCode: 'HM001', address: '=东山路 1 号', note: '+86 备用' });
  await src.call('items.create', { code: 'JACKET', name: '救生衣', spec: '成人 船用', unit: '件', category: 'rescue', gbCode: '2010101', rotationLeadDays: 30, unitPrice: 89.9, note: '@防汛' });
  await src.call('movements.post', receipt({ docNo: 'RK-A', basisDoc: '椒应急采〔2026〕1号', counterpart: '台州某公司', approver: '李明', lines: [
    { itemCode: 'QUILT', batchNo: 'Q1', quantity: 300, note: '=SUM(A1:A2)' },
    { itemCode: 'WATER', batchNo: 'W1', quantity: 120, productionDate: '2026-03-01' },
    { itemCode: 'RICE', batchNo: 'R1', quantity: 12.5, unitPrice: 5.2, expiryDate: '2027-01-31' },
    { itemCode: 'JACKET', quantity: 40 },
  ] }));
  await src.call('movements.post', receipt({ type: 'donation', donor: '椒江区慈善总会', donorCertNo: '0012300456', date: '2026-05-02', lines: [{ itemCode: 'QUILT', batchNo: 'Q2', quantity: 50 }] }));
  await src.call('movements.post', receipt({ type: 'allocation_in', date: '2026-05-02', locationCode: 'WH02', lines: [{ itemCode: 'WATER', batchNo: 'W2', quantity: 60, productionDate: '2026-04-01', expiryDate: '2027-04-01' }] }));
  await src.call('movements.post', receipt({ type: 'issue', date: '2026-05-03', basisDoc: '椒应急〔2026〕5号', recipient: '王建华', lines: [{ itemCode: 'QUILT', quantity: 310 }, { itemCode: 'RICE', quantity: 2.25 }] }));
  await src.call('movements.transfer', { date: '2026-05-04', fromCode: 'WH01', toCode: 'ST-HM', handler: '李秀英', basisDoc: '调〔2026〕2号', lines: [{ itemCode: 'WATER', quantity: 20 }, { itemCode: 'JACKET', quantity: 15, note: '-急用' }] });
  await src.call('movements.transfer', { date: '2026-05-04', fromCode: 'ST-HM', toCode: '00017', handler: '李秀英', lines: [{ itemCode: 'JACKET', quantity: 5 }] });
  await src.call('movements.post', receipt({ type: 'loss', date: '2026-05-05', locationCode: 'ST-HM', reason: '受潮霉变', lines: [{ itemCode: 'WATER', quantity: 2 }] }));
  await src.call('movements.post', receipt({ type: 'return_in', date: '2026-05-06', lines: [{ itemCode: 'QUILT', batchNo: 'Q1', quantity: 7 }] }));
  await src.call('movements.post', receipt({ type: 'stocktake_gain', date: '2026-05-07', reason: '盘盈', lines: [{ itemCode: 'RICE', batchNo: 'R1', quantity: 0.5 }] }));
  for (const kind of ['areas', 'locations', 'items', 'stock', 'movements'] as const) {
    files.set(kind, (await src.call('ledgers.export', { kind })).data);
  }
});
afterAll(() => src.close());

async function importInto(l: TempLedger, kinds: LedgerKind[]) {
  for (const kind of kinds) {
    const r = await l.call('ledgers.import', { kind, fileName: `${kind}.xlsx`, data: files.get(kind)! });
    expect(r.errors, kind).toEqual([]);
    expect(r.committed, kind).toBe(true);
  }
}

const journal = async (l: TempLedger) =>
  (await l.call('movements.list', { limit: 1000 })).rows.map(({ id: _i, createdAt: _c, pairId, ...m }) => ({ ...m, paired: pairId !== null }));

describe('round trip', () => {
  it('areas, locations, items and the journal come back exactly', async () => {
    const dst = await tempLedger();
    try {
      await importInto(dst, ['areas', 'locations', 'items', 'movements']);
      expect(await dst.call('areas.list', {})).toEqual(await src.call('areas.list', {}));
      expect(await dst.call('locations.list', {})).toEqual(await src.call('locations.list', {}));
      expect(await dst.call('items.list', {})).toEqual(await src.call('items.list', {}));
      expect(await journal(dst)).toEqual(await journal(src));
      expect(await dst.call('stock.query', { byBatch: true })).toEqual(await src.call('stock.query', { byBatch: true }));
      expect((await dst.call('system.check', {})).ok).toBe(true);
      // The numbers the import took are not handed out again.
      const next = await dst.call('movements.post', receipt({ date: '2026-05-01', lines: [{ itemCode: 'QUILT', quantity: 1 }] }));
      expect(next.docNo).toBe('RK20260501-0001');
    } finally {
      dst.close();
    }
  });

  it('the stock ledger comes back as the same balances, batches and dates', async () => {
    const dst = await tempLedger();
    try {
      await importInto(dst, ['areas', 'locations', 'items', 'stock']);
      expect(await dst.call('stock.query', { byBatch: true })).toEqual(await src.call('stock.query', { byBatch: true }));
    } finally {
      dst.close();
    }
  });

  it('importing one\'s own export into the same ledger changes nothing for catalogue kinds', async () => {
    for (const kind of ['areas', 'locations', 'items'] as const) {
      const r = await src.call('ledgers.import', { kind, fileName: `${kind}.xlsx`, data: files.get(kind)!, dryRun: true });
      expect(r.errors, kind).toEqual([]);
      expect(r.rows.imported, kind).toBe(0);
      expect(r.rows.skipped, kind).toBe(r.rows.read);
    }
  });
});

async function load(data: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data, 'base64') as unknown as ArrayBuffer);
  return wb;
}

describe('the bureau\'s shape', () => {
  it('title, 填报单位/日期, frozen styled header, print set-up, formats, text IDs, totals', async () => {
    const wb = await load(files.get('stock')!);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('椒江区救灾物资库存台账');
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect(ws.getCell('O1').isMerged).toBe(true);
    expect(ws.getCell('A2').value).toBe('填报单位：椒江区应急管理局');
    expect(String(ws.getCell('H2').value)).toMatch(/^日期：\d{4}-\d{2}-\d{2}$/);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.getRow(3).getCell(1).font?.bold).toBe(true);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual(['序号', '地点编码', '存放地点', '物资编码', '物资名称', '规格型号', '单位', '批次号', '生产日期', '有效期至', '数量', '单价(元)', '金额(元)', '物资类别', '状态']);
    const rice = ws.getRows(4, ws.rowCount - 3)!.find((r) => r.getCell(4).value === 'RICE')!;
    expect(rice.getCell(11).value).toBe(10.75);
    expect(rice.getCell(11).numFmt).toBe('#,##0.000');
    expect(rice.getCell(10).value).toEqual(new Date('2027-01-31T00:00:00Z'));
    expect(rice.getCell(10).numFmt).toBe('yyyy-mm-dd');
    expect(rice.getCell(2).numFmt).toBe('@');
    const loc = ws.getRows(4, ws.rowCount - 3)!.find((r) => r.getCell(2).value === '00017')!;
    expect(loc.getCell(2).type).toBe(ExcelJS.ValueType.String);
    // Units differ (条, 箱, kg, 件): no 合计 under 数量, a 小计 per unit below it; 金额 is one currency and totals.
    const totalRow = ws.getRows(4, ws.rowCount - 3)!.find((r) => r.getCell(1).value === '合计')!;
    expect(totalRow.getCell(11).value).toBeNull();
    expect(totalRow.getCell(13).value).toMatchObject({ formula: expect.stringMatching(/^SUM\(M4:M\d+\)$/) });
    expect(ws.getRow(ws.rowCount).getCell(1).value).toMatch(/^小计（.+）$/);
    const widths = ws.columns.map((c) => c.width ?? 0);
    expect(widths[2]).toBeGreaterThanOrEqual(12);
  });

  it('text a spreadsheet would run as a formula is neutralised, and imports back without the guard', async () => {
    const ws = (await load(files.get('movements')!)).worksheets[0]!;
    const notes = ws.getColumn(25).values as unknown[];
    expect(notes).toContain("'=SUM(A1:A2)");
    expect(notes).toContain("'-急用");
    const locs = (await load(files.get('locations')!)).worksheets[0]!;
    expect(locs.getColumn(6).values).toContain("'=东山路 1 号");
    expect(locs.getColumn(7).values).toContain("'+86 备用");
  });

  it('a location\'s export is titled and filtered for it', async () => {
    const r = await src.call('ledgers.export', { kind: 'stock', locationCode: 'ST-HM' });
    expect(r.fileName).toMatch(/^椒江区救灾物资库存台账（海门储备点）-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const ws = (await load(r.data)).worksheets[0]!;
    const codes = new Set((ws.getColumn(2).values as unknown[]).slice(4).filter((v) => v !== undefined && v !== null));
    expect([...codes]).toEqual(['ST-HM']);
    await expect(src.call('ledgers.export', { kind: 'stock', locationCode: 'NOPE' })).rejects.toMatchObject({ code: 'location.notFound' });
  });
});

describe('templates', () => {
  it('have the export\'s headers and an example row that imports skip: a template as it is holds no data rows', async () => {
    for (const kind of ['areas', 'locations', 'items', 'stock', 'movements'] as const) {
      const t = await src.call('ledgers.template', { kind });
      const wb = await load(t.data);
      const ws = wb.worksheets[0]!;
      const exported = (await load(files.get(kind)!)).worksheets[0]!;
      expect(ws.getRow(3).values, kind).toEqual(exported.getRow(3).values);
      expect(ws.getCell('A4').value, kind).toBe('示例');
      expect(wb.worksheets[1]!.name).toBe('填表说明');
      const r = await src.call('ledgers.import', { kind, fileName: t.fileName, data: t.data, dryRun: true });
      expect(r.errors, kind).toEqual([expect.objectContaining({ row: 0, message: expect.stringMatching(/没有数据行.*\(.*no data rows/) })]);
      expect(r.rows, kind).toEqual({ read: 1, imported: 0, skipped: 1 });
    }
  });
});
