// The ledger a door keeps open (the desktop app, the web host, one CLI command), with what keeps it safe: verified
// backups after changes and before risky operations, restore that swaps the file while nothing else can run, and the
// watch that stops writes when the ledger's files are pulled away under it. Dispatch runs every operation of a
// session in one queue (see src/api/dispatch.ts); the session's own work joins that queue too.
import fs from 'node:fs';
import path from 'node:path';
import { inLedgerTurn } from '../api/dispatch.js';
import type { BackupEntry, BackupFailure, BackupFolderKind, BackupStatus } from '../api/contract.backups.js';
import type { Context } from '../api/handlers.js';
import { commitTemporary, temporaryName } from '../common/atomic-file.js';
import { LedgerError } from '../common/errors.js';
import { fsyncFile, writeVerifiedBackup } from '../db/backup.js';
import type { Db } from '../db/executor.js';
import { blockText, ledgerErrorOf } from '../db/failures.js';
import { type Door, holdersDir } from '../db/holders.js';
import { openLedger } from '../db/open.js';
import { restoreLedger } from '../db/restore.js';
import { headerLooksComplete, readHeader } from '../db/stamp.js';
import { message } from '../i18n/messages.js';
import { getSetting } from '../settings/settings.js';
import {
  type BackupFile,
  type BackupReason,
  clearKilledTemporaries,
  defaultBackupFolder,
  freshBackupName,
  isBackupName,
  listBackupFiles,
} from './folder.js';
import { backupsToRemove } from './retention.js';

export interface SessionOptions {
  door: Door;
  /**
   * 'always': init. 'firstStart': a door's start, which creates a missing ledger only where none ever was.
   * 'never': every other command.
   */
  create: 'always' | 'firstStart' | 'never';
  /** Automatic backups after changes and on close (the app and the web host). */
  schedule?: boolean;
  /** quick_check at open; a failing ledger opens read-only (the app and the web host). */
  quickCheck?: boolean;
}

