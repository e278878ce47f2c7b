// Opening any workbook for reading, behind the one RowSource interface: its format told from its bytes, a small
// file read here (whole, before its rows are handed over), a big one — or one that turns out bigger than it looked —
// on a worker thread, which reads while the importer posts.
import path from 'node:path';
import { detectFormat, type FileFormat } from './detect.js';
import { OverLimit, READ_LIMITS, type ReadLimits, THREAD_LIMITS } from './limits.js';
import { asLedgerError, produce, type ReadJob } from './produce.js';
import { MemorySource, type ReadMessage, type RowSource } from './source.js';
import { WorkerSource } from './worker-source.js';

export type ReaderChoice = 'auto' | 'worker' | 'thread';

export interface OpenOptions {
  /** Where the file is read: by default a worker for big files. */
  reader?: ReaderChoice;
  /** While a file is read on this thread: the share of the whole work done. */
  onRead?: (fraction: number) => void;
  /** Tighter limits (tests). */
  limits?: Partial<ReadLimits>;
  /** The worker's heap (tests). */
  workerHeapMb?: number;
}

export interface OpenedSource {
  format: FileFormat;
  /** The text encoding of a CSV or web page, as read. */
  encoding: string | null;
  source: RowSource;
  /** The name a file without sheets (CSV) gives its one sheet: the file's base name. */
  sheetName: string;
}

/**
 * Below this a file is read on this thread: a worker costs a fresh isolate (tens of milliseconds, more with SheetJS
 * to load), more than reading a small file takes.
 */
export const WORKER_MIN_BYTES = 2 * 1024 * 1024;

/** Reads on this thread; null when the file is bigger than a thread should hold (then it goes to a worker). */
async function readHere(job: ReadJob, movable: boolean, onRead?: (fraction: number) => void): Promise<MemorySource | null> {
  const messages: ReadMessage[] = [];
  const limits = movable ? (Object.fromEntries(Object.entries(job.limits).map(([k, v]) => [k, Math.min(v, THREAD_LIMITS[k as keyof ReadLimits])])) as unknown as ReadLimits) : job.limits;
  try {
    await produce({ ...job, limits }, (m) => {
      messages.push(m);
      if (onRead && m.t === 'rows' && m.share !== null) onRead(m.share / 2);
    });
  } catch (e) {
    if (movable && e instanceof OverLimit && e.max < job.limits[e.which]) return null;
    throw asLedgerError(e, job.file);
  }
  return new MemorySource(messages, job.file);
}

export async function openSource(data: Uint8Array, fileName: string, options: OpenOptions = {}): Promise<OpenedSource> {
  const format = detectFormat(data, fileName);
  const sheetName = path.basename(fileName).replace(/\.[^.]+$/, '') || 'Sheet1';
  const job: ReadJob = { data, format, file: fileName, sheet: sheetName, limits: { ...READ_LIMITS, ...options.limits } };
  const choice = options.reader ?? 'auto';
  let source: MemorySource | WorkerSource | null = null;
  if (choice === 'thread' || (choice === 'auto' && data.length < WORKER_MIN_BYTES)) source = await readHere(job, choice === 'auto', options.onRead);
  // Where no worker can start (a damaged installation), the file is still read, here.
  source ??= (await WorkerSource.start(job, options.workerHeapMb)) ?? (await readHere(job, false, options.onRead))!;
  return { format, encoding: source.encoding, source, sheetName };
}
