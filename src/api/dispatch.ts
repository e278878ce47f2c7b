// The one entry every door uses: validate the input with the contract's schema, run the handler, and turn any
// failure into an error body a person can read (Chinese first, English gloss, the field it concerns).
import { z } from 'zod';
import { today } from '../common/dates.js';
import { type ErrorBody, LedgerError } from '../common/errors.js';
import type { BackupReason } from '../backups/folder.js';
import type { Db } from '../db/executor.js';
import { ledgerErrorOf } from '../db/failures.js';
import { message } from '../i18n/messages.js';
import { contract, type Envelope, type OperationInput, type OperationName, type OperationResult } from './contract.js';
import { type Context, handlers } from './handlers.js';

export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(contract, name);
}

/** Operations answered at once, even while a long action holds the ledger: they read no table. */
const ANSWERED_WHILE_BUSY: ReadonlySet<OperationName> = new Set<OperationName>(['jobs.progress']);

/** The end of each ledger's queue of operations. */
const queues = new WeakMap<object, Promise<unknown>>();

/** A context's queue: its door's open ledger (the same queue before and after a restore reopens it), else its database. */
const turnKey = (ctx: Context): object => ctx.ledger ?? ctx.db;

/**
 * One operation at a time per ledger, in order of arrival. Most run synchronously anyway; the few that pause for
 * the event loop (a long import inside its transaction, an export, a backup, a restore) must not let another action
 * in between.
 */
function inTurn<T>(key: object, run: () => Promise<T>): Promise<T> {
  const before = queues.get(key) ?? Promise.resolve();
  const mine = before.then(run, run);
  queues.set(
    key,
    mine.then(
      () => undefined,
      () => undefined,
    ),
  );
  return mine;
}

/** Runs `run` in the ledger's queue, as an operation would (the door's own work: scheduled backups, closing). */
export function inLedgerTurn<T>(ctx: Context, run: () => Promise<T>): Promise<T> {
  return inTurn(turnKey(ctx), run);
}

/**
 * Operations a verified backup is made before, when the ledger changed since the last one: the state to go back to
 * if the operation was a mistake. A dry run changes nothing and gets none.
 */
const BACKUP_BEFORE: Partial<Record<OperationName, BackupReason>> = {
  'ledgers.import': 'import',
  'ledgers.onboard': 'import',
  'stocktake.importCounts': 'import',
  'stocktake.post': 'stocktake',
  'backups.restore': 'restore',
};

function backupReasonFor(name: OperationName, input: unknown): BackupReason | undefined {
  const i = input as { dryRun?: unknown; commit?: unknown } | null;
  // A dry run, or an onboarding only worked out (not committed), changes nothing and gets none.
  if (i?.dryRun === true || (name === 'ledgers.onboard' && i?.commit !== true)) return undefined;
  return BACKUP_BEFORE[name];
}

/** SQLite's and the file system's failures in words (busy, disk full, read-only, damaged), never 内部错误. */
function told(ctx: Context, e: unknown): unknown {
  if (e instanceof LedgerError) return e;
  return ledgerErrorOf(e, { db: ctx.db, newestBackup: ctx.ledger?.newestVerified()?.path ?? null }) ?? e;
}

/**
 * Reads whose answer depends only on the data and the day: the first screen's heaviest questions. Their answers are
 * kept until the data changes (any write here, any commit by another program) or the day turns, so opening the
 * overview again, or a second window, costs nothing. Answers are shared: callers must not change them.
 */
const KEPT_UNTIL_CHANGE: ReadonlySet<OperationName> = new Set<OperationName>(['summary.get', 'gaps.get']);
const KEPT_MAX = 16;
interface Kept {
  name: OperationName;
  input: unknown;
  stamp: string;
  answer: unknown;
}
const kept = new WeakMap<Db, Map<string, Kept>>();

const stampOf = (db: Db) => `${db.dataStamp()} ${today()}`;

function keptAnswer<T>(ctx: Context, name: OperationName, input: unknown): T | Promise<T> {
  let answers = kept.get(ctx.db);
  if (!answers) kept.set(ctx.db, (answers = new Map()));
  const key = `${name} ${JSON.stringify(input)}`;
  const stamp = stampOf(ctx.db);
  const hit = answers.get(key);
  if (hit && hit.stamp === stamp) return hit.answer as T;
  const store = (answer: T) => {
    answers.delete(key);
    if (answers.size >= KEPT_MAX) answers.delete(answers.keys().next().value as string);
    answers.set(key, { name, input, stamp, answer });
    return answer;
  };
  const answer = (handlers[name] as (ctx: Context, input: unknown) => T | Promise<T>)(ctx, input);
  return answer instanceof Promise ? answer.then(store) : store(answer);
}

/**
 * Writes that no kept answer reads: a draft saved as the keeper types (every second or so). The answers that were
 * current before such a write stay current after it, rather than being worked out again each time.
 */
const LEAVES_KEPT_ANSWERS: ReadonlySet<OperationName> = new Set<OperationName>(['drafts.save', 'drafts.discard']);

