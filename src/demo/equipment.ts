// The demo's flood equipment and shelter inspections: the plan's 285 / 10 / 20 / 253 / 217 units, coverage high
// but not perfect, test histories with a few failures and overdue tests, and shelters whose checklists put the
// KPI near but below the 90% target.
import { addDays } from '../common/dates.js';
import type { Db } from '../db/executor.js';
import { addTest, addUnit, handOutUnit } from '../equipment/registry.js';
import { shelterFacilities } from '../api/contract.equipment.js';
import { recordInspection, shelterKpi } from '../shelters/registry.js';
import * as jj from './jiaojiang.js';

interface Tools {
  rnd: () => number;
  int: (lo: number, hi: number) => number;
  pick: <T>(xs: readonly T[]) => T;
  on: string;
}

const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '林', '郑', '蒋', '叶'];
const given = ['建华', '海军', '美玲', '志刚', '小红', '国平', '丽萍', '伟东', '秀芳', '永强', '春燕', '立新'];

const person = (t: Tools) => `${t.pick(surnames)}${t.pick(given)}`;
const mobile = (t: Tools) => `1${t.pick(['35', '38', '57', '59', '87', '88'])}${String(t.int(0, 99_999_999)).padStart(8, '0')}`;

export function loadDemoEquipment(db: Db, t: Tools, villagesByStreet: Map<string, { code: string; name: string }[]>): number {
  const villages = [...villagesByStreet.entries()].flatMap(([street, vs]) => vs.map((v) => ({ ...v, street })));
  let units = 0;

  const register = (kind: string, serialNo: string, home: string, extra: Partial<Parameters<typeof addUnit>[1]> = {}) => {
    addUnit(
      db,
      {
        kind,
        serialNo,
        homeLocationCode: home,
        date: addDays(t.on, -t.int(400, 1500)),
        actor: t.pick(jj.handlers),
        purchaseDate: addDays(t.on, -t.int(400, 1500)),
        fundingSource: t.pick(['区级财政', '省级防汛补助', '中央救灾资金', '社会捐赠']),
        ...extra,
      },
      true,
    );
    units++;
  };

  /** A test history ending on `last`; a failed last test sends the unit to repair. */
  const history = (kind: string, serialNo: string, last: string, passed: boolean, every: number) => {
    for (let k = 3; k >= 1; k--) addTest(db, { kind, serialNo, date: addDays(last, -every * k), passed: true, tester: person(t) });
    addTest(db, { kind, serialNo, date: last, passed, tester: person(t), note: passed ? undefined : t.pick(['无法启动', '电池无法充电', '漏油', '信号异常']) });
  };

  // Phones, pumps and generators: one per village first (a few villages are left short), then the rest spread.
  const spread = (kind: string, total: number, shortVillages: number, serial: (i: number) => string, extra: (i: number) => object) => {
    const order = [...villages].sort(() => t.rnd() - 0.5);
    const targets = order.slice(shortVillages);
    for (let i = 0; i < total; i++) {
      const v = i < targets.length ? targets[i]! : t.pick(targets);
      const serialNo = serial(i);
      register(kind, serialNo, `ST-${v.street}`, extra(i));
      handOutUnit(db, { kind, serialNo, villageCode: v.code, custodian: person(t), custodianPhone: mobile(t), date: addDays(t.on, -t.int(200, 700)), actor: t.pick(jj.handlers) });
      const r = t.rnd();
      const interval = kind === 'satellite_phone' ? 30 : 90;
      // ~1% failed their last test, ~1.5% are overdue, the rest are up to date.
      if (r < 0.01) history(kind, serialNo, addDays(t.on, -t.int(1, 20)), false, interval);
      else if (r < 0.025) history(kind, serialNo, addDays(t.on, -t.int(interval + 5, interval + 60)), true, interval);
      else history(kind, serialNo, addDays(t.on, -t.int(1, interval - 3)), true, interval);
    }
  };

  spread('satellite_phone', 285, 1, (i) => `35${String(8_823_000_000_000 + i * 7919).padStart(13, '0')}`, (i) => ({
    model: t.pick(['天通 T900', '天通 T901', '华为 Mate 天通版']),
    phoneNo: `1740${String(5_000_000 + i * 37).padStart(7, '0')}`,
    // A handful of phones' airtime ran out last month.
    airtimeExpiry: addDays(t.on, t.rnd() < 0.015 ? -t.int(5, 40) : t.int(30, 400)),
  }));
  spread('pump', 253, 2, (i) => `P2023${String(i + 1).padStart(5, '0')}`, () => ({
    model: t.pick(['QW100-80-15', 'ZQB-300', '移动式潜水泵 200m³/h']),
    flowM3h: t.pick([100, 200, 300, 500]),
    powerKw: t.pick([7.5, 11, 15, 22]),
  }));
  spread('generator', 217, 2, (i) => `0${String(21_000_000 + i * 13).padStart(9, '0')}`, () => ({
    model: t.pick(['柴油 30kW', '汽油 8kW', '柴油 50kW 静音']),
    powerKw: t.pick([8, 15, 30, 50]),
  }));

  // Boats wait in the district warehouses and street stores, inspected before each flood season.
  const boatHomes = [...jj.warehouses.map((w) => w.code), ...jj.streets.map((s) => `ST-${s.code}`)];
  const seasonStart = `${t.on.slice(0, 4)}-03-${String(t.int(10, 28)).padStart(2, '0')}`;
  for (const [kind, total, prefix, model] of [
    ['assault_boat', 10, 'CFZ', '玻璃钢冲锋舟 5.2m'],
    ['rubber_boat', 20, 'XPT', '动力橡皮艇 4.3m 40HP'],
  ] as const) {
    for (let i = 0; i < total; i++) {
      const serialNo = `${prefix}${t.on.slice(2, 4)}${String(i + 1).padStart(4, '0')}`;
      register(kind, serialNo, boatHomes[i % boatHomes.length]!, { model, powerKw: 29.4 });
      addTest(db, { kind, serialNo, date: seasonStart, passed: true, tester: person(t), note: '汛前检查、发动机试车' });
    }
  }
  return units;
}

