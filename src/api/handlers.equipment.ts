import type { Context } from './handlers.js';
import type { OperationResult, ParsedInput } from './contract.js';
import type { equipmentOperations } from './contract.equipment.js';

type Names = keyof typeof equipmentOperations;

export const equipmentHandlers: {
  [N in Names]: (ctx: Context, input: ParsedInput<N>) => OperationResult<N> | Promise<OperationResult<N>>;
} = {};
