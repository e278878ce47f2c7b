// Importing the workbooks people really keep: titles above the header, sheets per warehouse, totals and notes,
// numbers and dates typed every way, and every problem reported where it is, with nothing written.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerImportReport } from '../../src/api/contract.ledgers.js';
import { importLedger } from '../../src/ledgers/import.js';
import { counts, receipt, seeded, type TempLedger } from './fixture.js';

type Cells = (string | number | Date | null | { formula: string; result?: number })[];

async function workbook(sheets: Record<string, Cells[]>, edit?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  edit?.(wb);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const title: Cells[] = [['椒江区救灾物资出入库明细'], ['填报单位：椒江区应急管理局', null, null, null, null, '日期：2026-05-01']];
const mvHeader: Cells = ['序号', '单号', '日期', '类型', '存放地点', '物资编码', '批次号', '生产日期', '数量', '来源/去向', '依据文号', '经办人'];

let l: TempLedger;
beforeEach(async () => {
  l = await seeded();
});
afterEach(() => l.close());

const imp = (kind: 'areas' | 'locations' | 'items' | 'stock' | 'movements', data: string, more: Record<string, unknown> = {}) =>
  l.call('ledgers.import', { kind, fileName: `${kind}.xlsx`, data, ...more }) as Promise<LedgerImportReport>;

describe('movements', () => {
  it('imports receipts, issues and transfers under a title, skipping blank, 合计 and note rows', async () => {
    const data = await workbook({
      明细: [
        ...title,
        mvHeader,
        [1, 'RK1', '2026.5.1', '采购入库', '一号库', 'QUILT', 'Q1', null, '1,000', '某供应商', '椒应急采〔2026〕1号', '张建国'],
        [2, 'RK1', '2026.5.1', '采购入库', '一号库', 'WATER', 'W1', '2026年3月1日', '２００箱', '某供应商', '椒应急采〔2026〕1号', '张建国'],
        [],
        [3, 'CK1', new Date(Date.UTC(2026, 4, 3)), '发放', 'WH01', 'QUILT', 'Q1', null, 100, '海门街道', '椒应急〔2026〕5号', '李秀英'],
        [4, 'DB1', '20260504', '调拨', '一号库', 'QUILT', 'Q1', null, 50, '海门储备点', null, '李秀英'],
        [null, '合计', null, null, null, null, null, null, 1350],
        ['注：本表由仓库保管员填写'],
        ['制表人：张建国', null, null, '审核人：李明'],
      ],
    });
    const r = await imp('movements', data);
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ ok: true, committed: true, rows: { read: 7, imported: 4, skipped: 3 }, created: { documents: 3, movements: 5 } });
    const stock = await l.call('stock.query', { byBatch: true });
    const at = (loc: string, item: string) => stock.find((s) => s.locationCode === loc && s.itemCode === item)?.quantity;
    expect(at('WH01', 'QUILT')).toBe(850);
    expect(at('ST-HM', 'QUILT')).toBe(50);
    expect(at('WH01', 'WATER')).toBe(200);
    const water = stock.find((s) => s.itemCode === 'WATER')!;
    expect(water).toMatchObject({ productionDate: '2026-03-01', expiryDate: '2027-08-23' });
    const doc = await l.call('movements.document', { docNo: 'CK1' });
    expect(doc.lines[0]).toMatchObject({ date: '2026-05-03', basisDoc: '椒应急〔2026〕5号', recipient: '海门街道', handler: '李秀英' });
    expect((await l.call('movements.document', { docNo: 'DB1' })).lines.map((m) => m.type)).toEqual(['transfer_out', 'transfer_in']);
    expect((await l.call('system.check', {})).ok).toBe(true);
  });

  it('reports every problem with sheet, row, column, header and value, and writes nothing', async () => {
    await l.call('movements.post', receipt({ lines: [{ itemCode: 'QUILT', batchNo: 'Q1', quantity: 10 }] }));
    const before = counts(l.db);
    const data = await workbook({
      明细: [
        ...title,
        mvHeader,
        [1, 'X1', '2026-05-01', '采购入库', '三号库', 'QUILT', 'Q2', null, 5, null, null, '张建国'],
        [2, 'X2', '2026-05-01', '采购入库', '一号库', 'QUILT', 'Q2', null, -5, null, null, '张建国'],
        [3, 'X3', '2026-05-01', '发放', '一号库', 'QUILT', 'Q1', null, 11, null, '文1', '张建国'],
        [4, 'X4', '2026-13-01', '采购入库', '一号库', 'NOPE', 'Q2', null, 5, null, null, '张建国'],
        [5, 'X5', '2026-05-01', '冲销', '一号库', 'QUILT', 'Q1', null, 1, null, null, '张建国'],
        [6, 'X6', '2026-05-01', '发放', '一号库', 'QUILT', 'Q1', null, 1, null, null, '张建国'],
        [7, 'X7', '2026-05-01', '采购入库', '一号库', 'WATER', 'W9', '2026-05-01', 1, null, null, null],
      ],
    });
    const r = await imp('movements', data);
    expect(r.ok).toBe(false);
    expect(r.committed).toBe(false);
    expect(r.rows.imported).toBe(0);
    const at = (row: number) => r.errors.filter((e) => e.row === row);
    expect(at(4)[0]).toMatchObject({ sheet: '明细', column: 'E', header: '存放地点', value: '三号库' });
    expect(at(4)[0]!.message).toMatch(/找不到存放地点“三号库”.*\(Location "三号库" not found/);
    expect(at(5)[0]).toMatchObject({ column: 'I', header: '数量', value: '-5' });
    expect(at(5)[0]!.message).toContain('不能为负');
    // A batch issued beyond its balance: the Poster's refusal, mapped back to the row and the quantity's column.
    expect(at(6)[0]).toMatchObject({ column: 'I', header: '数量', value: '11' });
    expect(at(6)[0]!.message).toMatch(/库存不足：现有 10条，本次需要 11条/);
    expect(at(7).map((e) => e.column).sort()).toEqual(['C', 'F']);
    expect(at(8)[0]!.message).toContain('冲销记录不能导入');
    expect(at(9)[0]).toMatchObject({ column: 'K', header: '依据文号' });
    expect(at(10)[0]).toMatchObject({ column: 'L', header: '经办人' });
    expect(counts(l.db)).toEqual(before);
  });

  it('finds the location from a sheet named after it (name or code), one sheet per warehouse', async () => {
    const header: Cells = ['日期', '类型', '物资编码', '数量', '经办人'];
    const data = await workbook({
      一号库: [header, ['2026-05-01', '采购入库', 'QUILT', 10, '张建国']],
      'WH02': [header, ['2026-05-01', '采购入库', 'QUILT', 20, '张建国']],
      说明: [['本表说明'], ['无']],
    });
    const r = await imp('movements', data);
    expect(r.errors).toEqual([]);
    expect(r.sheets.map((s) => [s.name, s.headerRow])).toEqual([['一号库', 1], ['WH02', 1], ['说明', null]]);
    const stock = await l.call('stock.query', {});
    expect(stock.map((s) => [s.locationCode, s.quantity])).toEqual([['WH01', 10], ['WH02', 20]]);
    const only = await imp('movements', data, { sheet: 'WH02', force: true, dryRun: true });
    expect(only.rows.read).toBe(1);
    await expect(imp('movements', data, { sheet: '三号库', dryRun: true })).rejects.toMatchObject({ code: 'ledgers.sheetNotFound' });
  });

  it('reads the sheets whatever order the parts are stored in the zip, the workbook part last (exceljs #3064)', async () => {
    const header: Cells = ['日期', '类型', '物资编码', '数量', '经办人'];
    const data = await workbook({
      一号库: [header, ['2026-05-01', '采购入库', 'QUILT', 10, '张建国']],
      WH02: [header, ['2026-05-01', '采购入库', 'QUILT', 20, '张建国']],
    });
    // Zip order means nothing to Excel; a part-at-a-time reader that met the sheets before the workbook part failed.
    const src = await JSZip.loadAsync(Buffer.from(data, 'base64'));
    const names = Object.keys(src.files).filter((n) => !src.files[n]!.dir);
    const rank = (n: string) => (n === 'xl/sharedStrings.xml' ? 0 : n === 'xl/workbook.xml' ? 2 : 1);
    const out = new JSZip();
    for (const n of names.sort((a, b) => rank(a) - rank(b))) out.file(n, await src.files[n]!.async('uint8array'));
    const reordered = await out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    for (const reader of ['thread', 'worker'] as const) {
      const r = await importLedger(l.db, { kind: 'movements', fileName: 'reordered.xlsx', data: reordered, dryRun: true }, { reader });
      expect(r.errors).toEqual([]);
      expect(r.sheets.map((s) => s.name)).toEqual(['一号库', 'WH02']);
      expect(r.rows.read).toBe(2);
    }
  });

  it('treats both legs of an exported transfer as one transfer, and refuses non-adjacent rows of one document', async () => {
    await l.call('movements.post', receipt({ lines: [{ itemCode: 'QUILT', batchNo: 'Q1', quantity: 100 }] }));
    const h: Cells = ['单号', '日期', '类型', '地点编码', '物资编码', '批次号', '数量', '来源/去向', '经办人'];
    const ok = await workbook({
      s: [h, ['DB9', '2026-05-02', '调拨出库', 'WH01', 'QUILT', 'Q1', 30, '海门储备点（ST-HM）', '李秀英'], ['DB9', '2026-05-02', '调拨入库', 'ST-HM', 'QUILT', 'Q1', 30, '一号库（WH01）', '李秀英']],
    });
    const r = await imp('movements', ok, { locationCode: 'WH01' });
    expect(r.errors).toEqual([]);
    expect(r.rows.imported).toBe(2);
    expect((await l.call('movements.document', { docNo: 'DB9' })).lines).toHaveLength(2);
    const split = await workbook({
      s: [h, ['A1', '2026-05-02', '发放', 'WH01', 'QUILT', 'Q1', 1, null, '李'], ['A2', '2026-05-02', '发放', 'WH01', 'QUILT', 'Q1', 1, null, '李'], ['A1', '2026-05-02', '发放', 'WH01', 'QUILT', 'Q1', 1, null, '李']],
    });
    const bad = await imp('movements', split);
    expect(bad.errors.some((e) => e.row === 4 && e.message.includes('应相邻'))).toBe(true);
  });
});

