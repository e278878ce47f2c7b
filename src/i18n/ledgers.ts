// Messages of the catalogue section for Excel ledgers: import, export, templates.
export const ledgerMessages = {} as const satisfies Record<string, { zh: string; en: string }>;
