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
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface DocCounterTable {
  prefix: string;
  last: number;
}

export interface ImportLogTable {
  id: Generated<number>;
  sha256: string;
  kind: string;
  file_name: string;
  rows: number;
  imported_at: string;
}

export interface Schema {
  import_log: ImportLogTable;
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
