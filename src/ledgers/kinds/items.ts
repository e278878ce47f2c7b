// 物资目录: the bureau's items with unit, category, shelf life and price. The code is optional: without one an item
// is its 品名 + 规格, and a new one gets the next WZ code (listed in the report).
import { type Item, itemCreateInput } from '../../api/contract.js';
import { listItems } from '../../catalogue/items.js';
import { labels } from '../../i18n/messages.js';
import { categoryChoices, districtName, numbered, reserveModeChoices, seqField } from './common.js';
import type { MasterData } from './implied.js';
import type { Committer, ErrorSink, FieldSpec, KindSpec, ParsedRow } from './kind.js';
import { checkSchema, existsError, firstDifference, Seen } from './master.js';

export const itemFields: FieldSpec[] = [
  seqField,
  { key: 'code', header: '物资编码', synonyms: ['编码', '物资代码', '物资编号', '存货编码', '商品编码'], type: 'code', max: 40 },
  { key: 'name', header: '物资名称', synonyms: ['品名', '名称', '物品名称', '物资品名', '商品名称'], type: 'text', max: 100, required: true },
  { key: 'spec', header: '规格型号', synonyms: ['规格', '型号', '规格/型号', '规格及型号'], type: 'text', max: 100 },
  { key: 'unit', header: '单位', synonyms: ['计量单位', '计量', '单位名称'], type: 'text', max: 10, required: true },
  { key: 'decimals', header: '小数位数', synonyms: ['小数位', '计量精度'], type: 'integer' },
  { key: 'category', header: '物资类别', synonyms: ['类别', '分类', '物资分类', '种类'], type: 'choice', choices: categoryChoices },
  { key: 'gbCode', header: '国标编码', synonyms: ['GB/T 38565编码', '国标分类编码', '分类编码'], type: 'code', max: 20 },
  { key: 'shelfLifeDays', header: '保质期(天)', synonyms: ['保质期天数', '保质期'], type: 'integer', units: ['天', '日'] },
  { key: 'rotationLeadDays', header: '轮换提前期(天)', synonyms: ['轮换提前期', '轮换提前天数'], type: 'integer', units: ['天', '日'] },
  { key: 'reserveMode', header: '储备方式', synonyms: ['储备类型', '储备形式'], type: 'choice', choices: reserveModeChoices },
  { key: 'unitPrice', header: '单价(元)', synonyms: ['单价', '价格', '参考单价'], type: 'money' },
  { key: 'note', header: '备注', synonyms: ['说明'], type: 'text', max: 200 },
];

class ItemCommitter implements Committer {
  private created = 0;
  private readonly seen = new Seen();

  constructor(
    private readonly master: MasterData,
    private readonly errors: ErrorSink,
  ) {}

  add(row: ParsedRow): void {
    const v = row.values;
    const given = v.code as string | undefined;
    if (given) {
      const other = this.seen.check(given, row.row);
      if (other !== null) this.errors.fail(row, 'code', 'ledgers.row.duplicate', { other, what: `物资编码 ${given}` });
    }
    if (row.failed) return;
    // Without a code, an item is its 品名 + 规格 (+ 单位): the same one already in the catalogue, or a new WZ code.
    let code = given;
    if (!code && v.name) {
      const named = this.master.itemsNamed(v.name as string, v.spec as string | undefined);
      if (named.length > 1) {
        this.errors.fail(row, 'name', 'ledgers.row.noItemCode', { name: v.name as string });
        return;
      }
      code = named[0]?.code;
      const other = this.seen.check(`\u0000${v.name as string}\u0000${(v.spec as string | undefined) ?? ''}`, row.row);
      if (other !== null) {
        this.errors.fail(row, 'name', 'ledgers.row.duplicate', { other, what: [v.name, v.spec].filter(Boolean).join(' ') });
        return;
      }
    }
    const input = {
      code: code ?? 'WZ000',
      name: v.name,
      spec: v.spec,
      unit: v.unit,
      decimals: v.decimals,
      category: v.category ?? 'other',
      gbCode: v.gbCode,
      shelfLifeDays: v.shelfLifeDays,
      rotationLeadDays: v.rotationLeadDays,
      reserveMode: v.reserveMode ?? 'held',
      unitPrice: v.unitPrice,
      note: v.note,
    };
    const parsed = checkSchema(itemCreateInput, input, row, this.errors);
    if (!parsed) return;
    const current = code ? this.master.item(code) : undefined;
    if (current) {
      const now: Record<string, unknown> = {
        name: parsed.name,
        spec: parsed.spec ?? null,
        unit: parsed.unit,
        decimals: parsed.decimals,
        category: v.category === undefined ? undefined : parsed.category,
        gbCode: parsed.gbCode ?? null,
        shelfLifeDays: parsed.shelfLifeDays ?? null,
        rotationLeadDays: parsed.rotationLeadDays ?? null,
        reserveMode: v.reserveMode === undefined ? undefined : parsed.reserveMode,
        unitPrice: parsed.unitPrice ?? null,
        note: parsed.note ?? null,
      };
      const diff = firstDifference(current as unknown as Record<string, unknown>, now);
      if (diff) existsError(this.errors, row, 'ledgers.kind.items', parsed.code, diff, itemFields.find((f) => f.key === diff)!.header, (current as unknown as Record<string, unknown>)[diff], now[diff]);
      else this.errors.unchanged(row);
      return;
    }
    const { code: _c, ...rest } = parsed;
    // A generated code is shown in the report; one the file gave is not news.
    const item = this.master.createItem(row, 'code', rest, { implied: false, code: given, listed: !given });
    if (item) this.created++;
  }

  finish(): Record<string, number> {
    return { items: this.created };
  }
}

export const itemsKind: KindSpec = {
  kind: 'items',
  fields: itemFields,
  sheetIsLocation: false,
  title: '救灾物资目录',
  example: { code: 'WZ001', name: '棉被', spec: '2.0m×2.3m 4kg', unit: '条', decimals: 0, category: '被服', gbCode: '', shelfLifeDays: '', rotationLeadDays: '', reserveMode: '实物储备', unitPrice: 115, note: '' },
  begin: (_db, errors, options) => new ItemCommitter(options.master, errors),
  exportSheet: (db) => ({
    sheetName: '物资目录',
    title: `${districtName(db)}救灾物资目录`,
    columns: numbered<Item>([
      { header: '物资编码', type: 'code', value: (i) => i.code },
      { header: '物资名称', type: 'text', value: (i) => i.name },
      { header: '规格型号', type: 'text', value: (i) => i.spec },
      { header: '单位', type: 'text', value: (i) => i.unit },
      { header: '小数位数', type: 'integer', value: (i) => i.decimals },
      { header: '物资类别', type: 'text', value: (i) => labels.category[i.category].zh },
      { header: '国标编码', type: 'code', value: (i) => i.gbCode },
      { header: '保质期(天)', type: 'integer', value: (i) => i.shelfLifeDays },
      { header: '轮换提前期(天)', type: 'integer', value: (i) => i.rotationLeadDays },
      { header: '储备方式', type: 'text', value: (i) => labels.reserveMode[i.reserveMode].zh },
      { header: '单价(元)', type: 'money', value: (i) => i.unitPrice },
      { header: '备注', type: 'text', value: (i) => i.note },
    ]),
    rows: listItems(db),
    totals: false,
  }),
};
