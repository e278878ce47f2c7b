// The first screen's data is asked for as soon as the script runs, while React builds the page (a few hundred
// milliseconds on an office PC): the reference data always, the overview's numbers when the overview is the
// page being opened, or when the pointer moves onto 首页. A screen takes its answer once, and only while it is
// fresh and no change was made here since; later loads ask again.
import type { OperationInput, OperationName, OperationResult } from '../src/api/contract';
import { bridgeAvailable, call } from './api';
import { parseHash } from './components/router';

const FRESH_MS = 10_000;
const early = new Map<string, { at: number; answer: Promise<unknown> }>();

const keyOf = (name: string, input: unknown) => `${name} ${JSON.stringify(input)}`;

function ask<N extends OperationName>(name: N, input: OperationInput<N>): void {
  const answer = call(name, input);
  // Nobody may take it: an unhandled refusal would still be reported by the browser.
  answer.catch(() => undefined);
  early.set(keyOf(name, input), { at: performance.now(), answer });
}

/** The call, answered from the early request when there is a fresh one. */
export function callFirst<N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationResult<N>> {
  const key = keyOf(name, input);
  const got = early.get(key);
  early.delete(key);
  if (got && performance.now() - got.at < FRESH_MS) return got.answer as Promise<OperationResult<N>>;
  return call(name, input);
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
