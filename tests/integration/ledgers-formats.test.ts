// Every workbook a Chinese office produces, through the contract into a real ledger: the same stock ledger as
// exceljs, openpyxl, LibreOffice (.xlsx, .ods, BIFF8 saved as WPS .et), SheetJS (BIFF8, BIFF5 in GBK, Excel 2003
// XML) and a web system (an HTML table in GBK) write it, and two hand-made files of what unusual writers do
// (tests/fixtures/formats, made by make-fixtures.ts); an area list whose street is merged down its villages.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerFileFormat } from '../../src/api/contract.ledgers.js';
import { counts, seeded, type TempLedger } from './fixture.js';
import { cellAt, readWorkbook, sheetNamed } from './read-workbook.js';

const dir = path.resolve('tests/fixtures/formats');
const fixture = (name: string) => fs.readFileSync(path.join(dir, name)).toString('base64');

let l: TempLedger;
beforeEach(async () => {
  l = await seeded();
});
afterEach(() => l.close());

const ledgerSheet = { name: '一号库', headerRow: 3, rows: { read: 4, imported: 4, skipped: 0 } };
/** Sheets without a header (openpyxl's Sheet1 with a note, an empty Sheet2) are listed and left alone. */
const noHeader = (name: string) => ({ name, headerRow: null, rows: { read: 0, imported: 0, skipped: 0 } });

const stockFiles: { file: string; format: LedgerFileFormat; sheets: unknown[]; location?: string }[] = [
  { file: 'excel-stock.xlsx', format: 'xlsx', sheets: [ledgerSheet] },
  { file: 'openpyxl-stock.xlsx', format: 'xlsx', sheets: [noHeader('Sheet1'), noHeader('Sheet2'), ledgerSheet] },
  { file: 'openpyxl-iso-dates.xlsx', format: 'xlsx', sheets: [noHeader('Sheet1'), noHeader('Sheet2'), ledgerSheet] },
  { file: 'libreoffice-stock.xlsx', format: 'xlsx', sheets: [ledgerSheet] },
  { file: 'libreoffice-stock.ods', format: 'ods', sheets: [ledgerSheet] },
  { file: 'wps-stock.et', format: 'et', sheets: [ledgerSheet] },
  { file: 'sheetjs-stock.xls', format: 'xls', sheets: [ledgerSheet] },
  { file: 'sheetjs-biff5.xls', format: 'xls', sheets: [ledgerSheet] },
  { file: 'sheetjs-2003.xls', format: 'xml', sheets: [ledgerSheet] },
  { file: 'web-stock-gbk.xls', format: 'html', sheets: [{ ...ledgerSheet, name: 'Sheet1' }], location: 'WH01' },
  { file: 'handmade-minimal.xlsx', format: 'xlsx', sheets: [ledgerSheet] },
  { file: 'handmade-prefixed.xlsx', format: 'xlsx', sheets: [ledgerSheet] },
];

describe('the stock ledger, from every program that writes one', () => {
  for (const { file, format, sheets, location } of stockFiles) {
    it(`${file}: real sheet names, exact quantities, dates, zero-padded codes and 12-digit batch numbers`, async () => {
      const r = await l.call('ledgers.import', { kind: 'stock', fileName: file, data: fixture(file), locationCode: location, createMissing: true });
      expect(r.errors).toEqual([]);
      expect(r).toMatchObject({ format, ok: true, committed: true, created: { items: 2, documents: 1, movements: 4 } });
      expect(r.sheets).toEqual(sheets);
      const stock = await l.call('stock.query', { locationCode: 'WH01', byBatch: true });
      const lines = stock.map((s) => [s.itemCode, s.quantity, s.batchNo, s.productionDate]).sort();
      expect(lines).toEqual([
        ['000123', 120, '202405010001', '2024-05-01'],
        ['000456', 36, '202312200003', '2023-12-20'],
        ['QUILT', 1200, '202403150002', '2024-03-15'],
        ['WATER', 1500, '202501100004', '2025-01-10'],
      ]);
      expect((await l.call('items.list', { search: '000123' }))[0]).toMatchObject({ code: '000123', name: '折叠床', unit: '张' });
    });
  }

  it('the hidden 填表说明 sheet is not imported, its example row with it', async () => {
    const r = await l.call('ledgers.inspect', { kind: 'stock', fileName: 'excel-stock.xlsx', data: fixture('excel-stock.xlsx') });
    expect(r.sheets.map((s) => s.name)).toEqual(['一号库']);
    const hidden = await l.call('ledgers.inspect', { kind: 'stock', fileName: 'excel-stock.xlsx', data: fixture('excel-stock.xlsx'), sheet: '填表说明' });
    expect(hidden.sheets.map((s) => [s.name, s.dataRows])).toEqual([['填表说明', 1]]);
  });
});

