// The first screen asks the same few questions every time the app opens. Asking them once as a door starts, while
// the page still loads its script, means the page's own requests find compiled code, a warm page cache and kept
// answers. The work is synchronous SQLite on the thread that also serves the page its files (the web host over
// HTTP, Electron through its app:// handler), so it gives way between questions.
import { invoke } from './dispatch.js';
import type { Context } from './handlers.js';

export async function warmUp(ctx: Context): Promise<void> {
  const first = [
    () => invoke(ctx, 'areas.list', {}),
    () => invoke(ctx, 'locations.list', {}),
    () => invoke(ctx, 'items.list', {}),
    () => invoke(ctx, 'system.info', {}),
    () => invoke(ctx, 'summary.get', {}),
    () => invoke(ctx, 'stock.query', { byBatch: true, expiry: 'attention' }),
    () => invoke(ctx, 'gaps.get', {}),
  ];
  for (const ask of first) {
    try {
      await ask();
    } catch {
      // Only a warm-up: the page asks again and gets the real answer, or the real error.
    }
    // A turn of the event loop between questions (awaiting a settled promise alone would not give one): a request
    // from the page that arrives meanwhile waits behind one question at most.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
