import type { Context } from './handlers.js';
import type { OperationResult, ParsedInput } from './contract.js';
import type { ledgerOperations } from './contract.ledgers.js';
import { exportLedgerBytes, ledgerTemplate } from '../ledgers/export/index.js';
import { importLedger, inspectLedger } from '../ledgers/import.js';
import { onboardLedgers } from '../ledgers/onboard.js';
import type { Db } from '../db/executor.js';
import { type JobProgress, progressSink } from '../jobs/progress.js';

type Names = keyof typeof ledgerOperations;

const bytes = (base64: string) => Buffer.from(base64, 'base64');

/** Runs a long action that reports how far it got under the page's job id, if it gave one. */
async function withProgress<T>(db: Db, jobId: string | undefined, run: (progress: (p: JobProgress) => void) => Promise<T>): Promise<T> {
  const sink = progressSink(db, jobId);
  try {
    return await run((p) => sink.report(p));
  } finally {
    sink.end();
  }
}

export const ledgerHandlers: {
  [N in Names]: (ctx: Context, input: ParsedInput<N>) => OperationResult<N> | Promise<OperationResult<N>>;
} = {
  'ledgers.inspect': ({ db }, { jobId, ...input }) => withProgress(db, jobId, (progress) => inspectLedger(db, { ...input, data: bytes(input.data) }, { progress })),
  'ledgers.import': ({ db }, { jobId, ...input }) => withProgress(db, jobId, (progress) => importLedger(db, { ...input, data: bytes(input.data) }, { progress })),
  'ledgers.onboard': ({ db }, { jobId, files, ...input }) =>
    withProgress(db, jobId, (progress) => onboardLedgers(db, { ...input, files: files.map((f) => ({ ...f, data: bytes(f.data) })) }, { progress })),
  'ledgers.export': ({ db }, { kind, locationCode, jobId }) =>
    withProgress(db, jobId, async (progress) => {
      const r = await exportLedgerBytes(db, kind, { locationCode }, progress);
      return { fileName: r.fileName, data: r.data.toString('base64') };
    }),
  'ledgers.template': async ({ db }, { kind }) => {
    const r = await ledgerTemplate(db, kind);
    return { fileName: r.fileName, data: r.data.toString('base64') };
  },
};
