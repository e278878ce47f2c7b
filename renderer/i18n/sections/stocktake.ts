// Screen text of 年度盘点 (the annual stocktake).
export const stocktakeUi = {
  'nav.stocktake': { zh: '年度盘点', en: 'Stocktake' },
} as const satisfies Record<string, { zh: string; en: string }>;
