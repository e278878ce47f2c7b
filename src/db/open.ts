import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Migrator, type MigrationProvider } from 'kysely';
import { LedgerError } from '../common/errors.js';
import { Db } from './executor.js';
import { busyTimeoutMs, ledgerErrorOf } from './failures.js';
import { type Door, registerHolder, waitForRestore } from './holders.js';
import { migrations } from './migrations.js';
import { contentRefusal, headerRefusal, isBlank, type NotLedger, readHeader } from './stamp.js';

export interface OpenOptions {
  /** May create the ledger (init, a door's first start): a missing, 0-byte or table-less file becomes one. */
  create?: boolean;
  /** Read-only on purpose (check, verifying a copy): nothing is written, not even a migration. */
  readonly?: boolean;
  /** The door holding the ledger, registered among its holders while open ('none': an internal probe). */
  door?: Door | 'none';
  /** Run SQLite's quick_check: a ledger that fails it opens with writes blocked (the doors, at start). */
  quickCheck?: boolean;
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

export function notLedger(file: string, why: NotLedger): LedgerError {
  return new LedgerError('db.notLedgerFile', { file, why: why.zh, whyEn: why.en });
}

/**
 * Opens (and migrates) a ledger database: WAL, foreign keys on; refuses a database newer than this program and any
 * file that is not a ledger (nothing is written to it). A write-protected file or folder opens read-only, its writes
 * refused with the reason.
 */
export async function openLedger(file: string, options: OpenOptions = {}): Promise<Db> {
  const resolved = path.resolve(file);
  const exists = fs.existsSync(resolved);
  if (!exists && !options.create) throw new LedgerError('db.notFound', { file: resolved });
  if (exists) {
    const header = readHeader(resolved);
    const refusal = headerRefusal(header);
    if (refusal && !(options.create && header.bytes === 0)) throw notLedger(resolved, refusal);
  } else fs.mkdirSync(path.dirname(resolved), { recursive: true });

  const access = options.readonly ? { file: false, folder: false } : writable(resolved, exists);
  const readOnly = options.readonly || !access.file || !access.folder;
  const lease = !readOnly && options.door !== 'none' ? registerHolder(resolved, options.door ?? 'cli') : null;
  let db: Db | undefined;
  try {
    if (lease) await waitForRestore(resolved);
    db = readOnly ? openReadOnly(resolved) : new Db(new Database(resolved, { timeout: busyTimeoutMs() }), resolved);
    db.lease = lease;
    const sqlite = db.sqlite;
    if (!readOnly) sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    if (!options.readonly && (!access.file || !access.folder)) db.blockWrites({ reason: access.folder ? 'readOnlyFile' : 'readOnlyFolder' });

    if (isBlank(sqlite)) {
      if (!options.create || readOnly) throw notLedger(resolved, contentRefusal(sqlite)!);
    } else {
      const refusal = contentRefusal(sqlite);
      if (refusal) throw notLedger(resolved, refusal);
    }
    refuseNewer(db);
    const pending = pendingMigrations(db);
    if (pending.length && !readOnly) await migrate(db);
    else if (pending.length && !options.readonly) throw new LedgerError('db.readOnlyNeedsUpgrade', { file: resolved, migrations: pending.join(', ') });
    if (options.quickCheck) {
      const problems = quickCheck(db);
      if (problems.length) db.blockWrites({ reason: 'damaged', detail: problems.slice(0, 3).join('; ') });
    }
    return db;
  } catch (e) {
    if (db) db.close();
    else lease?.release();
    throw ledgerErrorOf(e, { db }) ?? e;
  }
}

/** Whether the file and its folder can be written (SQLite needs the folder for its -wal and -shm). */
function writable(file: string, exists: boolean): { file: boolean; folder: boolean } {
  const denied = (e: unknown) => ['EACCES', 'EPERM', 'EROFS'].includes((e as NodeJS.ErrnoException).code ?? '');
  let fileOk = true;
  if (exists) {
    try {
      fs.closeSync(fs.openSync(file, 'r+'));
    } catch (e) {
      if (!denied(e)) throw e;
      fileOk = false;
    }
  }
  let folderOk = true;
  const probe = path.join(path.dirname(file), `.${path.basename(file)}.probe-${process.pid}-${crypto.randomBytes(3).toString('hex')}`);
  try {
    fs.closeSync(fs.openSync(probe, 'wx'));
    fs.rmSync(probe, { force: true });
  } catch (e) {
    if (!denied(e)) throw e;
    folderOk = false;
  }
  return { file: fileOk, folder: folderOk };
}

/**
 * SQLite cannot open a WAL ledger read-only when it cannot create the -shm index beside it (a read-only folder,
 * share or mount): the ledger is then read from a copy in memory, which is all a read-only ledger needs.
 */
function openReadOnly(file: string): Db {
  try {
    const sqlite = new Database(file, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs() });
    sqlite.prepare('select count(*) from sqlite_master').get();
    return new Db(sqlite, file);
  } catch (e) {
    if (!String((e as { code?: unknown }).code).startsWith('SQLITE_CANTOPEN')) throw e;
    const wal = `${file}-wal`;
    if (fs.existsSync(wal) && fs.statSync(wal).size > 0) throw e;
    const bytes = fs.readFileSync(file);
    // A WAL-mode header (format version 2) is read as a rollback-journal one: the copy has no -wal to consult.
    if (bytes.length >= 20 && bytes[18] === 2) bytes[18] = bytes[19] = 1;
    const db = new Db(new Database(bytes, { readonly: true }), file);
    db.inMemoryCopy = true;
    return db;
  }
}

/** SQLite's quick check: the pages and their structure, without comparing every index to its table. */
export function quickCheck(db: Db): string[] {
  try {
    const rows = (db.sqlite.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
    return rows.filter((r) => r !== 'ok');
  } catch (e) {
    return [String((e as Error).message)];
  }
}

function appliedNames(db: Db): string[] {
  const hasTable = db.sqlite.prepare(`select name from sqlite_master where type = 'table' and name = 'kysely_migration'`).get();
  return hasTable ? (db.sqlite.prepare('select name from kysely_migration').all() as { name: string }[]).map((r) => r.name) : [];
}

function refuseNewer(db: Db): void {
  const unknown = appliedNames(db).find((name) => !(name in migrations));
  if (unknown) throw new LedgerError('db.tooNew', { file: db.file, migration: unknown });
}

function pendingMigrations(db: Db): string[] {
  const applied = new Set(appliedNames(db));
  return Object.keys(migrations)
    .sort()
    .filter((m) => !applied.has(m));
}

async function migrate(db: Db): Promise<void> {
  // Migrations are independent of each other's order where they can be (0007 only stamps the header): a ledger
  // that has a later one but lacks an earlier one (a stamp taken off, a build from before it) gets the missing one.
  const migrator = new Migrator({ db: db.q, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new LedgerError('db.notLedger', { file: db.file, detail: `migration ${failed}: ${String((error as Error).message ?? error)}` });
  }
}

export function appliedMigrations(db: Db): string[] {
  return (db.sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name);
}
