import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seeded, type TempLedger } from './fixture.js';

let l: TempLedger;
const TODAY = '2026-11-28';
beforeAll(() => {
  process.env.RELIEF_LEDGER_TODAY = TODAY;
});
afterAll(() => {
  delete process.env.RELIEF_LEDGER_TODAY;
});
beforeEach(async () => {
  l = await seeded();
});
afterEach(() => l.close());

const actor = { date: '2026-11-01', actor: '张建国' };
async function unitAtVillage(kind: string, serialNo: string, extra: Record<string, unknown> = {}) {
  await l.call('equipment.register', { kind, serialNo, homeLocationCode: 'ST-HM', ...actor, ...extra });
  await l.call('equipment.handOut', { kind, serialNo, villageCode: 'HM001', custodian: '王建华', custodianPhone: '13800138000', ...actor });
  return l.call('equipment.recordTest', { kind, serialNo, date: '2026-11-20', passed: true, tester: '李秀英' });
}
const village = async () => (await l.call('coverage.get', {})).villages.find((v) => v.villageCode === 'HM001')!;

describe('equipment registry', () => {
  it('keeps serial and phone numbers as exact text and refuses a duplicate serial of the same kind', async () => {
    const u = await l.call('equipment.register', { kind: 'satellite_phone', serialNo: '0035882300000001', phoneNo: '17405000037', airtimeExpiry: '2027-06-30', homeLocationCode: 'WH01', ...actor });
    expect(u).toMatchObject({ serialNo: '0035882300000001', phoneNo: '17405000037', status: 'in_store' });
    await expect(l.call('equipment.register', { kind: 'satellite_phone', serialNo: '0035882300000001', homeLocationCode: 'WH01', ...actor })).rejects.toMatchObject({
      code: 'equipment.duplicate',
      field: 'serialNo',
    });
    await l.call('equipment.register', { kind: 'pump', serialNo: '0035882300000001', homeLocationCode: 'WH01', ...actor });
    await expect(l.call('equipment.register', { kind: 'pump', serialNo: 'P1', phoneNo: '123456', homeLocationCode: 'WH01', ...actor })).rejects.toMatchObject({ code: 'equipment.phoneOnly' });
  });

  it('hands out to a village and returns, each one action with its event in the history', async () => {
    await l.call('equipment.register', { kind: 'generator', serialNo: 'G-01', homeLocationCode: 'ST-HM', ...actor });
    const out = await l.call('equipment.handOut', { kind: 'generator', serialNo: 'G-01', villageCode: 'HM001', custodian: '王建华', custodianPhone: '13800138000', ...actor });
    expect(out).toMatchObject({ status: 'in_use', villageCode: 'HM001', streetCode: 'HM', custodian: '王建华' });
    await expect(l.call('equipment.handOut', { kind: 'generator', serialNo: 'G-01', villageCode: 'HM001', custodian: 'x', ...actor })).rejects.toMatchObject({ code: 'equipment.cannotHandOut' });
    await expect(l.call('equipment.handOut', { kind: 'generator', serialNo: 'G-02', villageCode: 'HM', custodian: 'x', ...actor })).rejects.toMatchObject({ code: 'equipment.notFound' });
    const back = await l.call('equipment.return', { kind: 'generator', serialNo: 'G-01', date: '2026-11-05', actor: '李秀英', reason: '汛后收回' });
    expect(back).toMatchObject({ status: 'in_store', villageCode: null, custodian: null });
    const h = await l.call('equipment.history', { kind: 'generator', serialNo: 'G-01' });
    expect(h.events.map((e) => e.type)).toEqual(['return', 'hand_out', 'register']);
    expect(h.events[1]).toMatchObject({ villageName: '东山社区', custodian: '王建华', actor: '张建国' });
    expect(() => l.db.sqlite.prepare('delete from equipment_event').run()).toThrow(/append-only/);
    await l.call('equipment.recordTest', { kind: 'generator', serialNo: 'G-01', date: '2026-11-06', passed: false, tester: '李秀英' });
    expect(() => l.db.sqlite.prepare('update equipment_test set passed = 1').run()).toThrow(/append-only/);
  });

  it('refuses handing out to something that is not a village', async () => {
    await l.call('equipment.register', { kind: 'pump', serialNo: 'P-9', homeLocationCode: 'ST-HM', ...actor });
    await expect(l.call('equipment.handOut', { kind: 'pump', serialNo: 'P-9', villageCode: 'HM', custodian: 'x', ...actor })).rejects.toMatchObject({ code: 'equipment.notVillage', field: 'villageCode' });
  });
});

