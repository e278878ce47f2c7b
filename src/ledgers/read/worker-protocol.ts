// What the importer's thread and the reading worker share: a MessagePort for the messages (JSON text) and a few
// counters in shared memory, so that the importer can wait for rows without its event loop (it waits inside a
// synchronous transaction) and the worker can wait while the importer is behind.
import { type MessagePort, Worker, type WorkerOptions } from 'node:worker_threads';
import type { ReadJob } from './produce.js';

/** Messages posted; messages taken; 1 when the reader should stop; why it ended (`Dead`); 1 once it runs. */
export const SENT = 0;
export const TAKEN = 1;
export const STOP = 2;
export const DEAD = 3;
export const STARTED = 4;
export const FLAGS = 5;

export const Dead = {
  /** The reader's thread ended after its last message. */
  exited: 1,
  /** It could not start (its code is missing or broken): the file can still be read on the importer's thread. */
  notStarted: 2,
  /** It ran out of memory. */
  memory: 3,
  /** It failed some other way. */
  crashed: 4,
} as const;

/** How far the worker may run ahead of the importer, in messages of up to a thousand rows. */
export const AHEAD = 16;

/** How to start the worker's module: the bundle's file, or the TypeScript source through tsx. */
export interface WorkerEntry {
  file: string;
  /** tsx's CommonJS register hook, when the entry is a .ts source (Node 20's workers ignore `--import tsx`). */
  tsx?: string;
}

export interface WorkerInput {
  role: 'guard' | 'read';
  entry: WorkerEntry;
  port: MessagePort;
  flag: Int32Array;
  job: ReadJob;
  heapMb: number;
}

/** The first message of a reader that has started. */
export const READY = '"ready"';

export function startWorker(entry: WorkerEntry, options: WorkerOptions): Worker {
  if (entry.tsx) return new Worker(`require(${JSON.stringify(entry.tsx)}).register();require(${JSON.stringify(entry.file)});`, { ...options, eval: true });
  return new Worker(entry.file, options);
}