describe('stock (opening balances)', () => {
  it('creates unknown items, posts one receipt per location, and says where the stock came from', async () => {
    const data = await workbook({
      台账: [
        ['椒江区救灾物资库存台账'],
        ['填报单位：椒江区应急管理局'],
        ['序号', '仓库', '物资编码', '品名', '规格型号', '单位', '库存数量', '单价', '金额', '批次号', '生产日期', '保质期', '备注'],
        [1, '一号库', 'QUILT', '棉被', null, '条', '1,200条', 115, 138000, 'MB1', null, null, null],
        [2, '二号库', 'TENT', '帐篷', '12㎡', '顶', 80, 2300, 184000, null, null, null, '=危险'],
        [3, 'WH02', 'WATER', '瓶装饮用水', null, '箱', 300, 28.5, 8550, 'W1', '2025-05-01', '24个月', null],
        [null, '合计', null, null, null, null, 1580],
      ],
    });
    // An item the catalogue lacks is created only when the user allows it, and then listed.
    const refused = await imp('stock', data);
    expect(refused.errors).toEqual([expect.objectContaining({ sheet: '台账', row: 5, column: 'C', value: 'TENT', message: expect.stringContaining('--create-missing') })]);
    expect(counts(l.db).movements).toBe(0);
    const r = await imp('stock', data, { createMissing: true });
    expect(r.errors).toEqual([]);
    expect(r.created).toEqual({ items: 1, documents: 2, movements: 3 });
    expect(r.createdMaster).toEqual([{ kind: 'item', code: 'TENT', name: '帐篷', parent: null, implied: true, sheet: '台账', row: 5 }]);
    expect((await l.call('items.list', { search: '帐篷' }))[0]).toMatchObject({ code: 'TENT', unit: '顶', spec: '12㎡', unitPrice: 2300, category: 'other' });
    const journal = await l.call('movements.list', { limit: 10 });
    expect(journal.rows.every((m) => m.type === 'purchase' && m.basisDoc === '期初导入 stock.xlsx' && m.note!.startsWith('期初余额'))).toBe(true);
    const water = (await l.call('stock.query', { byBatch: true, itemCode: 'WATER' }))[0]!;
    expect(water).toMatchObject({ quantity: 300, productionDate: '2025-05-01', expiryDate: '2027-05-01', locationCode: 'WH02' });
  });

  it('refuses duplicates, expiry before production, a unit that is not the item\'s, and a 金额 that disagrees', async () => {
    const data = await workbook({
      台账: [
        ['存放地点', '物资编码', '物资名称', '单位', '数量', '单价', '金额', '批次号', '生产日期', '有效期至'],
        ['一号库', 'QUILT', '棉被', '条', 10, null, null, 'B1', null, null],
        ['一号库', 'QUILT', '棉被', '条', 5, null, null, 'B1', null, null],
        ['一号库', 'WATER', '瓶装饮用水', '箱', 5, null, null, 'W1', '2026-05-01', '2026-04-01'],
        ['一号库', 'RICE', '大米', 'kg', '12件', null, null, 'R1', null, null],
        ['一号库', 'QUILT', '棉被', '条', 2, 100, 300, 'B2', null, null],
        ['一号库', 'QUILT', '被子', '条', 2, null, null, 'B3', null, null],
      ],
    });
    const r = await imp('stock', data);
    const by = (row: number) => r.errors.find((e) => e.row === row)!;
    expect(by(3)).toMatchObject({ column: 'H', header: '批次号' });
    expect(by(3).message).toContain('与第 2 行重复');
    expect(by(4)).toMatchObject({ column: 'J', value: '2026-04-01' });
    expect(by(4).message).toContain('早于生产日期');
    expect(by(5).message).toContain('单位“件”');
    expect(by(6)).toMatchObject({ column: 'G', header: '金额' });
    expect(by(7)).toMatchObject({ column: 'C' });
    expect(counts(l.db).movements).toBe(0);
    expect((await l.call('items.list', {})).length).toBe(3);
  });
});

