// A long action on the event loop's thread (an import inside its one transaction, an export writing rows) pauses
// for a turn every few tens of milliseconds, so the host and Electron's main process can answer a progress poll.
const EVERY_MS = 40;

export class Breather {
  private last = performance.now();

  /** True when it is time to pause; cheap enough to ask on every row. */
  due(): boolean {
    return performance.now() - this.last >= EVERY_MS;
  }

  /** One turn of the event loop. */
  async pause(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.last = performance.now();
  }
}
