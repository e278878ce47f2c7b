// 存放地点: warehouses and stores, each in an admin area. A bureau's list names them: the code is optional (WH01,
// ST-<area> … are generated and listed in the report), the type is an everyday word (区级仓库, 街道仓库, 街道物资点,
// 镇级储备点, 村级储备点 …), and the area a code, a street or village by name, or what the name says (北湖街道应急物资
// 仓库 belongs to 北湖街道; a 区级… warehouse to the district).
import { type Area, type Location, type LocationKind, locationCreateInput } from '../../api/contract.js';
import { labels } from '../../i18n/messages.js';
import { listLocations } from '../../places/locations.js';
import { districtName, locationKindChoices, numbered, seqField } from './common.js';
import type { MasterData } from './implied.js';
import type { Committer, ErrorSink, FieldSpec, KindSpec, ParsedRow } from './kind.js';
import { checkSchema, existsError, firstDifference, Seen } from './master.js';

const fields: FieldSpec[] = [
  seqField,
  { key: 'code', header: '地点编码', synonyms: ['编码', '仓库编码', '存放地点编码', '库点编码', '储备点编码', '编号'], type: 'code', max: 40 },
  {
    key: 'name',
    header: '地点名称',
    synonyms: ['名称', '仓库名称', '存放地点', '库点名称', '储备点名称', '仓库', '储备点', '物资点名称', '储备库名称', '储存点名称'],
    type: 'text',
    max: 100,
    required: true,
  },
  { key: 'kind', header: '地点类型', synonyms: ['类型', '类别', '库点类型', '仓库类型', '储备点类型', '级别', '仓库级别'], type: 'choice', choices: locationKindChoices },
  { key: 'areaCode', header: '所属区域', synonyms: ['所属区域编码', '区域编码', '所在区域', '区域', '所在街道', '所在镇街'], type: 'text', max: 100 },
  { key: 'street', header: '所属街道', synonyms: ['街道', '街道(镇)', '镇街', '所属镇街', '所属街道(镇)', '乡镇(街道)'], type: 'text', max: 100 },
  { key: 'village', header: '所属村社', synonyms: ['村社', '村(社区)', '所在村', '所在村社'], type: 'text', max: 100 },
  { key: 'address', header: '地址', synonyms: ['详细地址', '所在地址', '存放地址'], type: 'text', max: 200 },
  { key: 'note', header: '备注', synonyms: ['说明'], type: 'text', max: 200 },
];

class LocationCommitter implements Committer {
  private created = 0;
  private readonly seen = new Seen();

  constructor(
    private readonly master: MasterData,
    private readonly errors: ErrorSink,
  ) {}

  /** The row's area: 所属区域 (code or name), else its village or street, else what its name says, else the district. */
  private area(row: ParsedRow): Area | null | undefined {
    const v = row.values;
    const areaText = v.areaCode as string | undefined;
    if (areaText) {
      const f = this.master.findArea(areaText);
      if ('found' in f) return f.found;
      if ('ambiguous' in f) {
        this.errors.fail(row, 'areaCode', 'ledgers.row.ambiguousArea', { value: areaText });
        return null;
      }
      // A street written where the area goes: created under the district when allowed.
      if (/(街道|镇|乡)$/.test(areaText)) return this.master.street(row, 'areaCode', areaText, { implied: true });
      this.errors.fail(row, 'areaCode', 'ledgers.row.unknownArea', { value: areaText });
      return null;
    }
    const street = v.street ? this.master.street(row, 'street', v.street as string, { implied: true }) : undefined;
    if (street === null) return null;
    if (v.village) return this.master.village(row, 'village', v.village as string, street ?? null, { implied: true });
    return street ?? this.master.areaOfName((v.name as string | undefined) ?? '') ?? this.master.district(row);
  }

  add(row: ParsedRow): void {
    const v = row.values;
    const given = v.code as string | undefined;
    if (given) {
      const other = this.seen.check(given, row.row);
      if (other !== null) this.errors.fail(row, 'code', 'ledgers.row.duplicate', { other, what: `地点编码 ${given}` });
    }
    if (row.failed || !v.name) {
      if (!v.name && !row.bad?.includes('name')) this.errors.fail(row, 'name', 'ledgers.value.required', { header: '地点名称' });
      return;
    }
    const name = v.name as string;
    // Without a code, the same name already in the ledger is this location (the list imported again).
    const named = given ? undefined : this.master.findLocation(name);
    if (named && 'ambiguous' in named) {
      this.errors.fail(row, 'name', 'ledgers.row.ambiguousLocation', { value: name });
      return;
    }
    const current = given ? this.master.locations.code(given) : named && 'found' in named ? named.found : undefined;
    // A row that says nothing of its area keeps the one a location already in the ledger has.
    const saysArea = v.areaCode !== undefined || v.street !== undefined || v.village !== undefined;
    const area = current && !saysArea ? this.master.area(current.areaCode) : this.area(row);
    if (!area) return;
    const kind = (v.kind as LocationKind | undefined) ?? (current?.kind ?? (area.level === 'district' ? 'warehouse' : 'street_store'));
    const code = given ?? current?.code ?? this.master.locationCode(kind, area);
    const parsed = checkSchema(locationCreateInput, { code, name, kind, areaCode: area.code, address: v.address, note: v.note }, row, this.errors);
    if (!parsed) return;
    if (current) {
      const now = { name: parsed.name, kind: parsed.kind, areaCode: parsed.areaCode, address: parsed.address ?? null, note: parsed.note ?? null };
      const diff = firstDifference(current as unknown as Record<string, unknown>, now);
      if (diff) {
        const header = fields.find((f) => f.key === diff)?.header ?? diff;
        existsError(this.errors, row, 'ledgers.kind.locations', parsed.code, diff === 'areaCode' && !v.areaCode ? 'street' : diff, header, (current as unknown as Record<string, unknown>)[diff], (now as Record<string, unknown>)[diff]);
      } else this.errors.unchanged(row);
      return;
    }
    // Listed in the report when its code was generated; a code the file gave is not news.
    const loc = this.master.addLocation(row, { code: parsed.code, name: parsed.name, kind: parsed.kind, area, address: parsed.address, note: parsed.note }, false, !given);
    if (loc) this.created++;
  }

  finish(): Record<string, number> {
    return { locations: this.created };
  }
}

export const locationsKind: KindSpec = {
  kind: 'locations',
  fields,
  sheetIsLocation: false,
  title: '物资存放地点',
  example: { code: 'WH01', name: '椒江区救灾物资储备一号库', kind: '区级仓库', areaCode: 'HM', address: '海门街道东海大道 88 号', note: '' },
  begin: (_db, errors, options) => new LocationCommitter(options.master, errors),
  exportSheet: (db) => ({
    sheetName: '存放地点',
    title: `${districtName(db)}物资存放地点`,
    columns: numbered<Location>([
      { header: '地点编码', type: 'code', value: (l) => l.code },
      { header: '地点名称', type: 'text', value: (l) => l.name },
      { header: '地点类型', type: 'text', value: (l) => labels.locationKind[l.kind].zh },
      { header: '所属区域', type: 'code', value: (l) => l.areaCode },
      { header: '地址', type: 'text', value: (l) => l.address },
      { header: '备注', type: 'text', value: (l) => l.note },
    ]),
    rows: listLocations(db),
    totals: false,
  }),
};