describe('codes, serial and phone numbers', () => {
  it('keeps them exactly, and refuses a value Excel turned into a float that lost digits', async () => {
    const h: Cells = ['单号', '日期', '类型', '存放地点', '物资编码', '数量', '捐赠方', '捐赠证书号', '经办人'];
    const good = await workbook({ s: [h, ['J1', '2026-05-01', '捐赠入库', '一号库', 'QUILT', 1, '某公司', 13812345678, '张']] });
    const r = await imp('movements', good);
    expect(r.errors).toEqual([]);
    expect((await l.call('movements.document', { docNo: 'J1' })).lines[0]!.donorCertNo).toBe('13812345678');
    const bad = await workbook({ s: [h, ['J2', '2026-05-01', '捐赠入库', '一号库', 'QUILT', 1, '某公司', 330102199001011234, '张'], ['J3', '2026-05-01', '捐赠入库', '一号库', 'QUILT', 1, '某公司', '1.38E+10', '张']] });
    const r2 = await imp('movements', bad);
    expect(r2.errors.map((e) => [e.row, e.column])).toEqual([[2, 'H'], [3, 'H']]);
    expect(r2.errors[1]!.message).toMatch(/丢失了位数.*lost digits/);
  });
});

describe('dry run, re-import, all or nothing', () => {
  const data = () => workbook({ s: [['日期', '类型', '存放地点', '物资编码', '数量', '经办人'], ['2026-05-01', '采购入库', '一号库', 'QUILT', 10, '张']] });

  it('a dry run says what would be imported and writes nothing', async () => {
    const r = await imp('movements', await data(), { dryRun: true });
    expect(r).toMatchObject({ ok: true, dryRun: true, committed: false, rows: { read: 1, imported: 1 }, created: { movements: 1 } });
    expect(counts(l.db).movements).toBe(0);
  });

  it('refuses the same file twice unless forced', async () => {
    const d = await data();
    expect((await imp('movements', d)).committed).toBe(true);
    await expect(imp('movements', d)).rejects.toMatchObject({ code: 'ledgers.alreadyImported' });
    expect((await imp('movements', d, { dryRun: true })).alreadyImported).toMatchObject({ fileName: 'movements.xlsx' });
    expect((await imp('movements', d, { force: true })).committed).toBe(true);
    expect(counts(l.db).movements).toBe(2);
  });

  it('one bad row among many: nothing is written', async () => {
    const rows: Cells[] = [['日期', '类型', '存放地点', '物资编码', '数量', '经办人']];
    for (let i = 0; i < 500; i++) rows.push(['2026-05-01', '采购入库', '一号库', 'QUILT', 1, '张']);
    rows.push(['2026-05-01', '采购入库', '一号库', 'QUILT', 1.5, '张']);
    const r = await imp('movements', await workbook({ s: rows }));
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ row: 502, column: 'E' });
    expect(counts(l.db).movements).toBe(0);
  });
});

