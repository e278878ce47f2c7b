// Stamps the file as a Relief Ledger in SQLite's own header (PRAGMA application_id), so that restore, check and the
// doors can tell a ledger from any other SQLite file without trusting table names. Independent of every other
// migration: it touches no table.
import { type Kysely, type Migration, sql } from 'kysely';
import { LEDGER_APPLICATION_ID } from './stamp.js';

export const ledgerStampMigration: Migration = {
  async up(db: Kysely<any>) {
    await sql.raw(`pragma application_id = ${LEDGER_APPLICATION_ID}`).execute(db);
  },
};
