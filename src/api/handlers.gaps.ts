import { computeGaps } from '../gaps/engine.js';
import { rotationPlan } from '../gaps/rotation.js';
import { requestWorkbook } from '../gaps/workbook.js';
import { applyDefaultNorms, listNorms, removeNorm, setNorm } from '../norms/norms.js';
import type { OperationResult, ParsedInput } from './contract.js';
import type { gapOperations } from './contract.gaps.js';
import type { Context } from './handlers.js';

type Names = keyof typeof gapOperations;

export const gapHandlers: {
  [N in Names]: (ctx: Context, input: ParsedInput<N>) => OperationResult<N> | Promise<OperationResult<N>>;
} = {
  'norms.list': ({ db }, f) => listNorms(db, f),
  'norms.set': ({ db }, input) => setNorm(db, input),
  'norms.remove': ({ db }, { id }) => removeNorm(db, id),
  'norms.applyDefaults': ({ db }) => applyDefaultNorms(db),
  'gaps.get': ({ db }, f) => computeGaps(db, f),
  'gaps.rotation': ({ db }, f) => rotationPlan(db, f),
  'gaps.requestWorkbook': ({ db }, f) => requestWorkbook(db, f),
};
