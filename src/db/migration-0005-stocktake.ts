// The annual stocktake (年度盘点): book figures frozen at the start, counts, reasons, sign-off, posting.
import { type Kysely, type Migration, sql } from 'kysely';

export const stocktakeMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('stocktake')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('no', 'text', (c) => c.notNull().unique())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','counting','review','posted','void')`))
      .addColumn('blind', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('date', 'text', (c) => c.notNull())
      // The journal's last movement id when the book was frozen; movements after it are "since the start".
      .addColumn('journal_mark', 'integer', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('counter', 'text')
      .addColumn('supervisor', 'text')
      .addColumn('posted_on', 'text')
      .addColumn('void_reason', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('stocktake_location')
      .addColumn('stocktake_id', 'integer', (c) => c.notNull().references('stocktake.id'))
      .addColumn('location_id', 'integer', (c) => c.notNull().references('location.id'))
      .addPrimaryKeyConstraint('stocktake_location_pk', ['stocktake_id', 'location_id'])
      .execute();
    await db.schema
      .createTable('stocktake_line')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('stocktake_id', 'integer', (c) => c.notNull().references('stocktake.id'))
      .addColumn('location_id', 'integer', (c) => c.notNull().references('location.id'))
      .addColumn('item_id', 'integer', (c) => c.notNull().references('item.id'))
      .addColumn('batch_id', 'integer', (c) => c.notNull().references('batch.id'))
      .addColumn('frozen_milli', 'integer', (c) => c.notNull())
      .addColumn('counted_milli', 'integer')
      // The journal's last movement id when this line was counted: the book at the count is frozen + movements
      // after journal_mark up to count_mark.
      .addColumn('count_mark', 'integer')
      .addColumn('counted_by', 'text')
      .addColumn('counted_on', 'text')
      .addColumn('unexpected', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('reason', 'text')
      .addUniqueConstraint('stocktake_line_unique', ['stocktake_id', 'location_id', 'batch_id'])
      .execute();
    await db.schema
      .createTable('stocktake_unit')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('stocktake_id', 'integer', (c) => c.notNull().references('stocktake.id'))
      .addColumn('equipment_id', 'integer', (c) => c.references('equipment.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('serial_no', 'text', (c) => c.notNull())
      .addColumn('expected_at', 'text')
      .addColumn('seen', 'integer')
      .addColumn('unexpected', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('note', 'text')
      .execute();
  },
};