describe('the error workbook', () => {
  it('is the user\'s own file with 错误说明 at the end of the header row and the bad cells marked', async () => {
    const data = await workbook({ 明细: [...title, mvHeader, [1, 'X1', '2026-05-01', '采购入库', '三号库', 'QUILT', 'Q', null, -1, null, null, '张']] });
    const r = await imp('movements', data);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.errorWorkbook!, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('明细')!;
    expect(ws.getCell('A1').value).toBe('椒江区救灾物资出入库明细');
    expect(ws.getCell('M3').value).toBe('错误说明');
    expect(String(ws.getCell('M4').value)).toMatch(/E列：找不到存放地点.*\nI列：数量不能为负/s);
    expect(ws.getCell('E4').fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(String(ws.getCell('I4').note)).toContain('不能为负');
  });

  it('for a CSV is an .xlsx of its rows, text kept as text', async () => {
    const csv = '物资编码,数量,存放地点,日期,类型,经办人\r\n00123,1,一号库,2026-05-01,采购入库,张\r\n';
    const r = await l.call('ledgers.import', { kind: 'movements', fileName: 'm.csv', data: Buffer.from(csv).toString('base64') });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.errorWorkbook!, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('m')!;
    expect(ws.getCell('A2').value).toBe('00123');
    expect(ws.getCell('G1').value).toBe('错误说明');
    expect(String(ws.getCell('G2').value)).toContain('没有编码为“00123”的物资');
  });
});

describe('CSV', () => {
  const text = '日期,类型,存放地点,物资编码,数量,经办人,备注\r\n2026/5/1,采购入库,一号库,QUILT,"1,200",张建国,"含""引号"",与逗号"\r\n';

  it('reads UTF-8 with and without a BOM, GBK and UTF-16 alike', async () => {
    const variants: [string, Buffer][] = [
      ['utf8', Buffer.from(text)],
      ['bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
      ['gbk', iconv.encode(text, 'gbk')],
      ['gb18030', iconv.encode(text, 'gb18030')],
      ['utf16', iconv.encode(text.replace(/,/g, '\t').replace(/"1\t200"/, '1200').replace('"含""引号""\t与逗号"', '"含""引号"",与逗号"'), 'utf16-le', { addBOM: true })],
    ];
    for (const [name, bytes] of variants) {
      const r = await l.call('ledgers.import', { kind: 'movements', fileName: `${name}.csv`, data: bytes.toString('base64'), dryRun: true });
      expect(r.errors, name).toEqual([]);
      expect(r.rows.imported, name).toBe(1);
    }
    const inspect = await l.call('ledgers.inspect', { kind: 'movements', fileName: 'gbk.csv', data: iconv.encode(text, 'gbk').toString('base64') });
    expect(inspect).toMatchObject({ format: 'csv', encoding: 'gb18030' });
    expect(inspect.sheets[0]!.preview[0]!.cells).toMatchObject({ B: '采购入库', G: '含"引号",与逗号' });
    await l.call('ledgers.import', { kind: 'movements', fileName: 'gbk.csv', data: iconv.encode(text, 'gbk').toString('base64') });
    const m = (await l.call('movements.list', {})).rows[0]!;
    expect(m).toMatchObject({ quantity: 1200, note: '含"引号",与逗号', date: '2026-05-01' });
  });
});

describe('inspect', () => {
  it('shows sheets, the header found, the mapping with confidence, and a preview', async () => {
    const data = await workbook({ 明细: [...title, mvHeader, [1, 'RK1', '2026.5.1', '采购入库', '一号库', 'QUILT', 'Q1', null, 5, null, null, '张']] });
    const r = await l.call('ledgers.inspect', { kind: 'movements', fileName: 'm.xlsx', data });
    expect(r.format).toBe('xlsx');
    const s = r.sheets[0]!;
    expect(s).toMatchObject({ name: '明细', headerRow: 3, headerRows: 1, dataRows: 1, missing: [] });
    expect(s.columns.find((c) => c.column === 'B')).toMatchObject({ header: '单号', field: 'docNo', confidence: 1 });
    expect(s.preview).toEqual([{ row: 4, cells: expect.objectContaining({ B: 'RK1', C: '2026.5.1', I: '5' }) }]);
    const fixed = await l.call('ledgers.inspect', { kind: 'movements', fileName: 'm.xlsx', data, mapping: { J: 'note' } });
    expect(fixed.sheets[0]!.columns.find((c) => c.column === 'J')).toMatchObject({ field: 'note', confidence: 0 });
    await expect(l.call('ledgers.inspect', { kind: 'movements', fileName: 'm.xlsx', data, mapping: { J: 'nonsense' } })).rejects.toMatchObject({ code: 'ledgers.unknownField' });
  });
});

describe('reading on a worker thread', () => {
  it('gives the same report as reading on this thread', async () => {
    const data = await workbook({ 明细: [...title, mvHeader, [1, 'RK1', '2026.5.1', '采购入库', '一号库', 'QUILT', 'Q1', null, 5, null, null, '张']] });
    const bytes = Buffer.from(data, 'base64');
    const a = await importLedger(l.db, { kind: 'movements', fileName: 'a.xlsx', data: bytes, dryRun: true }, { reader: 'thread' });
    const b = await importLedger(l.db, { kind: 'movements', fileName: 'a.xlsx', data: bytes, dryRun: true }, { reader: 'worker' });
    expect(a).toEqual(b);
    expect(a.ok).toBe(true);
  });
});
