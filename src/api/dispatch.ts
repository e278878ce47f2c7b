// The one entry every door uses: validate the input with the contract's schema, run the handler, and turn any
// failure into an error body a person can read (Chinese first, English gloss, the field it concerns).
import { z } from 'zod';
import { today } from '../common/dates.js';
import { type ErrorBody, LedgerError } from '../common/errors.js';
import type { Db } from '../db/executor.js';
import { message } from '../i18n/messages.js';
import { contract, type Envelope, type OperationInput, type OperationName, type OperationResult } from './contract.js';
import { type Context, handlers } from './handlers.js';

export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(contract, name);
}

/** Operations answered at once, even while a long action holds the ledger: they read no table. */
const ANSWERED_WHILE_BUSY: ReadonlySet<OperationName> = new Set<OperationName>(['jobs.progress']);

/** The end of each ledger's queue of operations. */
const queues = new WeakMap<Db, Promise<unknown>>();

/**
 * One operation at a time per ledger, in order of arrival. Most run synchronously anyway; the few that pause for
 * the event loop (a long import inside its transaction, an export) must not let another action in between.
 */
export function inTurn<T>(db: Db, run: () => Promise<T>): Promise<T> {
  const before = queues.get(db) ?? Promise.resolve();
  const mine = before.then(run, run);
  queues.set(
    db,
    mine.then(
      () => undefined,
      () => undefined,
    ),
  );
  return mine;
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
  void inTurn(ctx.db, async () => {
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
  if (KEPT_UNTIL_CHANGE.has(name)) return inTurn(ctx.db, async () => keptAnswer<OperationResult<N>>(ctx, name, data));
  return inTurn(ctx.db, async () => {
    try {
      return await handler(ctx, data);
    } finally {
      refreshKeptAfterChange(ctx);
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
