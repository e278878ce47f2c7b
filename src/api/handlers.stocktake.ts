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
import { headerForCounters, reviewForCounters, viewForCounters } from '../stocktake/blind.js';
import { countSheet, importCounts, stocktakeReport } from '../stocktake/workbooks.js';
import type { OperationResult, ParsedInput } from './contract.js';
import type { stocktakeOperations } from './contract.stocktake.js';
import type { Context } from './handlers.js';

type Names = keyof typeof stocktakeOperations;

export const stocktakeHandlers: {
  [N in Names]: (ctx: Context, input: ParsedInput<N>) => OperationResult<N> | Promise<OperationResult<N>>;
} = {
  'stocktake.list': ({ db }) => listStocktakes(db).map(headerForCounters),
  'stocktake.start': ({ db }, input) => viewForCounters(stocktakeView(db, startStocktake(db, input))),
  'stocktake.get': ({ db }, { id }) => viewForCounters(stocktakeView(db, id)),
  'stocktake.count': ({ db }, input) => viewForCounters(countLines(db, input)),
  'stocktake.addLine': ({ db }, input) => viewForCounters(addFoundLine(db, input)),
  'stocktake.zeroUncounted': ({ db }, input) => viewForCounters(zeroUncounted(db, input)),
  'stocktake.setReason': ({ db }, input) => viewForCounters(setReason(db, input)),
  'stocktake.audit': ({ db }, input) => viewForCounters(auditUnit(db, input)),
  'stocktake.review': ({ db }, { id }) => reviewForCounters(reviewStocktake(db, id)),
  'stocktake.submit': ({ db }, { id }) => viewForCounters(submitStocktake(db, id)),
  'stocktake.reopen': ({ db }, { id }) => viewForCounters(reopenStocktake(db, id)),
  'stocktake.post': ({ db }, input) => viewForCounters(postStocktake(db, input)),
  'stocktake.void': ({ db }, { id, reason }) => viewForCounters(voidStocktake(db, id, reason)),
  'stocktake.sheet': ({ db }, { id }) => countSheet(db, id),
  'stocktake.importCounts': ({ db }, input) => importCounts(db, input),
  'stocktake.report': ({ db }, { id }) => stocktakeReport(db, id),
};
