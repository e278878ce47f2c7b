// 装备台账: serialised flood equipment. A new unit is registered at its home store, handed out when a village is
// given, its last test recorded, and its status set; a unit already in the ledger exactly as written is skipped.
// Serial and phone numbers are exact text: a number Excel has already rounded is refused, never guessed.
import { equipmentRegisterInput, type EquipmentUnit } from '../../api/contract.equipment.js';
import { today } from '../../common/dates.js';
import type { Db } from '../../db/executor.js';
import { equipmentLabels } from '../../i18n/equipment.js';
import { addTest, addUnit, applyStatus, equipmentKinds, handOutUnit, listUnits } from '../../equipment/registry.js';
import { listAreas } from '../../places/areas.js';
import { choices, districtName, locationIndex, numbered, PlaceIndex, seqField } from './common.js';
import type { Committer, ErrorSink, FieldSpec, ImportOptions, KindSpec, ParsedRow } from './kind.js';
import { checkSchema, failFromCore, Seen } from './master.js';

const statusChoices = choices(equipmentLabels.status, { 库存: 'in_store', 使用: 'in_use', 使用中: 'in_use', 维修中: 'repair', 待修: 'repair', 已报废: 'scrapped', 已调出: 'transferred_out' });
const resultChoices: Record<string, string> = { 合格: 'pass', 通过: 'pass', 正常: 'pass', 是: 'pass', 不合格: 'fail', 未通过: 'fail', 故障: 'fail', 否: 'fail', pass: 'pass', fail: 'fail' };

const fields: FieldSpec[] = [
  seqField,
  { key: 'kind', header: '装备类型', synonyms: ['类型', '装备种类', '类别'], type: 'text', max: 30, required: true },
  { key: 'name', header: '名称', synonyms: ['装备名称'], type: 'text', max: 60 },
  { key: 'model', header: '品牌型号', synonyms: ['型号', '规格型号', '品牌'], type: 'text', max: 60 },
  { key: 'serialNo', header: '出厂编号', synonyms: ['编号', '序列号', '机身号', '设备编号', 'SN'], type: 'code', max: 60, required: true },
  { key: 'powerKw', header: '功率(kW)', synonyms: ['功率', '功率kW', '额定功率'], type: 'money' },
  { key: 'flowM3h', header: '流量(m³/h)', synonyms: ['流量', '排水量'], type: 'money' },
  { key: 'purchaseDate', header: '购置日期', synonyms: ['购买日期', '采购日期'], type: 'date' },
  { key: 'fundingSource', header: '资金来源', synonyms: ['经费来源'], type: 'text', max: 60 },
  { key: 'home', header: '存放地点', synonyms: ['所属仓库', '仓库', '存放点', '保管单位'], type: 'text', max: 100, required: true },
  { key: 'village', header: '配发村社', synonyms: ['村社', '配发村', '所在村', '使用村社'], type: 'text', max: 100 },
  { key: 'street', header: '所属街道', synonyms: ['街道', '镇街'], type: 'text', max: 100, informational: true },
  { key: 'custodian', header: '保管人', synonyms: ['责任人', '管理人'], type: 'text', max: 50 },
  { key: 'custodianPhone', header: '联系电话', synonyms: ['电话', '保管人电话', '手机'], type: 'exact', max: 20 },
  { key: 'status', header: '状态', synonyms: ['装备状态', '使用状态'], type: 'choice', choices: statusChoices },
  { key: 'lastTest', header: '最近试机日期', synonyms: ['试机日期', '最近测试日期', '检测日期'], type: 'date' },
  { key: 'lastResult', header: '试机结果', synonyms: ['测试结果', '检测结果'], type: 'choice', choices: resultChoices },
  { key: 'phoneNo', header: '卫星电话号码', synonyms: ['卫星电话', '号码', '电话号码'], type: 'exact', max: 20 },
  { key: 'airtimeExpiry', header: '资费到期日', synonyms: ['资费到期', '话费到期日', '到期日'], type: 'date' },
  { key: 'note', header: '备注', synonyms: ['说明'], type: 'text', max: 200 },
];

class EquipmentCommitter implements Committer {
  private created = 0;
  private readonly seen = new Seen();
  private readonly kinds;
  private readonly villages;
  private readonly stores;
  private readonly existing;

  constructor(
    private readonly db: Db,
    private readonly errors: ErrorSink,
    private readonly options: ImportOptions,
  ) {
    this.kinds = new PlaceIndex(equipmentKinds(db).map((k) => ({ code: k.code, name: k.name })));
    this.villages = new PlaceIndex(listAreas(db, { level: 'village' }));
    this.stores = locationIndex(db);
    this.existing = new Map(listUnits(db, {}).map((u) => [`${u.kind}\u0000${u.serialNo}`, u]));
  }

