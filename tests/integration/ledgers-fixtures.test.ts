// Workbooks other programs wrote, kept as small files (tests/fixtures/ledgers, made once by make-fixtures.ts):
// LibreOffice's .xlsx with a two-level merged header and one sheet per warehouse, its CSV, the same CSV as WPS
// saves it in GBK, LibreOffice's legacy .xls and a web system's HTML "xls" (more writers: ledgers-formats.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seeded, type TempLedger } from './fixture.js';

const fixture = (name: string) => fs.readFileSync(path.resolve('tests/fixtures/ledgers', name)).toString('base64');

let l: TempLedger;
beforeEach(async () => {
  l = await seeded();
});
afterEach(() => l.close());

describe('LibreOffice .xlsx', () => {
  it('reads the bureau\'s stock ledger: title, 填报 row, two-level header, a sheet per warehouse, totals and notes', async () => {
    const r = await l.call('ledgers.import', { kind: 'stock', fileName: 'lo-stock.xlsx', data: fixture('lo-stock.xlsx'), createMissing: true });
    expect(r.errors).toEqual([]);
    expect(r.createdMaster.map((c) => [c.kind, c.code, c.sheet, c.row])).toEqual([['item', 'TENT', '一号库', 7]]);
    expect(r.sheets).toEqual([
      { name: '一号库', headerRow: 4, rows: { read: 6, imported: 3, skipped: 3 } },
      { name: 'WH02', headerRow: 4, rows: { read: 2, imported: 2, skipped: 0 } },
    ]);
    expect(r.created).toEqual({ items: 1, documents: 2, movements: 5 });
    const stock = await l.call('stock.query', { byBatch: true });
    const row = (loc: string, item: string) => stock.find((s) => s.locationCode === loc && s.itemCode === item)!;
    expect(row('WH01', 'QUILT')).toMatchObject({ quantity: 1200, batchNo: 'MB2024', productionDate: '2024-03-01' });
    expect(row('WH01', 'WATER')).toMatchObject({ quantity: 1500, productionDate: '2025-05-01', expiryDate: '2026-10-23' });
    expect(row('WH01', 'TENT')).toMatchObject({ quantity: 80, batchNo: '' });
    expect(row('WH02', 'RICE')).toMatchObject({ quantity: 1250.5, productionDate: '2025-09-01', expiryDate: '2026-09-01' });
    expect(row('WH02', 'WATER')).toMatchObject({ quantity: 300, productionDate: '2025-05-01', expiryDate: '2026-10-23' });
    expect((await l.call('items.list', { search: 'TENT' }))[0]).toMatchObject({ name: '帐篷', unit: '顶', spec: '12㎡', unitPrice: 2300 });
  });

  it('the inspection shows the merged header as the user sees it', async () => {
    const r = await l.call('ledgers.inspect', { kind: 'stock', fileName: 'lo-stock.xlsx', data: fixture('lo-stock.xlsx') });
    const s = r.sheets[0]!;
    // 序号 … 计量单位 are merged down rows 3–4, so row 4 names every column itself; 库存情况/批次信息 group the rest.
    expect(s).toMatchObject({ name: '一号库', headerRow: 4, headerRows: 1, location: { code: 'WH01', name: '一号库' }, missing: [] });
    expect(s.columns.map((c) => c.field)).toEqual(['seq', 'itemCode', 'itemName', 'spec', 'unit', 'quantity', 'unitPrice', 'amount', 'batch', 'productionDate', 'expiry']);
  });
});

describe('CSV written by LibreOffice (UTF-8) and by WPS (GBK)', () => {
  it('both read as the first sheet, with the location chosen for the import', async () => {
    for (const name of ['lo-stock-utf8.csv', 'wps-stock-gbk.csv']) {
      const r = await l.call('ledgers.import', { kind: 'stock', fileName: name, data: fixture(name), locationCode: 'WH01', dryRun: true, createMissing: true });
      expect(r.errors, name).toEqual([]);
      expect(r.rows, name).toEqual({ read: 6, imported: 3, skipped: 3 });
      expect(r.created, name).toEqual({ items: 1, documents: 1, movements: 3 });
    }
    const insp = await l.call('ledgers.inspect', { kind: 'stock', fileName: 'wps-stock-gbk.csv', data: fixture('wps-stock-gbk.csv') });
    expect(insp.encoding).toBe('gb18030');
    expect(insp.sheets[0]!.preview[1]!.cells).toMatchObject({ C: '瓶装饮用水', F: '1,500', K: '2026年10月23日' });
  });
});

describe('a legacy .xls and a web system\'s HTML "xls"', () => {
  it('are read as they are: LibreOffice\'s .xls like its .xlsx, the web page\'s table as text', async () => {
    const xls = await l.call('ledgers.import', { kind: 'stock', fileName: 'lo-legacy.xls', data: fixture('lo-legacy.xls'), createMissing: true });
    expect(xls).toMatchObject({ format: 'xls', ok: true, errors: [] });
    expect(xls.sheets).toEqual([
      { name: '一号库', headerRow: 4, rows: { read: 6, imported: 3, skipped: 3 } },
      { name: 'WH02', headerRow: 4, rows: { read: 2, imported: 2, skipped: 0 } },
    ]);
    const web = await l.call('ledgers.import', { kind: 'stock', fileName: 'web-export.xls', data: fixture('web-export.xls'), locationCode: 'ST-HM' });
    expect(web).toMatchObject({ format: 'html', ok: true, rows: { read: 1, imported: 1, skipped: 0 } });
    const stock = await l.call('stock.query', { byBatch: true });
    expect(stock.find((s) => s.locationCode === 'WH02' && s.itemCode === 'RICE')).toMatchObject({ quantity: 1250.5, productionDate: '2025-09-01', expiryDate: '2026-09-01' });
    expect(stock.find((s) => s.locationCode === 'ST-HM' && s.itemCode === 'QUILT')).toMatchObject({ quantity: 10 });
    // What a file is comes from its bytes, not its name.
    const renamed = await l.call('ledgers.inspect', { kind: 'stock', fileName: 'renamed.xlsx', data: fixture('lo-legacy.xls') });
    expect(renamed).toMatchObject({ format: 'xls', sheets: [{ name: '一号库', headerRow: 4 }, { name: 'WH02', headerRow: 4 }] });
  });
});
