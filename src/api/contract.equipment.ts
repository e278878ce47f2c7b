// The contract's operations for flood equipment, village coverage and shelters.
import { z } from 'zod';
import { isIsoDate } from '../common/dates.js';
import { op, result } from './op.js';

const code = z.string().trim().min(1, '必填 (required)').max(40);
const date = z.string().trim().refine(isIsoDate, '日期格式应为 YYYY-MM-DD (date must be YYYY-MM-DD)');
const name = z.string().trim().min(1, '必填 (required)').max(50);
const opt = (max = 200) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : undefined))
    .optional();
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-\s]{5,20}$/, '电话号码只能含数字、+、- (digits, + and - only)')
  .nullish()
  .or(z.literal('').transform(() => undefined))
  .transform((v) => (v ? v : undefined))
  .optional();
/** Serial numbers are text, never numbers: leading zeros and long digit runs must survive. */
export const serialSchema = z.string().trim().min(1, '必填 (required)').max(60).regex(/^\S+$/, '出厂编号不能含空格 (no spaces in a serial number)');

export const equipmentStatuses = ['in_store', 'in_use', 'repair', 'scrapped', 'transferred_out'] as const;
export type EquipmentStatus = (typeof equipmentStatuses)[number];
export const shelterChecklistItems = ['level', 'site', 'structure', 'signs', 'facilities', 'stock', 'management', 'naming', 'area'] as const;
export type ShelterChecklistItem = (typeof shelterChecklistItems)[number];
/** Checklist items only an inspection can decide; the rest the data decides. */
export const inspectedItems = ['site', 'signs', 'facilities', 'management'] as const;
export const shelterFacilities = ['duty_room', 'sleeping_rooms', 'store_room', 'toilets', 'kitchen', 'showers', 'water', 'lighting', 'communications', 'fire_equipment'] as const;
export type CoverageReason = 'none' | 'broken' | 'airtime' | 'overdue';

const unitRef = { kind: code, serialNo: serialSchema };

export const equipmentRegisterInput = z.object({
  ...unitRef,
  name: opt(60),
  model: opt(60),
  powerKw: z.number().nonnegative().nullish(),
  flowM3h: z.number().nonnegative().nullish(),
  purchaseDate: date.optional().or(z.literal('').transform(() => undefined)),
  fundingSource: opt(60),
  homeLocationCode: code,
  phoneNo: phone,
  airtimeExpiry: date.optional().or(z.literal('').transform(() => undefined)),
  note: opt(),
  date,
  actor: name,
});
export const equipmentUpdateInput = equipmentRegisterInput
  .omit({ date: true, actor: true })
  .partial()
  .extend(unitRef);
export const handOutInput = z.object({ ...unitRef, villageCode: code, custodian: name, custodianPhone: phone, date, actor: name, note: opt() });
export const returnInput = z.object({ ...unitRef, date, actor: name, reason: opt() });
export const setStatusInput = z.object({
  ...unitRef,
  status: z.enum(equipmentStatuses),
  date,
  actor: name,
  reason: z.string().trim().min(1, '请说明原因 (give a reason)').max(200),
});
export const recordTestInput = z.object({ ...unitRef, date, passed: z.boolean(), tester: name, note: opt() });
export const equipmentListInput = z
  .object({
    kind: code.optional(),
    streetCode: code.optional(),
    villageCode: code.optional(),
    status: z.enum(equipmentStatuses).optional(),
    search: z.string().trim().optional(),
  })
  .default({});

const shelterFields = {
  code,
  name: z.string().trim().min(1, '必填 (required)').max(100),
  level: z.enum(['district', 'street', 'village']),
  areaCode: code,
  type: opt(30),
  address: opt(),
  latitude: z.number().min(-90).max(90).nullish(),
  longitude: z.number().min(-180).max(180).nullish(),
  structure: opt(30),
  buildingArea: z.number().nonnegative().nullish(),
  usableArea: z.number().nonnegative().nullish(),
  capacity: z.number().int().positive('可容纳人数须大于 0 (capacity must be above 0)'),
  plannedEvacuees: z.number().int().nonnegative().nullish(),
  manager: opt(30),
  managerPhone: phone,
  appraisalDate: date.optional().or(z.literal('').transform(() => undefined)),
  appraisalPassed: z.boolean().nullish(),
};
export const shelterCreateInput = z.object(shelterFields);
export const shelterUpdateInput = z.object(shelterFields).partial().extend({ code });
export const shelterInspectInput = z.object({
  code,
  date,
  inspector: name,
  results: z.partialRecord(z.enum(inspectedItems), z.boolean()),
  facilities: z.array(z.enum(shelterFacilities)).optional(),
  note: opt(),
});
export const shelterUseInput = z.object({ code, inUse: z.boolean(), reason: opt(), date, actor: name });

