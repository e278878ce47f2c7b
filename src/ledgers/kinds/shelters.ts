// 避灾场所名录: the shelter register. A new shelter gets its own store (SH-<code>) in its area for the stock it
// holds; a shelter already in the register exactly as written is skipped, one that differs is an error. No
// 场所编码 is needed (the next BZ code, listed in the report); its area is its village (所属村社, within 所属街道
// when given) or its street; levels as written (村级, 村(社区)级, 镇级, 乡镇(街道)级, 县级, 区级 …).
import { shelterCreateInput, type ShelterView } from '../../api/contract.equipment.js';
import type { Db } from '../../db/executor.js';
import { labels, message } from '../../i18n/messages.js';
import { addLocation, findLocation } from '../../places/locations.js';
import { addShelter, listShelters } from '../../shelters/registry.js';
import { choices, districtName, numbered, seqField } from './common.js';
import type { MasterData } from './implied.js';
import type { Committer, ErrorSink, FieldSpec, KindSpec, ParsedRow } from './kind.js';
import { checkSchema, failFromCore, firstDifference, Seen } from './master.js';

/** Levels as lists write them: 村级, 村(社区)级, 镇级, 乡镇(街道)级, 县级, 区级 … (brackets and spaces are ignored). */
const levelChoices = choices(labels.shelterLevel, {
  区级: 'district',
  县级: 'district',
  县区级: 'district',
  区县级: 'district',
  '县(区)级': 'district',
  '县(市、区)级': 'district',
  市级: 'district',
  街道级: 'street',
  乡镇级: 'street',
  镇级: 'street',
  乡级: 'street',
  镇街级: 'street',
  街道乡镇级: 'street',
  乡镇街道级: 'street',
  村级: 'village',
  社区级: 'village',
  村社级: 'village',
  村社区级: 'village',
  村居级: 'village',
  '村(居)级': 'village',
});
const yesNo: Record<string, string> = { 是: 'yes', 合格: 'yes', 通过: 'yes', 在用: 'yes', 否: 'no', 不合格: 'no', 未通过: 'no', 停用: 'no', yes: 'yes', no: 'no' };

const fields: FieldSpec[] = [
  seqField,
  { key: 'code', header: '场所编码', synonyms: ['编码', '编号', '场所编号'], type: 'code', max: 40 },
  { key: 'name', header: '名称', synonyms: ['场所名称', '避灾场所名称', '安置点名称', '避灾安置场所名称', '避灾点名称'], type: 'text', max: 100, required: true },
  { key: 'level', header: '级别', synonyms: ['场所级别', '等级', '场所等级', '类别'], type: 'choice', choices: levelChoices, required: true },
  {
    key: 'area',
    header: '所属村社',
    synonyms: ['村社', '所属区域', '所在村', '村(社区)', '村社区', '所在村社', '所在村(社区)', '所属村(社区)', '村'],
    type: 'text',
    max: 100,
  },
  { key: 'street', header: '所属街道', synonyms: ['街道', '街道(镇)', '镇街', '所属镇街', '所属街道(镇)', '乡镇(街道)', '所在街道', '所在乡镇(街道)'], type: 'text', max: 100 },
  { key: 'type', header: '场所类型', synonyms: ['类型', '建筑类型'], type: 'text', max: 30 },
  { key: 'address', header: '地址', synonyms: ['详细地址'], type: 'text', max: 200 },
  { key: 'longitude', header: '经度', synonyms: ['东经'], type: 'raw' },
  { key: 'latitude', header: '纬度', synonyms: ['北纬'], type: 'raw' },
  { key: 'structure', header: '结构', synonyms: ['建筑结构', '结构类型'], type: 'text', max: 30 },
  { key: 'buildingArea', header: '建筑面积(m²)', synonyms: ['建筑面积'], type: 'money' },
  { key: 'usableArea', header: '使用面积(m²)', synonyms: ['使用面积', '可用面积', '面积', '安置面积', '有效面积'], type: 'money' },
  { key: 'capacity', header: '可容纳人数', synonyms: ['容纳人数', '容量', '可安置人数', '容纳人数(人)', '最大容纳人数'], type: 'integer', units: ['人'], required: true },
  { key: 'plannedEvacuees', header: '计划安置人数', synonyms: ['转移安置人数', '安置人数'], type: 'integer', units: ['人'] },
  { key: 'manager', header: '管理员', synonyms: ['负责人', '管理人', '场所负责人', '管理责任人'], type: 'text', max: 30 },
  { key: 'managerPhone', header: '电话', synonyms: ['联系电话', '管理员电话', '负责人电话', '手机'], type: 'exact', max: 20 },
  { key: 'appraisalDate', header: '安全鉴定日期', synonyms: ['鉴定日期'], type: 'date' },
  { key: 'appraisalPassed', header: '鉴定结论', synonyms: ['鉴定结果'], type: 'choice', choices: yesNo },
  { key: 'inUse', header: '在用', synonyms: ['使用状态'], type: 'choice', choices: yesNo },
  { key: 'standardised', header: '规范化达标', synonyms: ['是否达标'], type: 'raw', informational: true },
];

