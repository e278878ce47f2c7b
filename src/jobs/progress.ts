// How far a long action (importing or exporting a ledger) has got, for the page's progress bar. The action runs in
// the core under an id the page chose; while it waits, the page asks `jobs.progress` with that id. The action lets
// the event loop breathe now and then (see `Breather`), so the question is answered while the work goes on.
import type { JobProgress } from '../api/contract.jobs.js';
import type { Db } from '../db/executor.js';

export type { JobProgress };

export interface ProgressSink {
  report(p: JobProgress): void;
  end(): void;
}

/** Per ledger, so that two databases served by one process never see each other's jobs. */
const boards = new WeakMap<Db, Map<string, JobProgress>>();

function board(db: Db): Map<string, JobProgress> {
  let b = boards.get(db);
  if (!b) boards.set(db, (b = new Map()));
  return b;
}

/** Where an action reports its progress; a no-op without an id. */
export function progressSink(db: Db, jobId: string | undefined): ProgressSink {
  if (!jobId) return { report: () => undefined, end: () => undefined };
  const b = board(db);
  b.set(jobId, { rows: 0, fraction: null });
  return {
    report: (p) => b.set(jobId, p),
    end: () => b.delete(jobId),
  };
}

/** The progress of a running job; null once it ended (or if it never started). */
export function jobProgress(db: Db, jobId: string): JobProgress | null {
  return boards.get(db)?.get(jobId) ?? null;
}
