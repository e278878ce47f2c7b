// The implementation side of the contract: each operation name → the core function that does it.
import pkg from '../../package.json' with { type: 'json' };
import { today } from '../common/dates.js';
import { createItem, listItems, updateItem } from '../catalogue/items.js';
import type { LedgerSession } from '../backups/session.js';
import type { Db } from '../db/executor.js';
import { appliedMigrations } from '../db/open.js';
import { jobProgress } from '../jobs/progress.js';
import { createArea, listAreas, updateArea } from '../places/areas.js';
import { createLocation, listLocations, updateLocation } from '../places/locations.js';
import { summarize } from '../reports/summary.js';
import { queryStock } from '../stock/balances.js';
import { checkLedger } from '../stock/check.js';
import { documentView, queryJournal } from '../stock/journal.js';
import { postDocument, postDocuments, postTransfer, reverseDocument, reverseMovement } from '../stock/movements.js';
import type { OperationName, OperationResult, ParsedInput } from './contract.js';
import { backupHandlers } from './handlers.backups.js';
import { draftHandlers } from './handlers.drafts.js';
import { equipmentHandlers } from './handlers.equipment.js';
import { gapHandlers } from './handlers.gaps.js';
import { stocktakeHandlers } from './handlers.stocktake.js';
import { ledgerHandlers } from './handlers.ledgers.js';

export interface Context {
  db: Db;
  /** The door's open ledger (desktop app, web host, CLI command): backups, restore, the watch on its files. */
  ledger?: LedgerSession;
}

export type Handlers = {
  [N in OperationName]: (ctx: Context, input: ParsedInput<N>) => OperationResult<N> | Promise<OperationResult<N>>;
};

export const handlers: Handlers = {
  ...ledgerHandlers,
  ...equipmentHandlers,
  ...gapHandlers,
  ...stocktakeHandlers,
  ...backupHandlers,
  ...draftHandlers,
  'jobs.progress': ({ db }, { jobId }) => jobProgress(db, jobId),
  'areas.list': ({ db }, f) => listAreas(db, f),
  'areas.create': ({ db }, input) => createArea(db, input),
  'areas.update': ({ db }, input) => updateArea(db, input),
  'locations.list': ({ db }, f) => listLocations(db, f),
  'locations.create': ({ db }, input) => createLocation(db, input),
  'locations.update': ({ db }, input) => updateLocation(db, input),
  'items.list': ({ db }, f) => listItems(db, f),
  'items.create': ({ db }, input) => createItem(db, input),
  'items.update': ({ db }, input) => updateItem(db, input),
  'movements.post': ({ db }, doc) => postDocument(db, doc),
  'movements.postMany': ({ db }, { documents }) => postDocuments(db, documents),
  'movements.transfer': ({ db }, doc) => postTransfer(db, doc),
  'movements.reverse': ({ db }, req) => reverseMovement(db, req),
  'movements.reverseDocument': ({ db }, req) => reverseDocument(db, req),
  'movements.list': ({ db }, f) => queryJournal(db, f),
  'movements.document': ({ db }, { docNo }) => documentView(db, docNo),
  'stock.query': ({ db }, f) => queryStock(db, f),
  'summary.get': ({ db }) => summarize(db),
  'system.check': ({ db }) => checkLedger(db),
  'system.info': ({ db }) => ({ file: db.file, version: pkg.version, migrations: appliedMigrations(db), today: today() }),
};
