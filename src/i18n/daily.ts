// Messages of the catalogue section for the keeper's daily entry: drafts, whole-document reversal, totals per unit.
export const dailyMessages = {
  'units.subtotal': { zh: '小计（{unit}）', en: 'Subtotal ({unit})' },

  'draft.notFound': { zh: '草稿 {id} 已不存在（可能已保存为单据或已删除）', en: 'Draft {id} no longer exists (posted or discarded)' },

  'movement.documentNotFound': { zh: '找不到单据 {docNo}', en: 'Document {docNo} not found' },
  'movement.documentIsReversal': { zh: '{docNo} 本身是冲销单，不能再冲销，请重新登记', en: '{docNo} is itself a reversal; post the movement again instead' },
  'movement.documentPartlyReversed': {
    zh: '单据 {docNo} 已有 {n} 行被冲销（记录 {ids}），不能整单冲销；请逐行冲销其余各行',
    en: 'Document {docNo} already has {n} reversed lines (records {ids}); it cannot be reversed as a whole — reverse the other lines one by one',
  },
  'movement.reverseBelowZero': {
    zh: '整单冲销 {docNo} 会使 {location} 的 {item}（{batchZh}）库存为负：现有 {available}{unit}，冲销需扣减 {requested}{unit}。未写入任何记录',
    en: 'Reversing {docNo} would take {item} ({batchEn}) at {location} below zero: {available} {unit} on hand, the reversal takes {requested}. Nothing was written',
  },
} as const;
