// 存放地点: warehouses and stores, each in an admin area (by code or name).
import { type Location, locationCreateInput } from '../../api/contract.js';
import type { Db } from '../../db/executor.js';
import { labels } from '../../i18n/messages.js';
import { listAreas } from '../../places/areas.js';
import { addLocation, listLocations } from '../../places/locations.js';
import { districtName, locationKindChoices, numbered, PlaceIndex, seqField } from './common.js';
import type { Committer, ErrorSink, FieldSpec, KindSpec, ParsedRow } from './kind.js';
import { checkSchema, existsError, failFromCore, firstDifference, Seen } from './master.js';

const fields: FieldSpec[] = [
  seqField,
  { key: 'code', header: '地点编码', synonyms: ['编码', '仓库编码', '存放地点编码', '库点编码', '储备点编码'], type: 'code', max: 40, required: true },
  { key: 'name', header: '地点名称', synonyms: ['名称', '仓库名称', '存放地点', '库点名称', '储备点名称', '仓库'], type: 'text', max: 100, required: true },
  { key: 'kind', header: '地点类型', synonyms: ['类型', '类别', '库点类型', '仓库类型'], type: 'choice', choices: locationKindChoices, required: true },
  { key: 'areaCode', header: '所属区域', synonyms: ['所属区域编码', '区域编码', '所属街道', '所属村社', '街道', '所在区域', '区域'], type: 'text', max: 100, required: true },
  { key: 'address', header: '地址', synonyms: ['详细地址', '所在地址'], type: 'text', max: 200 },
  { key: 'note', header: '备注', synonyms: ['说明'], type: 'text', max: 200 },
];

class LocationCommitter implements Committer {
  private created = 0;
  private readonly seen = new Seen();
  private readonly areas;
  private readonly existing;

  constructor(
    private readonly db: Db,
    private readonly errors: ErrorSink,
  ) {
    this.areas = new PlaceIndex(listAreas(db));
    this.existing = new PlaceIndex(listLocations(db));
  }

  add(row: ParsedRow): void {
    const v = row.values;
    const code = v.code as string | undefined;
    if (code) {
      const other = this.seen.check(code, row.row);
      if (other !== null) this.errors.fail(row, 'code', 'ledgers.row.duplicate', { other, what: `地点编码 ${code}` });
    }
    let areaCode = v.areaCode as string | undefined;
    if (areaCode) {
      const a = this.areas.find(areaCode);
      if ('found' in a) areaCode = a.found.code;
      else this.errors.fail(row, 'areaCode', 'ambiguous' in a ? 'ledgers.row.ambiguousArea' : 'ledgers.row.unknownArea', { value: areaCode });
    }
    if (row.failed) return;
    const parsed = checkSchema(locationCreateInput, { code, name: v.name, kind: v.kind, areaCode, address: v.address, note: v.note }, row, this.errors);
    if (!parsed) return;
    const current = this.existing.code(parsed.code);
    if (current) {
      const given = { name: parsed.name, kind: parsed.kind, areaCode: parsed.areaCode, address: parsed.address ?? null, note: parsed.note ?? null };
      const diff = firstDifference(current as unknown as Record<string, unknown>, given);
      if (diff) existsError(this.errors, row, 'ledgers.kind.locations', parsed.code, diff, fields.find((f) => f.key === diff)!.header, (current as unknown as Record<string, unknown>)[diff], (given as Record<string, unknown>)[diff]);
      else this.errors.unchanged(row);
      return;
    }
    try {
      this.existing.add(addLocation(this.db, parsed));
      this.created++;
    } catch (e) {
      failFromCore(e, row, this.errors);
    }
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
  begin: (db, errors) => new LocationCommitter(db, errors),
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
