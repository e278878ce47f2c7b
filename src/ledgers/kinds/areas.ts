// 行政区域: district → street/town → village, in either shape a bureau keeps them:
// - a hierarchical list, one row per village: 街道(镇) | 村(社区) | 统计用区划代码, the street repeated (or merged
//   down its villages, or written only on its first row: carried down);
// - a flat coded list: 区域编码 | 区域名称 | 级别 | 上级区域编码, parents possibly after their children.
// Codes are optional: a 12-digit 统计用区划代码 gives them (the village's 12 digits, its street's first 9), else
// they are generated (S01, S01V001; see implied.ts). The district is the ledger's own, else --district, else one
// the file's title names (created with createMissing).
import { type Area, areaCreateInput, type AreaLevel } from '../../api/contract.js';
import { labels } from '../../i18n/messages.js';
import { listAreas } from '../../places/areas.js';
import type { ExportSheet } from '../export/sheet.js';
import { areaLevelChoices, districtName, numbered, seqField } from './common.js';
import type { MasterData } from './implied.js';
import type { Committer, ErrorSink, FieldSpec, KindSpec, ParsedRow } from './kind.js';
import { checkSchema, existsError, firstDifference, Seen } from './master.js';

const fields: FieldSpec[] = [
  seqField,
  { key: 'code', header: '区域编码', synonyms: ['编码', '代码', '区域代码', '村社编码', '街道编码'], type: 'code', max: 40 },
  { key: 'name', header: '区域名称', synonyms: ['名称', '区域'], type: 'text', max: 100 },
  { key: 'level', header: '级别', synonyms: ['层级', '区域级别', '类型', '区域类型'], type: 'choice', choices: areaLevelChoices },
  { key: 'parentCode', header: '上级区域编码', synonyms: ['上级编码', '上级区域', '上级', '所属区域', '上级区域名称'], type: 'text', max: 100 },
  {
    key: 'adminCode',
    header: '行政区划代码',
    synonyms: ['统计用区划代码', '区划代码', '行政区划编码', '统计用区划编码', '区划编码', '行政代码', '统计代码', '村社代码'],
    type: 'exact',
    max: 40,
  },
  { key: 'district', header: '区县', synonyms: ['所属区县', '县(市、区)', '县市区', '区(县)', '县区', '区县名称'], type: 'text', max: 100 },
  {
    key: 'street',
    header: '街道(镇)',
    synonyms: ['街道', '镇(街道)', '乡镇(街道)', '乡镇街道', '街道/镇', '镇/街道', '镇街', '所属街道', '所属镇街', '所属街道(镇)', '所属乡镇(街道)', '乡镇', '街道名称', '街道(镇)名称', '镇街名称'],
    type: 'text',
    max: 100,
  },
  {
    key: 'village',
    header: '村(社区)',
    synonyms: ['村', '村社区', '村社', '村/社区', '社区/村', '社区(村)', '村居', '村(居)', '行政村', '村(居)委会', '村委会', '村社名称', '村(社区)名称', '村名', '社区名称', '社区'],
    type: 'text',
    max: 100,
  },
  { key: 'population', header: '转移安置人数', synonyms: ['转移安置人口', '转移人口', '需转移人数'], type: 'integer', units: ['人'] },
];

const rank: Record<AreaLevel, number> = { district: 0, street: 1, village: 2 };

function columns(): ExportSheet<Area>['columns'] {
  return [
    { header: '区域编码', type: 'code', value: (a) => a.code },
    { header: '区域名称', type: 'text', value: (a) => a.name },
    { header: '级别', type: 'text', value: (a) => labels.areaLevel[a.level].zh },
    { header: '上级区域编码', type: 'code', value: (a) => a.parentCode },
    { header: '行政区划代码', type: 'code', value: (a) => a.adminCode },
  ];
}

/** The level a 12-digit 统计用区划代码 gives: xxxxxx000000 a district, xxxxxxxxx000 a street, else a village. */
function levelOfAdminCode(code: string | undefined): AreaLevel | undefined {
  if (!code || !/^\d{12}$/.test(code)) return undefined;
  if (code.endsWith('000000')) return 'district';
  return code.endsWith('000') ? 'street' : 'village';
}

/** The level a name gives: …街道/镇/乡 a street, …村/社区/居委会 a village, …区/县 a district. */
function levelOfName(name: string): AreaLevel | undefined {
  if (/(街道|街道办事处|镇|乡)$/.test(name)) return 'street';
  if (/(村|社区|居委会|村委会|居民委员会|村民委员会)$/.test(name)) return 'village';
  if (/(区|县|市)$/.test(name)) return 'district';
  return undefined;
}

