import type { Context } from './handlers.js';
import type { OperationResult, ParsedInput } from './contract.js';
import type { ledgerOperations } from './contract.ledgers.js';

type Names = keyof typeof ledgerOperations;

export const ledgerHandlers: {
  [N in Names]: (ctx: Context, input: ParsedInput<N>) => OperationResult<N> | Promise<OperationResult<N>>;
} = {};