export interface EquipmentKind {
  code: string;
  name: string;
  nameEn: string;
  unit: string;
  testPlan: 'interval' | 'preseason';
  testDaysInSeason: number | null;
  testDaysOffSeason: number | null;
  fields: string[];
  total: number;
}
export interface EquipmentUnit {
  kind: string;
  kindName: string;
  serialNo: string;
  name: string | null;
  model: string | null;
  powerKw: number | null;
  flowM3h: number | null;
  purchaseDate: string | null;
  fundingSource: string | null;
  homeLocationCode: string;
  homeLocationName: string;
  villageCode: string | null;
  villageName: string | null;
  streetCode: string | null;
  streetName: string | null;
  custodian: string | null;
  custodianPhone: string | null;
  phoneNo: string | null;
  airtimeExpiry: string | null;
  status: EquipmentStatus;
  lastTestDate: string | null;
  lastTestPassed: boolean | null;
  nextTestDue: string | null;
  testOverdue: boolean;
  airtimeExpired: boolean;
  /** Counts for its village's coverage now. */
  working: boolean;
  note: string | null;
}
export interface EquipmentEvent {
  date: string;
  type: string;
  fromStatus: string | null;
  toStatus: string | null;
  villageName: string | null;
  custodian: string | null;
  actor: string;
  reason: string | null;
  createdAt: string;
}
export interface EquipmentTestRecord {
  date: string;
  passed: boolean;
  tester: string;
  note: string | null;
}
export interface EquipmentHistory {
  unit: EquipmentUnit;
  events: EquipmentEvent[];
  tests: EquipmentTestRecord[];
}
export interface TestDue {
  kind: string;
  kindName: string;
  serialNo: string;
  streetCode: string | null;
  streetName: string | null;
  villageName: string | null;
  custodian: string | null;
  lastTestDate: string | null;
  dueDate: string;
  overdue: boolean;
  daysOverdue: number;
}
export interface VillageCoverage {
  streetCode: string;
  street: string;
  villageCode: string;
  village: string;
  covered: boolean;
  /** Per required kind: working units / required. */
  kinds: { kind: string; kindName: string; working: number; required: number; reason: CoverageReason | null }[];
  reasons: string[];
}
export interface CoverageReport {
  rate: number;
  villages: VillageCoverage[];
  streets: { code: string; name: string; villages: number; covered: number; rate: number }[];
  rule: Record<string, number>;
}
export interface ChecklistResult {
  item: ShelterChecklistItem;
  passed: boolean | null;
  /** 'data' when computed, 'inspection' when recorded by an inspector. */
  source: 'data' | 'inspection';
  detail: string;
  inspectedOn: string | null;
  inspector: string | null;
}
export interface ShelterView {
  code: string;
  name: string;
  level: 'district' | 'street' | 'village';
  type: string | null;
  areaCode: string;
  areaName: string;
  streetCode: string | null;
  street: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  structure: string | null;
  buildingArea: number | null;
  usableArea: number | null;
  capacity: number;
  plannedEvacuees: number | null;
  manager: string | null;
  managerPhone: string | null;
  appraisalDate: string | null;
  appraisalPassed: boolean | null;
  facilities: string[];
  inUse: boolean;
  outOfUseReason: string | null;
  locationCode: string | null;
  standardised: boolean;
  checklist: ChecklistResult[];
  failing: ShelterChecklistItem[];
}
export interface ShelterKpi {
  rate: number;
  target: number;
  inUse: number;
  standardised: number;
  streets: { code: string; name: string; inUse: number; standardised: number; rate: number }[];
  shelters: ShelterView[];
}

export const equipmentOperations = {
  'equipment.kinds': op(z.object({}).default({}), result<EquipmentKind[]>()),
  'equipment.list': op(equipmentListInput, result<EquipmentUnit[]>()),
  'equipment.register': op(equipmentRegisterInput, result<EquipmentUnit>()),
  'equipment.update': op(equipmentUpdateInput, result<EquipmentUnit>()),
  'equipment.handOut': op(handOutInput, result<EquipmentUnit>()),
  'equipment.return': op(returnInput, result<EquipmentUnit>()),
  'equipment.setStatus': op(setStatusInput, result<EquipmentUnit>()),
  'equipment.recordTest': op(recordTestInput, result<EquipmentUnit>()),
  'equipment.history': op(z.object(unitRef), result<EquipmentHistory>()),
  'equipment.testsDue': op(z.object({ streetCode: code.optional(), withinDays: z.number().int().min(0).max(365).default(7) }).default({ withinDays: 7 }), result<TestDue[]>()),
  'coverage.get': op(z.object({ streetCode: code.optional() }).default({}), result<CoverageReport>()),
  'shelters.list': op(z.object({ streetCode: code.optional(), level: z.enum(['district', 'street', 'village']).optional(), search: z.string().trim().optional() }).default({}), result<ShelterView[]>()),
  'shelters.create': op(shelterCreateInput, result<ShelterView>()),
  'shelters.update': op(shelterUpdateInput, result<ShelterView>()),
  'shelters.inspect': op(shelterInspectInput, result<ShelterView>()),
  'shelters.setInUse': op(shelterUseInput, result<ShelterView>()),
  'shelters.kpi': op(z.object({ streetCode: code.optional() }).default({}), result<ShelterKpi>()),
} as const;
