// Screen text of the keeper's daily entry: the confirmation before posting, drafts, whole-document reversal and
// re-entry, and stock on hand counted in pieces beside the measured items.
export const entryUi = {
  // confirmation
  'entry.confirm.receipt': { zh: '确认保存入库单', en: 'Confirm the receipt' },
  'entry.confirm.issue': { zh: '确认保存出库单', en: 'Confirm the issue' },
  'entry.confirm.loss': { zh: '确认保存报损单', en: 'Confirm the loss or scrap' },
  'entry.confirm.transfer': { zh: '确认保存调拨单', en: 'Confirm the transfer' },
  'entry.confirm.ok': { zh: '确认保存', en: 'Post' },
  'entry.confirm.back': { zh: '返回修改', en: 'Back to editing' },
  'entry.confirm.fromTo': { zh: '从 → 到', en: 'From → to' },
  'entry.confirm.docNoAuto': { zh: '保存时自动编号', en: 'numbered when posted' },
  'entry.confirm.fefo': { zh: '先到期先出', en: 'first expiry first out' },
  'entry.confirm.line': { zh: '共 1 行', en: '1 line' },
  'entry.confirm.lines': { zh: '共 {n} 行', en: '{n} lines' },
  'entry.confirm.totals': { zh: '合计（按单位）', en: 'Totals per unit' },

  // the form's actions
  'entry.saveHint': { zh: '保存前先显示确认（也可按 Ctrl+Enter）', en: 'Shows a confirmation first (or press Ctrl+Enter)' },
  'entry.clearTitle': { zh: '清空本单？', en: 'Clear this document?' },
  'entry.clearBody': { zh: '已填写的内容和它的草稿都将删除。', en: 'What was entered, and its draft, will be discarded.' },
  'entry.clearOk': { zh: '清空', en: 'Clear' },
  'entry.draft.saving': { zh: '正在保存草稿…', en: 'Saving the draft…' },
  'entry.draft.saved': { zh: '草稿已保存 {time}', en: 'Draft saved {time}' },
  'entry.draft.failed': { zh: '草稿未能保存：{message}', en: 'Draft not saved: {message}' },
  'entry.keys': { zh: 'Enter 下一格 · ↑↓ 上下行 · Tab 右移 · Ctrl+Enter 保存', en: 'Enter: next field · ↑↓: lines · Tab: across · Ctrl+Enter: save' },

  // drafts
  'entry.drafts.button': { zh: '草稿', en: 'Drafts' },
  'entry.drafts.buttonCount': { zh: '草稿（{n}）', en: 'Drafts ({n})' },
  'entry.drafts.title': { zh: '草稿（尚未保存的单据）', en: 'Drafts (documents not yet posted)' },
  'entry.drafts.none': { zh: '没有草稿', en: 'No drafts' },
  'entry.drafts.content': { zh: '内容', en: 'Content' },
  'entry.drafts.untitled': { zh: '（尚未填写地点和物资）', en: '(no place or item yet)' },
  'entry.drafts.lines': { zh: '行数', en: 'Lines' },
  'entry.drafts.savedAt': { zh: '保存时间', en: 'Saved' },
  'entry.drafts.editing': { zh: '正在编辑', en: 'being edited' },
  'entry.drafts.resume': { zh: '继续填写', en: 'Resume' },
  'entry.drafts.discard': { zh: '删除', en: 'Discard' },
  'entry.drafts.discardTitle': { zh: '删除这份草稿？', en: 'Discard this draft?' },
  'entry.drafts.discarded': { zh: '草稿已删除', en: 'Draft discarded' },

  // whole-document reversal and re-entry
  'journal.reverseDoc': { zh: '冲销整单', en: 'Whole doc' },
  'journal.reverseThisDoc': { zh: '冲销整单', en: 'Reverse this document' },
  'journal.reverseDocTitle': { zh: '冲销整单 {docNo}', en: 'Reverse document {docNo}' },
  'journal.reverseDocHint': {
    zh: '整张单据的每一行在同一张冲销单中冲回，每行对应原记录；原记录保持不变。',
    en: 'Every line of the document is reversed in one reversal document, each line linked to its original; the originals stay as they are.',
  },
  'journal.reverseDocSubmit': { zh: '确认冲销整单', en: 'Reverse the document' },
  'journal.reverseDocPartly': {
    zh: '本单已有 {n} 行被冲销，不能整单冲销；请在流水中逐行冲销其余各行。',
    en: 'Lines of this document are already reversed ({n}); it cannot be reversed as a whole — reverse the other lines one by one.',
  },
  'journal.reverseDocDone': { zh: '已冲销整单，冲销单号 {docNo}', en: 'Document reversed as {docNo}' },
  'journal.reEnter': { zh: '更正重录', en: 'Re-enter corrected' },
  'journal.reEnterHint': { zh: '按原单据生成一份草稿，在登记单据中改正后再保存', en: 'Opens the entry form prefilled from the original, as a draft to correct and post' },
  'journal.lineCount': { zh: '{n} 行', en: '{n} lines' },

  // stock on hand: pieces, and measured items beside them
  'overview.piecesUnit': { zh: '件', en: 'pcs' },
  'overview.measuredBeside': { zh: '另 {list}', en: 'plus {list}' },
  'overview.onHandMeasured': { zh: '计量物资另计：{list}', en: 'Measured items, not in the count: {list}' },
  'stock.total': { zh: '数量合计 {qty}', en: 'Total {qty}' },
  'stock.totalsPerUnit': { zh: '数量按单位合计（{n} 种单位）', en: 'Totals per unit ({n} units)' },
  'stock.subtotalsTitle': { zh: '按单位合计（不同单位不相加）', en: 'Per unit (different units are never added)' },
} as const;
