// The contract's operations for reserve norms, the gap engine and the rotation plan.
import { z } from 'zod';
import { op, result, whenObject } from './op.js';

const code = z.string().trim().min(1, '必填 (required)').max(40);

export const normScopes = ['location', 'street_shelters', 'shelter_level'] as const;
export const normPersons = ['evacuees', 'capacity', 'population'] as const;
export const gapKinds = ['materials', 'equipment', 'shelters'] as const;
export type GapKind = (typeof gapKinds)[number];

export const normSetInput = z
  .object({
    scope: z.enum(normScopes),
    locationCode: code.optional(),
    streetCode: code.optional(),
    shelterLevel: z.enum(['district', 'street', 'village']).optional(),
    itemCode: code,
    basis: z.enum(['absolute', 'per_person']),
    quantity: z.number().nonnegative('不能为负 (must not be negative)').optional(),
    factor: z.number().positive('系数须大于 0 (factor must be above 0)').max(1000).optional(),
    persons: z.enum(normPersons).optional(),
    note: z.string().trim().max(200).optional(),
  })
  .superRefine((v, ctx) => {
    const need = (ok: unknown, path: string, zh: string, en: string) => {
      if (!ok) ctx.addIssue({ code: 'custom', path: [path], message: `${zh} (${en})` });
    };
    if (v.scope === 'location') need(v.locationCode, 'locationCode', '请选择存放地点', 'choose a location');
    if (v.scope === 'street_shelters') need(v.streetCode, 'streetCode', '请选择街道/镇', 'choose a street/town');
    if (v.scope === 'shelter_level') need(v.shelterLevel, 'shelterLevel', '请选择场所级别', 'choose a shelter level');
    if (v.basis === 'absolute') need(v.quantity !== undefined, 'quantity', '请填写定额数量', 'enter the quantity');
    if (v.basis === 'per_person') {
      need(v.factor !== undefined, 'factor', '请填写每人系数', 'enter the per-person factor');
      need(v.persons, 'persons', '请选择按什么人数', 'choose which number of persons');
    }
  }, whenObject);
export type NormSetInput = z.input<typeof normSetInput>;

export interface NormView {
  id: number;
  scope: (typeof normScopes)[number];
  targetCode: string;
  targetName: string;
  itemCode: string;
  itemName: string;
  unit: string;
  basis: 'absolute' | 'per_person';
  quantity: number | null;
  factor: number | null;
  persons: (typeof normPersons)[number] | null;
  note: string | null;
}

export interface GapSource {
  locationCode: string;
  locationName: string;
  quantity: number;
}

export interface Gap {
  kind: GapKind;
  /** What the gap is about: stock below norm, a village not covered, an overdue test, … */
  category: 'stock' | 'coverage' | 'test' | 'airtime' | 'checklist' | 'appraisal';
  streetCode: string | null;
  street: string | null;
  placeCode: string;
  place: string;
  itemCode: string | null;
  item: string;
  unit: string | null;
  required: number;
  usable: number;
  shortfall: number;
  reason: string;
  action: string;
  /** For stock gaps: where to move it from (surplus above the source's own norm), and what is left to buy. */
  transfers: GapSource[];
  purchase: number;
  basis: string | null;
}

export interface GapSummary {
  today: string;
  shelterStandardisedRate: number;
  shelterTarget: number;
  villageCoverageRate: number;
  villageCoverageTarget: number;
  materialGapLines: number;
  placesWithNorms: number;
  placesMeetingNorms: number;
  materialsMeetingRate: number;
  equipmentGapLines: number;
  shelterGapLines: number;
  purchaseLines: number;
  transferLines: number;
}

export interface GapReport {
  summary: GapSummary;
  streets: { code: string; name: string; materialGaps: number; equipmentGaps: number; shelterGaps: number; villageCoverageRate: number; shelterStandardisedRate: number; materialsMeetingRate: number }[];
  gaps: Gap[];
}

export interface RotationLine {
  locationCode: string;
  location: string;
  streetCode: string | null;
  street: string | null;
  itemCode: string;
  item: string;
  unit: string;
  batchNo: string;
  expiryDate: string;
  daysLeft: number;
  quantity: number;
  status: 'expired' | 'expiring';
  suggestion: string;
  replacement: number;
}

export const gapOperations = {
  'norms.list': op(z.object({ locationCode: code.optional(), streetCode: code.optional(), itemCode: code.optional() }).default({}), result<NormView[]>()),
  'norms.set': op(normSetInput, result<NormView>()),
  'norms.remove': op(z.object({ id: z.number().int().positive() }), result<{ removed: number }>()),
  'norms.applyDefaults': op(z.object({}).default({}), result<{ created: number; updated: number; missingItems: string[] }>()),
  'gaps.get': op(z.object({ streetCode: code.optional(), kind: z.enum(gapKinds).optional() }).default({}), result<GapReport>()),
  /** 采购需求表 / 调拨建议表: the gap list as the workbook the bureau sends on. */
  'gaps.requestWorkbook': op(z.object({ streetCode: code.optional() }).default({}), result<{ fileName: string; data: string }>()),
  'gaps.rotation': op(z.object({ streetCode: code.optional(), locationCode: code.optional() }).default({}), result<RotationLine[]>()),
} as const;
