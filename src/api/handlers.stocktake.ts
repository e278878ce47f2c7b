import {
  addFoundLine,
  auditUnit,
  countLines,
  listStocktakes,
  postStocktake,
  reopenStocktake,
  reviewStocktake,
  setReason,
  startStocktake,
  stocktakeView,
  submitStocktake,
  voidStocktake,
  zeroUncounted,
} from '../stocktake/stocktake.js';
import { countSheet, importCounts, stocktakeReport } from '../stocktake/workbooks.js';
import type { OperationResult, ParsedInput } from './contract.js';
import type { stocktakeOperations } from './contract.stocktake.js';
import type { Context } from './handlers.js';

type Names = keyof typeof stocktakeOperations;

export const stocktakeHandlers: {
  [N in Names]: (ctx: Context, input: ParsedInput<N>) => OperationResult<N> | Promise<OperationResult<N>>;
} = {
  'stocktake.list': ({ db }) => listStocktakes(db),
  'stocktake.start': ({ db }, input) => stocktakeView(db, startStocktake(db, input)),
  'stocktake.get': ({ db }, { id }) => stocktakeView(db, id),
  'stocktake.count': ({ db }, input) => countLines(db, input),
  'stocktake.addLine': ({ db }, input) => addFoundLine(db, input),
  'stocktake.zeroUncounted': ({ db }, input) => zeroUncounted(db, input),
  'stocktake.setReason': ({ db }, input) => setReason(db, input),
  'stocktake.audit': ({ db }, input) => auditUnit(db, input),
  'stocktake.review': ({ db }, { id }) => reviewStocktake(db, id),
  'stocktake.submit': ({ db }, { id }) => submitStocktake(db, id),
  'stocktake.reopen': ({ db }, { id }) => reopenStocktake(db, id),
  'stocktake.post': ({ db }, input) => postStocktake(db, input),
  'stocktake.void': ({ db }, { id, reason }) => voidStocktake(db, id, reason),
  'stocktake.sheet': ({ db }, { id }) => countSheet(db, id),
  'stocktake.importCounts': ({ db }, input) => importCounts(db, input),
  'stocktake.report': ({ db }, { id }) => stocktakeReport(db, id),
};
