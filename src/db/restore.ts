// Restore that cannot lose anything. The backup is verified on a copy beside the target (never the file itself): a
// ledger's header and tables, migrated to this version, SQLite's full integrity check and the ledger check. Then,
// while the target is marked as being restored and no other program holds it, the old ledger is brought whole into
// its file, kept under a second name (a hard link, or a copy where links are not possible) and the verified copy is
// renamed over the target — one atomic rename, so there is never a moment without a ledger under its name.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { temporaryName } from '../common/atomic-file.js';
import { LedgerError } from '../common/errors.js';
import { message } from '../i18n/messages.js';
import { checkLedger } from '../stock/check.js';
import { copyDatabase, fsyncFile, removeWithSideFiles } from './backup.js';
import { busyTimeoutMs } from './failures.js';
import { describeHolders, markRestoring, otherHolders } from './holders.js';
import { openLedger } from './open.js';
import { contentRefusal, headerRefusal, readHeader } from './stamp.js';

export interface RestoreResult {
  file: string;
  keptAs: string | null;
}

function refused(from: string, why: { zh: string; en: string }): LedgerError {
  return new LedgerError('restore.refused', { file: from, why: why.zh, whyEn: why.en });
}

/** The copy must be a ledger before it is migrated (opening it as one would add our tables to anything). */
function refuseForeign(from: string, staging: string): void {
  const s = new Database(staging, { readonly: true, fileMustExist: true });
  try {
    const why = contentRefusal(s);
    if (why) throw refused(from, why);
  } finally {
    s.close();
  }
}

/** Copies `from` for verification: SQLite's backup API where it can read the file, else the bytes. */
async function copyForVerification(from: string, staging: string): Promise<void> {
  let src: Database.Database | undefined;
  try {
    src = new Database(from, { readonly: true, fileMustExist: true });
    await copyDatabase(src, staging);
  } catch (e) {
    // A WAL file in a folder SQLite may not write its index into (a read-only USB disk): copy the bytes instead.
    if (!String((e as { code?: unknown }).code).startsWith('SQLITE_CANTOPEN')) throw e;
    removeWithSideFiles(staging);
    fs.copyFileSync(from, staging);
  } finally {
    src?.close();
  }
}

/** The verified, migrated, standalone copy of `source`, staged in the target's folder. */
export async function stageRestore(source: string, target: string): Promise<string> {
  const from = path.resolve(source);
  if (!fs.existsSync(from)) throw new LedgerError('db.notFound', { file: from });
  const byHeader = headerRefusal(readHeader(from));
  if (byHeader) throw refused(from, byHeader);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const staging = temporaryName(target);
  try {
    await copyForVerification(from, staging);
    refuseForeign(from, staging);
    const probe = await openLedger(staging, { door: 'none' });
    try {
      const report = checkLedger(probe);
      if (!report.ok) {
        const m = report.mismatches[0];
        const detail = m ? `${m.locationCode}/${m.itemCode}/${m.batchNo}: ${m.balance} ≠ ${m.journal}` : report.integrity.join('; ');
        throw refused(from, { zh: `检查未通过：${detail}`, en: `the check failed: ${detail}` });
      }
      probe.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      probe.sqlite.pragma('journal_mode = DELETE');
    } finally {
      probe.close();
    }
    fsyncFile(staging);
    return staging;
  } catch (e) {
    removeWithSideFiles(staging);
    if (e instanceof LedgerError && (e.code === 'db.tooNew' || e.code === 'restore.refused')) throw e;
    const detail = e instanceof LedgerError ? { zh: e.zh, en: e.en } : { zh: String((e as Error).message), en: String((e as Error).message) };
    throw refused(from, detail);
  }
}

function heldByOther(file: string, holders: { zh: string; en: string }): LedgerError {
  return new LedgerError('db.heldByOther', { file, holders: holders.zh, holdersEn: holders.en });
}

/** Brings the old ledger's WAL into its file; refuses while another connection still uses it. */
function checkpointOld(target: string): void {
  let old: Database.Database;
  try {
    old = new Database(target, { fileMustExist: true, timeout: busyTimeoutMs() });
    old.prepare('select count(*) from sqlite_master').get();
  } catch {
    return; // not a readable database (damaged, foreign): it is kept as it is, with its side files
  }
  try {
    const [r] = old.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (r && r.busy) throw heldByOther(target, message('db.sqliteConnection'));
  } catch (e) {
    if (e instanceof LedgerError) throw e;
    if (String((e as { code?: unknown }).code).startsWith('SQLITE_BUSY')) throw heldByOther(target, message('db.sqliteConnection'));
  } finally {
    old.close();
  }
}

function syncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Not every platform can open a folder; the rename is atomic regardless.
  }
}

/** The atomic swap: the old file kept as `<target>.replaced-<time>`, the staged one renamed over the target. */
function swapIn(staging: string, target: string): string | null {
  let keptAs: string | null = null;
  if (fs.existsSync(target)) {
    checkpointOld(target);
    keptAs = `${target}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    try {
      fs.linkSync(target, keptAs);
    } catch {
      fs.copyFileSync(target, keptAs, fs.constants.COPYFILE_EXCL);
      fsyncFile(keptAs);
    }
    // A -wal left now belongs to the old file (its checkpoint could not run): it goes with it, never onto the new one.
    if (fs.existsSync(`${target}-wal`)) fs.renameSync(`${target}-wal`, `${keptAs}-wal`);
    fs.rmSync(`${target}-shm`, { force: true });
  }
  fs.renameSync(staging, target);
  syncDir(path.dirname(target));
  return keptAs;
}

export interface RestoreHooks {
  /** Runs once the target is marked and no other program holds it, just before the swap (the backup before a restore). */
  beforeSwap?: () => Promise<void>;
}

/**
 * Replaces the ledger at `target` with the backup `source`, verified first; refuses while another program holds the
 * ledger. The replaced file is kept beside it as `<name>.replaced-<time>`.
 */
export async function restoreLedger(source: string, target: string, hooks: RestoreHooks = {}): Promise<RestoreResult> {
  const to = path.resolve(target);
  const staging = await stageRestore(source, to);
  try {
    const marker = markRestoring(to);
    try {
      const others = otherHolders(to);
      if (others.length) throw heldByOther(to, describeHolders(others));
      await hooks.beforeSwap?.();
      return { file: to, keptAs: swapIn(staging, to) };
    } finally {
      marker.release();
    }
  } finally {
    removeWithSideFiles(staging);
  }
}
