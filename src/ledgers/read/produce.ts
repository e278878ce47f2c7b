// One file's reading, whatever its format, as messages: run on this thread for a small file, or on the worker.
import { LedgerError } from '../../common/errors.js';
import type { LedgerFileFormat } from '../../api/contract.ledgers.js';
import { readCsvRows } from './csv.js';
import { Guard, limitError, OverLimit, type ReadLimits } from './limits.js';
import { readWithSheetJS } from './sheetjs.js';
import { type ReadMessage, RowSink } from './source.js';
import { readXlsx } from './xlsx.js';

export interface ReadJob {
  data: Uint8Array;
  format: LedgerFileFormat;
  /** As the user named it: for messages. */
  file: string;
  /** The sheet a CSV's rows belong to. */
  sheet: string;
  limits: ReadLimits;
}

/** Reads the file into `emit`; failures, limits included, come out of it thrown. */
export async function produce(job: ReadJob, emit: (m: ReadMessage) => void, stopped: () => boolean = () => false): Promise<void> {
  const sink = new RowSink(emit, new Guard(job.limits));
  if (job.format === 'xlsx') await readXlsx(job.data, job.file, sink, stopped);
  else if (job.format === 'csv') await readCsvRows(job.data, job.file, job.sheet, sink, stopped);
  else await readWithSheetJS(job, sink, stopped);
  sink.end();
}

/** A failure of the reading as the refusal the user reads. */
export function asLedgerError(e: unknown, file: string): LedgerError {
  if (e instanceof LedgerError) return e;
  if (e instanceof OverLimit) return limitError(file, e);
  return new LedgerError('ledgers.file.damaged', { file, detail: String((e as Error)?.message ?? e).slice(0, 200) });
}

/** …and as the message that ends a reading. */
export function failure(e: unknown, file: string): ReadMessage {
  const err = asLedgerError(e, file);
  return { t: 'error', code: err.code, params: err.params };
}
