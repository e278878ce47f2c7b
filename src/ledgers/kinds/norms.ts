// 储备定额: reserve norms. Norms are settings, not ledger entries: a row sets (creates or replaces) the norm of its
// target for its item.
import { type NormView, normSetInput } from '../../api/contract.gaps.js';
import type { Db } from '../../db/executor.js';
import { listNorms, putNorm } from '../../norms/norms.js';
import { districtName, numbered, seqField } from './common.js';
import type { Committer, ErrorSink, FieldSpec, KindSpec, ParsedRow } from './kind.js';
import { checkSchema, failFromCore, firstDifference, Seen } from './master.js';
import { decimal } from './shelters.js';

const scopeChoices: Record<string, string> = { 本点: 'location', 存放地点: 'location', 地点: 'location', location: 'location', 街道所有场所: 'street_shelters', 街道场所: 'street_shelters', street_shelters: 'street_shelters', 场所级别: 'shelter_level', 级别: 'shelter_level', shelter_level: 'shelter_level' };
const basisChoices: Record<string, string> = { 按数量: 'absolute', 数量: 'absolute', 定量: 'absolute', absolute: 'absolute', 按人数: 'per_person', 每人: 'per_person', 人均: 'per_person', per_person: 'per_person' };
const personsChoices: Record<string, string> = { 计划安置人数: 'evacuees', 安置人数: 'evacuees', evacuees: 'evacuees', 可容纳人数: 'capacity', capacity: 'capacity', 转移人口: 'population', 转移安置人口: 'population', population: 'population' };
const levelNames: Record<string, string> = { 县级: 'district', 区级: 'district', district: 'district', '乡镇(街道)级': 'street', 街道级: 'street', street: 'street', '村(社区)级': 'village', 村级: 'village', village: 'village' };
const scopeNames = { location: '本点', street_shelters: '街道所有场所', shelter_level: '场所级别' } as const;
const basisNames = { absolute: '按数量', per_person: '按人数' } as const;
const personsNames = { evacuees: '计划安置人数', capacity: '可容纳人数', population: '转移人口' } as const;
const levelLabel = { district: '县级', street: '乡镇(街道)级', village: '村(社区)级' } as const;

const fields: FieldSpec[] = [
  seqField,
  { key: 'scope', header: '定额范围', synonyms: ['范围'], type: 'choice', choices: scopeChoices, required: true },
  { key: 'target', header: '对象', synonyms: ['定额对象', '地点编码', '街道编码', '场所级别'], type: 'text', max: 40, required: true },
  { key: 'targetName', header: '对象名称', type: 'text', informational: true },
  { key: 'itemCode', header: '物资编码', synonyms: ['编码'], type: 'code', max: 40, required: true },
  { key: 'itemName', header: '品名', synonyms: ['物资名称'], type: 'text', informational: true },
  { key: 'unit', header: '单位', type: 'text', informational: true },
  { key: 'basis', header: '定额方式', synonyms: ['方式'], type: 'choice', choices: basisChoices, required: true },
  { key: 'quantity', header: '定额数量', synonyms: ['数量'], type: 'money' },
  { key: 'factor', header: '每人系数', synonyms: ['系数', '人均'], type: 'raw' },
  { key: 'persons', header: '人数依据', synonyms: ['按何人数'], type: 'choice', choices: personsChoices },
  { key: 'note', header: '备注', synonyms: ['说明', '依据'], type: 'text', max: 200 },
];

class NormCommitter implements Committer {
  private set = 0;
  private readonly seen = new Seen();
  private readonly existing: NormView[];

  constructor(
    private readonly db: Db,
    private readonly errors: ErrorSink,
  ) {
    this.existing = listNorms(db);
  }

  add(row: ParsedRow): void {
    const v = row.values as Record<string, unknown>;
    const scope = v.scope as 'location' | 'street_shelters' | 'shelter_level' | undefined;
    const target = v.target as string | undefined;
    if (scope && target && v.itemCode) {
      const other = this.seen.check(`${scope}/${target}/${String(v.itemCode)}`, row.row);
      if (other !== null) this.errors.fail(row, 'itemCode', 'ledgers.row.duplicate', { other, what: `${target} ${String(v.itemCode)}` });
    }
    if (row.failed) return;
    const level = scope === 'shelter_level' && target ? levelNames[target] : undefined;
    const parsed = checkSchema(
      normSetInput,
      {
        scope,
        locationCode: scope === 'location' ? target : undefined,
        streetCode: scope === 'street_shelters' ? target : undefined,
        shelterLevel: scope === 'shelter_level' ? (level ?? target) : undefined,
        itemCode: v.itemCode,
        basis: v.basis,
        quantity: v.quantity,
        factor: decimal(v.factor),
        persons: v.persons,
        note: v.note,
      },
      row,
      this.errors,
    );
    if (!parsed) return;
    const same = this.existing.find(
      (n) => n.scope === parsed.scope && n.targetCode === (parsed.locationCode ?? parsed.streetCode ?? parsed.shelterLevel) && n.itemCode === parsed.itemCode,
    );
    if (same && !firstDifference(same as unknown as Record<string, unknown>, { basis: parsed.basis, quantity: parsed.quantity ?? null, factor: parsed.factor ?? null, persons: parsed.persons ?? null })) {
      this.errors.unchanged(row);
      return;
    }
    try {
      putNorm(this.db, parsed);
      this.set++;
    } catch (e) {
      failFromCore(e, row, this.errors, { locationCode: 'target', streetCode: 'target', shelterLevel: 'target' });
    }
  }

  finish(): Record<string, number> {
    return { norms: this.set };
  }
}

export const normsKind: KindSpec = {
  kind: 'norms',
  fields,
  sheetIsLocation: false,
  title: '储备定额',
  example: { scope: '场所级别', target: '村(社区)级', targetName: '', itemCode: 'WZ003', itemName: '棉被', unit: '条', basis: '按人数', quantity: '', factor: 1, persons: '计划安置人数', note: '每人 1 条' },
  begin: (db, errors) => new NormCommitter(db, errors),
  exportSheet: (db) => ({
    sheetName: '储备定额',
    title: `${districtName(db)}应急物资储备定额`,
    columns: numbered<NormView>([
      { header: '定额范围', type: 'text', value: (n) => scopeNames[n.scope] },
      { header: '对象', type: 'code', value: (n) => (n.scope === 'shelter_level' ? levelLabel[n.targetCode as keyof typeof levelLabel] : n.targetCode) },
      { header: '对象名称', type: 'text', value: (n) => n.targetName },
      { header: '物资编码', type: 'code', value: (n) => n.itemCode },
      { header: '品名', type: 'text', value: (n) => n.itemName },
      { header: '单位', type: 'text', value: (n) => n.unit },
      { header: '定额方式', type: 'text', value: (n) => basisNames[n.basis] },
      { header: '定额数量', type: 'money', value: (n) => n.quantity },
      // Text, so a factor like 0.682 or 0.05 shows every decimal it has.
      { header: '每人系数', type: 'code', value: (n) => (n.factor === null ? null : String(n.factor)) },
      { header: '人数依据', type: 'text', value: (n) => (n.persons ? personsNames[n.persons] : null) },
      { header: '备注', type: 'text', value: (n) => n.note },
    ]),
    rows: listNorms(db),
    totals: false,
  }),
};
