// Messages of the catalogue section for the annual stocktake (年度盘点).
export const stocktakeMessages = {
  'stocktake.notFound': { zh: '找不到盘点单 {id}', en: 'Stocktake {id} not found' },
  'stocktake.badState': { zh: '盘点单 {no} 当前为“{status}”，不能{action}', en: 'Stocktake {no} is {statusEn}; cannot {actionEn}' },
  'stocktake.lineNotFound': { zh: '盘点单中没有第 {line} 行', en: 'Line {line} is not on this stocktake' },
  'stocktake.bookWithheld': {
    zh: '盲盘 {no} 尚有 {left} 行未盘：全部实盘后才能导出含账面数的盘点报告',
    en: 'Blind count {no} has {left} lines not yet counted: the report, which shows the book, comes once every line is counted',
  },
  'stocktake.locationNotIn': { zh: '{code} 不在本次盘点范围内', en: '{code} is not part of this stocktake' },
  'stocktake.lineExists': { zh: '{item}（{batch}）已在盘点表中，请直接录入实盘数', en: '{item} ({batch}) is already on the sheet; enter its count there' },
  'stocktake.uncounted': { zh: '还有 {n} 行未盘点，请录入实盘数或明确置零', en: '{n} lines are not counted yet; count them or set them to zero' },
  'stocktake.reasonsMissing': { zh: '有 {n} 行差异未填写原因', en: '{n} lines with a difference have no reason' },
  'stocktake.noLocations': { zh: '所选范围内没有存放地点', en: 'No locations in the chosen scope' },
  'stocktake.busy': { zh: '{location} 已在盘点单 {no} 中盘点，尚未完成', en: '{location} is already being counted in {no}' },
  'stocktake.unitUnknown': { zh: '找不到{kind} {serial}', en: '{kind} {serial} not found' },
  'stocktake.sheetLine': { zh: '行号 {value} 不是本盘点单的行', en: 'line id {value} is not on this stocktake' },
  'stocktake.sheetCount': { zh: '实盘数“{value}”不是有效数量', en: 'count "{value}" is not a valid quantity' },
  'stocktake.sheetUnreadable': { zh: '无法读取盘点表 {file}：{detail}', en: 'Cannot read count sheet {file}: {detail}' },
} as const satisfies Record<string, { zh: string; en: string }>;

export const stocktakeLabels = {
  status: {
    draft: { zh: '草稿', en: 'draft' },
    counting: { zh: '盘点中', en: 'counting' },
    review: { zh: '待审核', en: 'in review' },
    posted: { zh: '已过账', en: 'posted' },
    void: { zh: '已作废', en: 'void' },
  },
  action: {
    count: { zh: '录入实盘数', en: 'enter counts' },
    submit: { zh: '提交审核', en: 'submit for review' },
    reopen: { zh: '退回盘点', en: 'reopen' },
    post: { zh: '过账', en: 'post' },
    void: { zh: '作废', en: 'void' },
  },
} as const;
