import type { Context } from './handlers.js';
import type { OperationResult, ParsedInput } from './contract.js';
import type { ledgerOperations } from './contract.ledgers.js';
import { exportLedgerBytes, ledgerTemplate } from '../ledgers/export/index.js';
import { importLedger, inspectLedger } from '../ledgers/import.js';

type Names = keyof typeof ledgerOperations;

const bytes = (base64: string) => Buffer.from(base64, 'base64');

export const ledgerHandlers: {
  [N in Names]: (ctx: Context, input: ParsedInput<N>) => OperationResult<N> | Promise<OperationResult<N>>;
} = {
  'ledgers.inspect': ({ db }, input) => inspectLedger(db, { ...input, data: bytes(input.data) }),
  'ledgers.import': ({ db }, input) => importLedger(db, { ...input, data: bytes(input.data) }),
  'ledgers.export': async ({ db }, { kind, locationCode }) => {
    const r = await exportLedgerBytes(db, kind, { locationCode });
    return { fileName: r.fileName, data: r.data.toString('base64') };
  },
  'ledgers.template': async ({ db }, { kind }) => {
    const r = await ledgerTemplate(db, kind);
    return { fileName: r.fileName, data: r.data.toString('base64') };
  },
};
