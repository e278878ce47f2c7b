// The reader itself: what each kind of cell becomes, CSV line endings, and the limits that keep a hostile file from
// taking the process down — a zip bomb that lies about its sizes, a workbook of millions of tiny shared strings, a
// reader that runs out of memory on its worker thread.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerError } from '../../src/common/errors.js';
import { importLedger } from '../../src/ledgers/import.js';
import { openSource } from '../../src/ledgers/read/open.js';
import { collectSheets } from '../../src/ledgers/read/source.js';
import { counts, seeded, type TempLedger } from './fixture.js';
import { cellAt, readWorkbook } from './read-workbook.js';
import { workbookParts, zipParts } from './zip-parts.js';

let l: TempLedger;
beforeEach(async () => {
  l = await seeded();
});
afterEach(() => l.close());

const day = (iso: string) => ({ d: Date.parse(`${iso}T00:00:00Z`) });

async function refusal(p: Promise<unknown>): Promise<LedgerError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(LedgerError);
  return e as LedgerError;
}

describe('cells as the user sees them', () => {
  it('numbers, text, booleans, error values, formulas with and without a cached value, t="d" dates and date formats', async () => {
    const sheet = [
      '<row r="1"><c r="A1"><v>12.5</v></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="e"><v>#N/A</v></c><c r="D1" t="str"><f>A1&amp;"件"</f><v>12.5件</v></c>',
      '<c r="E1"><f>SUM(X1:X9)</f></c><c r="F1" t="d"><v>2024-03-01T00:00:00Z</v></c><c r="G1" s="1"><v>45352</v></c><c r="H1" s="2"><v>45352.75</v></c>',
      '<c r="I1" s="3"><v>7</v></c><c r="J1" s="4"><v>45352</v></c><c r="K1" t="inlineStr"><is><t xml:space="preserve"> 带空格 </t></is></c><c r="L1" t="s"><v>0</v></c></row>',
      // A row without r follows row 1; its cells without r follow each other from A.
      '<row><c t="inlineStr"><is><t>A2</t></is></c><c t="inlineStr"><is><t>B2</t></is></c></row>',
    ].join('');
    const styles =
      '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="0000"/><numFmt numFmtId="166" formatCode="#,##0.00&quot;元&quot;"/></numFmts><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="22"/><xf numFmtId="165"/><xf numFmtId="166"/></cellXfs></styleSheet>';
    const strings = '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>海门</t></r><r><rPr><b/></rPr><t>街道</t></r><rPh sb="0" eb="2"><t>かいもん</t></rPh><phoneticPr fontId="1"/></si></sst>';
    const parts = workbookParts(sheet, strings);
    parts['xl/styles.xml'] = styles;
    parts['xl/_rels/workbook.xml.rels'] = String(parts['xl/_rels/workbook.xml.rels']).replace('</Relationships>', '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>');
    const [ws] = await readWorkbook(zipParts(parts));
    expect(ws!.rows).toEqual([
      { row: 1, cells: [12.5, true, { e: '#N/A' }, '12.5件', { f: 'SUM(X1:X9)' }, day('2024-03-01'), day('2024-03-01'), { d: Date.parse('2024-03-01T18:00:00Z') }, '0007', 45352, ' 带空格 ', '海门街道'] },
      { row: 2, cells: ['A2', 'B2'] },
    ]);
  });

  it('a 1904 workbook counts its serials from 1904-01-01', async () => {
    const parts = workbookParts('<row r="1"><c r="A1" s="1"><v>43951</v></c></row>');
    parts['xl/workbook.xml'] = String(parts['xl/workbook.xml']).replace('<sheets>', '<workbookPr date1904="true"/><sheets>');
    parts['xl/styles.xml'] = '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>';
    parts['xl/_rels/workbook.xml.rels'] = String(parts['xl/_rels/workbook.xml.rels']).replace('</Relationships>', '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/></Relationships>');
    const opened = await openSource(zipParts(parts), 'mac.xlsx');
    expect(opened.source.date1904).toBe(true);
    expect(collectSheets(opened.source)[0]!.rows[0]!.cells).toEqual([day('2024-05-01')]);
  });

  it('an .xls whose shared strings run over CONTINUE records reads as its .xlsx does (LibreOffice\'s BIFF8 of exceljs\'s file)', async () => {
    const dir = path.resolve('tests/fixtures/formats');
    const xlsx = await readWorkbook(fs.readFileSync(path.join(dir, 'excel-many-strings.xlsx')), 'a.xlsx');
    const xls = await readWorkbook(fs.readFileSync(path.join(dir, 'libreoffice-many-strings.xls')), 'a.xls');
    expect(xls).toEqual(xlsx);
    expect(xls[0]!.rows).toHaveLength(601);
    expect(xls[0]!.rows[600]).toEqual({ row: 601, cells: [600, '救灾物资第600号（甲类）', null, 900] });
    expect(cellAt(xls[0]!, 'C600')).toBe('备注4193');
  });

  it('a big file read on a worker thread gives the same sheets and rows as on this thread', async () => {
    for (const file of ['tests/fixtures/formats/excel-stock.xlsx', 'tests/fixtures/formats/sheetjs-stock.xls', 'tests/fixtures/ledgers/wps-stock-gbk.csv']) {
      const data = fs.readFileSync(file);
      const here = await openSource(data, file, { reader: 'thread' });
      const there = await openSource(data, file, { reader: 'worker' });
      expect(there.encoding).toBe(here.encoding);
      expect(collectSheets(there.source), file).toEqual(collectSheets(here.source));
    }
  });
});

