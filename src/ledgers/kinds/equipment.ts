// 装备台账: serialised flood equipment. A new unit is registered at its home store (its 存放地点, or the store of
// its village's street: the village is enough), handed out when a village is given, its last test recorded, and its
// status set; a unit already in the ledger exactly as written is skipped. Types and statuses are read as ledgers
// write them (卫星电话（天通）, 汽油发电机（5kW）; 正常, 故障, 待修).
// Serial and phone numbers are exact text: a number Excel has already rounded is refused, never guessed.
import { equipmentRegisterInput, type EquipmentUnit } from '../../api/contract.equipment.js';
import { today } from '../../common/dates.js';
import type { Db } from '../../db/executor.js';
import { equipmentLabels } from '../../i18n/equipment.js';
import { addTest, addUnit, applyStatus, equipmentKinds, handOutUnit, listUnits } from '../../equipment/registry.js';
import { choiceKey, halfWidth } from '../normalise.js';
import { choices, districtName, numbered, PlaceIndex, seqField } from './common.js';
import type { MasterData } from './implied.js';
import type { Committer, ErrorSink, FieldSpec, ImportOptions, KindSpec, ParsedRow } from './kind.js';
import { checkSchema, failFromCore, Seen } from './master.js';

/**
 * Statuses as ledgers write them. 正常/完好 say the unit works, not where it is: it stays as placed (在用 when
 * handed out to a village, else 在库); 故障/待修/损坏 send it to 维修.
 */
const statusChoices = choices(equipmentLabels.status, {
  库存: 'in_store',
  备用: 'in_store',
  使用: 'in_use',
  使用中: 'in_use',
  已配发: 'in_use',
  维修中: 'repair',
  待修: 'repair',
  待维修: 'repair',
  故障: 'repair',
  损坏: 'repair',
  已损坏: 'repair',
  送修: 'repair',
  已报废: 'scrapped',
  已调出: 'transferred_out',
  调出: 'transferred_out',
});
for (const word of ['正常', '完好', '良好', '可用', '在位']) statusChoices[choiceKey(word)] = 'working';
const resultChoices: Record<string, string> = { 合格: 'pass', 通过: 'pass', 正常: 'pass', 是: 'pass', 不合格: 'fail', 未通过: 'fail', 故障: 'fail', 否: 'fail', pass: 'pass', fail: 'fail' };

/**
 * Everyday words for each kind of equipment, matched once the brackets are off (卫星电话（天通） → 卫星电话,
 * 汽油发电机（5kW） → 汽油发电机), then as a word the type contains (…发电机 → generator). Extend here.
 */
const kindWords: Record<string, string> = {
  卫星电话: 'satellite_phone',
  天通卫星电话: 'satellite_phone',
  海事卫星电话: 'satellite_phone',
  北斗卫星电话: 'satellite_phone',
  卫星手机: 'satellite_phone',
  冲锋舟: 'assault_boat',
  冲锋艇: 'assault_boat',
  橡皮艇: 'rubber_boat',
  动力橡皮艇: 'rubber_boat',
  橡皮舟: 'rubber_boat',
  充气艇: 'rubber_boat',
  排水泵: 'pump',
  水泵: 'pump',
  潜水泵: 'pump',
  抽水泵: 'pump',
  排涝泵: 'pump',
  移动泵站: 'pump',
  抽水机: 'pump',
  发电机: 'generator',
  发电机组: 'generator',
  应急发电机: 'generator',
  汽油发电机: 'generator',
  柴油发电机: 'generator',
};
const kindWordsByLength = Object.keys(kindWords).sort((a, b) => b.length - a.length);

const fields: FieldSpec[] = [
  seqField,
  { key: 'kind', header: '装备类型', synonyms: ['类型', '装备种类', '类别', '设备类型', '装备类别', '种类'], type: 'text', max: 30, required: true },
  { key: 'name', header: '名称', synonyms: ['装备名称', '设备名称'], type: 'text', max: 60 },
  { key: 'model', header: '品牌型号', synonyms: ['型号', '规格型号', '品牌', '品牌/型号', '品牌及型号'], type: 'text', max: 60 },
  { key: 'serialNo', header: '出厂编号', synonyms: ['编号', '序列号', '机身号', '设备编号', 'SN', '出厂序列号', '串号', 'IMEI'], type: 'code', max: 60, required: true },
  { key: 'powerKw', header: '功率(kW)', synonyms: ['功率', '功率kW', '额定功率'], type: 'money' },
  { key: 'flowM3h', header: '流量(m³/h)', synonyms: ['流量', '排水量'], type: 'money' },
  { key: 'purchaseDate', header: '购置日期', synonyms: ['购买日期', '采购日期', '配发日期'], type: 'date' },
  { key: 'fundingSource', header: '资金来源', synonyms: ['经费来源'], type: 'text', max: 60 },
  { key: 'home', header: '存放地点', synonyms: ['所属仓库', '仓库', '存放点', '保管单位', '存放位置', '存放仓库'], type: 'text', max: 100 },
  {
    key: 'village',
    header: '配发村社',
    synonyms: ['村社', '配发村', '所在村', '使用村社', '村(社区)', '村社区', '所在村社', '所在村(社区)', '配发村(社区)', '配备村社', '村'],
    type: 'text',
    max: 100,
  },
  { key: 'street', header: '所属街道', synonyms: ['街道', '镇街', '街道(镇)', '所属镇街', '所属街道(镇)', '乡镇(街道)'], type: 'text', max: 100 },
  { key: 'custodian', header: '保管人', synonyms: ['责任人', '管理人', '保管员'], type: 'text', max: 50 },
  { key: 'custodianPhone', header: '联系电话', synonyms: ['电话', '保管人电话', '手机', '联系方式', '手机号码'], type: 'exact', max: 20 },
  { key: 'status', header: '状态', synonyms: ['装备状态', '使用状态', '设备状态', '状况', '完好情况', '完好状态'], type: 'choice', choices: statusChoices },
  {
    key: 'lastTest',
    header: '最近试机日期',
    synonyms: ['试机日期', '最近测试日期', '检测日期', '最近一次试机', '最近一次试机日期', '最近试机时间', '最近检测日期', '上次试机日期'],
    type: 'date',
  },
  { key: 'lastResult', header: '试机结果', synonyms: ['测试结果', '检测结果', '最近试机结果'], type: 'choice', choices: resultChoices },
  { key: 'phoneNo', header: '卫星电话号码', synonyms: ['卫星电话', '号码', '电话号码', '卫星号码', '卫星电话号'], type: 'exact', max: 20 },
  {
    key: 'airtimeExpiry',
    header: '资费到期日',
    synonyms: ['资费到期', '话费到期日', '到期日', '话费到期时间', '资费到期时间', '资费到期日期', '资费有效期至', '话费有效期至'],
    type: 'date',
  },
  { key: 'note', header: '备注', synonyms: ['说明'], type: 'text', max: 200 },
];

