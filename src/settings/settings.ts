// Rules the domain marks [rule] are defaults a user can change: they live in the `setting` table, never in code
// paths as constants.
import type { Db } from '../db/executor.js';

export const defaultSettings = {
  /** Rotation lead time for items with a shelf life and no lead time of their own (domain.md §3). */
  'rotation.defaultLeadDays': 90,
  /** Name of the reporting unit printed on exports and documents. */
  'org.name': '椒江区应急管理局',
} as const;

export type SettingKey = keyof typeof defaultSettings;
type SettingValue<K extends SettingKey> = (typeof defaultSettings)[K] extends number ? number : string;

export function getSetting<K extends SettingKey>(db: Db, key: K): SettingValue<K> {
  const row = db.get(db.q.selectFrom('setting').select('value').where('key', '=', key));
  return (row ? JSON.parse(row.value) : defaultSettings[key]) as SettingValue<K>;
}

export function setSetting<K extends SettingKey>(db: Db, key: K, value: SettingValue<K>): void {
  db.run(
    db.q
      .insertInto('setting')
      .values({ key, value: JSON.stringify(value) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) })),
  );
}
