// Row types of every table, as Kysely sees them. Quantities are integer thousandths of a unit (`*_milli`),
// money is integer 分 (`*_fen`), calendar dates are 'YYYY-MM-DD' text, instants are ISO-8601 text.
import type { Generated } from 'kysely';

export type AreaLevel = 'district' | 'street' | 'village';
export type LocationKind = 'warehouse' | 'street_store' | 'shelter_store';
export type ReserveMode = 'held' | 'agreement' | 'capacity';
export type ItemCategory = 'food' | 'water' | 'medicine' | 'textile' | 'shelter' | 'lighting' | 'rescue' | 'flood' | 'other';
export type ShelterLevel = 'district' | 'street' | 'village';

export interface AreaTable {
  id: Generated<number>;
  code: string;
  name: string;
  level: AreaLevel;
  parent_id: number | null;
  admin_code: string | null;
  is_demo: number;
  evacuation_population: Generated<number | null>;
}

export interface LocationTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: LocationKind;
  area_id: number;
  address: string | null;
  note: string | null;
  is_demo: number;
}

export interface ItemTable {
  id: Generated<number>;
  code: string;
  name: string;
  spec: string | null;
  unit: string;
  decimals: number;
  category: ItemCategory;
  gb_code: string | null;
  shelf_life_days: number | null;
  rotation_lead_days: number | null;
  reserve_mode: ReserveMode;
  unit_price_fen: number | null;
  note: string | null;
}

export interface BatchTable {
  id: Generated<number>;
  item_id: number;
  batch_no: string;
  production_date: string | null;
  expiry_date: string | null;
}

export interface MovementTable {
  id: Generated<number>;
  doc_no: string;
  type: string;
  date: string;
  location_id: number;
  item_id: number;
  batch_id: number;
  qty_milli: number;
  counterpart_location_id: number | null;
  pair_id: number | null;
  reverses_id: number | null;
  unit_price_fen: number | null;
  basis_doc: string | null;
  handler: string;
  approver: string | null;
  donor: string | null;
  donor_cert_no: string | null;
  recipient: string | null;
  reason: string | null;
  note: string | null;
  created_at: string;
}

export interface BalanceTable {
  location_id: number;
  item_id: number;
  batch_id: number;
  qty_milli: number;
}

export interface ShelterTable {
  id: Generated<number>;
  code: string;
  name: string;
  level: ShelterLevel;
  area_id: number;
  location_id: number | null;
  address: string | null;
  building_area_m2: number | null;
  usable_area_m2: number | null;
  capacity: number;
  planned_evacuees: number | null;
  in_use: number;
  is_demo: number;
  type: string | null;
  latitude: number | null;
  longitude: number | null;
  structure: string | null;
  manager: string | null;
  manager_phone: string | null;
  appraisal_date: string | null;
  appraisal_passed: number | null;
  out_of_use_reason: string | null;
  facilities: string | null;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface DocCounterTable {
  prefix: string;
  last: number;
}

export type EquipmentStatus = 'in_store' | 'in_use' | 'repair' | 'scrapped' | 'transferred_out';

export interface EquipmentKindTable {
  code: string;
  name: string;
  name_en: string;
  unit: string;
  test_plan: 'interval' | 'preseason';
  test_days_in_season: number | null;
  test_days_off_season: number | null;
  fields: string;
  sort: number;
}

export interface EquipmentTable {
  id: Generated<number>;
  kind: string;
  serial_no: string;
  name: string | null;
  model: string | null;
  power_kw: number | null;
  flow_m3h: number | null;
  purchase_date: string | null;
  funding_source: string | null;
  home_location_id: number;
  village_id: number | null;
  custodian: string | null;
  custodian_phone: string | null;
  phone_no: string | null;
  airtime_expiry: string | null;
  status: EquipmentStatus;
  last_test_date: string | null;
  last_test_passed: number | null;
  note: string | null;
  is_demo: number;
}

export interface EquipmentEventTable {
  id: Generated<number>;
  equipment_id: number;
  date: string;
  type: string;
  from_status: string | null;
  to_status: string | null;
  village_id: number | null;
  custodian: string | null;
  custodian_phone: string | null;
  actor: string;
  reason: string | null;
  created_at: string;
}

export interface EquipmentTestTable {
  id: Generated<number>;
  equipment_id: number;
  date: string;
  passed: number;
  tester: string;
  note: string | null;
  created_at: string;
}

export interface ShelterInspectionTable {
  id: Generated<number>;
  shelter_id: number;
  date: string;
  inspector: string;
  item: string;
  passed: number;
  note: string | null;
  created_at: string;
}

export interface ImportLogTable {
  id: Generated<number>;
  sha256: string;
  kind: string;
  file_name: string;
  rows: number;
  imported_at: string;
}

export interface NormTable {
  id: Generated<number>;
  scope: 'location' | 'street_shelters' | 'shelter_level';
  target: string;
  location_id: number | null;
  area_id: number | null;
  shelter_level: string | null;
  item_id: number;
  basis: 'absolute' | 'per_person';
  quantity_milli: number | null;
  factor_micro: number | null;
  persons: 'evacuees' | 'capacity' | 'population' | null;
  note: string | null;
}

export type StocktakeStatus = 'draft' | 'counting' | 'review' | 'posted' | 'void';

export interface StocktakeTable {
  id: Generated<number>;
  no: string;
  status: StocktakeStatus;
  blind: number;
  date: string;
  journal_mark: number;
  note: string | null;
  counter: string | null;
  supervisor: string | null;
  posted_on: string | null;
  void_reason: string | null;
  created_at: string;
}

export interface StocktakeLocationTable {
  stocktake_id: number;
  location_id: number;
}

export interface StocktakeLineTable {
  id: Generated<number>;
  stocktake_id: number;
  location_id: number;
  item_id: number;
  batch_id: number;
  frozen_milli: number;
  counted_milli: number | null;
  count_mark: number | null;
  counted_by: string | null;
  counted_on: string | null;
  unexpected: number;
  reason: string | null;
}

export interface StocktakeUnitTable {
  id: Generated<number>;
  stocktake_id: number;
  equipment_id: number | null;
  kind: string;
  serial_no: string;
  expected_at: string | null;
  seen: number | null;
  unexpected: number;
  note: string | null;
}

export interface DraftTable {
  id: Generated<number>;
  form: string;
  owner: string | null;
  title: string;
  lines: number;
  body: string;
  created_at: string;
  updated_at: string;
}

export interface Schema {
  draft: DraftTable;
  stocktake: StocktakeTable;
  stocktake_location: StocktakeLocationTable;
  stocktake_line: StocktakeLineTable;
  stocktake_unit: StocktakeUnitTable;
  norm: NormTable;
  import_log: ImportLogTable;
  equipment_kind: EquipmentKindTable;
  equipment: EquipmentTable;
  equipment_event: EquipmentEventTable;
  equipment_test: EquipmentTestTable;
  shelter_inspection: ShelterInspectionTable;
  area: AreaTable;
  location: LocationTable;
  item: ItemTable;
  batch: BatchTable;
  movement: MovementTable;
  balance: BalanceTable;
  shelter: ShelterTable;
  setting: SettingTable;
  doc_counter: DocCounterTable;
}