class EquipmentCommitter implements Committer {
  private created = 0;
  private readonly seen = new Seen();
  private readonly kinds;
  private readonly existing;
  private readonly master: MasterData;

  constructor(
    private readonly db: Db,
    private readonly errors: ErrorSink,
    private readonly options: ImportOptions,
  ) {
    this.kinds = new PlaceIndex(equipmentKinds(db).map((k) => ({ code: k.code, name: k.name })));
    this.master = options.master;
    this.existing = new Map(listUnits(db, {}).map((u) => [`${u.kind}\u0000${u.serialNo}`, u]));
  }

  /**
   * The kind a type names: by its code or name, else by an everyday word with the brand or size in brackets taken
   * off; the bracket goes to the power (5kW) or the model, the word to the name, when those cells are empty.
   */
  private kindOf(row: ParsedRow, v: Record<string, unknown>): string | undefined {
    const text = v.kind as string | undefined;
    if (!text) return undefined;
    const direct = this.kinds.find(text);
    if ('found' in direct) return direct.found.code;
    const t = halfWidth(text).trim();
    const detail = /\(([^()]*)\)\s*$/.exec(t)?.[1]?.trim();
    const bare = t.replace(/\([^()]*\)/g, '').trim();
    const named = this.kinds.find(bare);
    const kind = 'found' in named ? named.found.code : (kindWords[bare] ?? kindWords[kindWordsByLength.find((w) => bare.includes(w)) ?? '']);
    if (!kind) {
      const names = [...new Set([...equipmentKinds(this.db).map((k) => k.name), ...Object.keys(kindWords)])].join('、');
      this.errors.fail(row, 'kind', 'ledgers.row.unknownKindWord', { value: text, choices: names });
      return undefined;
    }
    const power = detail ? /^(\d+(?:\.\d+)?)\s*(?:kw|千瓦)$/i.exec(detail) : null;
    if (power && v.powerKw === undefined) v.powerKw = Number(power[1]);
    else if (detail && v.model === undefined) v.model = detail;
    const kindName = 'found' in named ? named.found.name : this.kinds.code(kind)?.name;
    if (bare !== kindName && v.name === undefined) v.name = bare;
    return kind;
  }

  /**
   * Where a unit is kept and which village it serves: its 存放地点, else — the village being enough — the store of
   * the village's street (created, with createMissing, as "<街道>应急物资储备点" when the street has none).
   */
  private placeOf(row: ParsedRow, v: Record<string, unknown>): { home?: string; village?: string } {
    const street = v.street ? this.master.street(row, 'street', v.street as string, { implied: true }) : undefined;
    const village = v.village && street !== null ? this.master.village(row, 'village', v.village as string, street ?? null, { implied: true }) : undefined;
    if (v.home) return { home: this.master.location(row, 'home', v.home as string, { implied: true })?.code, village: village?.code };
    if (!v.village) {
      this.errors.fail(row, 'home', 'ledgers.row.equipmentNeedsPlace');
      return {};
    }
    const streetOfVillage = village?.parentCode ? this.master.area(village.parentCode) : undefined;
    if (!village || !streetOfVillage) return {};
    return { home: this.master.storeOf(row, streetOfVillage)?.code, village: village.code };
  }

  add(row: ParsedRow): void {
    const v = row.values as Record<string, string | number | { value: number } | undefined>;
    const kind = this.kindOf(row, v);
    const serialNo = v.serialNo as string | undefined;
    if (kind && serialNo) {
      const other = this.seen.check(`${kind}\u0000${serialNo}`, row.row);
      if (other !== null) this.errors.fail(row, 'serialNo', 'ledgers.row.duplicate', { other, what: `出厂编号 ${serialNo}` });
    }
    const { home, village } = this.placeOf(row, v);
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
      if (status && status !== 'working' && status !== now.status && !(status === 'in_store' && now.status === 'in_use')) {
        applyStatus(this.db, { kind: parsed.kind, serialNo: parsed.serialNo, status: status as never, date, actor, reason: '导入' });
      }
      this.created++;
    } catch (e) {
      failFromCore(e, row, this.errors, { homeLocationCode: 'home', villageCode: 'village' });
    }
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
  needs: [['home'], ['village']],
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
