// 物资库存台账: opening balances, one row per batch held at a location: its own column, the --location chosen, or
// the location the sheet's name or title row names ("一号仓库物资台账"). Items and locations the ledger does not
// know are created from the rows when the user allowed it (createMissing), each listed in the report. Each
// location's rows become one receipt document, type 采购入库 (purchase: the core has no opening-balance type),
// dated the row's 入库日期 or the import day, with basis "期初导入 <file>" and note "期初余额" so the journal says
// where the stock came from.
import type { Item, StockRow } from '../../api/contract.js';
import { listItems } from '../../catalogue/items.js';
import { today } from '../../common/dates.js';
import { toMilli } from '../../common/quantity.js';
import type { Db } from '../../db/executor.js';
import { labels } from '../../i18n/messages.js';
import { queryStock } from '../../stock/balances.js';
import { Poster } from '../../stock/post.js';
import type { Cell } from '../cells.js';
import { addDuration, isProblem, type QuantityText, readDate, readDuration } from '../normalise.js';
import { categoryChoices, districtName, numbered, RowLocations, reserveModeChoices, seqField } from './common.js';
import type { Committer, ErrorSink, FieldSpec, ImportOptions, KindSpec, ParsedRow } from './kind.js';
import { Seen } from './master.js';
import { type PostDoc, postRows } from './posting.js';

export const OPENING_HANDLER = '期初导入';
export const OPENING_NOTE = '期初余额';

export const locationFields: FieldSpec[] = [
  { key: 'locationCode', header: '地点编码', synonyms: ['仓库编码', '存放地点编码', '库点编码'], type: 'code', max: 40 },
  {
    key: 'location',
    header: '存放地点',
    synonyms: ['仓库', '仓库名称', '存放仓库', '储备库', '储备点', '库点', '地点', '存储地点', '存放位置', '所在仓库', '存放地点名称', '储存地点'],
    type: 'text',
    max: 100,
  },
];

const fields: FieldSpec[] = [
  seqField,
  ...locationFields,
  { key: 'itemCode', header: '物资编码', synonyms: ['编码', '物资代码', '物资编号', '存货编码'], type: 'code', max: 40 },
  { key: 'itemName', header: '物资名称', synonyms: ['品名', '名称', '物品名称', '物资品名'], type: 'text', max: 100 },
  { key: 'spec', header: '规格型号', synonyms: ['规格', '型号', '规格/型号'], type: 'text', max: 100 },
  { key: 'unit', header: '单位', synonyms: ['计量单位'], type: 'text', max: 10 },
  { key: 'batch', header: '批次号', synonyms: ['批次', '批号', '生产批号'], type: 'exact', max: 60 },
  { key: 'productionDate', header: '生产日期', synonyms: ['出厂日期', '生产时间'], type: 'date' },
  { key: 'expiry', header: '有效期至', synonyms: ['有效期', '失效日期', '到期日期', '保质期至', '有效日期', '保质期', '过期日期'], type: 'raw' },
  {
    key: 'quantity',
    header: '数量',
    synonyms: ['库存数量', '库存', '实存数量', '结存数量', '现有数量', '在库数量', '储备数量', '账面数量', '库存量', '结存', '实有数量'],
    type: 'quantity',
    required: true,
  },
  { key: 'unitPrice', header: '单价(元)', synonyms: ['单价', '价格', '采购单价'], type: 'money' },
  { key: 'amount', header: '金额(元)', synonyms: ['金额', '总价', '总金额', '合计金额'], type: 'money', informational: true },
  { key: 'category', header: '物资类别', synonyms: ['类别', '分类', '物资分类'], type: 'choice', choices: categoryChoices },
  { key: 'reserveMode', header: '储备方式', synonyms: ['储备类型', '储备形式'], type: 'choice', choices: reserveModeChoices },
  { key: 'receivedDate', header: '入库日期', synonyms: ['入库时间', '购置日期', '采购日期'], type: 'date' },
  { key: 'fundingSource', header: '资金来源', synonyms: ['经费来源'], type: 'text', max: 60 },
  { key: 'keeper', header: '责任人', synonyms: ['保管人', '负责人', '管理员', '保管员'], type: 'text', max: 50 },
  { key: 'bin', header: '库位', synonyms: ['货位', '储位'], type: 'text', max: 40 },
  { key: 'status', header: '状态', synonyms: ['效期状态'], type: 'raw', informational: true },
  { key: 'note', header: '备注', synonyms: ['说明'], type: 'text', max: 100 },
];

