// 试机记录: readiness test results, appended to each unit's history. A result already recorded (same unit, day and
// result — whoever entered it, e.g. the equipment sheet's last test) is skipped, so nothing is added twice.
import { recordTestInput } from '../../api/contract.equipment.js';
import type { Db } from '../../db/executor.js';
import { addTest, equipmentKinds } from '../../equipment/registry.js';
import { districtName, numbered, PlaceIndex, seqField } from './common.js';
import type { Committer, ErrorSink, FieldSpec, KindSpec, ParsedRow } from './kind.js';
import { checkSchema, failFromCore } from './master.js';

const resultChoices: Record<string, string> = { 合格: 'pass', 通过: 'pass', 正常: 'pass', 是: 'pass', 不合格: 'fail', 未通过: 'fail', 故障: 'fail', 否: 'fail', pass: 'pass', fail: 'fail' };

const fields: FieldSpec[] = [
  seqField,
  { key: 'kind', header: '装备类型', synonyms: ['类型', '类别'], type: 'text', max: 30, required: true },
  { key: 'serialNo', header: '出厂编号', synonyms: ['编号', '序列号', '设备编号'], type: 'code', max: 60, required: true },
  { key: 'village', header: '配发村社', synonyms: ['村社'], type: 'text', informational: true },
  { key: 'date', header: '试机日期', synonyms: ['测试日期', '检测日期', '日期'], type: 'date', required: true },
  { key: 'result', header: '试机结果', synonyms: ['结果', '测试结果', '检测结果'], type: 'choice', choices: resultChoices, required: true },
  { key: 'tester', header: '试机人', synonyms: ['测试人', '检测人', '经办人'], type: 'text', max: 50, required: true },
  { key: 'note', header: '备注', synonyms: ['情况说明', '说明'], type: 'text', max: 200 },
];

interface TestRow {
  kindName: string;
  serialNo: string;
  village: string | null;
  date: string;
  passed: number;
  tester: string;
  note: string | null;
}

function testRows(db: Db): TestRow[] {
  return db.all(
    db.q
      .selectFrom('equipment_test as t')
      .innerJoin('equipment as e', 'e.id', 't.equipment_id')
      .innerJoin('equipment_kind as k', 'k.code', 'e.kind')
      .leftJoin('area as v', 'v.id', 'e.village_id')
      .select(['k.name as kindName', 'e.serial_no as serialNo', 'v.name as village', 't.date', 't.passed', 't.tester', 't.note'])
      .orderBy('k.sort')
      .orderBy('e.serial_no')
      .orderBy('t.date')
      .orderBy('t.id'),
  );
}

class TestCommitter implements Committer {
  private added = 0;
  private readonly kinds;
  private readonly known;

  constructor(
    private readonly db: Db,
    private readonly errors: ErrorSink,
  ) {
    this.kinds = new PlaceIndex(equipmentKinds(db).map((k) => ({ code: k.code, name: k.name })));
    this.known = new Set(testRows(db).map((t) => `${t.kindName}\u0000${t.serialNo}\u0000${t.date}\u0000${t.passed}`));
  }

  add(row: ParsedRow): void {
    const v = row.values as Record<string, string | undefined>;
    const k = v.kind ? this.kinds.find(v.kind) : null;
    if (k && !('found' in k)) this.errors.fail(row, 'kind', 'ledgers.row.unknownKind', { value: v.kind! });
    if (row.failed) return;
    const kind = k && 'found' in k ? k.found : undefined;
    const parsed = checkSchema(recordTestInput, { kind: kind?.code, serialNo: v.serialNo, date: v.date, passed: v.result === 'pass', tester: v.tester, note: v.note }, row, this.errors);
    if (!parsed || !kind) return;
    const key = `${kind.name}\u0000${parsed.serialNo}\u0000${parsed.date}\u0000${parsed.passed ? 1 : 0}`;
    if (this.known.has(key)) {
      this.errors.unchanged(row);
      return;
    }
    try {
      addTest(this.db, parsed);
      this.known.add(key);
      this.added++;
    } catch (e) {
      failFromCore(e, row, this.errors);
    }
  }

  finish(): Record<string, number> {
    return { tests: this.added };
  }
}

export const testsKind: KindSpec = {
  kind: 'tests',
  fields,
  sheetIsLocation: false,
  title: '防汛装备试机记录',
  example: { kind: '应急发电机', serialNo: '0021000013', village: '东山社区', date: '2026-06-01', result: '合格', tester: '王建华', note: '空载运行 15 分钟' },
  begin: (db, errors) => new TestCommitter(db, errors),
  exportSheet: (db) => ({
    sheetName: '试机记录',
    title: `${districtName(db)}防汛装备试机记录`,
    columns: numbered<TestRow>([
      { header: '装备类型', type: 'text', value: (t) => t.kindName },
      { header: '出厂编号', type: 'code', value: (t) => t.serialNo },
      { header: '配发村社', type: 'text', value: (t) => t.village },
      { header: '试机日期', type: 'date', value: (t) => t.date },
      { header: '试机结果', type: 'text', value: (t) => (t.passed ? '合格' : '不合格') },
      { header: '试机人', type: 'text', value: (t) => t.tester },
      { header: '备注', type: 'text', value: (t) => t.note },
    ]),
    rows: testRows(db),
    totals: false,
  }),
};
