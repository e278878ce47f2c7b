// The overview's heaviest reads (summary, gaps) are kept until the data changes: never a stale number after a
// movement here, a write by another program on the same file, or a change of day.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invoke } from '../../src/api/dispatch.js';
import { type Context, handlers } from '../../src/api/handlers.js';
import { warmUp } from '../../src/api/warm.js';
import { openLedger } from '../../src/db/open.js';
import { receipt, seeded, type TempLedger } from './fixture.js';

let l: TempLedger;
let restores: (() => void)[] = [];
beforeEach(async () => {
  l = await seeded();
});
afterEach(() => {
  for (const restore of restores) restore();
  restores = [];
  delete process.env.RELIEF_LEDGER_TODAY;
  l.close();
});

type Handler = (ctx: Context, input: unknown) => unknown;

/** Records each run of the overview's two heavy handlers, as `note` names it, until the test ends. */
function watchHeavyHandlers(note: (name: string, input: unknown) => string = (name) => name): string[] {
  const asked: string[] = [];
  const table = handlers as unknown as Record<string, Handler>;
  for (const name of ['summary.get', 'gaps.get']) {
    const saved = table[name]!;
    restores.push(() => (table[name] = saved));
    table[name] = (ctx, input) => (asked.push(note(name, input)), saved(ctx, input));
  }
  return asked;
}

describe('kept answers', () => {
  it('answer again from memory while nothing changed', async () => {
    const a = await l.call('summary.get', {});
    const b = await l.call('summary.get', {});
    expect(b).toBe(a);
    const g = await l.call('gaps.get', {});
    expect(await l.call('gaps.get', {})).toBe(g);
    // Another question is another answer.
    expect(await l.call('gaps.get', { kind: 'materials' })).not.toBe(g);
  });

  it('are asked again after a movement posted here', async () => {
    const before = await l.call('summary.get', {});
    await l.call('movements.post', receipt({ lines: [{ itemCode: 'QUILT', batchNo: 'Q1', quantity: 40 }] }));
    const after = await l.call('summary.get', {});
    expect(after.itemsOnHand).toBe(before.itemsOnHand + 40);
  });

  it('are asked again after another program wrote to the same file', async () => {
    const before = await l.call('summary.get', {});
    const other = await openLedger(l.file);
    try {
      await invoke({ db: other }, 'movements.post', receipt({ lines: [{ itemCode: 'WATER', batchNo: 'W9', quantity: 5 }] }));
    } finally {
      other.close();
    }
    const after = await l.call('summary.get', {});
    expect(after.itemsOnHand).toBe(before.itemsOnHand + 5);
  });

  it('are asked again when the day turns', async () => {
    process.env.RELIEF_LEDGER_TODAY = '2026-11-28';
    const a = await l.call('summary.get', {});
    process.env.RELIEF_LEDGER_TODAY = '2026-11-29';
    const b = await l.call('summary.get', {});
    expect(b).not.toBe(a);
    expect(b.today).toBe('2026-11-29');
  });
});

describe('kept answers after a change here', () => {
  it('are worked out again before anyone asks, so the overview opened after a receipt finds them ready', async () => {
    await l.call('summary.get', {});
    await l.call('gaps.get', {});
    const asked = watchHeavyHandlers();
    const before = await l.call('summary.get', {});
    await l.call('stock.query', {});
    expect(asked).toEqual([]); // a read changes nothing, so nothing is worked out again
    await l.call('movements.post', receipt({ lines: [{ itemCode: 'QUILT', batchNo: 'Q7', quantity: 12 }] }));
    await l.call('system.info', {}); // the next turn: the refresh runs before it
    expect(asked.sort()).toEqual(['gaps.get', 'summary.get']);
    const after = await l.call('summary.get', {});
    expect(after.itemsOnHand).toBe(before.itemsOnHand + 12);
    expect(asked).toHaveLength(2); // …answered from what was worked out ahead
  });
});

describe('kept answers worked out ahead', () => {
  it('are only the few most recently asked, so the next action does not wait behind every street’s gaps', async () => {
    for (const streetCode of ['HM', 'JJ']) await l.call('gaps.get', { streetCode });
    for (const kind of ['materials', 'equipment', 'shelters'] as const) await l.call('gaps.get', { kind });
    const asked = watchHeavyHandlers((name, input) => `${name} ${JSON.stringify(input)}`);
    await l.call('movements.post', receipt({ lines: [{ itemCode: 'QUILT', batchNo: 'Q8', quantity: 3 }] }));
    await l.call('system.info', {});
    expect(asked).toEqual(['gaps.get {"kind":"shelters"}', 'gaps.get {"kind":"equipment"}', 'gaps.get {"kind":"materials"}']);
  });
});

describe('the warm-up as a door starts', () => {
  it('gives way between its questions, so the page asking for its files meanwhile is not held up', async () => {
    let done = false;
    const warming = warmUp(l.ctx).then(() => (done = true));
    // Anything the event loop has waiting (a request for the page's script) gets its turn before the warm-up ends.
    const sawTurn = await new Promise<boolean>((resolve) => setImmediate(() => resolve(!done)));
    expect(sawTurn).toBe(true);
    await warming;
  });

  it('leaves the first screen’s answers kept for the page', async () => {
    await warmUp(l.ctx);
    const asked = watchHeavyHandlers();
    const summary = await l.call('summary.get', {});
    await l.call('gaps.get', {});
    expect(asked).toEqual([]);
    expect(summary.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
