// Documents being entered (草稿): kept in the ledger as the keeper types, so that leaving the screen, closing the
// window or a crash loses nothing; a posted document deletes its draft in the same transaction.
import type { Kysely, Migration } from 'kysely';

export const draftsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('draft')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      // Which form it belongs to: receipt, issue, loss, transfer …
      .addColumn('form', 'text', (c) => c.notNull())
      // The user whose draft it is, once the ledger has users; null until then (and for drafts made before).
      .addColumn('owner', 'text')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('lines', 'integer', (c) => c.notNull().defaultTo(0))
      // The form's values as JSON, exactly as the form will read them back.
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('draft_form').on('draft').columns(['form', 'owner', 'updated_at']).execute();
  },
};