/** Shelter details and inspections; then a few more failed inspections until the KPI sits just below target. */
export function loadDemoShelterChecks(db: Db, t: Tools): void {
  const shelters = db.all(db.q.selectFrom('shelter').select(['code', 'id']).orderBy('code'));
  for (const s of shelters) {
    db.run(
      db.q
        .updateTable('shelter')
        .set({
          type: t.pick(['学校', '文化礼堂', '村委会办公楼', '体育馆', '社区服务中心']),
          structure: t.pick(['框架', '砖混', '钢筋混凝土']),
          manager: person(t),
          manager_phone: mobile(t),
          appraisal_date: addDays(t.on, -(t.rnd() < 0.02 ? t.int(1150, 1500) : t.int(30, 1000))),
          appraisal_passed: 1,
          latitude: Math.round((28.6 + t.rnd() * 0.2) * 1e6) / 1e6,
          longitude: Math.round((121.4 + t.rnd() * 0.25) * 1e6) / 1e6,
        })
        .where('id', '=', s.id),
    );
    const facilities = t.rnd() < 0.02 ? shelterFacilities.filter((f) => f !== 'showers') : [...shelterFacilities];
    recordInspection(db, {
      code: s.code,
      date: addDays(t.on, -t.int(10, 200)),
      inspector: person(t),
      results: { site: true, signs: true, management: true },
      facilities,
      note: '年度规范化检查',
    });
  }
  const target = 0.9;
  let kpi = shelterKpi(db);
  const passing = kpi.shelters.filter((s) => s.inUse && s.standardised);
  for (const s of passing) {
    if (kpi.rate < target - 0.01) break;
    recordInspection(db, { code: s.code, date: addDays(t.on, -t.int(5, 30)), inspector: person(t), results: { signs: false }, note: '疏散指示标识缺失，待整改' });
    kpi = shelterKpi(db);
  }
}
