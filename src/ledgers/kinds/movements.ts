// 出入库明细: receipts, issues and transfers, posted in file order through the core's Poster while the file is still
// being read. Rows with the same 单号 are one document and must be adjacent. A transfer may be written as one row
// (调拨 / 调拨出库 at the source, 调拨入库 at the destination) or as both legs, as our export writes it: the second
// leg of a pair is recognised and not posted twice. Reversals (冲销) are refused: they are made in the app.
import type { Item, MovementRecord, MovementType } from '../../api/contract.js';
import { listItems } from '../../catalogue/items.js';
import { toMilli } from '../../common/quantity.js';
import type { Db } from '../../db/executor.js';
import { labels, message } from '../../i18n/messages.js';
import { movementsByIds } from '../../stock/journal.js';
import { findLocation } from '../../places/locations.js';
import { Poster } from '../../stock/post.js';
import type { QuantityText } from '../normalise.js';
import { choices, districtName, numbered, placeLabel, RowLocations } from './common.js';
import type { Committer, ErrorSink, FieldSpec, ImportOptions, KindSpec, ParsedRow } from './kind.js';
import { type PostDoc, postRows, type TransferDoc } from './posting.js';
import { locationFields, unitMatches } from './stock.js';

const typeChoices = choices(labels.movementType, {
  采购: 'purchase',
  购置入库: 'purchase',
  购入: 'purchase',
  捐赠: 'donation',
  社会捐赠: 'donation',
  接收捐赠: 'donation',
  上级调拨: 'allocation_in',
  上级下拨: 'allocation_in',
  下拨入库: 'allocation_in',
  回收: 'return_in',
  归还: 'return_in',
  归还入库: 'return_in',
  盘盈入库: 'stocktake_gain',
  调入: 'transfer_in',
  调拨: 'transfer_out',
  调出: 'transfer_out',
  发放出库: 'issue',
  领用: 'issue',
  领用出库: 'issue',
  出库发放: 'issue',
  报损出库: 'loss',
  报废出库: 'scrap',
  盘亏出库: 'stocktake_loss',
});

const fields: FieldSpec[] = [
  { key: 'seq', header: '序号', synonyms: ['序', 'no', 'no.', '行号'], type: 'raw', informational: true },
  { key: 'docNo', header: '单号', synonyms: ['单据号', '单据编号', '出入库单号', '凭证号', '单据'], type: 'exact', max: 40 },
  { key: 'date', header: '日期', synonyms: ['出入库日期', '业务日期', '发生日期', '单据日期', '时间'], type: 'date', required: true },
  { key: 'type', header: '类型', synonyms: ['出入库类型', '业务类型', '类别', '出入库类别', '摘要'], type: 'choice', choices: typeChoices, required: true },
  ...locationFields,
  { key: 'itemCode', header: '物资编码', synonyms: ['编码', '物资代码', '物资编号', '物资'], type: 'code', max: 40, required: true },
  { key: 'itemName', header: '物资名称', synonyms: ['品名', '名称'], type: 'text', max: 100, informational: true },
  { key: 'spec', header: '规格型号', synonyms: ['规格', '型号'], type: 'text', max: 100, informational: true },
  { key: 'unit', header: '单位', synonyms: ['计量单位'], type: 'text', max: 10, informational: true },
  { key: 'batch', header: '批次号', synonyms: ['批次', '批号'], type: 'exact', max: 60 },
  { key: 'productionDate', header: '生产日期', synonyms: ['出厂日期'], type: 'date' },
  { key: 'expiry', header: '有效期至', synonyms: ['有效期', '失效日期', '到期日期', '保质期至'], type: 'date' },
  { key: 'quantity', header: '数量', synonyms: ['出入库数量', '发生数量'], type: 'quantity', required: true },
  { key: 'unitPrice', header: '单价(元)', synonyms: ['单价', '价格'], type: 'money' },
  { key: 'amount', header: '金额(元)', synonyms: ['金额', '总价'], type: 'money', informational: true },
  { key: 'counterpart', header: '来源/去向', synonyms: ['来源', '去向', '来源去向', '对方单位', '对方地点', '调入地点', '调出地点', '供应商', '领用单位'], type: 'text', max: 100 },
  { key: 'basisDoc', header: '依据文号', synonyms: ['文号', '动用指令文号', '依据', '批文号', '指令文号'], type: 'text', max: 100 },
  { key: 'handler', header: '经办人', synonyms: ['经手人', '经办'], type: 'text', max: 100, required: true },
  { key: 'approver', header: '审批人', synonyms: ['批准人', '审核人'], type: 'text', max: 50 },
  { key: 'recipient', header: '领用人', synonyms: ['领取人', '接收人', '签收人'], type: 'text', max: 50 },
  { key: 'donor', header: '捐赠方', synonyms: ['捐赠单位', '捐赠人'], type: 'text', max: 100 },
  { key: 'donorCertNo', header: '捐赠证书号', synonyms: ['捐赠证书编号', '证书号'], type: 'exact', max: 60 },
  { key: 'reason', header: '原因', synonyms: ['事由', '报损原因', '报废原因', '差异原因'], type: 'text', max: 200 },
  { key: 'note', header: '备注', synonyms: ['说明'], type: 'text', max: 200 },
];

