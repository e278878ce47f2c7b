// Flood-defence equipment (serialised units with an append-only history and readiness tests) and the shelter
// registry's inspection fields. Frozen once landed.
import { type Kysely, type Migration, sql } from 'kysely';

export const equipmentMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('equipment_kind')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull().defaultTo('台'))
      // Test plan: 'interval' = every N days (in and out of the flood season); 'preseason' = once a year before
      // the flood season starts.
      .addColumn('test_plan', 'text', (c) => c.notNull().defaultTo('interval').check(sql`test_plan in ('interval','preseason')`))
      .addColumn('test_days_in_season', 'integer')
      .addColumn('test_days_off_season', 'integer')
      .addColumn('fields', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    await db.schema
      .createTable('equipment')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('kind', 'text', (c) => c.notNull().references('equipment_kind.code'))
      .addColumn('serial_no', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('model', 'text')
      .addColumn('power_kw', 'real')
      .addColumn('flow_m3h', 'real')
      .addColumn('purchase_date', 'text')
      .addColumn('funding_source', 'text')
      .addColumn('home_location_id', 'integer', (c) => c.notNull().references('location.id'))
      .addColumn('village_id', 'integer', (c) => c.references('area.id'))
      .addColumn('custodian', 'text')
      .addColumn('custodian_phone', 'text')
      .addColumn('phone_no', 'text')
      .addColumn('airtime_expiry', 'text')
      .addColumn('status', 'text', (c) =>
        c.notNull().defaultTo('in_store').check(sql`status in ('in_store','in_use','repair','scrapped','transferred_out')`),
      )
      .addColumn('last_test_date', 'text')
      .addColumn('last_test_passed', 'integer')
      .addColumn('note', 'text')
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addUniqueConstraint('equipment_kind_serial', ['kind', 'serial_no'])
      .execute();
    await db.schema.createIndex('equipment_village').on('equipment').columns(['village_id', 'kind']).execute();

    await db.schema
      .createTable('equipment_event')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('equipment_id', 'integer', (c) => c.notNull().references('equipment.id'))
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('from_status', 'text')
      .addColumn('to_status', 'text')
      .addColumn('village_id', 'integer', (c) => c.references('area.id'))
      .addColumn('custodian', 'text')
      .addColumn('custodian_phone', 'text')
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('equipment_event_unit').on('equipment_event').columns(['equipment_id', 'id']).execute();

    await db.schema
      .createTable('equipment_test')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('equipment_id', 'integer', (c) => c.notNull().references('equipment.id'))
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('passed', 'integer', (c) => c.notNull())
      .addColumn('tester', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('equipment_test_unit').on('equipment_test').columns(['equipment_id', 'date']).execute();

    for (const col of [
      ['type', 'text'],
      ['latitude', 'real'],
      ['longitude', 'real'],
      ['structure', 'text'],
      ['manager', 'text'],
      ['manager_phone', 'text'],
      ['appraisal_date', 'text'],
      ['appraisal_passed', 'integer'],
      ['out_of_use_reason', 'text'],
      ['facilities', 'text'],
    ] as const) {
      await db.schema.alterTable('shelter').addColumn(col[0], col[1]).execute();
    }

    await db.schema
      .createTable('shelter_inspection')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('shelter_id', 'integer', (c) => c.notNull().references('shelter.id'))
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('inspector', 'text', (c) => c.notNull())
      .addColumn('item', 'text', (c) => c.notNull())
      .addColumn('passed', 'integer', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('shelter_inspection_item').on('shelter_inspection').columns(['shelter_id', 'item', 'id']).execute();

    for (const table of ['equipment_event', 'equipment_test', 'shelter_inspection']) {
      await sql`create trigger ${sql.raw(`${table}_no_update`)} before update on ${sql.table(table)}
        begin select raise(abort, ${sql.lit(`${table} is append-only`)}); end`.execute(db);
      await sql`create trigger ${sql.raw(`${table}_no_delete`)} before delete on ${sql.table(table)}
        begin select raise(abort, ${sql.lit(`${table} is append-only`)}); end`.execute(db);
    }

    const kinds = [
      ['satellite_phone', '卫星电话', 'satellite phone', '部', 'interval', 30, 30, '["phone_no","airtime_expiry"]', 1],
      ['assault_boat', '冲锋舟', 'assault boat', '艘', 'preseason', null, null, '["power_kw"]', 2],
      ['rubber_boat', '动力橡皮艇', 'powered rubber boat', '艘', 'preseason', null, null, '["power_kw"]', 3],
      ['pump', '排水泵', 'drainage pump', '台', 'interval', 30, 90, '["flow_m3h","power_kw"]', 4],
      ['generator', '应急发电机', 'emergency generator', '台', 'interval', 30, 90, '["power_kw"]', 5],
    ] as const;
    for (const [code, name, name_en, unit, test_plan, inSeason, offSeason, fields, sort] of kinds) {
      await db
        .insertInto('equipment_kind')
        .values({ code, name, name_en, unit, test_plan, test_days_in_season: inSeason, test_days_off_season: offSeason, fields, sort })
        .execute();
    }
  },
};