function keepAnswersAcross(db: Db, before: string): void {
  const answers = kept.get(db);
  const now = stampOf(db);
  // Stamps read "data_version.total_changes day": only this connection's own write may have happened in between
  // (no other program committed, the day did not turn).
  const [versionBefore, dayBefore] = [before.split('.')[0], before.split(' ')[1]];
  if (!answers || now.split('.')[0] !== versionBefore || now.split(' ')[1] !== dayBefore) return;
  for (const k of answers.values()) if (k.stamp === before) k.stamp = now;
}

const refreshing = new WeakSet<Db>();

/** How many kept answers are worked out ahead after a change: the overview's two, and the one asked before them. */
const REFRESH_MAX = 3;

/**
 * After an action that changed the data, the kept answers are worked out again in the next turn, before anyone
 * asks: a keeper who posts a receipt and opens 首页 finds the new totals and gaps ready. Only the few most recently
 * asked are refreshed (each is tens of milliseconds that the next action waits behind); the others wait to be asked.
 */
function refreshKeptAfterChange(ctx: Context): void {
  const answers = kept.get(ctx.db);
  if (!answers?.size || refreshing.has(ctx.db)) return;
  const recent = () => [...answers.values()].slice(-REFRESH_MAX).reverse();
  const stamp = stampOf(ctx.db);
  // Older answers are left stale on purpose: they must not make every later action schedule a refresh.
  if (recent().every((k) => k.stamp === stamp)) return;
  refreshing.add(ctx.db);
  void inTurn(turnKey(ctx), async () => {
    refreshing.delete(ctx.db);
    try {
      for (const k of recent()) if (k.stamp !== stampOf(ctx.db)) await keptAnswer(ctx, k.name, k.input);
    } catch {
      // Only ahead of time (the ledger may even have been closed meanwhile): whoever asks next gets the real answer,
      // or the real error.
    }
  });
}

/** Runs an operation in-process; throws LedgerError on bad input or a refused action. */
export async function invoke<N extends OperationName>(ctx: Context, name: N, input: OperationInput<N>): Promise<OperationResult<N>> {
  if (!isOperationName(name)) throw new LedgerError('error.unknownOperation', { name });
  const data = parseInput(contract[name].input, input);
  const handler = handlers[name] as (ctx: Context, input: unknown) => OperationResult<N> | Promise<OperationResult<N>>;
  if (ANSWERED_WHILE_BUSY.has(name)) return handler(ctx, data);
  return inTurn(turnKey(ctx), async () => {
    try {
      await ctx.ledger?.beforeOperation(backupReasonFor(name, data));
      if (KEPT_UNTIL_CHANGE.has(name)) return await keptAnswer<OperationResult<N>>(ctx, name, data);
      if (LEAVES_KEPT_ANSWERS.has(name)) {
        const before = stampOf(ctx.db);
        const answer = await handler(ctx, data);
        keepAnswersAcross(ctx.db, before);
        return answer;
      }
      try {
        return await handler(ctx, data);
      } finally {
        refreshKeptAfterChange(ctx);
      }
    } catch (e) {
      throw told(ctx, e);
    }
  });
}

/** The same, for transports: never throws; answers an envelope that serialises to JSON. */
export async function dispatch(ctx: Context, name: string, input: unknown): Promise<Envelope<unknown>> {
  try {
    if (!isOperationName(name)) throw new LedgerError('error.unknownOperation', { name });
    return { ok: true, result: await invoke(ctx, name, input as never) };
  } catch (e) {
    return { ok: false, error: toErrorBody(e) };
  }
}

/** The input as its schema reads it; throws InvalidInputError naming every field that is wrong. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

export class InvalidInputError extends LedgerError {
  constructor(
    detail: string,
    readonly issues: { path: string; zh: string; en: string }[],
  ) {
    super('error.invalidInput', { detail }, issues[0]?.path);
  }
}

function invalidInput(error: z.ZodError): InvalidInputError {
  const issues = error.issues.map((i) => {
    const path = i.path.join('.');
    const [zh, en] = splitGloss(i.message);
    return { path, zh, en };
  });
  const detail = issues.map((i) => (i.path ? `${i.path}: ${i.zh}` : i.zh)).join('；');
  return new InvalidInputError(detail, issues);
}

/** Our schema messages read "中文 (English)"; zod's own are English only. */
function splitGloss(text: string): [string, string] {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(text);
  return m ? [m[1]!, m[2]!] : [text, text];
}

export function toErrorBody(e: unknown): ErrorBody {
  if (e instanceof LedgerError) {
    const body: ErrorBody = { code: e.code, message: e.message, zh: e.zh, en: e.en };
    if (e.field) body.field = e.field;
    if (e instanceof InvalidInputError) body.issues = e.issues;
    return body;
  }
  const detail = e instanceof Error ? e.message : String(e);
  const text = message('error.internal', { detail });
  return { code: 'error.internal', message: `${text.zh} (${text.en})`, zh: text.zh, en: text.en };
}