const TRANSFERS = new Set<MovementType>(['transfer_in', 'transfer_out']);
const NEEDS: Partial<Record<MovementType, { field: string; zh: string; en: string }>> = {
  issue: { field: 'basisDoc', zh: '依据文号（动用指令）', en: 'the order number' },
  donation: { field: 'donor', zh: '捐赠方', en: 'the donor' },
  loss: { field: 'reason', zh: '原因', en: 'a reason' },
  scrap: { field: 'reason', zh: '原因', en: 'a reason' },
  stocktake_gain: { field: 'reason', zh: '原因', en: 'a reason' },
  stocktake_loss: { field: 'reason', zh: '原因', en: 'a reason' },
};
/** Header fields the rows of one document must agree on. */
const HEADER: readonly string[] = ['type', 'date', 'basisDoc', 'handler', 'approver', 'donor', 'donorCertNo', 'recipient', 'reason'];
const HEADER_LABEL: Record<string, { zh: string; en: string }> = {
  type: { zh: '类型', en: 'type' },
  date: { zh: '日期', en: 'date' },
  basisDoc: { zh: '依据文号', en: 'basis document' },
  handler: { zh: '经办人', en: 'handler' },
  approver: { zh: '审批人', en: 'approver' },
  donor: { zh: '捐赠方', en: 'donor' },
  donorCertNo: { zh: '捐赠证书号', en: 'donor certificate' },
  recipient: { zh: '领用人', en: 'recipient' },
  reason: { zh: '原因', en: 'reason' },
  location: { zh: '存放地点', en: 'location' },
  counterpart: { zh: '来源/去向', en: 'source/destination' },
};

interface OpenDoc {
  docNo: string | undefined;
  firstRow: ParsedRow;
  header: Record<string, unknown>;
  from: string;
  to: string | null;
  doc: PostDoc | TransferDoc | null;
  rows: ParsedRow[];
}

