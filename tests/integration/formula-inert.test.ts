// Text a user typed never runs as a formula in a workbook we write. A ledger is filled, through the contract, with
// hostile text (starting with =, +, -, @, tab or CR) in every text field a user can set; then every workbook the
// app writes is read at the XML level: no cell may hold a formula (but our own 合计 sums), and no cell's text may
// start the way a spreadsheet starts a formula. A CSV save of each by LibreOffice (when installed) must show the
// same. Each workbook is its own case, so a failure names the writer.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerKinds } from '../../src/api/contract.ledgers.js';
import { setSetting } from '../../src/settings/settings.js';
import { tempDir, tempLedger, type TempLedger } from './fixture.js';
import { xlsxCells } from './workbook-cells.js';

// ---------- hostile text ----------

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r'] as const;
type Trigger = (typeof TRIGGERS)[number];
/** tag → the field it was planted in. */
const planted = new Map<string, string>();
let n = 0;
/**
 * A hostile text for one field, short enough for the shortest fields (30 characters): each starts with the next of
 * the characters a spreadsheet reads as the start of a formula, and carries a tag (k12) naming the field.
 */
function evil(field: string, { spaces = true, start }: { spaces?: boolean; start?: Trigger } = {}): string {
  const tag = `k${++n}`;
  const gap = spaces ? ' ' : '_';
  const forms: Record<Trigger, string> = {
    '=': `=HYPERLINK("//e.x","${tag}")`,
    '+': `+1+1${gap}${tag}`,
    '-': `-1+1${gap}${tag}`,
    '@': `@SUM(1)${gap}${tag}`,
    '\t': `\t=1+1${gap}${tag}`,
    '\r': `\r=1+1${gap}${tag}`,
  };
  planted.set(tag, field);
  return forms[start ?? TRIGGERS[n % TRIGGERS.length]!];
}
/** Codes and serial numbers take no spaces. */
const evilCode = (field: string) => evil(field, { spaces: false }).trim();
/** Phone numbers may start with + or - (the contract allows digits, +, - and spaces). */
const PHONE = '+86 138 0013 8000';
const PHONE_2 = '-138 0013 8001';

/** Where a spreadsheet (and Excel opening a CSV) starts a formula; a leading space does not hide it. */
const LIVE = /^[=+\-@\t\r]|^\s+[=+\-@]/;
/** A number as a spreadsheet writes it (-5, +1,234.50, -12%) is not a formula. */
const NUMBER = /^[-+]?[\d,]*\.?\d+(E[-+]?\d+)?%?$/i;
/** Our own totals: 合计 rows sum a column of the sheet itself. No user text is in them. */
const OWN_TOTAL = /^SUM\([A-Z]{1,3}\d+:[A-Z]{1,3}\d+\)$/;

const isLive = (text: string) => LIVE.test(text) && !NUMBER.test(text.trim());
const show = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);

// ---------- the ledger ----------

/** Every workbook the app writes, in the order they are made below. */
const CASES = [
  'stocktake.sheet (count sheet)',
  'stocktake.report (盘点报告)',
  'stocktake.sheet (blind count sheet)',
  'gaps.requestWorkbook (采购需求与调拨建议)',
  ...ledgerKinds.map((k) => `ledgers.export ${k}`),
  ...ledgerKinds.map((k) => `ledgers.template ${k}`),
  'ledgers.import error workbook (from .xlsx)',
  'ledgers.import error workbook (from .csv)',
];

let l: TempLedger;
const cases: { name: string; bytes: Uint8Array }[] = [];

