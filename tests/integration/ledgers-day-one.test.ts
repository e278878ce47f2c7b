// Day one: a bureau's own workbooks (tests/fixtures/day-one, written by openpyxl, exceljs and LibreOffice) go into
// an EMPTY ledger as they are — file by file with `import --create-missing`, and all at once in any order with
// `onboard --yes` — through the real CLI process, with every code, quantity and village exact; every refusal names
// the sheet, row, column and reason, and nothing is written on any error.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../src/api/dispatch.js';
import type { LedgerImportReport, LedgerOnboardReport } from '../../src/api/contract.ledgers.js';
import { openLedger } from '../../src/db/open.js';
import { counts, tempDir, tempLedger } from './fixture.js';

const run = promisify(execFile);
const cliScript = path.resolve('dist/cli.mjs');
const fixtures = path.resolve('tests/fixtures/day-one');
const fixture = (name: string) => path.join(fixtures, name);
const ENV = { RELIEF_LEDGER_TODAY: '2026-11-28' };

async function cli(args: string[]) {
  try {
    const r = await run(process.execPath, [cliScript, ...args], { env: { ...process.env, ...ENV }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** The bureau's files and the kind each is; onboard must recognise them by their headers alone. */
const FILES = [
  ['areas', '01-村社区名单.xlsx'],
  ['areas', '02-大陈镇村社-合并单元格.xlsx'],
  ['locations', '03-物资存放地点.xlsx'],
  ['stock', '04-一号库物资台账.xlsx'],
  ['stock', '05-白云街道仓库台账.xlsx'],
  ['stock', '06-章安储备点台账.xlsx'],
  ['equipment', '07-防汛装备台账.xlsx'],
  ['shelters', '08-避灾场所名录.xlsx'],
] as const;

let dir: string;
async function emptyLedger(name: string): Promise<string> {
  const db = path.join(dir, name);
  expect((await cli(['init', '--db', db])).code).toBe(0);
  return db;
}

/** Everything a user would check after day one, in a form to compare exactly. */
async function ledgerState(file: string) {
  const db = await openLedger(file);
  const ctx = { db };
  try {
    const areas = (await invoke(ctx, 'areas.list', {})).map((a) => [a.code, a.name, a.level, a.parentCode, a.adminCode]);
    const locations = (await invoke(ctx, 'locations.list', {})).map((l) => [l.code, l.name, l.kind, l.areaCode]);
    const items = (await invoke(ctx, 'items.list', {})).map((i) => [i.code, i.name, i.spec, i.unit, i.unitPrice]);
    const stock = (await invoke(ctx, 'stock.query', { byBatch: true })).map((s) => [s.locationCode, s.itemCode, s.batchNo, s.quantity, s.productionDate, s.expiryDate]);
    const units = (await invoke(ctx, 'equipment.list', {})).map((u) => [u.kind, u.serialNo, u.name, u.model, u.powerKw, u.villageCode, u.homeLocationCode, u.status, u.custodian, u.custodianPhone, u.lastTestDate, u.phoneNo, u.airtimeExpiry]);
    const shelters = (await invoke(ctx, 'shelters.list', {})).map((s) => [s.code, s.name, s.level, s.areaCode, s.usableArea, s.capacity, s.manager, s.managerPhone, s.locationCode]);
    const check = await invoke(ctx, 'system.check', {});
    return { areas, locations, items, stock, units, shelters, checkOk: check.ok };
  } finally {
    db.close();
  }
}

const sortRows = <T extends unknown[]>(rows: T[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** What the files say, with the codes the documented scheme gives (统计用区划代码, else S01/S01V001, WH01, ST-…, WZ001, BZ001). */
function expectDayOne(state: Awaited<ReturnType<typeof ledgerState>>) {
  expect(sortRows(state.areas)).toEqual(
    sortRows([
      ['331002', '椒江区', 'district', null, '331002000000'],
      ['331002001', '海门街道', 'street', '331002', '331002001000'],
      ['331002002', '白云街道', 'street', '331002', '331002002000'],
      ['331002003', '章安街道', 'street', '331002', '331002003000'],
      ['S01', '大陈镇', 'street', '331002', null],
      ['331002001001', '东山社区', 'village', '331002001', '331002001001'],
      ['331002001002', '西山社区', 'village', '331002001', '331002001002'],
      ['331002001203', '南门村', 'village', '331002001', '331002001203'],
      ['331002002001', '白云社区', 'village', '331002002', '331002002001'],
      ['331002002201', '山东村', 'village', '331002002', '331002002201'],
      ['331002003001', '章安社区', 'village', '331002003', '331002003001'],
      ['331002003202', '杜下桥村', 'village', '331002003', '331002003202'],
      ['S01V001', '上大陈村', 'village', 'S01', null],
      ['S01V002', '下大陈村', 'village', 'S01', null],
      ['331002001V001', '北门社区', 'village', '331002001', null],
    ]),
  );
  expect(sortRows(state.locations)).toEqual(
    sortRows([
      ['WH01', '椒江区救灾物资储备一号库', 'warehouse', '331002'],
      ['WH02', '区级救灾物资二号库', 'warehouse', '331002'],
      ['ST-331002001', '海门街道应急物资仓库', 'street_store', '331002001'],
      ['ST-331002002', '白云街道物资点', 'street_store', '331002002'],
      ['ST-331002001203', '南门村储备点', 'street_store', '331002001203'],
      // Stores named after their street, created from the sheet's name and from the title row.
      ['ST-331002002-2', '白云街道应急物资仓库', 'street_store', '331002002'],
      ['ST-331002003', '章安街道储备点', 'street_store', '331002003'],
      // The equipment ledger names only villages: 大陈镇 had no store for its units.
      ['ST-S01', '大陈镇应急物资储备点', 'street_store', 'S01'],
      ['SH-BZ001', '东山社区文化礼堂避灾安置点储备点', 'shelter_store', '331002001001'],
      ['SH-BZ002', '海门街道中心小学避灾安置点储备点', 'shelter_store', '331002001'],
      ['SH-BZ003', '椒江区体育馆避灾安置场所储备点', 'shelter_store', '331002001'],
      ['SH-BZ004', '上大陈村避灾点储备点', 'shelter_store', 'S01V001'],
    ]),
  );
  expect(state.items).toEqual([
    ['WZ001', '棉被', '2.0m×2.3m', '条', 115],
    ['WZ002', '帐篷', '12㎡', '顶', 2300],
    ['WZ003', '瓶装饮用水', '550ml×24', '箱', 28.5],
    ['WZ004', '折叠床', null, '张', 180],
    ['WZ005', '救生衣', null, '件', null],
    ['WZ006', '应急灯', null, '个', null],
  ]);
  expect(sortRows(state.stock)).toEqual(
    sortRows([
      ['WH01', 'WZ001', 'MB2024', 1200, null, null],
      ['WH01', 'WZ002', '', 80, null, null],
      ['WH01', 'WZ003', 'W2025A', 500, '2025-05-01', '2026-10-23'],
      ['WH02', 'WZ001', 'MB2025', 600, null, null],
      ['WH02', 'WZ004', '', 100, null, null],
      ['ST-331002002-2', 'WZ001', '', 300, null, null],
      ['ST-331002002-2', 'WZ004', '', 50, null, null],
      ['ST-331002002-2', 'WZ005', '', 30, null, null],
      ['ST-331002003', 'WZ006', '', 20, null, null],
      ['ST-331002003', 'WZ001', '', 40, null, null],
    ]),
  );
  expect(sortRows(state.units)).toEqual(
    sortRows([
      ['satellite_phone', '351234567890123', null, '中电科 TT-M1', null, '331002001001', 'ST-331002001', 'in_use', '王建华', '13800138001', '2026-11-02', '17400000001', '2027-06-30'],
      // 汽油发电机（5kW）: the word is its name, the bracket its power.
      ['generator', 'GN2023001', '汽油发电机', '雅马哈 EF6300', 5, '331002001002', 'ST-331002001', 'in_use', '李秀英', '13800138002', '2026-10-15', null, null],
      // 故障 and 待修: under repair, still assigned to their villages.
      ['pump', 'P2023001', null, 'QW100-80-15', null, '331002002201', 'ST-331002002', 'repair', '陈国平', '13800138003', '2026-09-03', null, null],
      ['pump', 'P2023002', '潜水泵', 'QDX15', null, 'S01V001', 'ST-S01', 'repair', '周海', '13800138004', null, null, null],
    ]),
  );
  expect(state.shelters.sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
    ['BZ001', '东山社区文化礼堂避灾安置点', 'village', '331002001001', 300, 150, '张三', '13900000001', 'SH-BZ001'],
    ['BZ002', '海门街道中心小学避灾安置点', 'street', '331002001', 900, 500, '李四', '13900000002', 'SH-BZ002'],
    ['BZ003', '椒江区体育馆避灾安置场所', 'district', '331002001', 3000, 1500, '王五', '13900000003', 'SH-BZ003'],
    ['BZ004', '上大陈村避灾点', 'village', 'S01V001', 120, 60, '周海', '13900000004', 'SH-BZ004'],
  ]);
  expect(state.checkOk).toBe(true);
}

beforeAll(async () => {
  dir = tempDir('relief-day-one-');
  expect(fs.existsSync(cliScript), 'the CLI is built (npm run build)').toBe(true);
});

describe('day one, file by file', () => {
  it('each workbook goes in with import --create-missing, in the order a user would take them', async () => {
    const db = await emptyLedger('by-file.db');
    const created: LedgerImportReport['createdMaster'] = [];
    for (const [kind, name] of FILES) {
      const r = await cli(['import', kind, fixture(name), '--create-missing', '--json', '--db', db]);
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      const report = JSON.parse(r.stdout) as LedgerImportReport;
      expect(report.errors, name).toEqual([]);
      created.push(...report.createdMaster);
    }
    expectDayOne(await ledgerState(db));
    // The report listed what the files only named, and every generated code.
    const listed = (kind: string) => created.filter((c) => c.kind === kind).map((c) => [c.code, c.implied]);
    expect(listed('district')).toEqual([['331002', true]]);
    expect(listed('item')).toEqual(['WZ001', 'WZ002', 'WZ003', 'WZ004', 'WZ005', 'WZ006'].map((c) => [c, true]));
    expect(listed('location')).toEqual([
      ['WH01', false],
      ['ST-331002001', false],
      ['ST-331002002', false],
      ['ST-331002001203', false],
      ['WH02', true],
      ['ST-331002002-2', true],
      ['ST-331002003', true],
      ['ST-S01', true],
    ]);
    expect(listed('shelter')).toEqual(['BZ001', 'BZ002', 'BZ003', 'BZ004'].map((c) => [c, false]));
    expect(created.find((c) => c.code === 'ST-331002003')).toMatchObject({ name: '章安街道储备点', parent: '331002003', sheet: 'Sheet1', row: 4 });
    expect(created.find((c) => c.code === 'WH02')).toMatchObject({ sheet: '区级救灾物资二号库', row: 4 });
  }, 240_000);

  it('the merged street arrives for every village of it, and the text report lists what was created', async () => {
    const db = await emptyLedger('merged.db');
    const first = await cli(['import', 'areas', fixture('01-村社区名单.xlsx'), '--district', '椒江区', '--db', db]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/区县 331002 椒江区/);
    expect(first.stdout).toMatch(/村\(社区\) 331002001001 东山社区（属 331002001）/);
    const merged = await cli(['import', 'areas', fixture('02-大陈镇村社-合并单元格.xlsx'), '--json', '--db', db]);
    expect(merged.code, merged.stderr).toBe(0);
    const r = JSON.parse(merged.stdout) as LedgerImportReport;
    expect(r.createdMaster.map((c) => [c.code, c.name, c.parent, c.row])).toEqual([
      ['S01', '大陈镇', '331002', 2],
      ['S01V001', '上大陈村', 'S01', 2],
      ['S01V002', '下大陈村', 'S01', 3],
      ['331002001V001', '北门社区', '331002001', 4],
    ]);
    // The same list again: every row is already there.
    const again = await cli(['import', 'areas', fixture('02-大陈镇村社-合并单元格.xlsx'), '--json', '--force', '--db', db]);
    expect(JSON.parse(again.stdout).rows).toEqual({ read: 3, imported: 0, skipped: 3 });
  }, 120_000);
});

describe('day one, all at once', () => {
  it('onboard --yes takes the files in any order, recognises each, and commits them in one transaction', async () => {
    const db = await emptyLedger('onboard.db');
    // Shuffled the same way every run: the last first, then every other one.
    const shuffled = [7, 5, 3, 1, 6, 4, 2, 0].map((i) => fixture(FILES[i]![1]));
    const r = await cli(['onboard', ...shuffled, '--yes', '--json', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as LedgerOnboardReport;
    expect(report).toMatchObject({ ok: true, committed: true, errors: 0, unreadable: false });
    expect(report.files.map((f) => [f.fileName, f.kind, f.chosen])).toEqual(FILES.map(([kind, name]) => [name, kind, false]));
    expectDayOne(await ledgerState(db));
    expect(report.createdMaster.find((c) => c.code === 'WH02')).toMatchObject({ kind: 'location', implied: true, file: '04-一号库物资台账.xlsx' });
    // The same files again: the plan already says each was imported before.
    const again = await cli(['onboard', ...shuffled, '--dry-run', '--json', '--db', db]);
    expect(again.code).toBe(1);
    const refused = (JSON.parse(again.stdout) as LedgerOnboardReport).files.map((f) => f.refusal?.code);
    expect(refused).toEqual(FILES.map(() => 'ledgers.alreadyImported'));
  }, 240_000);

  it('a file whose kind its headers do not tell is refused, naming the closest kinds and how to choose', async () => {
    const db = await emptyLedger('unknown-kind.db');
    fs.writeFileSync(path.join(dir, '说明.csv'), '说明,内容\n本文件,仅供参考\n');
    const r = await cli(['onboard', path.join(dir, '说明.csv'), fixture('01-村社区名单.xlsx'), '--yes', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/2\. 说明\.csv：无法从表头判断 说明\.csv 是哪种台账.*--kind "说明\.csv=stock"/);
    expect((await ledgerState(db)).areas).toEqual([]);
  }, 60_000);

  it('without --yes it shows the plan and exits 1; --dry-run exits 0; neither writes anything', async () => {
    const db = await emptyLedger('plan.db');
    const files = FILES.map(([, name]) => fixture(name));
    const plan = await cli(['onboard', ...files, '--db', db]);
    expect(plan.code).toBe(1);
    expect(plan.stdout).toMatch(/1\. 01-村社区名单\.xlsx → 行政区域（areas）：试导入：可导入 7 行/);
    expect(plan.stdout).toMatch(/将新建/);
    expect(plan.stdout).toMatch(/存放地点 ST-331002003 章安街道储备点（属 331002003）  ← 06-章安储备点台账\.xlsx Sheet1 第 4 行/);
    expect(plan.stderr).toMatch(/--yes/);
    const dry = await cli(['onboard', ...files, '--dry-run', '--json', '--db', db]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ ok: true, committed: false });
    const state = await ledgerState(db);
    expect([state.areas, state.locations, state.items, state.stock, state.units, state.shelters]).toEqual([[], [], [], [], [], []]);
  }, 240_000);

  it('one bad file among them: exit 1, its cells named, and nothing of any file written', async () => {
    const db = await emptyLedger('onboard-bad.db');
    const files = [...FILES.map(([, name]) => fixture(name)), fixture('09-装备台账-序列号成了数字.xlsx')];
    const r = await cli(['onboard', ...files, '--yes', '--json', '--db', db]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as LedgerOnboardReport;
    expect(report).toMatchObject({ ok: false, committed: false });
    const bad = report.files.find((f) => f.fileName.startsWith('09-'))!;
    expect(bad.kind).toBe('equipment');
    expect(bad.report!.errors.map((e) => [e.sheet, e.row, e.column, e.header])).toEqual([
      ['09-装备台账-序列号成了数字', 2, 'B', '出厂编号'],
      ['09-装备台账-序列号成了数字', 3, 'B', '出厂编号'],
      ['09-装备台账-序列号成了数字', 4, 'A', '装备类型'],
    ]);
    const state = await ledgerState(db);
    expect([state.areas, state.locations, state.items, state.stock, state.units, state.shelters]).toEqual([[], [], [], [], [], []]);
  }, 240_000);
});

describe('refusals name the sheet, the cell and the reason, and write nothing', () => {
  it('the district an area list only names in its title is created only when asked', async () => {
    const db = await emptyLedger('no-district.db');
    const r = await cli(['import', 'areas', fixture('01-村社区名单.xlsx'), '--json', '--db', db]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as LedgerImportReport;
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ row: 3, column: '' });
    expect(report.errors[0]!.message).toMatch(/找不到区县“椒江区”.*--create-missing.*\(District "椒江区" not found/);
    expect((await ledgerState(db)).areas).toEqual([]);
  }, 60_000);

  it('a store named only by its title row, and items not in the catalogue', async () => {
    const db = await emptyLedger('no-create.db');
    for (const [kind, name] of FILES.slice(0, 3)) expect((await cli(['import', kind, fixture(name), '--create-missing', '--db', db])).code).toBe(0);
    const r = await cli(['import', 'stock', fixture('06-章安储备点台账.xlsx'), '--db', db]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^Sheet1 第 4 行：工作表“Sheet1”没有“存放地点”列，第 1 行的标题所指的存放地点“章安街道储备点”不在台账中.*--create-missing/);
    expect(lines[1]).toMatch(/^Sheet1 第 4 行 B 列（物资名称） “应急灯”：找不到物资“应急灯”.*--create-missing/);
    expect(lines[2]).toMatch(/^Sheet1 第 5 行 B 列（物资名称） “棉被”：找不到物资“棉被”/);
    expect(lines.at(-1)).toMatch(/错误：发现 3 个错误，未导入任何数据/);
    const state = await ledgerState(db);
    expect([state.items, state.stock]).toEqual([[], []]);
    expect(state.locations).toHaveLength(4);
  }, 120_000);

  it('serials Excel turned into floats are refused for the lost digits, with the fix, in the same pass as a type no list knows', async () => {
    const db = await emptyLedger('floats.db');
    for (const [kind, name] of FILES.slice(0, 3)) expect((await cli(['import', kind, fixture(name), '--create-missing', '--db', db])).code).toBe(0);
    const r = await cli(['import', 'equipment', fixture('09-装备台账-序列号成了数字.xlsx'), '--create-missing', '--json', '--db', db]);
    expect(r.code).toBe(1);
    const errors = (JSON.parse(r.stdout) as LedgerImportReport).errors;
    const sheet = '09-装备台账-序列号成了数字';
    expect(errors[0]).toMatchObject({ sheet, row: 2, column: 'B', header: '出厂编号', value: '89860112345678900000' });
    expect(errors[0]!.message).toMatch(/丢失了位数.*设为“文本”格式后重新录入.*lost digits/);
    expect(errors[1]).toMatchObject({ sheet, row: 3, column: 'B', value: '330102199001011000' });
    expect(errors[2]).toMatchObject({ sheet, row: 4, column: 'A', header: '装备类型', value: '对讲机（摩托罗拉）' });
    expect(errors[2]!.message).toMatch(/不是已知的装备类型.*可填：卫星电话、冲锋舟.*汽油发电机/);
    expect((await ledgerState(db)).units).toEqual([]);
  }, 120_000);
});

describe('headers by meaning (in-process)', () => {
  async function book(rows: (string | number | null)[][], name = '台账'): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  }

  it('two columns that read as one field are refused naming both, until a mapping settles it', async () => {
    const l = await tempLedger();
    try {
      await l.call('areas.create', { code: 'JJ', name: '椒江区', level: 'district' });
      await l.call('locations.create', { code: 'WH01', name: '一号库', kind: 'warehouse', areaCode: 'JJ' });
      await l.call('items.create', { code: 'QUILT', name: '棉被', unit: '条', category: 'textile' });
      const data = await book([
        ['物资编码', '物资名称', '单位', '数量', '存放地点', '库存数量'],
        ['QUILT', '棉被', '条', 10, '一号库', 12],
      ]);
      const insp = await l.call('ledgers.inspect', { kind: 'stock', fileName: 's.xlsx', data });
      expect(insp.sheets[0]!.conflicts).toEqual([{ field: 'quantity', header: '数量', columns: [{ column: 'D', header: '数量' }, { column: 'F', header: '库存数量' }] }]);
      const r = await l.call('ledgers.import', { kind: 'stock', fileName: 's.xlsx', data });
      expect(r.errors).toEqual([expect.objectContaining({ sheet: '台账', row: 1 })]);
      expect(r.errors[0]!.message).toMatch(/D 列（数量）、F 列（库存数量）都可作为“数量”.*--map F=/);
      expect(counts(l.db).movements).toBe(0);
      const settled = await l.call('ledgers.import', { kind: 'stock', fileName: 's.xlsx', data, mapping: { F: null } });
      expect(settled.errors).toEqual([]);
      expect((await l.call('stock.query', {}))[0]).toMatchObject({ locationCode: 'WH01', itemCode: 'QUILT', quantity: 10 });
    } finally {
      l.close();
    }
  });

  it('a missing column does not hide a serial that lost its digits: both are reported in one pass', async () => {
    const l = await tempLedger();
    try {
      const data = await book([
        ['出厂编号', '配发村社', '状态'],
        [89860112345678901234, '东山社区', '正常'],
      ]);
      const r = await l.call('ledgers.import', { kind: 'equipment', fileName: 'e.xlsx', data });
      expect(r.errors.map((e) => [e.row, e.column, e.value])).toEqual([
        [1, '', ''],
        [2, 'A', '89860112345678900000'],
      ]);
      expect(r.errors[0]!.message).toMatch(/^缺少必需的列：装备类型 \(/);
      expect(r.errors[1]!.message).toMatch(/^“89860112345678900000”已被 Excel 转成数字并丢失了位数/);
    } finally {
      l.close();
    }
  });

  it('header words vary: 所在村, 最近一次试机, 话费到期时间, 容纳人数（人）, 面积（平方米） all find their fields', async () => {
    const l = await tempLedger();
    try {
      const equipment = await l.call('ledgers.inspect', {
        kind: 'equipment',
        fileName: 'e.xlsx',
        data: await book([['装备类型', '出厂编号', '所在村', '最近一次试机', '话费到期时间', '卫星电话号码']]),
      });
      expect(equipment.sheets[0]!.columns.map((c) => c.field)).toEqual(['kind', 'serialNo', 'village', 'lastTest', 'airtimeExpiry', 'phoneNo']);
      const shelters = await l.call('ledgers.inspect', {
        kind: 'shelters',
        fileName: 's.xlsx',
        data: await book([['场所名称', '级别', '村(社区)', '容纳人数（人）', '面积（平方米）']]),
      });
      expect(shelters.sheets[0]!.columns.map((c) => c.field)).toEqual(['name', 'level', 'area', 'capacity', 'usableArea']);
      expect(shelters.sheets[0]!.missing).toEqual([]);
    } finally {
      l.close();
    }
  });

  it('a location type no list knows is refused with the words it accepts', async () => {
    const l = await tempLedger();
    try {
      await l.call('areas.create', { code: 'JJ', name: '椒江区', level: 'district' });
      const data = await book([
        ['地点名称', '类型'],
        ['东山物资仓', '小仓'],
      ]);
      const r = await l.call('ledgers.import', { kind: 'locations', fileName: 'l.xlsx', data });
      expect(r.errors).toEqual([expect.objectContaining({ row: 2, column: 'B', header: '类型', value: '小仓' })]);
      expect(r.errors[0]!.message).toMatch(/“小仓”不是可选值，可填：区级仓库、仓库.*；街道\(镇\)储备点、.*街道仓库.*街道物资点.*镇级储备点.*村级储备点.*；避灾场所储备点、.*避灾安置场所/);
    } finally {
      l.close();
    }
  });
});
