// The renderer's own screen text: Chinese first, English beside it — the same shape as src/i18n/messages.ts.
// Names of movement types, area levels, location kinds etc. come from the core's `labels` (see ./index.tsx).

import { backupsUi } from './sections/backups';
import { entryUi } from './sections/entry';
import { equipmentUi } from './sections/equipment';
import { gapsUi } from './sections/gaps';
import { ledgersUi } from './sections/ledgers';
import { stocktakeUi } from './sections/stocktake';

export type Lang = 'zh' | 'en';
export type UiParams = Record<string, string | number>;

const core = {
  // app frame
  'app.title': { zh: '应急物资台账', en: 'Relief Ledger' },
  'app.org': { zh: '椒江区应急管理局', en: 'Jiaojiang District Emergency Management Bureau' },
  'app.door.web': { zh: '网页版', en: 'web' },
  'app.door.electron': { zh: '桌面版', en: 'desktop' },
  'app.database': { zh: '数据库', en: 'Database' },
  'app.version': { zh: '版本', en: 'Version' },
  'app.today': { zh: '今日', en: 'Today' },
  'app.noBridge': { zh: '未连接到台账服务', en: 'Not connected to the ledger service' },
  'app.logoMark': { zh: '应', en: 'R' },
  'app.transportFailed': { zh: '连接台账服务失败：{detail}', en: 'Could not reach the ledger service: {detail}' },
  'app.unexpected': { zh: '出错了：{detail}', en: 'Something went wrong: {detail}' },
  'app.noBridgeHint': {
    zh: '请通过桌面程序或 relief-ledger serve 打开本页面。',
    en: 'Open this page from the desktop app or through `relief-ledger serve`.',
  },
  'app.loadFailed': { zh: '数据读取失败', en: 'Could not load data' },
  'app.retry': { zh: '重试', en: 'Retry' },
  'jobs.rowsDone': { zh: '已处理 {rows} 行', en: '{rows} rows done' },
  'jobs.starting': { zh: '正在读取文件…', en: 'Reading the file…' },
  'app.language': { zh: '界面语言', en: 'Language' },
  'app.lang.zh': { zh: '中文', en: '中文' },
  'app.lang.en': { zh: 'English', en: 'English' },

  // navigation
  'nav.overview': { zh: '首页', en: 'Overview' },
  'nav.stock': { zh: '物资库存', en: 'Stock' },
  'nav.movements': { zh: '出入库', en: 'Movements' },
  'nav.settings': { zh: '基础数据', en: 'Master data' },

  // common words
  'common.all': { zh: '全部', en: 'All' },
  'common.none': { zh: '无', en: 'none' },
  'common.save': { zh: '保存', en: 'Save' },
  'common.cancel': { zh: '取消', en: 'Cancel' },
  'common.create': { zh: '新增', en: 'New' },
  'common.edit': { zh: '编辑', en: 'Edit' },
  'common.refresh': { zh: '刷新', en: 'Refresh' },
  'common.search': { zh: '搜索', en: 'Search' },
  'common.reset': { zh: '重置', en: 'Reset' },
  'common.actions': { zh: '操作', en: 'Actions' },
  'common.rows': { zh: '共 {n} 行', en: '{n} rows' },
  'common.rowsOf': { zh: '显示 {shown} / 共 {total} 行', en: 'showing {shown} of {total} rows' },
  'common.total': { zh: '合计', en: 'Total' },
  'common.loading': { zh: '正在读取…', en: 'Loading…' },
  'common.fixErrors': { zh: '请修正标出的内容后再提交', en: 'Please correct the marked fields and submit again' },
  'common.demo': { zh: '演示', en: 'demo' },
  'common.yes': { zh: '是', en: 'yes' },
  'common.no': { zh: '否', en: 'no' },
  'common.print': { zh: '打印', en: 'Print' },
  'common.back': { zh: '返回', en: 'Back' },
  'common.close': { zh: '关闭', en: 'Close' },
  'common.optional': { zh: '选填', en: 'optional' },
  'common.pickDate': { zh: '选择日期', en: 'Pick a date' },
  'common.yuan': { zh: '元', en: 'CNY' },

  // punctuation that differs between the languages
  'fmt.paren': { zh: '{a}（{b}）', en: '{a} ({b})' },
  'fmt.label': { zh: '{a}：', en: '{a}: ' },
  'fmt.labelValue': { zh: '{a}：{b}', en: '{a}: {b}' },
  'fmt.listSep': { zh: '、', en: ', ' },

  // validation messages for zod's own issues (the contract's own messages come with their gloss)
  'validation.required': { zh: '必填', en: 'required' },
  'validation.invalid': { zh: '格式不正确', en: 'not a valid value' },
  'validation.choose': { zh: '请从列表中选择', en: 'choose one from the list' },
  'validation.integer': { zh: '必须是整数', en: 'must be a whole number' },
  'validation.min': { zh: '不能小于 {n}', en: 'must be at least {n}' },
  'validation.max': { zh: '不能大于 {n}', en: 'must be at most {n}' },
  'validation.minLength': { zh: '至少 {n} 项', en: 'at least {n}' },
  'validation.maxLength': { zh: '最多 {n} 个字符', en: 'at most {n} characters' },

  // field names shared by several screens
  'field.code': { zh: '编码', en: 'Code' },
  'field.name': { zh: '名称', en: 'Name' },
  'field.location': { zh: '存放地点', en: 'Location' },
  'field.street': { zh: '街道/镇', en: 'Street/town' },
  'field.item': { zh: '物资', en: 'Item' },
  'field.itemCode': { zh: '物资编码', en: 'Item code' },
  'field.itemName': { zh: '品名', en: 'Item' },
  'field.spec': { zh: '规格型号', en: 'Specification' },
  'field.unit': { zh: '单位', en: 'Unit' },
  'field.quantity': { zh: '数量', en: 'Quantity' },
  'field.batchNo': { zh: '批次号', en: 'Batch no.' },
  'field.batches': { zh: '批次数', en: 'Batches' },
  'field.productionDate': { zh: '生产日期', en: 'Production date' },
  'field.expiryDate': { zh: '有效期至', en: 'Expiry date' },
  'field.unitPrice': { zh: '单价(元)', en: 'Unit price (CNY)' },
  'field.amount': { zh: '金额(元)', en: 'Amount (CNY)' },
  'field.date': { zh: '日期', en: 'Date' },
  'field.docNo': { zh: '单号', en: 'Document no.' },
  'field.type': { zh: '类型', en: 'Type' },
  'field.basisDoc': { zh: '依据文号', en: 'Basis document' },
  'field.orderNo': { zh: '动用指令文号', en: 'Order no.' },
  'field.handler': { zh: '经办人', en: 'Handler' },
  'field.approver': { zh: '审批人', en: 'Approver' },
  'field.recipient': { zh: '领用人', en: 'Recipient' },
  'field.donor': { zh: '捐赠方', en: 'Donor' },
  'field.donorCertNo': { zh: '捐赠证书编号', en: 'Donation certificate no.' },
  'field.counterpart': { zh: '对方单位', en: 'Counterpart' },
  'field.supplier': { zh: '供货/来源单位', en: 'Supplier / source' },
  'field.reason': { zh: '原因', en: 'Reason' },
  'field.note': { zh: '备注', en: 'Note' },
  'field.expiryStatus': { zh: '效期状态', en: 'Expiry status' },
  'field.category': { zh: '类别', en: 'Category' },
  'field.kind': { zh: '类型', en: 'Kind' },
  'field.area': { zh: '所属区域', en: 'Area' },
  'field.address': { zh: '地址', en: 'Address' },
  'field.level': { zh: '级别', en: 'Level' },
  'field.parent': { zh: '上级区域', en: 'Parent area' },
  'field.adminCode': { zh: '行政区划代码', en: 'Admin code' },
  'field.decimals': { zh: '小数位数', en: 'Decimals' },
  'field.gbCode': { zh: 'GB/T 38565 编码', en: 'GB/T 38565 code' },
  'field.shelfLifeDays': { zh: '保质期(天)', en: 'Shelf life (days)' },
  'field.rotationLeadDays': { zh: '轮换提前期(天)', en: 'Rotation lead (days)' },
  'field.effectiveLeadDays': { zh: '生效提前期(天)', en: 'Lead in force (days)' },
  'field.reserveMode': { zh: '储备方式', en: 'Reserve mode' },
  'field.from': { zh: '调出地点', en: 'From' },
  'field.to': { zh: '调入地点', en: 'To' },
  'field.in': { zh: '入库数量', en: 'In' },
  'field.out': { zh: '出库数量', en: 'Out' },
  'field.expiredQty': { zh: '已过期', en: 'Expired' },
  'field.expiringQty': { zh: '临期', en: 'Expiring' },
  'field.locations': { zh: '存放点数', en: 'Locations' },
  'field.counterpartCol': { zh: '来源/去向', en: 'From / to' },

  // expiry
  'expiry.expired': { zh: '已过期', en: 'expired' },
  'expiry.expiring': { zh: '临期(需轮换)', en: 'due for rotation' },
  'expiry.attention': { zh: '已过期或临期', en: 'expired or due' },
  'expiry.ok': { zh: '正常', en: 'ok' },
  'expiry.none': { zh: '无保质期', en: 'no expiry' },

  // overview
  'overview.title': { zh: '首页', en: 'Overview' },
  'overview.shelters': { zh: '避灾安置场所', en: 'Shelters' },
  'overview.sheltersInUse': { zh: '在用 {n} 处，可容纳 {capacity} 人', en: '{n} in use, room for {capacity}' },
  'overview.warehouses': { zh: '区级仓库', en: 'District warehouses' },
  'overview.streetStores': { zh: '街道(镇)储备点 {n} 个', en: '{n} street/town stores' },
  'overview.streets': { zh: '街道/镇', en: 'Streets/towns' },
  'overview.villages': { zh: '村/社区 {n} 个', en: '{n} villages/communities' },
  'overview.itemsOnHand': { zh: '在库物资（计件）', en: 'Pieces on hand' },
  'overview.catalogue': { zh: '物资目录 {n} 种', en: '{n} catalogue items' },
  'overview.stockValue': { zh: '库存金额', en: 'Stock value' },
  'overview.batchesExpired': { zh: '已过期批次', en: 'Expired batches' },
  'overview.batchesExpiring': { zh: '临期批次', en: 'Due for rotation' },
  'overview.expiringList': { zh: '过期与临期批次', en: 'Expired and expiring batches' },
  'overview.outOfStock': { zh: '零库存物资', en: 'Items with no stock' },
  'overview.outOfStockNone': { zh: '目录中的实物储备物资均有库存', en: 'Every held item in the catalogue has stock' },
  'overview.noAttention': { zh: '没有过期或临期的批次', en: 'No batch is expired or due for rotation' },
  'overview.perStreet': { zh: '各街道(镇)概况', en: 'Per street/town' },
  'overview.villagesCol': { zh: '村/社区', en: 'Villages' },
  'overview.sheltersCol': { zh: '避灾场所', en: 'Shelters' },
  'overview.capacityCol': { zh: '可容纳人数', en: 'Capacity' },
  'overview.storesCol': { zh: '存放点', en: 'Stores' },
  'overview.onHandCol': { zh: '在库物资(件)', en: 'Pieces' },
  'overview.viewAll': { zh: '查看全部', en: 'View all' },
  'overview.equipment': { zh: '防汛装备村社覆盖', en: 'Equipment coverage of villages' },
  'overview.standard': { zh: '避灾场所规范化', en: 'Shelter standardisation' },
  'overview.gaps': { zh: '储备缺口', en: 'Reserve gaps' },

  // stock
  'stock.title': { zh: '物资库存', en: 'Stock on hand' },
  'stock.view.location': { zh: '按地点', en: 'By location' },
  'stock.view.item': { zh: '按物资', en: 'By item' },
  'stock.view.batch': { zh: '按批次', en: 'By batch' },
  'stock.searchPlaceholder': { zh: '物资名称、编码、规格或批次号', en: 'Item name, code, spec or batch' },
  'stock.anyLocation': { zh: '全部地点', en: 'All locations' },
  'stock.anyStreet': { zh: '全部街道/镇', en: 'All streets/towns' },
  'stock.anyExpiry': { zh: '全部效期', en: 'Any expiry' },
  'stock.earliestExpiry': { zh: '最早有效期', en: 'Earliest expiry' },
  'stock.legend': { zh: '红色：已过期；橙色：在轮换提前期内', en: 'Red: expired; orange: within the rotation lead time' },

  // movements
  'movements.title': { zh: '出入库', en: 'Movements' },
  'movements.tab.entry': { zh: '登记单据', en: 'New document' },
  'movements.tab.journal': { zh: '出入库流水', en: 'Journal' },
  'movements.kind.receipt': { zh: '入库', en: 'Receipt' },
  'movements.kind.issue': { zh: '发放', en: 'Issue' },
  'movements.kind.transfer': { zh: '调拨', en: 'Transfer' },
  'movements.kind.loss': { zh: '报损/报废', en: 'Loss/scrap' },
  'movements.header': { zh: '单据信息', en: 'Document' },
  'movements.lines': { zh: '物资明细', en: 'Lines' },
  'movements.addLine': { zh: '添加一行', en: 'Add a line' },
  'movements.removeLine': { zh: '删除此行', en: 'Remove this line' },
  'movements.docNoAuto': { zh: '留空自动编号', en: 'auto if blank' },
  'movements.batchAuto': { zh: '留空按先到期先出', en: 'blank: first expiry first out' },
  'movements.batchNone': { zh: '无批次', en: 'no batch' },
  'movements.available': { zh: '可用 {qty}', en: '{qty} available' },
  'movements.submitReceipt': { zh: '保存入库单', en: 'Post receipt' },
  'movements.submitIssue': { zh: '保存出库单', en: 'Post issue' },
  'movements.submitTransfer': { zh: '保存调拨单', en: 'Post transfer' },
  'movements.submitLoss': { zh: '保存报损单', en: 'Post loss/scrap' },
  'movements.posted': { zh: '已保存，单号 {docNo}', en: 'Posted as {docNo}' },
  'movements.viewDoc': { zh: '查看/打印单据', en: 'View / print' },
  'movements.clear': { zh: '清空', en: 'Clear' },
  'movements.receiveAt': { zh: '入库地点', en: 'Receiving location' },
  'movements.issueFrom': { zh: '发出地点', en: 'Issuing location' },
  'movements.lossAt': { zh: '所在地点', en: 'Location' },
  'movements.receiptType': { zh: '入库类型', en: 'Receipt type' },
  'movements.lossType': { zh: '报损/报废', en: 'Loss or scrap' },
  'movements.pickItem': { zh: '选择物资', en: 'Choose an item' },
  'movements.pickLocation': { zh: '选择地点', en: 'Choose a location' },
  'movements.orderNoExample': { zh: '如 椒防指〔2026〕5号', en: 'e.g. 椒防指〔2026〕5号' },
  'movements.inStock': { zh: '有库存', en: 'in stock' },

  // journal
  'journal.filterTypes': { zh: '全部类型', en: 'All types' },
  'journal.searchPlaceholder': { zh: '单号、物资、文号、经办人、领用人', en: 'Doc no., item, order no., handler, recipient' },
  'journal.reverse': { zh: '冲销', en: 'Reverse' },
  'journal.reversed': { zh: '已冲销', en: 'reversed' },
  'journal.reversedBy': { zh: '已被记录 {id} 冲销', en: 'reversed by record {id}' },
  'journal.isReversal': { zh: '冲销记录', en: 'a reversal' },
  'journal.reverseTitle': { zh: '冲销记录 {id}（{docNo}）', en: 'Reverse record {id} ({docNo})' },
  'journal.reverseHint': {
    zh: '冲销会登记一笔反向记录，原记录保留不变。调拨会同时冲销调出和调入两条。',
    en: 'A reversal posts an opposite movement; the original stays. Both legs of a transfer are reversed together.',
  },
  'journal.reverseSubmit': { zh: '确认冲销', en: 'Post reversal' },
  'journal.reverseDone': { zh: '已冲销，冲销单号 {docNo}', en: 'Reversed as {docNo}' },
  'journal.record': { zh: '记录号', en: 'Record' },

  // printed documents
  'doc.receipt': { zh: '物资入库单', en: 'Goods receipt' },
  'doc.issue': { zh: '物资出库单', en: 'Goods issue' },
  'doc.transfer': { zh: '物资调拨单', en: 'Transfer note' },
  'doc.reversal': { zh: '冲销单', en: 'Reversal note' },
  'doc.unit': { zh: '单位：{org}', en: 'Unit: {org}' },
  'doc.no': { zh: '单号：{docNo}', en: 'No.: {docNo}' },
  'doc.seq': { zh: '序号', en: 'No.' },
  'doc.totalAmount': { zh: '合计金额', en: 'Total amount' },
  'doc.sign.handler': { zh: '经办人', en: 'Handled by' },
  'doc.sign.approver': { zh: '审批人', en: 'Approved by' },
  'doc.sign.recipient': { zh: '领用人', en: 'Received by' },
  'doc.sign.keeper': { zh: '保管员', en: 'Store keeper' },
  'doc.printedOn': { zh: '打印日期：{date}', en: 'Printed: {date}' },
  'doc.notFound': { zh: '找不到单据 {docNo}', en: 'Document {docNo} not found' },

  // master data
  'settings.title': { zh: '基础数据', en: 'Master data' },
  'settings.tab.areas': { zh: '行政区域', en: 'Areas' },
  'settings.tab.locations': { zh: '存放地点', en: 'Locations' },
  'settings.tab.items': { zh: '物资目录', en: 'Item catalogue' },
  'settings.tab.preferences': { zh: '偏好与系统', en: 'Preferences' },
  'settings.areaCreate': { zh: '新增区域', en: 'New area' },
  'settings.areaEdit': { zh: '编辑区域 {code}', en: 'Edit area {code}' },
  'settings.areaChild': { zh: '新增下级', en: 'Add below' },
  'settings.areaSearch': { zh: '查找区域', en: 'Find an area' },
  'settings.areaSelectHint': { zh: '在左侧选择一个区域查看详情', en: 'Choose an area on the left to see it' },
  'settings.areaChildren': { zh: '下级区域', en: 'Areas below' },
  'settings.locationCreate': { zh: '新增存放地点', en: 'New location' },
  'settings.locationEdit': { zh: '编辑存放地点 {code}', en: 'Edit location {code}' },
  'settings.itemCreate': { zh: '新增物资', en: 'New item' },
  'settings.itemEdit': { zh: '编辑物资 {code}', en: 'Edit item {code}' },
  'settings.saved': { zh: '已保存', en: 'Saved' },
  'settings.unitExample': { zh: '顶 / 条 / 箱 / kg', en: 'e.g. 顶, 条, 箱, kg' },
  'settings.anyKind': { zh: '全部类型', en: 'All kinds' },
  'settings.searchLocations': { zh: '名称或编码', en: 'Name or code' },
  'settings.searchItems': { zh: '名称、编码或规格', en: 'Name, code or spec' },
  'settings.decimalsHint': { zh: '吨、kg、升、米等可到 3 位小数；留空按单位自动判断', en: 'Up to 3 for t, kg, L, m; blank: from the unit' },
  'settings.leadHint': { zh: '留空使用默认值（有保质期的物资 90 天）', en: 'Blank: the default (90 days for items with a shelf life)' },
  'settings.languageHint': { zh: '界面文字与出错提示的语言；数据本身不翻译。', en: 'Language of screens and messages; the data itself is not translated.' },
  'settings.system': { zh: '系统信息', en: 'System' },
  'settings.migrations': { zh: '数据库版本', en: 'Schema migrations' },
  'settings.door': { zh: '运行方式', en: 'Running as' },
} as const satisfies Record<string, { zh: string; en: string }>;

// Each screen area keeps its text in its own section file; together they are the renderer's one catalogue.
const catalogue = { ...core, ...equipmentUi, ...gapsUi, ...stocktakeUi, ...ledgersUi, ...backupsUi, ...entryUi } as const;

export type UiKey = keyof typeof catalogue;

export function uiMessage(key: UiKey, params: UiParams = {}): { zh: string; en: string } {
  const entry = catalogue[key];
  return { zh: fill(entry.zh, params), en: fill(entry.en, params) };
}

export function translate(lang: Lang, key: UiKey, params: UiParams = {}): string {
  return fill(catalogue[key][lang], params);
}

function fill(template: string, params: UiParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