class MovementCommitter implements Committer {
  private readonly items: Map<string, Item>;
  private readonly locations: RowLocations;
  private readonly poster: Poster;
  private readonly docFirstRow = new Map<string, number>();
  /** Unpaired transfer legs already taken, by leg key: a later opposite leg with the same key is their pair. */
  private readonly legs = new Map<string, number>();
  private open: OpenDoc | null = null;
  private documents = 0;
  private movements = 0;
  private readonly docNos = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly errors: ErrorSink,
    options: ImportOptions,
  ) {
    this.items = new Map(listItems(db).map((i) => [i.code, i]));
    this.locations = new RowLocations(options.master, options.locationCode);
    this.poster = new Poster(db);
  }

  add(row: ParsedRow): void {
    const v = row.values;
    const type = v.type as MovementType | undefined;
    const docNo = v.docNo as string | undefined;
    if (type === 'reversal') {
      this.errors.fail(row, 'type', 'ledgers.row.reversal');
      this.track(docNo, row);
      return;
    }
    const location = this.locations.resolve(row, this.errors);
    const itemCode = v.itemCode as string | undefined;
    const item = itemCode ? this.items.get(itemCode) : undefined;
    if (!itemCode) this.required(row, 'itemCode', '物资编码');
    else if (!item) this.errors.fail(row, 'itemCode', 'ledgers.row.unknownItem', { value: itemCode });
    else {
      if (v.itemName !== undefined && v.itemName !== item.name) this.errors.fail(row, 'itemName', 'ledgers.row.itemNameMismatch', { code: item.code, current: item.name, given: v.itemName as string });
      if (v.unit !== undefined && v.unit !== item.unit) this.errors.fail(row, 'unit', 'ledgers.row.itemUnitMismatch', { code: item.code, current: item.unit, given: v.unit as string });
    }
    const q = v.quantity as QuantityText | undefined;
    if (!q) this.required(row, 'quantity', '数量');
    else if (q.value === 0) this.errors.fail(row, 'quantity', 'ledgers.value.zero');
    else if (item && !unitMatches(q, item.unit)) this.errors.fail(row, 'quantity', 'ledgers.value.unitMismatch', { unit: q.unit!, itemUnit: item.unit });
    if (v.date === undefined) this.required(row, 'date', '日期');
    if (v.handler === undefined) this.required(row, 'handler', '经办人');
    if (type === undefined) this.required(row, 'type', '类型');
    const production = v.productionDate as string | undefined;
    const expiry = v.expiry as string | undefined;
    if (production && expiry && expiry < production) this.errors.fail(row, 'expiry', 'ledgers.row.expiryBeforeProduction', { expiry, production });

    let counterpartCode: string | null = null;
    if (type && TRANSFERS.has(type)) {
      const text = v.counterpart as string | undefined;
      if (!text) this.errors.fail(row, 'counterpart', 'ledgers.row.transferNeedsCounterpart');
      else {
        const r = this.locations.master.findLocation(text);
        if ('found' in r) counterpartCode = r.found.code;
        else this.errors.fail(row, 'counterpart', 'ambiguous' in r ? 'ledgers.row.ambiguousLocation' : 'ledgers.row.unknownLocation', { value: text });
        if (counterpartCode && location && counterpartCode === location.code) this.errors.fail(row, 'counterpart', 'ledgers.row.sameLocation');
      }
    } else if (type) {
      const need = NEEDS[type];
      if (need && v[need.field] === undefined && !(type === 'donation' && v.counterpart !== undefined)) {
        const t = labels.movementType[type];
        this.errors.fail(row, need.field, 'ledgers.row.needs', { type: t.zh, typeEn: t.en, field: need.zh, fieldEn: need.en });
      }
    }

    const open = this.track(docNo, row);
    if (row.failed || !location || !item || !q || !type) return;
    const transfer = TRANSFERS.has(type);
    const from = type === 'transfer_in' ? counterpartCode! : location.code;
    const to = transfer ? (type === 'transfer_in' ? location.code : counterpartCode) : null;

    const header: Record<string, unknown> = { type: transfer ? 'transfer' : type, date: v.date, basisDoc: v.basisDoc, handler: v.handler, approver: v.approver };
    if (!transfer) Object.assign(header, { donor: v.donor ?? (type === 'donation' ? v.counterpart : undefined), donorCertNo: v.donorCertNo, recipient: v.recipient, reason: v.reason });
    if (open && open.doc) {
      // Another line of the open document: its header must be the document's.
      for (const k of HEADER) {
        if ((open.header[k] ?? '') !== (header[k] ?? '')) return this.headerError(row, open, k === 'type' && transfer ? 'type' : k);
      }
      if (open.from !== from || open.to !== to) return this.headerError(row, open, open.from !== from ? 'location' : 'counterpart');
    }

    const batchNo = (v.batch as string | undefined) ?? '';
    let note = v.note as string | undefined;
    if (transfer) {
      const milli = toMilli(q.value, 3) ?? q.value;
      const key = `${docNo ?? ''}\u0001${v.date}\u0001${from}\u0001${to}\u0001${item.code}\u0001${batchNo}\u0001${milli}`;
      const mine = `${type}\u0001${key}`;
      const opposite = `${type === 'transfer_in' ? 'transfer_out' : 'transfer_in'}\u0001${key}`;
      const waiting = this.legs.get(opposite) ?? 0;
      if (waiting > 0) {
        // The other leg of a transfer already taken: both legs are in the ledger once it is posted.
        this.legs.set(opposite, waiting - 1);
        this.attach(row, docNo, header, from, to, null);
        return;
      }
      this.legs.set(mine, (this.legs.get(mine) ?? 0) + 1);
      const doc = this.attach(row, docNo, header, from, to, () => ({
        docNo,
        date: v.date as string,
        fromCode: from,
        toCode: to!,
        basisDoc: v.basisDoc as string | undefined,
        handler: v.handler as string,
        approver: v.approver as string | undefined,
        lines: [],
      }));
      (doc as TransferDoc).lines.push({ itemCode: item.code, batchNo, quantity: q.value, note });
      return;
    }
    let recipient = v.recipient as string | undefined;
    let counterpart: string | undefined;
    if (v.counterpart !== undefined && !(type === 'donation' && v.donor === undefined)) {
      // 来源/去向 beside a 领用人: the core keeps one of them, so the other goes into the note rather than being lost.
      if (recipient === undefined) counterpart = v.counterpart as string;
      else note = [note, `来源/去向：${v.counterpart}`].filter(Boolean).join('；');
    }
    if (recipient === undefined && counterpart !== undefined) {
      recipient = counterpart;
      counterpart = undefined;
    }
    const doc = this.attach(row, docNo, header, from, to, () => ({
      docNo,
      type: type as PostDoc['type'],
      date: v.date as string,
      locationCode: location.code,
      basisDoc: v.basisDoc as string | undefined,
      handler: v.handler as string,
      approver: v.approver as string | undefined,
      donor: (header.donor as string | undefined) ?? undefined,
      donorCertNo: v.donorCertNo as string | undefined,
      recipient,
      reason: v.reason as string | undefined,
      lines: [],
    }));
    (doc as PostDoc).lines.push({
      itemCode: item.code,
      batchNo,
      quantity: q.value,
      productionDate: production,
      expiryDate: expiry,
      unitPrice: v.unitPrice as number | undefined,
      note,
    });
  }

  private required(row: ParsedRow, field: string, header: string): void {
    if (!row.bad?.includes(field)) this.errors.fail(row, field, 'ledgers.value.required', { header });
  }

  private headerError(row: ParsedRow, open: OpenDoc, field: string): void {
    const label = HEADER_LABEL[field]!;
    const t = message('ledgers.row.docHeader', { docNo: open.docNo ?? '', field: label.zh, fieldEn: label.en, other: open.firstRow.row });
    this.errors.failText(row, field === 'location' ? 'location' : field, t.zh, t.en);
  }

  /** Follows 单号 through the file: a new one closes the open document; one seen before and not adjacent is an error. */
  private track(docNo: string | undefined, row: ParsedRow): OpenDoc | null {
    if (docNo !== undefined && this.open?.docNo === docNo) return this.open;
    this.flush();
    if (docNo !== undefined) {
      const first = this.docFirstRow.get(docNo);
      if (first !== undefined) this.errors.fail(row, 'docNo', 'ledgers.row.docSplit', { docNo, other: first });
      else this.docFirstRow.set(docNo, row.row);
    }
    this.open = { docNo, firstRow: row, header: {}, from: '', to: null, doc: null, rows: [] };
    return this.open;
  }

  /** Adds a row to the open document, starting it with `make` on its first postable row; null for a paired leg. */
  private attach(row: ParsedRow, docNo: string | undefined, header: Record<string, unknown>, from: string, to: string | null, make: (() => PostDoc | TransferDoc) | null) {
    const open = this.open!;
    if (!open.doc && make) {
      open.doc = make();
      open.header = header;
      open.from = from;
      open.to = to;
      open.docNo = docNo;
    } else if (!open.doc) {
      open.header = header;
      open.from = from;
      open.to = to;
    }
    if (make) open.rows.push(row);
    return open.doc;
  }

  private flush(): void {
    const open = this.open;
    this.open = null;
    if (!open?.doc || open.doc.lines.length === 0) return;
    const r = postRows(this.poster, open.doc, open.rows, this.errors, (code) => this.items.get(code)?.name);
    if (r.lines) this.documents++;
    this.movements += r.movements;
    if (open.docNo) {
      const m = /^([A-Z]{2}\d{8})-(\d+)$/.exec(open.docNo);
      if (m) this.docNos.set(m[1]!, Math.max(this.docNos.get(m[1]!) ?? 0, Number(m[2])));
    }
  }

  finish(): Record<string, number> {
    this.flush();
    this.poster.finish();
    // Numbers in the app's own pattern (RK20260501-0003) are taken now: the counter that numbers new documents
    // must not hand them out again.
    for (const [prefix, last] of this.docNos) {
      this.db.run(
        this.db.q
          .insertInto('doc_counter')
          .values({ prefix, last })
          .onConflict((oc) => oc.column('prefix').doUpdateSet((eb) => ({ last: eb.fn('max', [eb.ref('doc_counter.last'), eb.val(last)]) }))),
      );
    }
    return { documents: this.documents, movements: this.movements };
  }
}

