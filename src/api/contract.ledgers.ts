// The contract's operations for Excel ledgers (import, export, templates).
export const ledgerOperations = {} as const;