/** A district named in the title: "椒江区行政区划一览表", "台州市椒江区村（社区）名单" → 椒江区. */
export function districtOfTitle(title: string | null): string | undefined {
  if (!title) return undefined;
  const m = /^(?:\d{4}年度?)?(?:[\u4e00-\u9fa5]{2,4}省)?(?:[\u4e00-\u9fa5]{2,4}市)?([\u4e00-\u9fa5]{1,4}?(?:区|县))/.exec(title);
  const name = m?.[1];
  return name && !/(行政区|社区|小区|辖区|城区|园区|景区|街区)$/.test(name) ? name : undefined;
}

interface FlatRow {
  row: ParsedRow;
  input: Record<string, unknown>;
  level: AreaLevel | undefined;
}

class AreaCommitter implements Committer {
  private readonly flat: FlatRow[] = [];
  private readonly hierarchical: { row: ParsedRow; street: string | undefined }[] = [];
  private readonly seen = new Seen();
  /** The street written last in each sheet, carried down to villages whose street cell is empty. */
  private readonly lastStreet = new Map<string, string>();
  private streets = 0;
  private villages = 0;
  private districts = 0;

  constructor(
    private readonly master: MasterData,
    private readonly errors: ErrorSink,
  ) {}

  add(row: ParsedRow): void {
    const v = row.values;
    const code = v.code as string | undefined;
    if (code) {
      const other = this.seen.check(code, row.row);
      if (other !== null) this.errors.fail(row, 'code', 'ledgers.row.duplicate', { other, what: `区域编码 ${code}` });
    }
    // A 12-digit code in a bare 编码/代码 column is the 统计用区划代码 too.
    if (v.adminCode === undefined && code && /^\d{12}$/.test(code)) v.adminCode = code;
    const adminCode = v.adminCode as string | undefined;
    if (adminCode && !/^\d{12}$/.test(adminCode)) this.errors.fail(row, 'adminCode', 'ledgers.value.adminCode', { value: adminCode });
    if (v.village !== undefined || (v.street !== undefined && v.name === undefined)) {
      const street = (v.street as string | undefined) ?? (v.village !== undefined ? this.lastStreet.get(row.sheet) : undefined);
      if (v.street !== undefined) this.lastStreet.set(row.sheet, v.street as string);
      this.hierarchical.push({ row, street });
      return;
    }
    if (v.name === undefined) {
      this.errors.fail(row, 'name', 'ledgers.row.areaNeeds');
      return;
    }
    const name = v.name as string;
    const level = (v.level as AreaLevel | undefined) ?? levelOfAdminCode(adminCode) ?? levelOfName(name);
    if (!level) this.errors.fail(row, 'level', 'ledgers.row.levelUnknown', { name });
    this.flat.push({ row, level, input: { code, name, level, parentCode: v.parentCode, adminCode, evacuationPopulation: v.population } });
  }

  finish(): Record<string, number> {
    // Flat rows by level, so a parent later in the file is there before its children.
    for (const r of [...this.flat].sort((a, b) => rank[a.level ?? 'village'] - rank[b.level ?? 'village'])) this.flatRow(r);
    for (const { row, street } of this.hierarchical) this.villageRow(row, street);
    return { areas: this.districts + this.streets + this.villages };
  }

  private districtHint(row: ParsedRow) {
    return { name: (row.values.district as string | undefined) ?? districtOfTitle(row.title), adminCode: row.values.adminCode as string | undefined };
  }

  /** One row per village: its street by name (created as the list's own when new), then the village in it. */
  private villageRow(row: ParsedRow, streetName: string | undefined): void {
    if (row.failed) return;
    const v = row.values;
    const admin = v.adminCode as string | undefined;
    if (!streetName) {
      this.errors.fail(row, 'street', 'ledgers.value.required', { header: '街道(镇)' });
      return;
    }
    const villageName = v.village as string | undefined;
    const before = this.master.created.length;
    const street = this.master.street(row, 'street', streetName, { implied: false, adminCode: admin, district: this.districtHint(row) });
    this.count(before);
    if (!street) return;
    if (!villageName) {
      // A street on its own row (the first row of a merged block, or a list of streets).
      if (before === this.master.created.length) this.errors.unchanged(row);
      return;
    }
    const known = this.master.findArea(villageName, 'village', street);
    if ('found' in known) {
      const current = known.found;
      const given = { adminCode: admin, code: v.code as string | undefined };
      if ((given.code && given.code !== current.code) || (given.adminCode && current.adminCode && given.adminCode !== current.adminCode)) {
        const field = given.code && given.code !== current.code ? 'code' : 'adminCode';
        existsError(this.errors, row, 'ledgers.kind.areas', current.code, field, field === 'code' ? '区域编码' : '统计用区划代码', current[field], given[field]);
      } else this.errors.unchanged(row);
      return;
    }
    const at = this.master.created.length;
    this.master.village(row, 'village', villageName, street, { implied: false, code: v.code as string | undefined, adminCode: admin });
    this.count(at);
  }

