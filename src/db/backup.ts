import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LedgerError } from '../common/errors.js';
import type { Db } from './executor.js';
import { openLedger } from './open.js';
import { checkLedger } from '../stock/check.js';

/** Online backup through SQLite's backup API: consistent while the app keeps writing. */
export async function backupTo(db: Db, out: string): Promise<{ file: string; bytes: number }> {
  const file = path.resolve(out);
  if (fs.existsSync(file)) throw new LedgerError('db.backupExists', { file }, 'out');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await db.sqlite.backup(file);
  return { file, bytes: fs.statSync(file).size };
}

/**
 * Replaces the database at `target` with a backup after verifying it (opens, migrates a copy, integrity and
 * journal check). The replaced database is kept beside it as `<name>.replaced-<timestamp>`.
 */
export async function restoreFrom(source: string, target: string): Promise<{ file: string; keptAs: string | null }> {
  const from = path.resolve(source);
  const to = path.resolve(target);
  if (!fs.existsSync(from)) throw new LedgerError('db.notFound', { file: from });
  const staging = `${to}.restoring`;
  fs.rmSync(staging, { force: true });
  try {
    const src = new Database(from, { readonly: true, fileMustExist: true });
    try {
      await src.backup(staging);
    } finally {
      src.close();
    }
    const probe = await openLedger(staging);
    try {
      const report = checkLedger(probe);
      if (!report.ok) {
        const first = report.mismatches[0];
        throw new Error(first ? `balance ${first.locationCode}/${first.itemCode}/${first.batchNo}: ${first.balance} ≠ ${first.journal}` : report.integrity.join('; '));
      }
      probe.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      probe.sqlite.pragma('journal_mode = DELETE');
    } finally {
      probe.close();
    }
  } catch (e) {
    for (const f of [staging, `${staging}-wal`, `${staging}-shm`]) fs.rmSync(f, { force: true });
    if (e instanceof LedgerError && e.code === 'db.tooNew') throw e;
    throw new LedgerError('db.restoreFailed', { file: from, detail: e instanceof LedgerError ? e.zh : (e as Error).message });
  }
  let keptAs: string | null = null;
  if (fs.existsSync(to)) {
    keptAs = `${to}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    const old = new Database(to);
    try {
      old.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      old.close();
    }
    fs.renameSync(to, keptAs);
  }
  for (const f of [`${to}-wal`, `${to}-shm`]) fs.rmSync(f, { force: true });
  fs.renameSync(staging, to);
  return { file: to, keptAs };
}
