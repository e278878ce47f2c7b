// The first screen asks the same few questions every time the app opens. Asking them once as a door starts, while
// the page still loads its script, means the page's own requests find compiled code and a warm page cache; on an
// office PC that is a few hundred milliseconds of the first screen.
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
  // One at a time: a request from the page that arrives meanwhile waits behind one of these at most.
  for (const ask of first) {
    try {
      await ask();
    } catch {
      // Only a warm-up: the page asks again and gets the real answer, or the real error.
    }
  }
}