describe('CSV', () => {
  it('reads every row whatever the line endings: CR, LF, CRLF, mixed, and line breaks inside quotes', async () => {
    const text = '日期,类型,存放地点,物资编码,数量,经办人,备注\r\n2026-05-01,采购入库,一号库,QUILT,1,张\n2026-05-02,采购入库,一号库,QUILT,2,张\r2026-05-03,采购入库,一号库,QUILT,3,张,"两行\r\n备注"\r\n';
    const r = await l.call('ledgers.import', { kind: 'movements', fileName: 'mixed.csv', data: Buffer.from(text).toString('base64') });
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual({ read: 3, imported: 3, skipped: 0 });
    const rows = (await readWorkbook(Buffer.from(text), 'mixed.csv'))[0]!.rows;
    expect(rows.map((x) => x.row)).toEqual([1, 2, 3, 4]);
    expect(rows[3]!.cells[6]).toBe('两行\r\n备注');
  });

  it('an empty file is refused as empty, as the CLI says it (exit 2)', async () => {
    await expect(openSource(new Uint8Array(0), 'empty.csv')).rejects.toMatchObject({ code: 'ledgers.file.empty', zh: '文件 empty.csv 是空的', en: 'File empty.csv is empty' });
    await expect(importLedger(l.db, { kind: 'stock', fileName: 'empty.csv', data: new Uint8Array(0) })).rejects.toMatchObject({ code: 'ledgers.file.empty' });
  });
});

