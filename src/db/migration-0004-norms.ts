// Reserve norms (储备定额) and the streets' evacuation population that per-person norms can be sized by.
import { type Kysely, type Migration, sql } from 'kysely';

export const normsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('area').addColumn('evacuation_population', 'integer').execute();
    await db.schema
      .createTable('norm')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      // 'location': one store; 'street_shelters': every shelter of a street; 'shelter_level': every shelter of a level.
      .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('location','street_shelters','shelter_level')`))
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('location_id', 'integer', (c) => c.references('location.id'))
      .addColumn('area_id', 'integer', (c) => c.references('area.id'))
      .addColumn('shelter_level', 'text')
      .addColumn('item_id', 'integer', (c) => c.notNull().references('item.id'))
      .addColumn('basis', 'text', (c) => c.notNull().check(sql`basis in ('absolute','per_person')`))
      .addColumn('quantity_milli', 'integer')
      // Per-person factor in millionths of the item's unit, so that 1/20 lamp per person is exact.
      .addColumn('factor_micro', 'integer')
      .addColumn('persons', 'text', (c) => c.check(sql`persons is null or persons in ('evacuees','capacity','population')`))
      .addColumn('note', 'text')
      .addUniqueConstraint('norm_target_item', ['scope', 'target', 'item_id'])
      .execute();
  },
};
