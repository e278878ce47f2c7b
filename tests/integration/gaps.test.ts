// Hand-built scenarios with known answers, and properties: gaps never go negative, and issuing into a gap closes it.
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/demo/demo.js';
import { receipt, seeded, tempLedger, type TempLedger } from './fixture.js';

const TODAY = '2026-11-28';
let l: TempLedger;
beforeAll(() => {
  process.env.RELIEF_LEDGER_TODAY = TODAY;
});
afterAll(() => {
  delete process.env.RELIEF_LEDGER_TODAY;
});
beforeEach(async () => {
  l = await seeded();
  await l.call('locations.create', { code: 'SH-1', name: '东山避灾点储备点', kind: 'shelter_store', areaCode: 'HM001' });
  await l.call('shelters.create', { code: 'BZ1', name: '海门街道东山社区避灾安置点', level: 'village', areaCode: 'HM001', capacity: 100, plannedEvacuees: 60, usableArea: 200 });
  l.db.sqlite.prepare(`update shelter set location_id = (select id from location where code = 'SH-1') where code = 'BZ1'`).run();
});
afterEach(() => l.close());

const materialGaps = async () => (await l.call('gaps.get', { kind: 'materials' })).gaps;

describe('norms and material gaps', () => {
  it('sizes a per-person norm by planned evacuees and finds the shortfall', async () => {
    await l.call('norms.set', { scope: 'location', locationCode: 'SH-1', itemCode: 'QUILT', basis: 'per_person', factor: 1, persons: 'evacuees' });
    await l.call('movements.post', receipt({ locationCode: 'SH-1', lines: [{ itemCode: 'QUILT', quantity: 45 }] }));
    const [g] = await materialGaps();
    expect(g).toMatchObject({ kind: 'materials', placeCode: 'SH-1', itemCode: 'QUILT', required: 60, usable: 45, shortfall: 15, purchase: 15, transfers: [] });
    expect(g!.action).toBe('采购 15条');
    expect(g!.basis).toContain('计划安置人数 60 × 1条/人');
  });

  it('rounds a fractional per-person norm up to whole units', async () => {
    await l.call('norms.set', { scope: 'shelter_level', shelterLevel: 'village', itemCode: 'QUILT', basis: 'per_person', factor: 0.05, persons: 'capacity' });
    expect((await materialGaps())[0]).toMatchObject({ required: 5, shortfall: 5 });
  });

  it('does not count stock at or within the rotation lead time, and does count the day after it', async () => {
    await l.call('norms.set', { scope: 'location', locationCode: 'SH-1', itemCode: 'WATER', basis: 'absolute', quantity: 10 });
    // Lead time 90 days from 2026-11-28 reaches 2027-02-26: a batch expiring that day is "expiring", one a day later is usable.
    await l.call('movements.post', receipt({ locationCode: 'SH-1', lines: [{ itemCode: 'WATER', batchNo: 'EDGE', quantity: 10, expiryDate: '2027-02-26' }] }));
    expect((await materialGaps())[0]).toMatchObject({ usable: 0, shortfall: 10 });
    expect((await materialGaps())[0]!.reason).toContain('过期或临期 10箱');
    await l.call('movements.post', receipt({ locationCode: 'SH-1', lines: [{ itemCode: 'WATER', batchNo: 'NEXT', quantity: 10, expiryDate: '2027-02-27' }] }));
    expect(await materialGaps()).toEqual([]);
    const rotation = await l.call('gaps.rotation', {});
    expect(rotation).toEqual([expect.objectContaining({ batchNo: 'EDGE', status: 'expiring', daysLeft: 90, replacement: 10 })]);
  });

  it('suggests moving surplus from the same street first, then the district warehouses, and buying the rest', async () => {
    await l.call('norms.set', { scope: 'location', locationCode: 'SH-1', itemCode: 'QUILT', basis: 'absolute', quantity: 100 });
    await l.call('norms.set', { scope: 'location', locationCode: 'ST-HM', itemCode: 'QUILT', basis: 'absolute', quantity: 20 });
    await l.call('movements.post', receipt({ locationCode: 'ST-HM', lines: [{ itemCode: 'QUILT', quantity: 50 }] }));
    await l.call('movements.post', receipt({ locationCode: 'WH02', lines: [{ itemCode: 'QUILT', quantity: 40 }] }));
    const g = (await materialGaps()).find((x) => x.placeCode === 'SH-1')!;
    expect(g.transfers).toEqual([
      { locationCode: 'ST-HM', locationName: '海门储备点', quantity: 30 },
      { locationCode: 'WH02', locationName: '二号库', quantity: 40 },
    ]);
    expect(g.purchase).toBe(30);
    expect(g.action).toBe('从海门储备点调拨 30条；从二号库调拨 40条；采购 30条');
  });

  it('applies a street norm to all its shelters, overridden by the shelter own norm', async () => {
    await l.call('norms.set', { scope: 'street_shelters', streetCode: 'HM', itemCode: 'QUILT', basis: 'absolute', quantity: 7 });
    expect((await materialGaps())[0]).toMatchObject({ required: 7 });
    await l.call('norms.set', { scope: 'location', locationCode: 'SH-1', itemCode: 'QUILT', basis: 'absolute', quantity: 3 });
    expect((await materialGaps())[0]).toMatchObject({ required: 3 });
    expect(await l.call('norms.list', {})).toHaveLength(2);
  });

  it('writes the default shelter norms for the items the catalogue has, naming the ones it lacks', async () => {
    const r = await l.call('norms.applyDefaults', {});
    expect(r.created).toBe(6); // 棉被 and 瓶装饮用水, for each of the three levels
    expect(r.missingItems).toEqual(expect.arrayContaining(['毛巾被', '折叠床', '应急灯']));
  });
});

