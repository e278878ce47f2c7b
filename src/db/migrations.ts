// Migrations are code, listed inline and frozen once landed: never edit one, add the next.
import { type Kysely, type Migration, sql } from 'kysely';
import { equipmentMigration } from './migration-0003-equipment.js';
import { normsMigration } from './migration-0004-norms.js';
import { stocktakeMigration } from './migration-0005-stocktake.js';
import { ledgerStampMigration } from './migration-0007-ledger-stamp.js';
import { draftsMigration } from './migration-0008-drafts.js';

export const migrations: Record<string, Migration> = {
  '0001_init': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('area')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('district','street','village')`))
        .addColumn('parent_id', 'integer', (c) => c.references('area.id'))
        .addColumn('admin_code', 'text', (c) => c.check(sql`admin_code is null or length(admin_code) = 12`))
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('area_parent').on('area').column('parent_id').execute();

      await db.schema
        .createTable('location')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) =>
          c.notNull().check(sql`kind in ('warehouse','street_store','shelter_store')`),
        )
        .addColumn('area_id', 'integer', (c) => c.notNull().references('area.id'))
        .addColumn('address', 'text')
        .addColumn('note', 'text')
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();

      await db.schema
        .createTable('item')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('spec', 'text')
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('decimals', 'integer', (c) => c.notNull().defaultTo(0).check(sql`decimals between 0 and 3`))
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('gb_code', 'text')
        .addColumn('shelf_life_days', 'integer')
        .addColumn('rotation_lead_days', 'integer')
        .addColumn('reserve_mode', 'text', (c) =>
          c.notNull().defaultTo('held').check(sql`reserve_mode in ('held','agreement','capacity')`),
        )
        .addColumn('unit_price_fen', 'integer')
        .addColumn('note', 'text')
        .execute();

      await db.schema
        .createTable('batch')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('item_id', 'integer', (c) => c.notNull().references('item.id'))
        .addColumn('batch_no', 'text', (c) => c.notNull())
        .addColumn('production_date', 'text')
        .addColumn('expiry_date', 'text')
        .addUniqueConstraint('batch_item_no', ['item_id', 'batch_no'])
        .execute();

      await db.schema
        .createTable('movement')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('doc_no', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('location_id', 'integer', (c) => c.notNull().references('location.id'))
        .addColumn('item_id', 'integer', (c) => c.notNull().references('item.id'))
        .addColumn('batch_id', 'integer', (c) => c.notNull().references('batch.id'))
        .addColumn('qty_milli', 'integer', (c) => c.notNull().check(sql`qty_milli <> 0`))
        .addColumn('counterpart_location_id', 'integer', (c) => c.references('location.id'))
        .addColumn('pair_id', 'integer', (c) => c.references('movement.id'))
        .addColumn('reverses_id', 'integer', (c) => c.references('movement.id').unique())
        .addColumn('unit_price_fen', 'integer')
        .addColumn('basis_doc', 'text')
        .addColumn('handler', 'text', (c) => c.notNull())
        .addColumn('approver', 'text')
        .addColumn('donor', 'text')
        .addColumn('donor_cert_no', 'text')
        .addColumn('recipient', 'text')
        .addColumn('reason', 'text')
        .addColumn('note', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('movement_location_date').on('movement').columns(['location_id', 'date']).execute();
      await db.schema.createIndex('movement_item_date').on('movement').columns(['item_id', 'date']).execute();
      await db.schema.createIndex('movement_batch').on('movement').columns(['batch_id', 'location_id']).execute();
      await db.schema.createIndex('movement_doc').on('movement').column('doc_no').execute();

      await db.schema
        .createTable('balance')
        .addColumn('location_id', 'integer', (c) => c.notNull().references('location.id'))
        .addColumn('item_id', 'integer', (c) => c.notNull().references('item.id'))
        .addColumn('batch_id', 'integer', (c) => c.notNull().references('batch.id'))
        .addColumn('qty_milli', 'integer', (c) => c.notNull().check(sql`qty_milli >= 0`))
        .addPrimaryKeyConstraint('balance_pk', ['location_id', 'batch_id'])
        .execute();
      await db.schema.createIndex('balance_item').on('balance').columns(['item_id', 'location_id']).execute();

      await db.schema
        .createTable('shelter')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('district','street','village')`))
        .addColumn('area_id', 'integer', (c) => c.notNull().references('area.id'))
        .addColumn('location_id', 'integer', (c) => c.references('location.id'))
        .addColumn('address', 'text')
        .addColumn('building_area_m2', 'real')
        .addColumn('usable_area_m2', 'real')
        .addColumn('capacity', 'integer', (c) => c.notNull())
        .addColumn('planned_evacuees', 'integer')
        .addColumn('in_use', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();

      await db.schema
        .createTable('setting')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('doc_counter')
        .addColumn('prefix', 'text', (c) => c.primaryKey())
        .addColumn('last', 'integer', (c) => c.notNull())
        .execute();

      // The journal is append-only: corrections are reversing movements. SQLite enforces it here; a PostgreSQL
      // migration set will carry the equivalent rule.
      await sql`create trigger movement_no_update before update on movement
        begin select raise(abort, 'movement journal is append-only'); end`.execute(db);
      await sql`create trigger movement_no_delete before delete on movement
        begin select raise(abort, 'movement journal is append-only'); end`.execute(db);
    },
  },
  '0002_imports': {
    async up(db: Kysely<any>) {
      // One row per committed import: a file with the same content (sha256) and kind is refused unless forced.
      await db.schema
        .createTable('import_log')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('rows', 'integer', (c) => c.notNull())
        .addColumn('imported_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('import_log_sha').on('import_log').columns(['sha256', 'kind']).execute();
    },
  },
  '0003_equipment': equipmentMigration,
  '0004_norms': normsMigration,
  '0005_stocktake': stocktakeMigration,
  '0006_import_once': {
    async up(db: Kysely<any>) {
      // One import per (kind, content), enforced by the database so that concurrent processes cannot post the same
      // workbook twice. Ledgers from before may hold several rows for a file forced in again: the latest is kept.
      await sql`delete from import_log where id not in (select max(id) from import_log group by kind, sha256)`.execute(db);
      await db.schema.dropIndex('import_log_sha').execute();
      await db.schema.createIndex('import_log_once').on('import_log').columns(['kind', 'sha256']).unique().execute();
    },
  },
  '0007_ledger_stamp': ledgerStampMigration,
  '0008_drafts': draftsMigration,
};

export const latestMigration = Object.keys(migrations).sort().at(-1)!;
