// Rules the domain marks [rule] are defaults a user can change: they live in the `setting` table, never in code
// paths as constants.
import type { Db } from '../db/executor.js';

export const defaultSettings = {
  /** Rotation lead time for items with a shelf life and no lead time of their own (domain.md §3). */
  'rotation.defaultLeadDays': 90,
  /** Name of the reporting unit printed on exports and documents. */
  'org.name': '椒江区应急管理局',
  /** Flood season (汛期), months 1–12, when pumps and generators are run monthly rather than quarterly. */
  'flood.seasonMonths': [4, 5, 6, 7, 8, 9, 10] as number[],
  /** Village coverage: working units of each kind every 行政村/社区 needs (domain.md §5). */
  'coverage.rule': { satellite_phone: 1, pump: 1, generator: 1 } as Record<string, number>,
  /** Shelter standardisation KPI target (专栏2.1 #12). */
  'shelters.targetRate': 0.9,
  /** A safety appraisal older than this many years no longer counts (Zhejiang 2022 notice). */
  'shelters.appraisalYears': 3,
  /** Living area per person a shelter must offer (GB 21734-2008 §5.4: more than 1.5 m²). */
  'shelters.areaPerPerson': 1.5,
  /** Default shelter stock per planned evacuee (domain.md §6), matched to the catalogue by item name. */
  'norms.shelterDefaults': [
    { itemName: '棉被', basis: 'per_person', factor: 1 },
    { itemName: '毛巾被', basis: 'per_person', factor: 1, note: '夏季' },
    { itemName: '折叠床', basis: 'per_person', factor: 0.5 },
    { itemName: '应急生活包', basis: 'per_person', factor: 1 },
    { itemName: '瓶装饮用水', basis: 'per_person', factor: 0.682, note: '3 L/人·天 × 3 天 = 9 L；按 550ml×24 瓶/箱（13.2 L）折算' },
    { itemName: '方便食品', basis: 'per_person', factor: 0.5, note: '0.5 kg/人·天 × 3 天 = 1.5 kg；按 3 kg/箱折算' },
    { itemName: '应急灯', basis: 'per_person', factor: 0.05, note: '每 20 人 1 个' },
    { itemName: '场地照明灯', basis: 'absolute', quantity: 1, note: '每场所 1 台' },
    { itemName: '急救包', basis: 'absolute', quantity: 1, note: '每场所 1 套' },
  ] as { itemName: string; basis: 'absolute' | 'per_person'; factor?: number; quantity?: number; note?: string }[],
  /** Airtime due to run out within this many days is flagged before it does. */
  'gaps.airtimeWarningDays': 30,
  /** While the app or web host runs, a verified backup is made at most this often, when something changed. */
  'backup.intervalMinutes': 15,
  /** A second folder every backup is copied to (a USB disk, a network share); empty for none. */
  'backup.secondFolder': '',
};

export type SettingKey = keyof typeof defaultSettings;
type SettingValue<K extends SettingKey> = (typeof defaultSettings)[K] extends number
  ? number
  : (typeof defaultSettings)[K] extends string
    ? string
    : (typeof defaultSettings)[K];

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