describe('readiness gaps', () => {
  it('lists a broken pump as a village coverage gap with a repair action', async () => {
    await l.call('equipment.register', { kind: 'pump', serialNo: 'P1', homeLocationCode: 'ST-HM', date: '2026-11-01', actor: 'x' });
    await l.call('equipment.handOut', { kind: 'pump', serialNo: 'P1', villageCode: 'HM001', custodian: '王建华', date: '2026-11-01', actor: 'x' });
    await l.call('equipment.recordTest', { kind: 'pump', serialNo: 'P1', date: '2026-11-20', passed: false, tester: 'x' });
    const gaps = (await l.call('gaps.get', { kind: 'equipment' })).gaps;
    expect(gaps.find((g) => g.itemCode === 'pump')).toMatchObject({ category: 'coverage', place: '东山社区', reason: '排水泵在维修', action: '维修或调配排水泵', shortfall: 1 });
  });

  it('lists a shelter failing checklist items, and an appraisal to renew', async () => {
    await l.call('shelters.update', { code: 'BZ1', structure: '框架' });
    const gaps = (await l.call('gaps.get', { kind: 'shelters' })).gaps;
    expect(gaps.map((g) => g.itemCode)).toEqual(expect.arrayContaining(['site', 'signs', 'structure']));
    expect(gaps.find((g) => g.itemCode === 'structure')).toMatchObject({ category: 'appraisal', action: '委托有资质机构重新鉴定' });
  });
});

describe('gap properties', () => {
  it('never go negative, and issuing the suggested quantity into a gap closes it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 300 }), async (held, norm, elsewhere) => {
        const x = await seeded();
        try {
          await x.call('norms.set', { scope: 'location', locationCode: 'ST-HM', itemCode: 'QUILT', basis: 'absolute', quantity: norm });
          if (held) await x.call('movements.post', receipt({ locationCode: 'ST-HM', lines: [{ itemCode: 'QUILT', quantity: held }] }));
          if (elsewhere) await x.call('movements.post', receipt({ locationCode: 'WH02', lines: [{ itemCode: 'QUILT', quantity: elsewhere }] }));
          const gaps = (await x.call('gaps.get', { kind: 'materials' })).gaps;
          for (const g of gaps) {
            expect(g.shortfall).toBeGreaterThan(0);
            expect(g.required - g.usable).toBe(g.shortfall);
            expect(g.transfers.reduce((a, t) => a + t.quantity, 0) + g.purchase).toBe(g.shortfall);
          }
          const gap = gaps.find((g) => g.placeCode === 'ST-HM');
          expect(Boolean(gap)).toBe(held < norm);
          if (gap) {
            for (const t of gap.transfers) await x.call('movements.transfer', { date: '2026-11-28', fromCode: t.locationCode, toCode: 'ST-HM', handler: 'h', lines: [{ itemCode: 'QUILT', quantity: t.quantity }] });
            if (gap.purchase) await x.call('movements.post', receipt({ locationCode: 'ST-HM', lines: [{ itemCode: 'QUILT', quantity: gap.purchase }] }));
            expect((await x.call('gaps.get', { kind: 'materials' })).gaps.find((g) => g.placeCode === 'ST-HM')).toBeUndefined();
          }
        } finally {
          x.close();
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('gaps for one street', () => {
  it('give that street’s rates and lines, not the district’s', async () => {
    const x = await tempLedger();
    try {
      loadDemo(x.db);
      const district = await x.call('gaps.get', {});
      // A street whose rates differ from the district's, so that the answer shows which it is.
      const street = district.streets.find(
        (s) => s.villageCoverageRate !== district.summary.villageCoverageRate && s.shelterStandardisedRate !== district.summary.shelterStandardisedRate,
      )!;
      expect(street).toBeDefined();
      const own = await x.call('gaps.get', { streetCode: street.code });
      expect(own.summary.villageCoverageRate).toBe(street.villageCoverageRate);
      expect(own.summary.shelterStandardisedRate).toBe(street.shelterStandardisedRate);
      expect(own.summary.materialsMeetingRate).toBe(street.materialsMeetingRate);
      expect(own.streets).toEqual([street]);
      expect(own.gaps.length).toBeGreaterThan(0);
      expect(own.gaps.every((g) => g.streetCode === street.code)).toBe(true);
    } finally {
      x.close();
    }
  });
});