  private count(from: number): void {
    for (const c of this.master.created.slice(from)) {
      if (c.kind === 'district') this.districts++;
      else if (c.kind === 'street') this.streets++;
      else if (c.kind === 'village') this.villages++;
    }
  }

  /** A flat row: its parent by code or name (a street's defaults to the district), an existing code compared. */
  private flatRow({ row, input, level }: FlatRow): void {
    if (row.failed || !level) return;
    const parentLevel: AreaLevel | null = level === 'village' ? 'street' : level === 'street' ? 'district' : null;
    const parentText = (input.parentCode as string | undefined) ?? (level === 'village' ? (row.values.street as string | undefined) : undefined);
    let parent: Area | null = null;
    if (parentLevel && parentText) {
      const f = this.master.findArea(parentText, parentLevel);
      if ('found' in f) parent = f.found;
      else {
        this.errors.fail(row, 'parentCode', 'ambiguous' in f ? 'ledgers.row.ambiguousArea' : 'ledgers.row.unknownArea', { value: parentText });
        return;
      }
    } else if (parentLevel === 'district') {
      parent = this.master.district(row, this.districtHint(row));
      if (!parent) return;
    } else if (parentLevel === 'street') {
      this.errors.fail(row, 'parentCode', 'ledgers.value.required', { header: '上级区域编码' });
      return;
    }
    const name = input.name as string;
    const code = (input.code as string | undefined) ?? this.existingCode(name, level, parent) ?? this.newCode(level, parent, input.adminCode as string | undefined);
    const parsed = checkSchema(areaCreateInput, { ...input, code, level, parentCode: parent?.code }, row, this.errors);
    if (!parsed) return;
    const current = this.master.area(parsed.code);
    if (current) {
      const given = { name: parsed.name, level: parsed.level, parentCode: parsed.parentCode ?? null, adminCode: parsed.adminCode };
      const diff = firstDifference(current as unknown as Record<string, unknown>, given);
      if (diff) existsError(this.errors, row, 'ledgers.kind.areas', parsed.code, diff, fields.find((f) => f.key === diff)!.header, (current as unknown as Record<string, unknown>)[diff], (given as Record<string, unknown>)[diff]);
      else this.errors.unchanged(row);
      return;
    }
    const area = this.master.addArea(row, 'code', parsed, false, input.code === undefined);
    if (area) this[level === 'district' ? 'districts' : level === 'street' ? 'streets' : 'villages']++;
  }

  /** A row without a code whose area is already in the ledger (the same list imported again). */
  private existingCode(name: string, level: AreaLevel, parent: Area | null): string | undefined {
    const f = this.master.findArea(name, level, parent);
    return 'found' in f ? f.found.code : undefined;
  }

  private newCode(level: AreaLevel, parent: Area | null, admin: string | undefined): string {
    if (admin && /^\d{12}$/.test(admin)) {
      const code = level === 'district' ? admin.slice(0, 6) : level === 'street' ? admin.slice(0, 9) : admin;
      if (!this.master.area(code)) return code;
    }
    if (level === 'district') return this.master.areaSequence('D', 2).next();
    if (level === 'street') return this.master.areaSequence('S', 2).next();
    return this.master.areaSequence(`${parent!.code}V`, 3).next();
  }
}

export const areasKind: KindSpec = {
  kind: 'areas',
  fields,
  needs: [['village'], ['street'], ['name']],
  sheetIsLocation: false,
  title: '行政区域',
  example: { code: 'HM001', name: '东山社区', level: '村/社区', parentCode: 'HM', adminCode: '331002001001' },
  begin: (_db, errors, options) => new AreaCommitter(options.master, errors),
  exportSheet: (db) => ({
    sheetName: '行政区域',
    title: `${districtName(db)}行政区域`,
    columns: numbered(columns()),
    rows: listAreas(db),
    totals: false,
  }),
};