describe('readiness tests and village coverage', () => {
  it('covers a village with a working phone, pump and generator; a failed test removes it until a pass', async () => {
    expect((await village()).reasons).toEqual(['缺少卫星电话', '缺少排水泵', '缺少应急发电机']);
    await unitAtVillage('satellite_phone', 'S1', { phoneNo: '17405000001', airtimeExpiry: '2027-12-31' });
    await unitAtVillage('pump', 'P1');
    await unitAtVillage('generator', 'G1');
    expect(await village()).toMatchObject({ covered: true, reasons: [] });

    const failed = await l.call('equipment.recordTest', { kind: 'generator', serialNo: 'G1', date: '2026-11-25', passed: false, tester: '李秀英', note: '无法启动' });
    expect(failed).toMatchObject({ status: 'repair', working: false });
    expect(await village()).toMatchObject({ covered: false, reasons: ['应急发电机在维修'] });
    const report = await l.call('coverage.get', { streetCode: 'HM' });
    expect(report.rate).toBe(0);
    expect(report.streets).toEqual([{ code: 'HM', name: '海门街道', villages: 1, covered: 0, rate: 0 }]);

    const fixed = await l.call('equipment.recordTest', { kind: 'generator', serialNo: 'G1', date: '2026-11-27', passed: true, tester: '李秀英' });
    expect(fixed).toMatchObject({ status: 'in_use', working: true });
    expect((await village()).covered).toBe(true);
  });

  it('names expired airtime and overdue tests as reasons', async () => {
    await unitAtVillage('satellite_phone', 'S1', { phoneNo: '17405000001', airtimeExpiry: '2026-11-01' });
    await unitAtVillage('pump', 'P1');
    await l.call('equipment.register', { kind: 'generator', serialNo: 'G1', homeLocationCode: 'ST-HM', ...actor });
    await l.call('equipment.handOut', { kind: 'generator', serialNo: 'G1', villageCode: 'HM001', custodian: '王建华', ...actor });
    // Off-season (November): generators are tested quarterly, so a test in July is overdue.
    await l.call('equipment.recordTest', { kind: 'generator', serialNo: 'G1', date: '2026-07-01', passed: true, tester: '李秀英' });
    expect((await village()).reasons).toEqual(['卫星电话资费已到期', '应急发电机试机逾期']);
    const due = await l.call('equipment.testsDue', { withinDays: 0 });
    expect(due).toEqual([expect.objectContaining({ kind: 'generator', serialNo: 'G1', dueDate: '2026-09-29', overdue: true, daysOverdue: 60, streetCode: 'HM' })]);
  });

  it('keeps the coverage rule as data', async () => {
    await unitAtVillage('satellite_phone', 'S1', { phoneNo: '17405000001' });
    l.db.sqlite.prepare(`insert into setting (key, value) values ('coverage.rule', '{"satellite_phone":1}')`).run();
    expect((await village()).covered).toBe(true);
  });
});

describe('shelters', () => {
  const base = { code: 'BZ1', name: '海门街道东山社区避灾安置点', level: 'village' as const, areaCode: 'HM001', capacity: 80, usableArea: 150, structure: '框架', appraisalDate: '2025-06-01', appraisalPassed: true, manager: '王建华', managerPhone: '13800138000' };

  it('computes what the data decides and waits for inspection on the rest', async () => {
    const s = await l.call('shelters.create', base);
    const byItem = Object.fromEntries(s.checklist.map((c) => [c.item, c.passed]));
    expect(byItem).toEqual({ level: true, site: null, structure: true, signs: null, facilities: null, stock: false, management: null, naming: true, area: true });
    expect(s.standardised).toBe(false);
  });

  it('fails capacity below the level minimum, less than 1.5 m² per person, an old appraisal and a bad name', async () => {
    const s = await l.call('shelters.create', { ...base, name: '东山礼堂', level: 'street', capacity: 90, usableArea: 120, appraisalDate: '2023-01-01' });
    expect(s.failing).toEqual(expect.arrayContaining(['level', 'area', 'structure', 'naming']));
    expect(s.checklist.find((c) => c.item === 'area')!.detail).toContain('1.33');
  });

  it('moves to standardised after a passing inspection, and the KPI follows; out of use needs a reason', async () => {
    await l.call('locations.create', { code: 'SH-BZ1', name: '东山储备点', kind: 'shelter_store', areaCode: 'HM001' });
    await l.call('shelters.create', base);
    l.db.sqlite.prepare(`update shelter set location_id = (select id from location where code = 'SH-BZ1') where code = 'BZ1'`).run();
    const allFacilities = ['duty_room', 'sleeping_rooms', 'store_room', 'toilets', 'kitchen', 'showers', 'water', 'lighting', 'communications', 'fire_equipment'] as const;
    const partial = await l.call('shelters.inspect', { code: 'BZ1', date: '2026-11-20', inspector: '李秀英', results: { site: true, signs: true, management: true }, facilities: allFacilities.filter((f) => f !== 'showers') });
    expect(partial.failing).toEqual(['facilities']);
    const ok = await l.call('shelters.inspect', { code: 'BZ1', date: '2026-11-21', inspector: '李秀英', results: {}, facilities: [...allFacilities] });
    expect(ok.standardised).toBe(true);
    expect(await l.call('shelters.kpi', {})).toMatchObject({ rate: 1, target: 0.9, inUse: 1, standardised: 1 });
    await expect(l.call('shelters.setInUse', { code: 'BZ1', inUse: false, date: '2026-11-22', actor: '张建国' })).rejects.toMatchObject({ field: 'reason' });
    const off = await l.call('shelters.setInUse', { code: 'BZ1', inUse: false, reason: '屋顶维修', date: '2026-11-22', actor: '张建国' });
    expect(off).toMatchObject({ inUse: false, outOfUseReason: '2026-11-22 张建国：屋顶维修' });
    expect((await l.call('shelters.kpi', {})).inUse).toBe(0);
  });
});