describe('a bad cell is named as the user sees it: the real sheet, the row Excel shows, the column letter', () => {
  const bad = [
    { file: 'openpyxl-stock-bad.xlsx', sheet: '一号库', sheets: ['Sheet1', 'Sheet2', '一号库'] },
    { file: 'sheetjs-stock-bad.xls', sheet: '一号库', sheets: ['一号库'] },
    { file: 'web-stock-gbk-bad.xls', sheet: 'Sheet1', sheets: ['Sheet1'], location: 'WH01' },
  ];
  for (const { file, sheet, sheets, location } of bad) {
    it(`${file}: the error, and the error workbook rebuilt from what was read`, async () => {
      const before = counts(l.db);
      const r = await l.call('ledgers.import', { kind: 'stock', fileName: file, data: fixture(file), locationCode: location, createMissing: true });
      expect(r).toMatchObject({ ok: false, committed: false });
      expect(r.errors).toEqual([{ sheet, row: 5, column: 'H', header: '数量', value: '一千二', message: expect.stringContaining('“一千二”不是有效的数字') }]);
      expect(counts(l.db)).toEqual(before);
      const book = await readWorkbook(r.errorWorkbook!);
      expect(book.map((s) => s.name)).toEqual(sheets);
      const ws = sheetNamed(book, sheet);
      expect(cellAt(ws, 'A1')).toBe('椒江区救灾物资库存台账');
      expect(cellAt(ws, 'C4')).toBe('折叠床');
      expect(cellAt(ws, 'B4')).toBe('000123');
      expect(cellAt(ws, 'J3')).toBe('错误说明');
      expect(String(cellAt(ws, 'J5'))).toMatch(/^H列：“一千二”不是有效的数字/);
      expect(cellAt(ws, 'J4')).toBeNull();
    });
  }
});

describe('the area list with its street merged down its villages', () => {
  const files: { file: string; format: LedgerFileFormat; sheet: string }[] = [
    { file: 'excel-areas.xlsx', format: 'xlsx', sheet: '区划' },
    { file: 'libreoffice-areas.xlsx', format: 'xlsx', sheet: '区划' },
    { file: 'libreoffice-areas.ods', format: 'ods', sheet: '区划' },
    { file: 'sheetjs-areas.xls', format: 'xls', sheet: '区划' },
    { file: 'web-areas.xls', format: 'html', sheet: 'Sheet1' },
  ];
  for (const { file, format, sheet } of files) {
    it(`${file}: every village under 海门街道, its 12-digit code exact`, async () => {
      const r = await l.call('ledgers.import', { kind: 'areas', fileName: file, data: fixture(file) });
      expect(r.errors).toEqual([]);
      expect(r).toMatchObject({ format, ok: true, sheets: [{ name: sheet, headerRow: 2, rows: { read: 4, imported: 4, skipped: 0 } }] });
      const villages = (await l.call('areas.list', {})).filter((a) => /^HM00[2-5]$/.test(a.code));
      expect(villages.map((a) => [a.code, a.name, a.level, a.parentCode, a.adminCode])).toEqual([
        ['HM002', '西山村', 'village', 'HM', '331002001002'],
        ['HM003', '南山社区', 'village', 'HM', '331002001003'],
        ['HM004', '北山村', 'village', 'HM', '331002001004'],
        ['HM005', '中山社区', 'village', 'HM', '331002001005'],
      ]);
    });
  }

  it('a merge across a row stays where it is: the title is in A1 only', async () => {
    for (const file of ['excel-areas.xlsx', 'sheetjs-areas.xls', 'libreoffice-areas.ods', 'web-areas.xls']) {
      const ws = (await readWorkbook(fs.readFileSync(path.join(dir, file)), file))[0]!;
      expect(ws.rows[0], file).toEqual({ row: 1, cells: ['海门街道村(社区)区划表'] });
      expect(cellAt(ws, 'A6'), file).toBe('海门街道');
    }
  });
});