/** Checks the trailing unit of a quantity ("120件") against the item's unit. */
export function unitMatches(q: QuantityText, unit: string): boolean {
  return q.unit === null || q.unit === unit;
}

interface NewItem {
  code: string;
  name: string;
  unit: string;
  row: number;
}

class StockCommitter implements Committer {
  private readonly newItems = new Map<string, NewItem>();
  private readonly locations: RowLocations;
  private readonly seen = new Seen();
  private readonly docs = new Map<string, { doc: PostDoc; rows: ParsedRow[] }>();
  private readonly today = today();
  private readonly master;

  constructor(
    private readonly db: Db,
    private readonly errors: ErrorSink,
    private readonly options: ImportOptions,
  ) {
    this.master = options.master;
    this.locations = new RowLocations(options.master, options.locationCode);
  }

  /**
   * The item a row names: by code (in the catalogue, or new in this file), else by 品名 + 规格. One the catalogue
   * lacks is created from the row (name and unit needed; the next WZ code when the row has none) when the user
   * allowed it, else refused saying how.
   */
  private item(row: ParsedRow): Item | null {
    const v = row.values;
    if (row.bad?.some((f) => f === 'itemCode' || f === 'itemName' || f === 'unit')) return null;
    const name = v.itemName as string | undefined;
    let code = v.itemCode as string | undefined;
    if (!code) {
      if (!name) {
        this.errors.fail(row, 'itemName', 'ledgers.value.required', { header: '物资名称' });
        return null;
      }
      const matches = this.master.itemsNamed(name, v.spec as string | undefined, v.unit as string | undefined);
      if (matches.length > 1) {
        this.errors.fail(row, 'itemName', 'ledgers.row.noItemCode', { name });
        return null;
      }
      code = matches[0]?.code;
    }
    const known = code ? this.master.item(code) : undefined;
    if (known && code && !this.newItems.has(code)) {
      if (name && name !== known.name) {
        this.errors.fail(row, 'itemName', 'ledgers.row.itemNameMismatch', { code, current: known.name, given: name });
        return null;
      }
      if (v.unit && v.unit !== known.unit) {
        this.errors.fail(row, 'unit', 'ledgers.row.itemUnitMismatch', { code, current: known.unit, given: v.unit as string });
        return null;
      }
      return known;
    }
    const fresh = code ? this.newItems.get(code) : undefined;
    if (fresh && code) {
      if ((name && name !== fresh.name) || (v.unit && v.unit !== fresh.unit)) {
        this.errors.fail(row, name && name !== fresh.name ? 'itemName' : 'unit', 'ledgers.row.newItemConflict', { code, other: fresh.row });
        return null;
      }
      return this.master.item(code) ?? null;
    }
    if (!name || !v.unit) {
      this.errors.fail(row, name ? 'unit' : 'itemName', 'ledgers.row.newItemNeeds', { code: code ?? name ?? '' });
      return null;
    }
    // Created now, inside the import's transaction: rolled back with everything else on any error.
    const created = this.master.createItem(
      row,
      code ? 'itemCode' : 'itemName',
      {
        name,
        unit: v.unit as string,
        spec: v.spec as string | undefined,
        category: v.category as Item['category'] | undefined,
        reserveMode: v.reserveMode as Item['reserveMode'] | undefined,
        unitPrice: v.unitPrice as number | undefined,
      },
      { implied: true, code },
    );
    if (created) this.newItems.set(created.code, { code: created.code, name, unit: created.unit, row: row.row });
    return created;
  }