async function fill(): Promise<void> {
  setSetting(l.db, 'org.name', evil('org.name'));
  const call = l.call;
  await call('areas.create', { code: 'JJ', name: evil('district.name'), level: 'district' });
  const street = evilCode('street.code');
  await call('areas.create', { code: street, name: evil('street.name'), level: 'street', parentCode: 'JJ' });
  await call('areas.create', { code: 'V1', name: evil('village.name'), level: 'village', parentCode: street });
  const wh = evilCode('location.code');
  await call('locations.create', { code: wh, name: evil('location.name'), kind: 'warehouse', areaCode: street, address: evil('location.address'), note: evil('location.note') });
  await call('locations.create', { code: 'ST1', name: evil('store.name'), kind: 'street_store', areaCode: street });
  const item = evilCode('item.code');
  await call('items.create', { code: item, name: evil('item.name'), spec: evil('item.spec'), unit: '+件', category: 'textile', unitPrice: 10, note: evil('item.note') });
  await call('items.create', { code: 'I2', name: evil('item2.name'), unit: '-箱', category: 'water', shelfLifeDays: 365, unitPrice: 5 });

  const lines = [
    { itemCode: item, batchNo: evil('line.batchNo'), quantity: 100, note: evil('line.note') },
    { itemCode: 'I2', batchNo: 'B2', quantity: 40, productionDate: '2026-03-01' },
  ];
  const doc = { date: '2026-05-01', locationCode: wh, handler: evil('doc.handler'), approver: evil('doc.approver'), note: evil('doc.note'), lines };
  await call('movements.post', { ...doc, type: 'purchase', docNo: evil('doc.docNo'), counterpart: evil('doc.counterpart'), basisDoc: evil('doc.basisDoc') });
  await call('movements.post', { ...doc, type: 'donation', donor: evil('doc.donor'), donorCertNo: evil('doc.donorCertNo') });
  await call('movements.post', { ...doc, type: 'issue', basisDoc: evil('issue.basisDoc'), recipient: evil('issue.recipient'), lines: [{ itemCode: item, quantity: 5 }] });
  await call('movements.post', { ...doc, type: 'loss', reason: evil('loss.reason'), lines: [{ itemCode: 'I2', quantity: 1 }] });
  const moved = await call('movements.transfer', { date: '2026-05-02', fromCode: wh, toCode: 'ST1', handler: evil('transfer.handler'), note: evil('transfer.note'), lines: [{ itemCode: item, quantity: 10, note: evil('transfer.line.note') }] });
  await call('movements.reverse', { id: moved.lines[0]!.id, date: '2026-05-03', handler: evil('reverse.handler'), approver: evil('reverse.approver'), reason: evil('reverse.reason') });

  const serial = evilCode('equipment.serialNo');
  const unit = { kind: 'satellite_phone', serialNo: serial };
  await call('equipment.register', { ...unit, name: evil('equipment.name'), model: evil('equipment.model'), fundingSource: evil('equipment.funding'), homeLocationCode: wh, phoneNo: PHONE, airtimeExpiry: '2027-01-01', note: evil('equipment.note'), date: '2026-04-01', actor: evil('equipment.actor') });
  await call('equipment.handOut', { ...unit, villageCode: 'V1', custodian: evil('handOut.custodian'), custodianPhone: PHONE_2, date: '2026-04-02', actor: evil('handOut.actor'), note: evil('handOut.note') });
  await call('equipment.recordTest', { ...unit, date: '2026-04-03', passed: false, tester: evil('test.tester'), note: evil('test.note') });
  await call('equipment.setStatus', { ...unit, status: 'in_use', date: '2026-04-04', actor: evil('status.actor'), reason: evil('status.reason') });
  await call('equipment.register', { kind: 'pump', serialNo: evilCode('pump.serialNo'), homeLocationCode: 'ST1', flowM3h: 100, model: evil('pump.model'), date: '2026-04-01', actor: evil('pump.actor') });

  await call('shelters.create', {
    code: evilCode('shelter.code'),
    name: evil('shelter.name'),
    level: 'village',
    areaCode: 'V1',
    type: evil('shelter.type'),
    address: evil('shelter.address'),
    structure: evil('shelter.structure'),
    capacity: 120,
    usableArea: 150,
    manager: evil('shelter.manager'),
    managerPhone: PHONE,
  });
  const shelters = await call('shelters.list', {});
  await call('shelters.inspect', { code: shelters[0]!.code, date: '2026-04-05', inspector: evil('inspect.inspector'), results: { site: true, signs: false }, note: evil('inspect.note') });
  await call('norms.set', { scope: 'location', locationCode: 'ST1', itemCode: item, basis: 'absolute', quantity: 500, note: evil('norm.note') });
  await call('norms.set', { scope: 'location', locationCode: 'ST1', itemCode: 'I2', basis: 'absolute', quantity: 50, note: evil('norm2.note') });

  // An annual count of the warehouse, signed off; and a blind count of the street store, its sheet only.
  const count = await call('stocktake.start', { locationCodes: [wh], date: '2026-12-20', note: evil('stocktake.note') });
  cases.push({ name: 'stocktake.sheet (count sheet)', bytes: decode((await call('stocktake.sheet', { id: count.id })).data) });
  const view = await call('stocktake.get', { id: count.id });
  const [first, ...rest] = view.items;
  await call('stocktake.count', { id: count.id, countedBy: evil('count.countedBy'), date: '2026-12-20', counts: [{ lineId: first!.lineId, counted: first!.frozen! - 2, reason: evil('count.reason') }] });
  await call('stocktake.addLine', { id: count.id, locationCode: wh, itemCode: item, batchNo: evil('addLine.batchNo'), counted: 3, countedBy: evil('addLine.countedBy'), date: '2026-12-20', reason: evil('addLine.reason') });
  await call('stocktake.audit', { id: count.id, kind: 'satellite_phone', serialNo: serial, seen: true, note: evil('audit.note') });
  if (rest.length) await call('stocktake.zeroUncounted', { id: count.id, countedBy: evil('zero.countedBy'), date: '2026-12-20', reason: evil('zero.reason') });
  await call('stocktake.submit', { id: count.id });
  await call('stocktake.post', { id: count.id, counter: evil('post.counter'), supervisor: evil('post.supervisor'), date: '2026-12-21' });
  cases.push({ name: 'stocktake.report (盘点报告)', bytes: decode((await call('stocktake.report', { id: count.id })).data) });
  const blind = await call('stocktake.start', { locationCodes: ['ST1'], blind: true, date: '2026-12-20' });
  cases.push({ name: 'stocktake.sheet (blind count sheet)', bytes: decode((await call('stocktake.sheet', { id: blind.id })).data) });

  cases.push({ name: 'gaps.requestWorkbook (采购需求与调拨建议)', bytes: decode((await call('gaps.requestWorkbook', {})).data) });
  for (const kind of ledgerKinds) cases.push({ name: `ledgers.export ${kind}`, bytes: decode((await call('ledgers.export', { kind })).data) });
  for (const kind of ledgerKinds) cases.push({ name: `ledgers.template ${kind}`, bytes: decode((await call('ledgers.template', { kind })).data) });

  // The user's own file back with its errors marked: hostile cells (and a live formula) in the file itself.
  const rows = [
    ['物资编码', '物资名称', '规格型号', '单位', '物资类别', '备注'],
    [evilCode('import.code'), evil('import.name', { start: '\t' }), evil('import.spec', { start: '\r' }), '个', '被服', evil('import.note', { start: '=' })],
    ['X2', evil('import.bad.name', { start: '+' }), evil('import.bad.spec', { start: '-' }), '个', '不存在的类别', evil('import.bad.note', { start: '@' })],
  ];
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('物资目录');
  rows.forEach((r) => ws.addRow(r));
  ws.getCell('F2').value = { formula: 'HYPERLINK("http://evil.example/","点此")', result: '点此' };
  const xlsx = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
  const fromXlsx = await call('ledgers.import', { kind: 'items', fileName: '物资目录.xlsx', data: xlsx });
  expect(fromXlsx.ok, 'the hostile import must have errors').toBe(false);
  cases.push({ name: 'ledgers.import error workbook (from .xlsx)', bytes: decode(fromXlsx.errorWorkbook!) });
  const csv = rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n');
  const fromCsv = await call('ledgers.import', { kind: 'items', fileName: '物资目录.csv', data: Buffer.from(csv).toString('base64') });
  expect(fromCsv.ok).toBe(false);
  cases.push({ name: 'ledgers.import error workbook (from .csv)', bytes: decode(fromCsv.errorWorkbook!) });
}

