// Long actions (importing, exporting a ledger) take an id the page chooses; while one runs, `jobs.progress` says
// how far it got, for a progress bar. Only zod and types here, so the renderer may import it.
import { z } from 'zod';
import { op, result } from './op.js';

export const jobIdSchema = z.string().regex(/^[\w-]{8,64}$/, '任务编号应为 8–64 位字母、数字或连字符 (a job id is 8–64 letters, digits or hyphens)');

export interface JobProgress {
  /** Rows done so far. */
  rows: number;
  /** Share of the whole, 0–1, when it can be known (bytes of the sheet read, rows of a known total). */
  fraction: number | null;
}

export const jobOperations = {
  /** Null once the job has ended, or if no job has this id. */
  'jobs.progress': op(z.object({ jobId: jobIdSchema }), result<JobProgress | null>()),
} as const;
