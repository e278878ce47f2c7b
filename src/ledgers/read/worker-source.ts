// The importer's side of the reading worker: starts it (through its guard), waits without blocking for the
// workbook's first facts, then pulls messages synchronously while the importer posts rows in its transaction.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, receiveMessageOnPort, type Worker } from 'node:worker_threads';
import { LedgerError } from '../../common/errors.js';
import type { ReadJob } from './produce.js';
import { MessageSource, type ReadMessage } from './source.js';
import { DEAD, Dead, FLAGS, READY, SENT, startWorker, STOP, TAKEN, type WorkerEntry, type WorkerInput } from './worker-protocol.js';

/** Set by the build (scripts/build.mjs): the worker's bundle, beside the bundle that runs this code. */
declare const __RELIEF_READ_WORKER__: string | undefined;

/** A reader silent this long has stalled (a pathological file): the import is refused rather than hung. */
const IDLE_LIMIT_MS = 60_000;
/** The reader's heap: with the importer's own, about 1 GB at most. */
export const WORKER_HEAP_MB = 640;

function workerEntry(): WorkerEntry {
  if (typeof __RELIEF_READ_WORKER__ === 'string') {
    const dir = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
    // Packaged, the worker is unpacked beside the archive (electron-builder.yml): a thread loads it from disk.
    return { file: path.join(dir.replace(/([\\/])app\.asar(?=[\\/]|$)/, '$1app.asar.unpacked'), __RELIEF_READ_WORKER__) };
  }
  return { file: fileURLToPath(new URL('./worker.ts', import.meta.url)), tsx: createRequire(import.meta.url).resolve('tsx/cjs/api') };
}

const dead: Record<number, string> = {
  [Dead.exited]: 'unexpected end of data',
  [Dead.memory]: 'out of memory',
  [Dead.crashed]: 'the reader stopped',
};

export class WorkerSource extends MessageSource {
  private readonly flag = new Int32Array(new SharedArrayBuffer(FLAGS * 4));
  private readonly port: MessagePort;
  private readonly worker: Worker;
  private closed = false;

  private constructor(job: ReadJob, heapMb: number) {
    super(job.file);
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const data = new Uint8Array(job.data);
    const entry = workerEntry();
    this.worker = startWorker(entry, {
      workerData: { role: 'guard', entry, port: port2, flag: this.flag, job: { ...job, data }, heapMb } satisfies WorkerInput,
      transferList: [port2, data.buffer],
      resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 },
      stdout: true,
      stderr: true,
    });
    this.worker.unref();
    this.worker.stdout.resume();
    this.worker.stderr.resume();
    this.worker.on('error', () => Atomics.compareExchange(this.flag, DEAD, 0, Dead.notStarted));
  }

  /**
   * Starts a reader and waits (without blocking this thread) for the workbook's first facts; null when no worker
   * could be started, so that the caller reads on this thread instead.
   */
  static async start(job: ReadJob, heapMb = WORKER_HEAP_MB): Promise<WorkerSource | null> {
    let source: WorkerSource;
    try {
      source = new WorkerSource(job, heapMb);
    } catch {
      return null;
    }
    for (;;) {
      const m = source.receive();
      if (m === READY) continue;
      if (m !== undefined) {
        const first = JSON.parse(m) as ReadMessage;
        // 'book' (or the error that ends the reading, thrown here) comes first; anything else is kept for next().
        if (first.t === 'book' || first.t === 'error') source.apply(first);
        else source.pending = first;
        return source;
      }
      const why = Atomics.load(source.flag, DEAD);
      if (why === Dead.notStarted) {
        source.close();
        return null;
      }
      if (why) source.fail(why);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  private pending: ReadMessage | null = null;

  private receive(): string | undefined {
    const got = receiveMessageOnPort(this.port);
    if (!got) return undefined;
    Atomics.add(this.flag, TAKEN, 1);
    Atomics.notify(this.flag, TAKEN);
    return got.message as string;
  }

  private fail(why: number): never {
    this.close();
    throw new LedgerError(why === Dead.memory ? 'ledgers.file.readerMemory' : 'ledgers.file.readerStopped', { file: this.file, detail: dead[why] ?? '' });
  }

  protected override take(): ReadMessage {
    if (this.pending) {
      const m = this.pending;
      this.pending = null;
      return m;
    }
    let idle = 0;
    for (;;) {
      if (this.closed) return { t: 'end' };
      const seq = Atomics.load(this.flag, SENT);
      const m = this.receive();
      if (m !== undefined) return m === READY ? this.take() : (JSON.parse(m) as ReadMessage);
      const why = Atomics.load(this.flag, DEAD);
      if (why) {
        const last = this.receive();
        if (last !== undefined) return JSON.parse(last) as ReadMessage;
        this.fail(why);
      }
      if (Atomics.wait(this.flag, SENT, seq, 250) === 'timed-out') {
        idle += 250;
        if (idle >= IDLE_LIMIT_MS) {
          this.close();
          throw new LedgerError('ledgers.file.timeout', { file: this.file });
        }
      } else idle = 0;
    }
  }

  override close(): void {
    if (this.closed) return;
    this.closed = true;
    Atomics.store(this.flag, STOP, 1);
    Atomics.notify(this.flag, TAKEN);
    this.port.close();
    void this.worker.terminate();
  }
}