  add(row: ParsedRow): void {
    const v = row.values as Record<string, string | number | { value: number } | undefined>;
    const kindFound = v.kind ? this.kinds.find(String(v.kind)) : null;
    if (kindFound && !('found' in kindFound)) this.errors.fail(row, 'kind', 'ledgers.row.unknownKind', { value: String(v.kind) });
    const kind = kindFound && 'found' in kindFound ? kindFound.found.code : undefined;
    const serialNo = v.serialNo as string | undefined;
    if (kind && serialNo) {
      const other = this.seen.check(`${kind}\u0000${serialNo}`, row.row);
      if (other !== null) this.errors.fail(row, 'serialNo', 'ledgers.row.duplicate', { other, what: `出厂编号 ${serialNo}` });
    }
    const home = this.place(row, 'home', v.home as string | undefined, this.stores, 'ledgers.row.unknownLocation');
    const village = v.village ? this.place(row, 'village', String(v.village), this.villages, 'ledgers.row.unknownArea') : undefined;
    if (row.failed) return;
    const parsed = checkSchema(
      equipmentRegisterInput,
      {
        kind,
        serialNo,
        name: v.name,
        model: v.model,
        powerKw: v.powerKw,
        flowM3h: v.flowM3h,
        purchaseDate: v.purchaseDate,
        fundingSource: v.fundingSource,
        homeLocationCode: home,
        phoneNo: v.phoneNo,
        airtimeExpiry: v.airtimeExpiry,
        note: v.note,
        date: v.purchaseDate ?? today(),
        actor: `导入 ${this.options.fileName}`.slice(0, 50),
      },
      row,
      this.errors,
    );
    if (!parsed) return;
    const current = this.existing.get(`${parsed.kind}\u0000${parsed.serialNo}`);
    if (current) {
      if (sameUnit(current, parsed.homeLocationCode, village ?? null, v)) this.errors.unchanged(row);
      else this.errors.fail(row, 'serialNo', 'ledgers.row.unitExists', { serial: parsed.serialNo });
      return;
    }
    try {
      addUnit(this.db, parsed);
      const actor = parsed.actor;
      const date = parsed.date;
      const status = v.status as string | undefined;
      if (village) {
        handOutUnit(this.db, { kind: parsed.kind, serialNo: parsed.serialNo, villageCode: village, custodian: (v.custodian as string | undefined) ?? '—', custodianPhone: v.custodianPhone as string | undefined, date, actor });
      }
      if (v.lastTest) addTest(this.db, { kind: parsed.kind, serialNo: parsed.serialNo, date: String(v.lastTest), passed: v.lastResult !== 'fail', tester: actor });
      const now = listUnits(this.db, { kind: parsed.kind, search: parsed.serialNo }).find((u) => u.serialNo === parsed.serialNo)!;
      if (status && status !== now.status && !(status === 'in_store' && now.status === 'in_use')) {
        applyStatus(this.db, { kind: parsed.kind, serialNo: parsed.serialNo, status: status as never, date, actor, reason: '导入' });
      }
      this.created++;
    } catch (e) {
      failFromCore(e, row, this.errors, { homeLocationCode: 'home', villageCode: 'village' });
    }
  }

  private place(row: ParsedRow, field: string, value: string | undefined, index: PlaceIndex<{ code: string; name: string }>, unknown: 'ledgers.row.unknownLocation' | 'ledgers.row.unknownArea'): string | undefined {
    if (!value) return undefined;
    const f = index.find(value);
    if ('found' in f) return f.found.code;
    this.errors.fail(row, field, 'ambiguous' in f ? 'ledgers.row.ambiguousArea' : unknown, { value });
    return undefined;
  }

  finish(): Record<string, number> {
    return { equipment: this.created };
  }
}

function sameUnit(u: EquipmentUnit, home: string, village: string | null, v: Record<string, unknown>): boolean {
  return u.homeLocationCode === home && (u.villageCode ?? null) === village && (v.phoneNo === undefined || v.phoneNo === u.phoneNo) && (v.model === undefined || v.model === u.model);
}

export const equipmentKind: KindSpec = {
  kind: 'equipment',
  fields,
  sheetIsLocation: false,
  title: '防汛装备台账',
  example: {
    kind: '排水泵',
    name: '移动式潜水泵',
    model: 'QW100-80-15',
    serialNo: '0020230001',
    powerKw: 15,
    flowM3h: 200,
    purchaseDate: '2023-05-01',
    fundingSource: '区级财政',
    home: 'ST-HM',
    village: 'HM001',
    custodian: '王建华',
    custodianPhone: '13800138000',
    status: '在用',
    lastTest: '2026-06-01',
    lastResult: '合格',
    phoneNo: '',
    airtimeExpiry: '',
    note: '',
  },
  begin: (db, errors, options) => new EquipmentCommitter(db, errors, options),
  exportSheet: (db) => ({
    sheetName: '装备台账',
    title: `${districtName(db)}防汛装备台账`,
    columns: numbered<EquipmentUnit>([
      { header: '装备类型', type: 'text', value: (u) => u.kindName },
      { header: '名称', type: 'text', value: (u) => u.name },
      { header: '品牌型号', type: 'text', value: (u) => u.model },
      { header: '出厂编号', type: 'code', value: (u) => u.serialNo },
      { header: '功率(kW)', type: 'money', value: (u) => u.powerKw },
      { header: '流量(m³/h)', type: 'money', value: (u) => u.flowM3h },
      { header: '购置日期', type: 'date', value: (u) => u.purchaseDate },
      { header: '资金来源', type: 'text', value: (u) => u.fundingSource },
      { header: '存放地点', type: 'code', value: (u) => u.homeLocationCode },
      { header: '配发村社', type: 'code', value: (u) => u.villageCode },
      { header: '所属街道', type: 'text', value: (u) => u.streetName },
      { header: '保管人', type: 'text', value: (u) => u.custodian },
      { header: '联系电话', type: 'code', value: (u) => u.custodianPhone },
      { header: '状态', type: 'text', value: (u) => equipmentLabels.status[u.status].zh },
      { header: '最近试机日期', type: 'date', value: (u) => u.lastTestDate },
      { header: '试机结果', type: 'text', value: (u) => (u.lastTestPassed === null ? null : u.lastTestPassed ? '合格' : '不合格') },
      { header: '卫星电话号码', type: 'code', value: (u) => u.phoneNo },
      { header: '资费到期日', type: 'date', value: (u) => u.airtimeExpiry },
      { header: '备注', type: 'text', value: (u) => u.note },
    ]),
    rows: listUnits(db, {}),
    totals: false,
  }),
};
