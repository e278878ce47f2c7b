// Screen text of 导入导出 (the Excel import wizard, exports and templates).
export const ledgersUi = {
  'nav.ledgers': { zh: '导入导出', en: 'Import/export' },
} as const satisfies Record<string, { zh: string; en: string }>;
