import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Migrator, type MigrationProvider } from 'kysely';
import { LedgerError } from '../common/errors.js';
import { Db } from './executor.js';
import { migrations } from './migrations.js';

export interface OpenOptions {
  /** Create the file when missing (init); otherwise a missing file is an error. */
  create?: boolean;
  readonly?: boolean;
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Opens (and migrates) a ledger database: WAL, foreign keys on; refuses a database newer than this program. */
export async function openLedger(file: string, options: OpenOptions = {}): Promise<Db> {
  const resolved = path.resolve(file);
  if (!options.create && !fs.existsSync(resolved)) throw new LedgerError('db.notFound', { file: resolved });
  if (options.create) fs.mkdirSync(path.dirname(resolved), { recursive: true });
  let sqlite: Database.Database;
  try {
    sqlite = new Database(resolved, { readonly: options.readonly ?? false });
    sqlite.pragma('busy_timeout = 5000');
    if (!options.readonly) sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
  } catch (e) {
    throw new LedgerError('db.notLedger', { file: resolved, detail: (e as Error).message });
  }
  const db = new Db(sqlite, resolved);
  try {
    refuseNewer(db);
    if (!options.readonly) await migrate(db);
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

function refuseNewer(db: Db): void {
  let applied: string[];
  try {
    const hasTable = db.sqlite
      .prepare(`select name from sqlite_master where type = 'table' and name = 'kysely_migration'`)
      .get();
    applied = hasTable
      ? (db.sqlite.prepare('select name from kysely_migration').all() as { name: string }[]).map((r) => r.name)
      : [];
  } catch (e) {
    throw new LedgerError('db.notLedger', { file: db.file, detail: (e as Error).message });
  }
  const unknown = applied.find((name) => !(name in migrations));
  if (unknown) throw new LedgerError('db.tooNew', { file: db.file, migration: unknown });
}

async function migrate(db: Db): Promise<void> {
  const migrator = new Migrator({ db: db.q, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new LedgerError('db.notLedger', { file: db.file, detail: `migration ${failed}: ${String((error as Error).message ?? error)}` });
  }
}

export function appliedMigrations(db: Db): string[] {
  return (db.sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map(
    (r) => r.name,
  );
}
