// Backups that can be restored: a consistent online copy (SQLite's backup API, safe while the ledger is in use),
// written under a temporary name, made a standalone file, verified — read-only: ours, quick_check, the ledger check —
// and only then renamed into place. A killed or failed backup leaves nothing under the target name.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { commitTemporary, prepareTarget, temporaryName } from '../common/atomic-file.js';
import { LedgerError } from '../common/errors.js';
import { checkLedger } from '../stock/check.js';
import { Db } from './executor.js';
import { ledgerErrorOf } from './failures.js';
import { quickCheck } from './open.js';
import { contentRefusal, headerRefusal, type NotLedger, readHeader } from './stamp.js';

export interface BackupWritten {
  file: string;
  bytes: number;
}

/** The side files SQLite may leave beside a database. */
export function removeWithSideFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
}

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Copies the whole database in one step (the caller holds the ledger's turn, so nothing writes meanwhile). */
export async function copyDatabase(source: Database.Database, to: string): Promise<void> {
  await source.backup(to, { progress: () => 0x7fffffff });
}

/** Makes a copied database a standalone rollback-journal file: readable read-only anywhere, no -wal beside it. */
export function makeStandalone(file: string): void {
  const s = new Database(file, { fileMustExist: true });
  try {
    s.pragma('journal_mode = DELETE');
  } finally {
    s.close();
  }
}

/**
 * Verifies a ledger file without writing to it: a ledger's header and tables, SQLite's integrity check (quick or
 * full) and the ledger check (every balance equals its journal). Null when it passes; else why not.
 */
export function verifyLedgerFile(file: string, integrity: 'quick_check' | 'integrity_check' = 'quick_check'): NotLedger | null {
  const header = readHeader(file);
  const byHeader = headerRefusal(header);
  if (byHeader) return byHeader;
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    const byContent = contentRefusal(sqlite);
    if (byContent) return byContent;
    return ledgerProblems(new Db(sqlite, file), integrity);
  } catch (e) {
    const detail = String((e as Error).message ?? e);
    return { zh: `无法读取：${detail}`, en: `it cannot be read: ${detail}` };
  } finally {
    sqlite?.close();
  }
}

/** The integrity check and the ledger check of an open ledger, as one reason (null when both pass). */
export function ledgerProblems(db: Db, integrity: 'quick_check' | 'integrity_check'): NotLedger | null {
  const report = checkLedger(db, integrity);
  if (report.ok) return null;
  const damage = report.integrity.filter((r) => r !== 'ok');
  if (damage.length) {
    const detail = damage.slice(0, 3).join('; ');
    return { zh: `完整性检查未通过：${detail}`, en: `the integrity check failed: ${detail}` };
  }
  const m = report.mismatches[0]!;
  const detail = `${m.locationCode} / ${m.itemCode} / ${m.batchNo || '-'}: ${m.balance} ≠ ${m.journal}`;
  return { zh: `余额与流水不符（${report.mismatches.length} 处，如 ${detail}）`, en: `balances disagree with the journal (${report.mismatches.length}, e.g. ${detail})` };
}

/** Why the open ledger itself fails its checks, or null: tells a damaged source from a copy that went wrong. */
export function sourceProblems(db: Db): NotLedger | null {
  try {
    const damage = quickCheck(db);
    if (damage.length) return { zh: `完整性检查未通过：${damage.slice(0, 3).join('; ')}`, en: `the integrity check failed: ${damage.slice(0, 3).join('; ')}` };
    return ledgerProblems(db, 'quick_check');
  } catch (e) {
    const detail = String((e as Error).message ?? e);
    return { zh: detail, en: detail };
  }
}

/**
 * Writes a verified backup of `db` to `out`. An existing `out` is refused unless forced. A copy that fails
 * verification is removed; when the ledger itself is damaged the error says so (backup.sourceDamaged).
 */
export async function writeVerifiedBackup(db: Db, out: string, options: { force?: boolean } = {}): Promise<BackupWritten> {
  const file = prepareTarget(out, options);
  const tmp = temporaryName(file);
  try {
    await copyDatabase(db.sqlite, tmp);
    makeStandalone(tmp);
    const why = verifyLedgerFile(tmp);
    if (why) {
      const source = sourceProblems(db);
      if (source) throw new LedgerError('backup.sourceDamaged', { file: db.file, why: source.zh, whyEn: source.en });
      throw new LedgerError('backup.verifyFailed', { why: why.zh, whyEn: why.en });
    }
    fsyncFile(tmp);
    commitTemporary(tmp, file, options);
    return { file, bytes: fs.statSync(file).size };
  } catch (e) {
    removeWithSideFiles(tmp);
    throw ledgerErrorOf(e, { db, file }) ?? e;
  }
}