/** Coordinates carry more decimals than money: read them as plain numbers (full-width digits tolerated). */
export function decimal(v: unknown): number | undefined | string {
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'number') return v;
  const t = String(v)
    .replace(/[０-９．]/g, (d) => (d === '．' ? '.' : String.fromCharCode(d.charCodeAt(0) - 0xfee0)))
    .trim();
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

class ShelterCommitter implements Committer {
  private created = 0;
  private readonly seen = new Seen();
  private readonly existing;
  private readonly byName = new Map<string, ShelterView>();
  private readonly codes;

  constructor(
    private readonly db: Db,
    private readonly master: MasterData,
    private readonly errors: ErrorSink,
  ) {
    this.existing = new Map(listShelters(db).map((s) => [s.code, s]));
    for (const s of this.existing.values()) this.byName.set(`${s.areaCode}\u0000${s.name}`, s);
    this.codes = master.sequence('shelter:BZ', 'BZ', 3, this.existing.keys(), (c) => this.existing.has(c));
  }

  /** The shelter's area: its village (within its street when given), else its street. */
  private area(row: ParsedRow, v: Record<string, unknown>): string | undefined {
    const streetText = v.street as string | undefined;
    const villageText = v.area as string | undefined;
    const street = streetText ? this.master.street(row, 'street', streetText, { implied: true }) : undefined;
    if (street === null) return undefined;
    if (villageText) {
      // 所属村社 may hold a street's name too (a 乡镇(街道)级 shelter).
      const asStreet = street ? undefined : this.master.findArea(villageText, 'street');
      if (asStreet && 'found' in asStreet) return asStreet.found.code;
      return this.master.village(row, 'area', villageText, street ?? null, { implied: true })?.code;
    }
    if (street) return street.code;
    this.errors.fail(row, 'area', 'ledgers.value.required', { header: '所属村社' });
    return undefined;
  }

  add(row: ParsedRow): void {
    const v = row.values as Record<string, unknown>;
    const given = v.code as string | undefined;
    if (given) {
      const other = this.seen.check(given, row.row);
      if (other !== null) this.errors.fail(row, 'code', 'ledgers.row.duplicate', { other, what: `场所编码 ${given}` });
    }
    const areaCode = this.area(row, v);
    if (row.failed || !areaCode) return;
    // Without a code, a shelter is its name in its area: the same one already registered, or the next BZ code.
    const named = given ? undefined : this.byName.get(`${areaCode}\u0000${String(v.name ?? '')}`);
    if (!given && v.name) {
      const other = this.seen.check(`\u0000${areaCode}\u0000${String(v.name)}`, row.row);
      if (other !== null) {
        this.errors.fail(row, 'name', 'ledgers.row.duplicate', { other, what: String(v.name) });
        return;
      }
    }
    const code = given ?? named?.code ?? this.codes.next();
    const input = {
      code,
      name: v.name,
      level: v.level,
      areaCode,
      type: v.type,
      address: v.address,
      latitude: decimal(v.latitude),
      longitude: decimal(v.longitude),
      structure: v.structure,
      buildingArea: v.buildingArea,
      usableArea: v.usableArea,
      capacity: v.capacity,
      plannedEvacuees: v.plannedEvacuees,
      manager: v.manager,
      managerPhone: v.managerPhone,
      appraisalDate: v.appraisalDate,
      appraisalPassed: v.appraisalPassed === undefined ? undefined : v.appraisalPassed === 'yes',
    };
    const parsed = checkSchema(shelterCreateInput, input, row, this.errors);
    if (!parsed) return;
    const current = this.existing.get(parsed.code);
    if (current) {
      const now = { name: parsed.name, level: parsed.level, areaCode: parsed.areaCode, capacity: parsed.capacity, usableArea: parsed.usableArea, plannedEvacuees: parsed.plannedEvacuees, manager: parsed.manager, managerPhone: parsed.managerPhone, appraisalDate: parsed.appraisalDate };
      const diff = firstDifference(current as unknown as Record<string, unknown>, now);
      if (!diff) this.errors.unchanged(row);
      else {
        const header = fields.find((f) => f.key === diff || (diff === 'areaCode' && f.key === 'area'))?.header ?? diff;
        const t = message('ledgers.row.shelterExists', { code: parsed.code, field: header, current: String((current as unknown as Record<string, unknown>)[diff] ?? ''), given: String((now as Record<string, unknown>)[diff] ?? '') });
        this.errors.failText(row, diff === 'areaCode' ? 'area' : diff, t.zh, t.en);
      }
      return;
    }
    try {
      const storeCode = `SH-${parsed.code}`;
      if (!findLocation(this.db, storeCode)) this.master.noteLocation(addLocation(this.db, { code: storeCode, name: `${parsed.name}储备点`, kind: 'shelter_store', areaCode: parsed.areaCode }));
      addShelter(this.db, parsed, findLocation(this.db, storeCode)!.id);
      if (v.inUse === 'no') this.db.run(this.db.q.updateTable('shelter').set({ in_use: 0, out_of_use_reason: '导入时为停用' }).where('code', '=', parsed.code));
      this.existing.set(parsed.code, { code: parsed.code } as ShelterView);
      if (!given) this.master.record('shelter', parsed.code, parsed.name, parsed.areaCode, false, row);
      this.created++;
    } catch (e) {
      failFromCore(e, row, this.errors, { areaCode: 'area' });
    }
  }