const isoBeijing = (t: Date) => `${new Date(t.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;

export function intervalMs(db: Db, env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.RELIEF_LEDGER_BACKUP_INTERVAL_S);
  if (Number.isFinite(seconds) && seconds > 0) return seconds * 1000;
  const minutes = Number(getSetting(db, 'backup.intervalMinutes'));
  return (Number.isFinite(minutes) && minutes > 0 ? minutes : 15) * 60_000;
}

/** Signs that a ledger was kept at `file` (so its absence is a loss, not a first start). */
export function traces(file: string): { zh: string; en: string }[] {
  const found: { zh: string; en: string }[] = [];
  const backups = listBackupFiles(defaultBackupFolder(file), file).filter((b) => b.verified);
  if (backups.length) found.push(message('db.evidence.backups', { n: backups.length }));
  const dir = path.dirname(file);
  const base = path.basename(file);
  let siblings: string[] = [];
  try {
    siblings = fs.readdirSync(dir);
  } catch {
    // no folder: no traces
  }
  if (siblings.some((n) => n.startsWith(`${base}.replaced-`))) found.push(message('db.evidence.replaced'));
  if (siblings.includes(`${base}-wal`)) found.push(message('db.evidence.wal'));
  if (siblings.includes(path.basename(holdersDir(file)))) found.push(message('db.evidence.opened'));
  return found;
}

function refuseMissing(file: string): never {
  const found = traces(file);
  if (!found.length) throw new LedgerError('db.notFound', { file });
  const newest = listBackupFiles(defaultBackupFolder(file), file).find((b) => b.verified);
  const evidence = { evidence: found.map((f) => f.zh).join('，'), evidenceEn: found.map((f) => f.en).join(', ') };
  if (newest) throw new LedgerError('db.missingExpected', { file, backup: newest.path, ...evidence });
  throw new LedgerError('db.missingExpectedNoBackup', { file, ...evidence });
}

export class LedgerSession {
  readonly ctx: Context;
  private lastStamp: string | null = null;
  private failures = new Map<BackupFolderKind, Omit<BackupFailure, 'folder'>>();
  private lastSuccess: { file: string; time: Date } | null = null;
  private timer: NodeJS.Timeout | undefined;
  private identity: { file: number; wal: number | null } | null = null;
  private closed = false;

  private constructor(
    readonly file: string,
    db: Db,
    private readonly options: SessionOptions,
  ) {
    this.ctx = { db, ledger: this };
    this.noteIdentity();
    const newest = this.newestVerified();
    if (newest) this.lastSuccess = { file: newest.name, time: newest.time };
    if (options.schedule) this.scheduleNext();
  }

  /** Opens the ledger at `file` for a door. */
  static async open(file: string, options: SessionOptions): Promise<LedgerSession> {
    const resolved = path.resolve(file);
    if (!fs.existsSync(resolved) && options.create !== 'always' && (options.create === 'never' || traces(resolved).length)) refuseMissing(resolved);
    const db = await openLedger(resolved, { create: options.create !== 'never', door: options.door, quickCheck: options.quickCheck ?? false });
    return new LedgerSession(resolved, db, options);
  }

  get db(): Db {
    return this.ctx.db;
  }

  folders(): { primary: string; second: string | null } {
    const second = String(getSetting(this.db, 'backup.secondFolder') ?? '').trim();
    return { primary: defaultBackupFolder(this.file), second: second ? path.resolve(second) : null };
  }

  private filesOf(kind: BackupFolderKind): BackupFile[] {
    const folder = this.folders()[kind];
    return folder ? listBackupFiles(folder, this.file) : [];
  }

  newestVerified(): BackupFile | null {
    return this.filesOf('primary').find((b) => b.verified) ?? this.filesOf('second').find((b) => b.verified) ?? null;
  }

  list(): BackupEntry[] {
    const entry = (folder: BackupFolderKind) => (b: BackupFile): BackupEntry => ({
      file: b.name,
      folder,
      time: isoBeijing(b.time),
      bytes: b.bytes,
      verified: b.verified,
      reason: b.reason,
    });
    return [...this.filesOf('primary').map(entry('primary')), ...this.filesOf('second').map(entry('second'))].sort((a, b) =>
      b.time.localeCompare(a.time),
    );
  }

  /** The full path of a listed backup, from its name (the only form the page may send). */
  pathOf(name: string, folder: BackupFolderKind = 'primary'): string {
    const found = isBackupName(this.file, name) ? this.filesOf(folder).find((b) => b.name === name) : undefined;
    if (!found) throw new LedgerError('backup.notFound', { file: name }, 'file');
    if (!found.verified) throw new LedgerError('backup.notVerified', { file: name }, 'file');
    return found.path;
  }

  status(): BackupStatus {
    const folders = this.folders();
    const block = this.db.writeBlock;
    const newest = this.newestVerified();
    const text = block ? blockText(this.file, block, newest?.path) : null;
    const failures = [...this.failures].map(([folder, f]) => ({ folder, ...f }));
    return {
      lastSuccess: this.lastSuccess ? { file: this.lastSuccess.file, time: isoBeijing(this.lastSuccess.time) } : null,
      failures,
      failing: failures.length > 0,
      writeBlocked: block && text ? { reason: block.reason, zh: text.zh, en: text.en } : null,
      newestVerified: newest?.name ?? null,
      intervalMinutes: Math.round(intervalMs(this.db) / 6_000) / 10,
      folder: folders.primary,
      secondFolder: folders.second,
    };
  }

  /** Whether the ledger changed since the last backup (by this process, or — at first — since the newest one on disk). */
  changedSinceBackup(): boolean {
    if (this.lastStamp !== null) return this.db.dataStamp() !== this.lastStamp;
    const newest = this.newestVerified();
    if (!newest) return true;
    const mtime = (f: string) => {
      try {
        const s = fs.statSync(f);
        return s.size > 0 ? s.mtimeMs : 0;
      } catch {
        return 0;
      }
    };
    return Math.max(mtime(this.file), mtime(`${this.file}-wal`)) > fs.statSync(newest.path).mtimeMs;
  }

  /**
   * A verified backup into the backup folder (and a copy in the second folder), then retention. Runs in the ledger's
   * turn (the caller's). A failure is kept for the banner and thrown.
   */
  async backup(reason: BackupReason): Promise<BackupEntry> {
    const { primary, second } = this.folders();
    const stamp = this.db.dataStamp();
    const now = new Date();
    let written: string;
    try {
      usableFolder(primary, true);
      clearKilledTemporaries(primary);
      written = (await writeVerifiedBackup(this.db, path.join(primary, freshBackupName(primary, this.file, now, reason)))).file;
    } catch (e) {
      throw this.failed('primary', e, primary);
    }
    this.failures.delete('primary');
    this.lastStamp = stamp;
    this.lastSuccess = { file: path.basename(written), time: now };
    // Only the routine backups make room: one before an operation never removes the backup about to be restored.
    const prune = reason === 'interval' || reason === 'exit';
    if (prune) this.prune(primary);
    if (second) {
      try {
        copyVerified(written, second);
        this.failures.delete('second');
        if (prune) this.prune(second);
      } catch (e) {
        // The backup itself is there; the banner says the second copy is missing.
        this.failed('second', e, second);
      }
    }
    const b = readHeader(written);
    return { file: path.basename(written), folder: 'primary', time: isoBeijing(now), bytes: b.bytes, verified: headerLooksComplete(b), reason };
  }

  private failed(folder: BackupFolderKind, e: unknown, dir: string): LedgerError {
    const detail = String((e as Error).message ?? e);
    const error = ledgerErrorOf(e, { db: this.db, file: dir }) ?? new LedgerError('backup.failed', { detail, detailEn: detail });
    const text =
      folder === 'second' && error.code !== 'backup.secondFolderMissing' ? message('backup.secondFolderFailed', { folder: dir, detail: error.zh, detailEn: error.en }) : error;
    this.failures.set(folder, { time: isoBeijing(new Date()), zh: text.zh, en: text.en });
    return error;
  }

  private prune(folder: string): void {
    for (const b of backupsToRemove(listBackupFiles(folder, this.file), new Date())) fs.rmSync(b.path, { force: true });
  }

  /**
   * Dispatch calls this in the operation's turn, before it runs: the ledger's files must still be the ones opened
   * (else writes stop), and an operation named for it gets a verified backup first when anything changed since the
   * last. Only a damaged ledger refuses the operation; any other backup failure shows in the banner and work goes on.
   */
  async beforeOperation(backupReason: BackupReason | undefined): Promise<void> {
    this.watchFiles();
    if (!backupReason || this.db.writeBlock || !this.changedSinceBackup()) return;
    try {
      await this.backup(backupReason);
    } catch (e) {
      if (e instanceof LedgerError && e.code === 'backup.sourceDamaged') throw e;
    }
  }

  private noteIdentity(): void {
    if (this.db.writeBlock || this.db.inMemoryCopy || this.db.sqlite.readonly) return;
    const file = inode(this.file);
    this.identity = file === null ? null : { file, wal: inode(`${this.file}-wal`) };
  }

  /** The -wal or the file itself deleted or replaced under the running program: stop writing before anything is lost. */
  private watchFiles(): void {
    if (!this.identity || this.db.writeBlock) return;
    if (inode(this.file) !== this.identity.file) this.db.blockWrites({ reason: 'replaced' });
    else if (this.identity.wal !== null && inode(`${this.file}-wal`) !== this.identity.wal) this.db.blockWrites({ reason: 'walLost' });
    else if (this.identity.wal === null) this.identity.wal = inode(`${this.file}-wal`);
  }

  /**
   * Restores a listed backup in place of the open ledger: closes it, swaps the verified copy in (refused while another
   * program holds the ledger) and opens the ledger again. Runs in the ledger's turn, so nothing slips in between.
   */
  async restore(name: string, folder: BackupFolderKind = 'primary'): Promise<{ restored: string; keptAs: string | null }> {
    const source = this.pathOf(name, folder);
    let closed = false;
    try {
      const { keptAs } = await restoreLedger(source, this.file, {
        beforeSwap: async () => {
          this.ctx.db.close();
          closed = true;
        },
      });
      return { restored: name, keptAs: keptAs ? path.basename(keptAs) : null };
    } finally {
      if (closed) {
        this.ctx.db = await openLedger(this.file, { door: this.options.door, quickCheck: this.options.quickCheck ?? false });
        this.noteIdentity();
        this.lastStamp = null;
      }
    }
  }

  private scheduleNext(): void {
    if (this.closed) return;
    this.timer = setTimeout(() => void this.tick(), intervalMs(this.db));
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      await inLedgerTurn(this.ctx, async () => {
        if (!this.closed && !this.db.writeBlock && this.changedSinceBackup()) await this.backup('interval');
      });
    } catch {
      // kept in the status for the banner; the next tick tries again
    }
    this.scheduleNext();
  }

  /** Closes the ledger after its last operation, with a backup on the way out when anything changed. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await inLedgerTurn(this.ctx, async () => {
      try {
        if (this.options.schedule && this.db.sqlite.open && !this.db.writeBlock && this.changedSinceBackup()) await this.backup('exit');
      } catch {
        // A failed backup on the way out must not keep the ledger open.
      }
      this.ctx.db.close();
    });
  }

  /** Closes at once (a process on its way out that cannot wait). */
  closeNow(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.ctx.db.close();
  }
}

function inode(file: string): number | null {
  try {
    return fs.statSync(file).ino;
  } catch {
    return null;
  }
}

/**
 * A backup folder that can take a backup, said in words when it cannot. The primary one (beside the ledger) is made
 * when missing; a second one is not: it missing means its disk or share is not there, and a folder made in its place
 * would be on the wrong disk.
 */
function usableFolder(folder: string, create: boolean): void {
  const refuse = (key: 'backup.folderIsFile' | 'backup.folderDenied') => {
    const why = message(key);
    return new LedgerError('backup.folderUnusable', { folder, why: why.zh, whyEn: why.en });
  };
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(folder);
  } catch {
    if (!create) throw new LedgerError('backup.secondFolderMissing', { folder });
  }
  if (stat && !stat.isDirectory()) throw refuse('backup.folderIsFile');
  try {
    if (!stat) fs.mkdirSync(folder, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST' || code === 'ENOTDIR') throw refuse('backup.folderIsFile');
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw refuse('backup.folderDenied');
    throw e;
  }
}

/** Copies a verified backup into another folder the same way: temporary name, flushed, checked, renamed. */
function copyVerified(file: string, folder: string): void {
  usableFolder(folder, false);
  clearKilledTemporaries(folder);
  const target = path.join(folder, path.basename(file));
  const tmp = temporaryName(target);
  try {
    fs.copyFileSync(file, tmp);
    fsyncFile(tmp);
    if (!headerLooksComplete(readHeader(tmp))) throw new Error(`incomplete copy of ${path.basename(file)}`);
    commitTemporary(tmp, target, { force: true });
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