const decode = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

// ---------- LibreOffice's CSV of each workbook ----------

const run = promisify(execFile);
let csvDir = '';
/** Every sheet of every case as LibreOffice saves it to CSV, by case; null when LibreOffice is not installed. */
let csvSheets: Map<number, { sheet: string; rows: string[][] }[]> | null = null;

async function saveAsCsv(): Promise<void> {
  const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => fs.existsSync(p));
  if (!soffice) return;
  csvDir = tempDir('relief-formula-csv-');
  const inDir = path.join(csvDir, 'in');
  const outDir = path.join(csvDir, 'out');
  fs.mkdirSync(inDir);
  fs.mkdirSync(outDir);
  const files = cases.map((c, i) => {
    const file = path.join(inDir, `${String(i).padStart(2, '0')}.xlsx`);
    fs.writeFileSync(file, c.bytes);
    return file;
  });
  // Its own profile, so that it neither waits for nor disturbs another LibreOffice on this machine. Filter options:
  // comma, double quote, UTF-8, from line 1, cell values as shown (not formulas), every sheet to its own file.
  const { stdout } = await run(
    soffice,
    [`-env:UserInstallation=file://${path.join(csvDir, 'profile')}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1', '--outdir', outDir, ...files],
    { timeout: 240_000 },
  );
  csvSheets = new Map();
  for (const m of stdout.matchAll(/Writing sheet (.*) -> (.*\.csv)$/gm)) {
    const index = Number(path.basename(m[2]!).slice(0, 2));
    const rows = parse(fs.readFileSync(m[2]!, 'utf8'), { relaxColumnCount: true, relaxQuotes: true }) as string[][];
    csvSheets.set(index, [...(csvSheets.get(index) ?? []), { sheet: m[1]!, rows }]);
  }
}

beforeAll(async () => {
  l = await tempLedger();
  await fill();
  await saveAsCsv();
}, 300_000);

afterAll(() => {
  l?.close();
  if (csvDir) fs.rmSync(csvDir, { recursive: true, force: true });
});

// ---------- the checks ----------

/** Each workbook: `<f>` elements (but our own sums), and text a spreadsheet would run. */
describe('formula text is inert in every workbook we write', () => {
  it('writes every case', () => {
    expect(cases.map((c) => c.name)).toEqual(CASES);
  });

  describe.each(CASES)('%s', (name) => {
    const workbook = () => cases.find((c) => c.name === name)!;

    it('holds no formula cell', async () => {
      const cells = await xlsxCells(workbook().bytes);
      const formulas = cells.filter((c) => c.formula !== null && !OWN_TOTAL.test(c.formula)).map((c) => `${c.sheet}!${c.ref}: =${c.formula}`);
      expect(formulas).toEqual([]);
    });

    it('holds no text that starts a formula (each is written with its leading apostrophe)', async () => {
      const cells = await xlsxCells(workbook().bytes);
      const live = cells.filter((c) => c.formula === null && isLive(c.text)).map((c) => `${c.sheet}!${c.ref}: ${show(c.text)}`);
      expect(live).toEqual([]);
    });

    it('saved as CSV by LibreOffice, shows that text as text', async (ctx) => {
      if (!csvSheets) return ctx.skip('LibreOffice (soffice) is not installed here: the cell check above stands alone');
      const sheets = csvSheets.get(cases.indexOf(workbook())) ?? [];
      expect(sheets.length).toBeGreaterThan(0);
      const live: string[] = [];
      for (const { sheet, rows } of sheets) rows.forEach((r, i) => r.forEach((field, j) => isLive(field) && live.push(`${sheet} row ${i + 1} field ${j + 1}: ${show(field)}`)));
      expect(live).toEqual([]);
    });
  });

  it('exercised the hostile text: every workbook with data shows some of it', async () => {
    const without: string[] = [];
    for (const c of cases) {
      const text = (await xlsxCells(c.bytes)).map((x) => x.text).join('\n');
      const shown = [...planted.keys()].filter((t) => new RegExp(`\\b${t}\\b`).test(text));
      if (shown.length === 0 && !c.name.startsWith('ledgers.template')) without.push(c.name);
    }
    expect(without).toEqual([]);
  });
});