  finish(): Record<string, number> {
    return { shelters: this.created };
  }
}

export const sheltersKind: KindSpec = {
  kind: 'shelters',
  fields,
  needs: [['area'], ['street']],
  sheetIsLocation: false,
  title: '避灾安置场所名录',
  example: {
    code: 'BZ001',
    name: '海门街道东山社区避灾安置点',
    level: '村(社区)级',
    area: 'HM001',
    type: '文化礼堂',
    address: '东山社区文化礼堂',
    longitude: 121.44,
    latitude: 28.68,
    structure: '框架',
    buildingArea: 300,
    usableArea: 200,
    capacity: 120,
    plannedEvacuees: 90,
    manager: '王建华',
    managerPhone: '13800138000',
    appraisalDate: '2025-06-01',
    appraisalPassed: '合格',
    inUse: '是',
  },
  begin: (db, errors, options) => new ShelterCommitter(db, options.master, errors),
  exportSheet: (db) => ({
    sheetName: '避灾场所名录',
    title: `${districtName(db)}避灾安置场所名录`,
    columns: numbered<ShelterView>([
      { header: '场所编码', type: 'code', value: (s) => s.code },
      { header: '名称', type: 'text', value: (s) => s.name },
      { header: '级别', type: 'text', value: (s) => labels.shelterLevel[s.level].zh },
      { header: '所属村社', type: 'code', value: (s) => s.areaCode },
      { header: '场所类型', type: 'text', value: (s) => s.type },
      { header: '地址', type: 'text', value: (s) => s.address },
      { header: '经度', type: 'code', value: (s) => (s.longitude === null ? null : String(s.longitude)) },
      { header: '纬度', type: 'code', value: (s) => (s.latitude === null ? null : String(s.latitude)) },
      { header: '结构', type: 'text', value: (s) => s.structure },
      { header: '建筑面积(m²)', type: 'money', value: (s) => s.buildingArea },
      { header: '使用面积(m²)', type: 'money', value: (s) => s.usableArea },
      { header: '可容纳人数', type: 'integer', value: (s) => s.capacity, total: true },
      { header: '计划安置人数', type: 'integer', value: (s) => s.plannedEvacuees, total: true },
      { header: '管理员', type: 'text', value: (s) => s.manager },
      { header: '电话', type: 'code', value: (s) => s.managerPhone },
      { header: '安全鉴定日期', type: 'date', value: (s) => s.appraisalDate },
      { header: '鉴定结论', type: 'text', value: (s) => (s.appraisalPassed === null ? null : s.appraisalPassed ? '合格' : '不合格') },
      { header: '在用', type: 'text', value: (s) => (s.inUse ? '是' : '否') },
      { header: '规范化达标', type: 'text', value: (s) => (s.standardised ? '达标' : `未达标`) },
    ]),
    rows: listShelters(db),
    totals: true,
  }),
};