describe('bounded resources', () => {
  it('a workbook of millions of tiny shared strings (4.8 MB) is refused, and the process lives on', async () => {
    // Two-character strings from a small alphabet: little to compress, so the file is small for its count.
    const n = 3_700_000;
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
    const parts: string[] = [];
    let seed = 17;
    for (let i = 0; i < n; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      parts.push(`<si><t>${alphabet[seed % 36]}${alphabet[(seed >> 8) % 36]}</t></si>`);
    }
    const sst = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${parts.join('')}</sst>`;
    const data = zipParts(workbookParts('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', sst), { level: 9 });
    expect(data.length).toBeGreaterThan(4.5 * 1024 * 1024);
    expect(data.length).toBeLessThan(5.5 * 1024 * 1024);
    const before = counts(l.db);
    const t0 = Date.now();
    const e = await refusal(l.call('ledgers.import', { kind: 'movements', fileName: 'strings.xlsx', data: data.toString('base64') }));
    expect(e.code).toBe('ledgers.file.limit.sharedStrings');
    expect(e.zh).toContain('strings.xlsx');
    expect(e.zh).toContain('2,000,000');
    expect(Date.now() - t0).toBeLessThan(60_000);
    expect(counts(l.db)).toEqual(before);
    expect((await l.call('items.list', {})).length).toBe(3);
  }, 120_000);

  it('a zip bomb that declares small parts is refused by the bytes it inflates to, not by what it declares', async () => {
    const rows = '<row><c t="inlineStr"><is><t>x</t></is></c></row>'.repeat(400_000);
    const bomb = zipParts(workbookParts(rows), { declare: () => 1000, level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    for (const reader of ['thread', 'worker'] as const) {
      const e = await refusal(openSource(bomb, 'bomb.xlsx', { reader, limits: { partBytes: 8 * 1024 * 1024 } }).then((o) => collectSheets(o.source)));
      expect(e.code, reader).toBe('ledgers.file.limit.part');
      expect(e.zh).toContain('xl/worksheets/sheet1.xml');
      expect(e.en).toContain('more than 8 MB');
    }
  });

  it('cells and rows beyond their limits are refused naming the limit (and the sheet)', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const data = zipParts(workbookParts(rows));
    const cells = await refusal(openSource(data, 'a.xlsx', { limits: { cells: 2500 } }).then((o) => collectSheets(o.source)));
    expect(cells).toMatchObject({ code: 'ledgers.file.limit.cells', en: expect.stringContaining('more than 2,500 cells') });
    const tall = await refusal(openSource(data, 'a.xlsx', { limits: { rowsPerSheet: 2000 } }).then((o) => collectSheets(o.source)));
    expect(tall).toMatchObject({ code: 'ledgers.file.limit.rows', zh: expect.stringContaining('工作表“表”超过 2,000 行') });
  });

  it('a reader that runs out of memory on its worker is a refusal of the file, not a crash', async () => {
    // A web page's table, which SheetJS holds whole: far more than a worker with 24 MB can.
    const cells = Array.from({ length: 40_000 }, (_, i) => `<tr><td>${i}</td><td>物资${i}</td><td>${i * 1.5}</td><td>备注${i % 13}</td></tr>`);
    const page = Buffer.from(`<html><body><table>${cells.join('')}</table></body></html>`);
    const e = await refusal(openSource(page, 'big.xls', { reader: 'worker', workerHeapMb: 24 }).then((o) => collectSheets(o.source)));
    expect(e).toMatchObject({ code: 'ledgers.file.readerMemory', zh: expect.stringContaining('big.xls') });
    // A small file reads in the same worker memory, and the big one with the worker's real memory.
    const small = await openSource(fs.readFileSync(path.resolve('tests/fixtures/formats/web-stock-gbk.xls')), 'small.xls', { reader: 'worker', workerHeapMb: 24 });
    expect(collectSheets(small.source)[0]!.rows).toHaveLength(7);
    const sheet = collectSheets((await openSource(page, 'big.xls', { reader: 'worker' })).source)[0]!;
    expect(sheet.rows).toHaveLength(40_000);
    expect(cellAt(sheet, 'B40000')).toBe('物资39999');
  }, 120_000);
});

describe('files that are not workbooks', () => {
  it('a zip that is not a workbook, and an OpenDocument text, are refused as such', async () => {
    const odt = zipParts({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<office:document-content/>' });
    await expect(openSource(odt, 'a.odt')).rejects.toMatchObject({ code: 'ledgers.file.notWorkbook' });
    await expect(openSource(zipParts({ 'word/document.xml': '<w:document/>' }), 'a.docx')).rejects.toMatchObject({ code: 'ledgers.file.notWorkbook' });
    await expect(openSource(fs.readFileSync(path.resolve('tests/fixtures/formats/excel-stock.xlsx')).subarray(0, 3000), 'cut.xlsx')).rejects.toMatchObject({
      code: 'ledgers.file.damaged',
    });
  });
});

describe('damaged legacy workbooks', () => {
  it('a cut or flipped .xls ends in a clear refusal or a reading, never a crash or a hang', async () => {
    const good = fs.readFileSync(path.resolve('tests/fixtures/formats/sheetjs-stock.xls'));
    let seed = 11;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const outcomes = new Set<string>();
    const variants: Buffer[] = [100, 600, 1500, good.length - 700].map((n) => good.subarray(0, n));
    for (let i = 0; i < 24; i++) {
      const bad = Buffer.from(good);
      for (let k = 0; k < 6; k++) {
        const at = 512 + Math.floor(rnd() * (bad.length - 512));
        bad[at] = bad[at]! ^ (1 + Math.floor(rnd() * 254));
      }
      variants.push(bad);
    }
    for (const data of variants) {
      try {
        collectSheets((await openSource(data, 'x.xls', { reader: 'thread' })).source);
        outcomes.add('read');
      } catch (e) {
        expect(e).toBeInstanceOf(LedgerError);
        outcomes.add((e as LedgerError).code);
      }
    }
    expect([...outcomes].every((o) => ['read', 'ledgers.file.damaged', 'ledgers.file.noSheets', 'ledgers.file.notWorkbook'].includes(o)), [...outcomes].join()).toBe(true);
    expect(outcomes.has('ledgers.file.damaged')).toBe(true);
  });
});
