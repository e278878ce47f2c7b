// 行政区域: district → street/town → village. Parents may come later in the file than their children.
import { type Area, areaCreateInput, type AreaLevel } from '../../api/contract.js';
import { labels } from '../../i18n/messages.js';
import { addArea, listAreas } from '../../places/areas.js';
import type { ExportSheet } from '../export/sheet.js';
import { areaLevelChoices, districtName, numbered, PlaceIndex, seqField } from './common.js';
import type { Committer, ErrorSink, FieldSpec, KindSpec, ParsedRow } from './kind.js';
import { checkSchema, existsError, failFromCore, firstDifference, Seen } from './master.js';

const fields: FieldSpec[] = [
  seqField,
  { key: 'code', header: '区域编码', synonyms: ['编码', '代码', '区域代码', '村社编码', '街道编码'], type: 'code', max: 40, required: true },
  { key: 'name', header: '区域名称', synonyms: ['名称', '区域', '村社名称', '街道名称', '村(社区)名称'], type: 'text', max: 100, required: true },
  { key: 'level', header: '级别', synonyms: ['层级', '区域级别', '类型', '区域类型'], type: 'choice', choices: areaLevelChoices, required: true },
  { key: 'parentCode', header: '上级区域编码', synonyms: ['上级编码', '上级区域', '上级', '所属街道', '所属区域', '所属街道(镇)'], type: 'text', max: 100 },
  { key: 'adminCode', header: '行政区划代码', synonyms: ['区划代码', '行政区划编码', '统计用区划代码'], type: 'exact', max: 40 },
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

class AreaCommitter implements Committer {
  private readonly rows: { row: ParsedRow; input: Record<string, unknown> }[] = [];
  private readonly seen = new Seen();
  private readonly existing: PlaceIndex<Area>;

  constructor(
    private readonly db: import('../../db/executor.js').Db,
    private readonly errors: ErrorSink,
  ) {
    this.existing = new PlaceIndex(listAreas(db));
  }

  add(row: ParsedRow): void {
    const v = row.values;
    const code = v.code as string | undefined;
    if (code) {
      const other = this.seen.check(code, row.row);
      if (other !== null) this.errors.fail(row, 'code', 'ledgers.row.duplicate', { other, what: `区域编码 ${code}` });
    }
    this.rows.push({ row, input: { code, name: v.name, level: v.level, parentCode: v.parentCode, adminCode: v.adminCode } });
  }

  finish(): Record<string, number> {
    const fileAreas = new PlaceIndex(this.rows.filter((r) => r.input.code && r.input.name).map((r) => ({ code: r.input.code as string, name: r.input.name as string })));
    let created = 0;
    const ordered = [...this.rows].sort((a, b) => (rank[a.input.level as AreaLevel] ?? 9) - (rank[b.input.level as AreaLevel] ?? 9));
    for (const { row, input } of ordered) {
      if (row.failed) continue;
      if (typeof input.parentCode === 'string') {
        // The parent by code or by name, in the ledger or in this file.
        const inLedger = this.existing.find(input.parentCode);
        const inFile = fileAreas.find(input.parentCode);
        if ('found' in inLedger) input.parentCode = inLedger.found.code;
        else if ('found' in inFile) input.parentCode = inFile.found.code;
        else if ('ambiguous' in inLedger || 'ambiguous' in inFile) {
          this.errors.fail(row, 'parentCode', 'ledgers.row.ambiguousArea', { value: input.parentCode });
          continue;
        } else {
          this.errors.fail(row, 'parentCode', 'ledgers.row.unknownArea', { value: input.parentCode });
          continue;
        }
      }
      const parsed = checkSchema(areaCreateInput, input, row, this.errors);
      if (!parsed) continue;
      const current = this.existing.code(parsed.code);
      if (current) {
        const diff = firstDifference(current as unknown as Record<string, unknown>, { name: parsed.name, level: parsed.level, parentCode: parsed.parentCode ?? null, adminCode: parsed.adminCode });
        if (diff) existsError(this.errors, row, 'ledgers.kind.areas', parsed.code, diff, fields.find((f) => f.key === diff)!.header, (current as unknown as Record<string, unknown>)[diff], (parsed as Record<string, unknown>)[diff]);
        else this.errors.unchanged(row);
        continue;
      }
      try {
        const area = addArea(this.db, parsed);
        this.existing.add(area);
        created++;
      } catch (e) {
        failFromCore(e, row, this.errors);
      }
    }
    return { areas: created };
  }
}

export const areasKind: KindSpec = {
  kind: 'areas',
  fields,
  sheetIsLocation: false,
  title: '行政区域',
  example: { code: 'HM001', name: '东山社区', level: '村/社区', parentCode: 'HM', adminCode: '331002001001' },
  begin: (db, errors) => new AreaCommitter(db, errors),
  exportSheet: (db) => ({
    sheetName: '行政区域',
    title: `${districtName(db)}行政区域`,
    columns: numbered(columns()),
    rows: listAreas(db),
    totals: false,
  }),
};