  add(row: ParsedRow): void {
    const v = row.values;
    const location = this.locations.resolve(row, this.errors);
    const item = this.item(row);
    const q = v.quantity as QuantityText | undefined;
    if (!q) {
      if (!row.bad?.includes('quantity')) this.errors.fail(row, 'quantity', 'ledgers.value.required', { header: '数量' });
      return;
    }
    if (item && !unitMatches(q, item.unit)) this.errors.fail(row, 'quantity', 'ledgers.value.unitMismatch', { unit: q.unit!, itemUnit: item.unit });
    if (item && item.reserveMode !== 'held') {
      const mode = labels.reserveMode[item.reserveMode];
      this.errors.fail(row, 'reserveMode', 'ledgers.row.agreement', { mode: mode.zh, modeEn: mode.en });
    }
    const production = v.productionDate as string | undefined;
    const expiry = this.expiry(row, production);
    if (production && expiry && expiry < production) this.errors.fail(row, 'expiry', 'ledgers.row.expiryBeforeProduction', { expiry, production });
    const batch = (v.batch as string | undefined) ?? '';
    if (location && item) {
      const other = this.seen.check(`${location.code}\u0000${item.code}\u0000${batch}`, row.row);
      if (other !== null) this.errors.fail(row, 'batch', 'ledgers.row.duplicate', { other, what: `${location.name} / ${item.name} / 批次 ${batch || '无'}` });
    }
    const price = this.price(row, q);
    if (row.failed || !location || !item) return;
    if (q.value === 0) {
      this.errors.unchanged(row);
      return;
    }
    const date = (v.receivedDate as string | undefined) ?? this.today;
    const handler = (v.keeper as string | undefined) ?? OPENING_HANDLER;
    const key = `${location.code}\u0000${date}\u0000${handler}`;
    let entry = this.docs.get(key);
    if (!entry) {
      entry = {
        doc: {
          type: 'purchase',
          date,
          locationCode: location.code,
          handler,
          basisDoc: `${OPENING_HANDLER} ${this.options.fileName}`.slice(0, 100),
          lines: [],
        },
        rows: [],
      };
      this.docs.set(key, entry);
    }
    const note = [OPENING_NOTE, v.bin ? `库位 ${v.bin}` : '', v.fundingSource ? `资金来源 ${v.fundingSource}` : '', (v.note as string | undefined) ?? '']
      .filter(Boolean)
      .join('；');
    entry.doc.lines.push({ itemCode: item.code, batchNo: batch, quantity: q.value, productionDate: production, expiryDate: expiry, unitPrice: price, note });
    entry.rows.push(row);
  }

  /** 有效期至 as a date, or 保质期 as a duration counted from the production date. */
  private expiry(row: ParsedRow, production: string | undefined): string | undefined {
    const raw = row.values.expiry as Cell | undefined;
    if (raw === undefined || raw === null) return undefined;
    const d = readDate(raw);
    if (!isProblem(d)) return d;
    const duration = readDuration(raw);
    if (!duration) {
      this.errors.fail(row, 'expiry', 'ledgers.value.duration', { value: String(raw) });
      return undefined;
    }
    if (!production) {
      this.errors.fail(row, 'expiry', 'ledgers.value.durationNeedsProduction', { value: String(raw) });
      return undefined;
    }
    return addDuration(production, duration);
  }

