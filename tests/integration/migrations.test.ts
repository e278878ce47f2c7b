import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { appliedMigrations, openLedger } from '../../src/db/open.js';
import { migrations } from '../../src/db/migrations.js';
import { tempDir } from './fixture.js';

describe('migrations', () => {
  it('create every table from an empty file, in WAL mode with foreign keys on, and are idempotent', async () => {
    const file = path.join(tempDir(), 'fresh.db');
    const db = await openLedger(file, { create: true });
    expect(appliedMigrations(db)).toEqual(Object.keys(migrations).sort());
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = (db.sqlite.prepare(`select name from sqlite_master where type='table' order by name`).all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['area', 'location', 'item', 'batch', 'movement', 'balance', 'shelter', 'setting']));
    db.close();
    const again = await openLedger(file);
    expect(appliedMigrations(again)).toEqual(Object.keys(migrations).sort());
    again.close();
  });

  it('refuses a database written by a newer version, and changes nothing in it', async () => {
    const file = path.join(tempDir(), 'newer.db');
    (await openLedger(file, { create: true })).close();
    const raw = new Database(file);
    raw.prepare(`insert into kysely_migration (name, timestamp) values ('9999_future', '2030-01-01')`).run();
    raw.close();
    await expect(openLedger(file)).rejects.toMatchObject({ code: 'db.tooNew' });
    const check = new Database(file);
    expect((check.prepare(`select count(*) n from kysely_migration`).get() as { n: number }).n).toBe(Object.keys(migrations).length + 1);
    check.close();
  });

  it('refuses a file that is not a ledger with a clear message', async () => {
    const file = path.join(tempDir(), 'notes.db');
    (await import('node:fs')).writeFileSync(file, 'this is not sqlite, just text '.repeat(100));
    await expect(openLedger(file)).rejects.toMatchObject({ code: 'db.notLedgerFile' });
  });

  it('refuses a missing file unless asked to create it', async () => {
    await expect(openLedger(path.join(tempDir(), 'missing.db'))).rejects.toMatchObject({ code: 'db.notFound' });
  });
});