type Row = MovementRecord;

/**
 * The journal in posting order, so that importing it replays every balance exactly as it went; read a thousand
 * records at a time, so that 100,000 never sit in memory together. Only the ids come from the table itself (the
 * journal module offers no id-ordered listing); the records are the journal's own.
 */
function journalInPostingOrder(db: Db, locationCode: string | undefined): { rows: Iterable<Row>; count: number } {
  let q = db.q.selectFrom('movement as m').select('m.id').orderBy('m.id');
  if (locationCode) q = q.innerJoin('location as l', 'l.id', 'm.location_id').where('l.code', '=', locationCode);
  const ids = db.all(q).map((r) => r.id);
  function* rows(): Generator<Row> {
    for (let i = 0; i < ids.length; i += 1000) yield* movementsByIds(db, ids.slice(i, i + 1000));
  }
  return { rows: rows(), count: ids.length };
}

export const movementsKind: KindSpec = {
  kind: 'movements',
  fields,
  sheetIsLocation: true,
  title: '救灾物资出入库明细',
  example: {
    docNo: 'RK20260501-0001',
    date: '2026-05-01',
    type: '采购入库',
    locationCode: 'WH01',
    location: '一号库',
    itemCode: 'WZ001',
    itemName: '棉被',
    spec: '2.0m×2.3m',
    unit: '条',
    batch: 'MB20260501',
    quantity: 500,
    unitPrice: 115,
    amount: 57500,
    counterpart: '',
    basisDoc: '椒应急采〔2026〕12号',
    handler: '张建国',
    approver: '李明',
  },
  begin: (db, errors, options) => new MovementCommitter(db, errors, options),
  exportSheet: (db, options) => {
    const { rows, count } = journalInPostingOrder(db, options.locationCode);
    const items = new Map(listItems(db).map((i) => [i.code, i.decimals]));
    const where = options.locationCode ? `（${findLocation(db, options.locationCode)?.name ?? options.locationCode}）` : '';
    return {
      sheetName: '出入库明细',
      count,
      title: `${districtName(db)}救灾物资出入库明细${where}`,
      columns: numbered<Row>([
        { header: '单号', type: 'code', value: (r) => r.docNo },
        { header: '日期', type: 'date', value: (r) => r.date },
        { header: '类型', type: 'text', value: (r) => labels.movementType[r.type].zh },
        { header: '地点编码', type: 'code', value: (r) => r.locationCode },
        { header: '存放地点', type: 'text', value: (r) => r.locationName },
        { header: '物资编码', type: 'code', value: (r) => r.itemCode },
        { header: '物资名称', type: 'text', value: (r) => r.itemName },
        { header: '规格型号', type: 'text', value: (r) => r.spec },
        { header: '单位', type: 'text', value: (r) => r.unit },
        { header: '批次号', type: 'code', value: (r) => r.batchNo },
        { header: '生产日期', type: 'date', value: (r) => r.productionDate },
        { header: '有效期至', type: 'date', value: (r) => r.expiryDate },
        { header: '数量', type: 'quantity', value: (r) => Math.abs(r.quantity), decimals: (r) => items.get(r.itemCode) ?? 0, total: false },
        { header: '单价(元)', type: 'money', value: (r) => r.unitPrice },
        { header: '金额(元)', type: 'money', value: (r) => (r.amount === null ? null : Math.abs(r.amount)), total: false },
        { header: '来源/去向', type: 'text', value: (r) => placeLabel(r.counterpartName, r.counterpartCode) },
        { header: '依据文号', type: 'text', value: (r) => r.basisDoc },
        { header: '经办人', type: 'text', value: (r) => r.handler },
        { header: '审批人', type: 'text', value: (r) => r.approver },
        { header: '领用人', type: 'text', value: (r) => r.recipient },
        { header: '捐赠方', type: 'text', value: (r) => r.donor },
        { header: '捐赠证书号', type: 'code', value: (r) => r.donorCertNo },
        { header: '原因', type: 'text', value: (r) => r.reason },
        { header: '备注', type: 'text', value: (r) => r.note },
      ]),
      rows,
      totals: false,
    };
  },
};
