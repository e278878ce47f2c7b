// SQLite's and the file system's failures told as what they mean to the person at the desk — another program is
// writing, the disk is full, the ledger is read-only or damaged — rather than as 内部错误 with an error code.
import path from 'node:path';
import { LedgerError } from '../common/errors.js';
import { message } from '../i18n/messages.js';
import type { Db, WriteBlock } from './executor.js';

export function busyTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.RELIEF_LEDGER_BUSY_TIMEOUT_MS);
  return Number.isInteger(n) && n >= 0 ? n : 5000;
}

/** The reason a blocked ledger gives, in both languages. */
export function blockText(file: string, block: WriteBlock, newestBackup?: string | null): { zh: string; en: string } {
  switch (block.reason) {
    case 'readOnlyFile':
      return message('db.blocked.readOnlyFile', { file });
    case 'readOnlyFolder':
      return message('db.blocked.readOnlyFolder', { folder: path.dirname(file) });
    case 'damaged':
      return newestBackup
        ? message('db.blocked.damaged', { file, detail: block.detail ?? '', backup: newestBackup })
        : message('db.blocked.damagedNoBackup', { file, detail: block.detail ?? '' });
    case 'walLost':
      return message('db.blocked.walLost', { file });
    case 'replaced':
      return message('db.blocked.replaced', { file });
  }
}

export function writeRefused(file: string, block: WriteBlock, newestBackup?: string | null): LedgerError {
  const why = blockText(file, block, newestBackup);
  return new LedgerError('db.writeRefused', { why: why.zh, whyEn: why.en });
}

const firstLine = (e: unknown) => String(e instanceof Error ? e.message : e).split('\n')[0]!;

export interface FailureContext {
  /** The ledger: names it, and knows whether its writes are blocked on purpose. */
  db?: Db | null;
  /** The file being written, when it is not the ledger (a backup, an export). */
  file?: string;
  newestBackup?: string | null;
}

/**
 * The LedgerError for a failure of SQLite or the file system, or null when it is something else (a bug, which stays
 * 内部错误).
 */
export function ledgerErrorOf(e: unknown, context: FailureContext = {}): LedgerError | null {
  if (e instanceof LedgerError) return e;
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const { db, newestBackup } = context;
  const file = context.file ?? (e as { path?: string }).path ?? db?.file ?? '';
  const detail = firstLine(e);
  if (code.startsWith('SQLITE_READONLY')) {
    return writeRefused(db?.file ?? file, db?.writeBlock ?? { reason: 'readOnlyFile' }, newestBackup);
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new LedgerError('db.busy', { file: db?.file ?? file, seconds: Math.round(busyTimeoutMs() / 100) / 10 });
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return new LedgerError('db.diskFull', { file });
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return new LedgerError('db.corrupt', { file: db?.file ?? file, detail });
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN') || code === 'EIO' || code === 'EFBIG') {
    return new LedgerError('db.ioError', { file, detail });
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new LedgerError('fs.denied', { file, detail });
  return null;
}