  /** 单价, or 金额 ÷ 数量 when that is exact to the 分; a 金额 that disagrees with 单价 × 数量 is an error. */
  private price(row: ParsedRow, q: QuantityText): number | undefined {
    const price = row.values.unitPrice as number | undefined;
    const amount = row.values.amount as number | undefined;
    const milli = toMilli(q.value, 3);
    if (amount === undefined || milli === null || milli === 0) return price;
    const amountFen = Math.round(amount * 100);
    const unitFen = price !== undefined ? Math.round(price * 100) : null;
    if (unitFen !== null) {
      const expected = Math.round((unitFen * milli) / 1000);
      if (Math.abs(expected - amountFen) > 1) {
        this.errors.fail(row, 'amount', 'ledgers.row.amountMismatch', { amount: (amountFen / 100).toFixed(2), expected: (expected / 100).toFixed(2) });
      }
      return price;
    }
    return (amountFen * 1000) % milli === 0 ? (amountFen * 1000) / milli / 100 : undefined;
  }

  finish(): Record<string, number> {
    let documents = 0;
    let movements = 0;
    Poster.run(this.db, (poster) => {
      for (const { doc, rows } of this.docs.values()) {
        const r = postRows(poster, doc, rows, this.errors, (code) => this.master.item(code)?.name);
        if (r.lines) documents++;
        movements += r.movements;
      }
    });
    return { items: this.newItems.size, documents, movements };
  }
}

type StockExportRow = StockRow & { item: Item | undefined };

export const stockKind: KindSpec = {
  kind: 'stock',
  fields,
  needs: [['itemCode'], ['itemName']],
  sheetIsLocation: true,
  title: '救灾物资库存台账',
  example: {
    locationCode: 'WH01',
    location: '一号库',
    itemCode: 'WZ001',
    itemName: '棉被',
    spec: '2.0m×2.3m',
    unit: '条',
    batch: 'MB20240301',
    productionDate: '2024-03-01',
    expiry: '',
    quantity: 1200,
    unitPrice: 115,
    amount: 138000,
    category: '被服',
    note: '',
  },
  begin: (db, errors, options) => new StockCommitter(db, errors, options),
  exportSheet: (db, options) => {
    const items = new Map(listItems(db).map((i) => [i.code, i]));
    const rows: StockExportRow[] = queryStock(db, { byBatch: true, includeZero: false, locationCode: options.locationCode }).map((r) => ({ ...r, item: items.get(r.itemCode) }));
    const status = { expired: '已过期', expiring: '临期', ok: '', none: '' } as const;
    const where = options.locationCode ? `（${rows[0]?.locationName ?? options.locationCode}）` : '';
    return {
      sheetName: '库存台账',
      title: `${districtName(db)}救灾物资库存台账${where}`,
      columns: numbered<StockExportRow>([
        { header: '地点编码', type: 'code', value: (r) => r.locationCode },
        { header: '存放地点', type: 'text', value: (r) => r.locationName },
        { header: '物资编码', type: 'code', value: (r) => r.itemCode },
        { header: '物资名称', type: 'text', value: (r) => r.itemName },
        { header: '规格型号', type: 'text', value: (r) => r.spec },
        { header: '单位', type: 'text', value: (r) => r.unit },
        { header: '批次号', type: 'code', value: (r) => r.batchNo },
        { header: '生产日期', type: 'date', value: (r) => r.productionDate },
        { header: '有效期至', type: 'date', value: (r) => r.expiryDate },
        { header: '数量', type: 'quantity', value: (r) => r.quantity, decimals: (r) => r.item?.decimals ?? 0, total: true, unit: (r) => r.unit },
        { header: '单价(元)', type: 'money', value: (r) => r.item?.unitPrice },
        {
          header: '金额(元)',
          type: 'money',
          value: (r) => (r.item?.unitPrice == null ? null : Math.round(Math.round(r.item.unitPrice * 100) * r.quantity) / 100),
          total: true,
        },
        { header: '物资类别', type: 'text', value: (r) => labels.category[r.category].zh },
        { header: '状态', type: 'text', value: (r) => status[r.expiryStatus] },
      ]),
      rows,
      totals: true,
    };
  },
};
