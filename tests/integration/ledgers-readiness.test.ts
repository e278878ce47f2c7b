// Equipment, shelters and norms through Excel: the demo district exported, imported into an empty ledger, and the
// registers come back exactly — serial and phone numbers as the same text, statuses, villages, last tests, the
// shelter checklist inputs and the norms; and a bad row is named, with nothing written.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerKind } from '../../src/api/contract.ledgers.js';
import { loadDemo } from '../../src/demo/demo.js';
import { type TempLedger, tempLedger } from './fixture.js';

let src: TempLedger;
const files = new Map<LedgerKind, string>();
const kinds: LedgerKind[] = ['areas', 'locations', 'items', 'equipment', 'shelters', 'norms', 'tests'];

beforeAll(async () => {
  process.env.RELIEF_LEDGER_TODAY = '2026-11-28';
  src = await tempLedger();
  loadDemo(src.db);
  for (const kind of kinds) files.set(kind, (await src.call('ledgers.export', { kind })).data);
});
afterAll(() => {
  src.close();
  delete process.env.RELIEF_LEDGER_TODAY;
});

const units = async (l: TempLedger) => (await l.call('equipment.list', {})).map(({ purchaseDate: _p, ...u }) => u);
const shelters = async (l: TempLedger) => (await l.call('shelters.list', {})).map(({ checklist: _c, failing: _f, standardised: _s, facilities: _fa, ...s }) => s);

describe('equipment, shelters and norms round trip', () => {
  it('come back exactly into an empty ledger', async () => {
    const dst = await tempLedger();
    try {
      for (const kind of kinds) {
        const r = await dst.call('ledgers.import', { kind, fileName: `${kind}.xlsx`, data: files.get(kind)! });
        expect(r.errors, kind).toEqual([]);
        expect(r.committed, kind).toBe(true);
      }
      expect(await units(dst)).toEqual(await units(src));
      expect(await shelters(dst)).toEqual(await shelters(src));
      const norms = async (l: TempLedger) =>
        (await l.call('norms.list', {})).map(({ id: _id, ...n }) => n).sort((a, b) => `${a.scope}${a.targetCode}${a.itemCode}`.localeCompare(`${b.scope}${b.targetCode}${b.itemCode}`));
      expect(await norms(dst)).toEqual(await norms(src));
      const phone = (await dst.call('equipment.list', { kind: 'satellite_phone' }))[0]!;
      expect(phone.serialNo).toMatch(/^35\d{13}$/);
      expect(phone.phoneNo).toMatch(/^1740\d{7}$/);
      const generator = (await dst.call('equipment.list', { kind: 'generator' }))[0]!;
      expect(generator.serialNo).toMatch(/^0\d{9}$/);
    } finally {
      dst.close();
    }
  });

  it('test results append to the history once, and the same sheet again adds nothing', async () => {
    const dst = await tempLedger();
    try {
      for (const kind of ['areas', 'locations', 'items', 'equipment'] as const) await dst.call('ledgers.import', { kind, fileName: `${kind}.xlsx`, data: files.get(kind)! });
      const tests = (await src.call('ledgers.export', { kind: 'tests' })).data;
      const first = await dst.call('ledgers.import', { kind: 'tests', fileName: 'tests.xlsx', data: tests });
      expect(first.errors).toEqual([]);
      // The equipment sheet brought each unit's last test; the test sheet adds the earlier ones.
      const unit = (await src.call('equipment.list', { kind: 'pump' }))[0]!;
      const history = async (l: TempLedger) => (await l.call('equipment.history', { kind: 'pump', serialNo: unit.serialNo })).tests;
      expect((await history(dst)).length).toBe((await history(src)).length);
      const again = await dst.call('ledgers.import', { kind: 'tests', fileName: 'tests-2.xlsx', data: tests, force: true });
      expect(again.rows.imported).toBe(0);
    } finally {
      dst.close();
    }
  });

  it('importing the same register again skips every row', async () => {
    for (const kind of ['equipment', 'shelters', 'norms', 'tests'] as const) {
      const r = await src.call('ledgers.import', { kind, fileName: `${kind}-again.xlsx`, data: files.get(kind)!, dryRun: true });
      expect(r.errors, kind).toEqual([]);
      expect(r.rows.imported, kind).toBe(0);
    }
  });

  it('refuses a serial number Excel already turned into a float, naming the cell, and writes nothing', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(files.get('equipment')!, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = ws.getRow(3).values as unknown[];
    const serialCol = header.indexOf('出厂编号');
    ws.getRow(4).getCell(serialCol).value = 3.58823e14;
    ws.getRow(5).getCell(serialCol).value = '3.58823E+14';
    const data = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const dst = await tempLedger();
    try {
      for (const kind of ['areas', 'locations', 'items'] as const) await dst.call('ledgers.import', { kind, fileName: `${kind}.xlsx`, data: files.get(kind)! });
      const r = await dst.call('ledgers.import', { kind: 'equipment', fileName: 'bad.xlsx', data });
      expect(r.committed).toBe(false);
      expect(r.errors.map((e) => [e.row, e.header])).toEqual(expect.arrayContaining([[5, '出厂编号']]));
      expect(r.errors.find((e) => e.row === 5)!.message).toContain('3.58823E+14');
      expect(await dst.call('equipment.list', {})).toEqual([]);
    } finally {
      dst.close();
    }
  });
});
