// The first screen's data is asked for as soon as the script runs, while React builds the page (a few hundred
// milliseconds on an office PC): the reference data always, the overview's numbers when the overview is the
// page being opened, or when the pointer moves onto 首页. A screen takes its answer once, and only while it is
// fresh and no change was made here since; later loads ask again. The page waits a moment for these answers
// before its first render, so that the first screen is drawn once, with its numbers, rather than as a spinner, a
// skeleton and then the numbers, each a render and layout of its own.
import type { OperationInput, OperationName, OperationResult } from '../src/api/contract';
import { bridgeAvailable, call } from './api';
import { parseHash } from './components/router';

const FRESH_MS = 10_000;
interface Early {
  at: number;
  answer: Promise<unknown>;
  /** Set once the answer has come. */
  settled?: { value: unknown };
}
const early = new Map<string, Early>();

const keyOf = (name: string, input: unknown) => `${name} ${JSON.stringify(input)}`;

function ask<N extends OperationName>(name: N, input: OperationInput<N>): void {
  const answer = call(name, input);
  const entry: Early = { at: performance.now(), answer };
  // Nobody may take a refusal: unhandled, it would still be reported by the browser.
  answer.then((value) => (entry.settled = { value }), () => undefined);
  early.set(keyOf(name, input), entry);
}

/** The call, answered from the early request when there is a fresh one. */
export function callFirst<N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationResult<N>> {
  const key = keyOf(name, input);
  const got = early.get(key);
  early.delete(key);
  if (got && performance.now() - got.at < FRESH_MS) return got.answer as Promise<OperationResult<N>>;
  return call(name, input);
}

/** Whether the early answer has come and is still fresh. */
export function hasAnswered<N extends OperationName>(name: N, input: OperationInput<N>): boolean {
  const got = early.get(keyOf(name, input));
  return got?.settled !== undefined && performance.now() - got.at < FRESH_MS;
}

/** The early answer when it has already come and is fresh, for a screen's first render; taken once. */
export function takeAnswered<N extends OperationName>(name: N, input: OperationInput<N>): { value: OperationResult<N> } | undefined {
  if (!hasAnswered(name, input)) return undefined;
  const key = keyOf(name, input);
  const { settled } = early.get(key)!;
  early.delete(key);
  return settled as { value: OperationResult<N> };
}

/** Settles when every early question has its answer (or refusal), or after `ms`, whichever comes first. */
export function earlyAnswers(ms: number): Promise<void> {
  const all = Promise.allSettled([...early.values()].map((e) => e.answer));
  return Promise.race([all, new Promise((resolve) => setTimeout(resolve, ms))]).then(() => undefined);
}

/** The overview's questions: asked at start when it is the first screen, and when the pointer heads for it. */
export function prefetchOverview(): void {
  if (!bridgeAvailable()) return;
  ask('summary.get', {});
  ask('stock.query', { byBatch: true, expiry: 'attention' });
  ask('gaps.get', {});
}

/** After a change made here, nothing asked before it may be taken. */
export function forgetPrefetched(): void {
  early.clear();
}

/** In the order the host should answer them: what the shell needs, then the first numbers, then the rest. */
export function prefetchFirstScreen(): void {
  if (!bridgeAvailable()) return;
  ask('areas.list', {});
  ask('locations.list', {});
  ask('items.list', {});
  ask('system.info', {});
  if ((parseHash(window.location.hash).path[0] ?? 'overview') === 'overview') prefetchOverview();
}
