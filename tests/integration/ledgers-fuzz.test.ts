// Broken and hostile input ends in a clear error (a LedgerError with a message, or a report of row errors) and an
// unchanged database: truncated zips, flipped bytes, random bytes, the wrong kind of ledger, huge cells, random cells.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LedgerError } from '../../src/common/errors.js';
import { importLedger } from '../../src/ledgers/import.js';
import { counts, receipt, seeded, type TempLedger } from './fixture.js';

let l: TempLedger;
let good: Buffer;
beforeAll(async () => {
  l = await seeded();
  await l.call('movements.post', receipt({ lines: [{ itemCode: 'QUILT', batchNo: 'Q1', quantity: 100 }] }));
  good = Buffer.from((await l.call('ledgers.export', { kind: 'movements' })).data, 'base64');
});
afterAll(() => l.close());

/** Runs an import; it may refuse with a LedgerError or report errors, and must leave the ledger as it was. */
async function survives(data: Uint8Array, fileName = 'x.xlsx', reader: 'worker' | 'thread' = 'thread'): Promise<string> {
  const before = counts(l.db);
  let outcome: string;
  try {
    const r = await importLedger(l.db, { kind: 'movements', fileName, data, force: true, errorWorkbook: false }, { reader });
    outcome = r.ok ? 'ok' : 'errors';
    if (r.ok) {
      // A harmless change (a flipped byte inside a string) can still import: then it was the whole file.
      expect(r.committed).toBe(true);
      return outcome;
    }
    for (const e of r.errors) expect(e.message).toMatch(/\(.+\)$/);
  } catch (e) {
    expect(e).toBeInstanceOf(LedgerError);
    expect((e as LedgerError).code).toMatch(/^ledgers\./);
    outcome = (e as LedgerError).code;
  }
  expect(counts(l.db)).toEqual(before);
  return outcome;
}

describe('damaged files', () => {
  it('a truncated download is refused as damaged', async () => {
    for (const n of [10, 100, 1000, good.length >> 1, good.length - 30, good.length - 1]) {
      expect(await survives(good.subarray(0, n)), `cut at ${n}`).toBe('ledgers.file.damaged');
    }
  });

  it('flipped bytes inside the zip end in a clear refusal or a report, never a crash', async () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const outcomes = new Set<string>();
    for (let i = 0; i < 16; i++) {
      const bad = Buffer.from(good);
      for (let k = 0; k < 4; k++) {
        const at = 30 + Math.floor(rnd() * (bad.length - 200));
        bad[at] = bad[at]! ^ (1 + Math.floor(rnd() * 254));
      }
      // Most on this thread; some on the worker, whose damaged reads end in the same refusal.
      outcomes.add(await survives(bad, 'x.xlsx', i % 4 === 0 ? 'worker' : 'thread'));
    }
    expect([...outcomes].every((o) => ['ok', 'errors', 'ledgers.file.damaged', 'ledgers.file.noSheets', 'ledgers.file.notWorkbook'].includes(o))).toBe(true);
  }, 180_000);

  it('random bytes, an empty file, a zip that is not a workbook', async () => {
    const random = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256));
    expect(await survives(random, 'x.xlsx')).toBe('ledgers.file.notWorkbook');
    expect(await survives(random, 'x.csv')).toBe('ledgers.file.notWorkbook');
    expect(await survives(new Uint8Array(0))).toBe('ledgers.file.empty');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('a');
    const zip = Buffer.from(await wb.xlsx.writeBuffer());
    // The same zip with its workbook part renamed: a zip, but not a workbook.
    const renamed = Buffer.from(zip.toString('latin1').replaceAll('xl/workbook.xml', 'xl/notebook.xml'), 'latin1');
    expect(await survives(renamed)).toBe('ledgers.file.damaged');
  });
});

async function book(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('s');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('wrong content', () => {
  it('the wrong kind of ledger: no header of this kind, said per sheet', async () => {
    const items = Buffer.from((await l.call('ledgers.export', { kind: 'items' })).data, 'base64');
    const r = await importLedger(l.db, { kind: 'movements', fileName: 'items.xlsx', data: items });
    expect(r.ok).toBe(false);
    expect(r.errors[0]!.message).toMatch(/缺少必需的列|找不到出入库明细的表头/);
  });

  it('huge cells and far columns', async () => {
    const huge = 'X'.repeat(40_000);
    const data = await book([
      ['日期', '类型', '存放地点', '物资编码', '数量', '经办人', '备注'],
      ['2026-05-01', '采购入库', '一号库', 'QUILT', 1, '张', huge],
      ['2026-05-01', '采购入库', '一号库', huge, 1, '张'],
    ]);
    const r = await importLedger(l.db, { kind: 'movements', fileName: 'huge.xlsx', data, errorWorkbook: false });
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([[2, 'G'], [3, 'D']]);
    expect(r.errors[0]!.message).toContain('内容过长');
  });

  it('random cells under a valid header: a report or an import, the ledger whole either way', async () => {
    const cell = fc.oneof(fc.string({ maxLength: 20 }), fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null), fc.date({ min: new Date('1900-03-01'), max: new Date('2200-01-01'), noInvalidDate: true }), fc.constantFrom('一号库', 'QUILT', '采购入库', '发放', '调拨', '2026.5.1', '１２０件', '1.38E+10'));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 6, maxLength: 7 }), { minLength: 1, maxLength: 8 }), async (rows) => {
        const data = await book([['日期', '类型', '存放地点', '物资编码', '数量', '经办人', '批次号'], ...rows]);
        const before = counts(l.db);
        const r = await importLedger(l.db, { kind: 'movements', fileName: 'f.xlsx', data, force: true, dryRun: true, errorWorkbook: false });
        expect(typeof r.ok).toBe('boolean');
        expect(counts(l.db)).toEqual(before);
      }),
      // Unseeded: a failure prints its seed to replay. (The one failure seen, on a busy machine, was exceljs #3064,
      // a race in its zip reading, not these cells; the reader now opens the zip by its directory.)
      { numRuns: 40 },
    );
  }, 120_000);
});
