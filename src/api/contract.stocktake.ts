// The contract's operations for the annual stocktake (年度盘点).
import { z } from 'zod';
import { isIsoDate } from '../common/dates.js';
import { op, result } from './op.js';

const code = z.string().trim().min(1, '必填 (required)').max(40);
const date = z.string().trim().refine(isIsoDate, '日期格式应为 YYYY-MM-DD (date must be YYYY-MM-DD)');
const person = z.string().trim().min(1, '必填 (required)').max(30);
const id = z.number().int().positive();
const base64 = z.string().max(90_000_000);

export const stocktakeStatuses = ['draft', 'counting', 'review', 'posted', 'void'] as const;
export type StocktakeStatus = (typeof stocktakeStatuses)[number];

export const stocktakeStartInput = z
  .object({
    locationCodes: z.array(code).default([]),
    streetCode: code.optional(),
    blind: z.boolean().default(false),
    date,
    note: z.string().trim().max(200).optional(),
  })
  .refine((v) => v.locationCodes.length > 0 || v.streetCode, { path: ['locationCodes'], message: '请选择盘点地点或街道 (choose locations or a street)' });

export const countInput = z.object({
  id,
  countedBy: person,
  date,
  counts: z.array(z.object({ lineId: id, counted: z.number().nonnegative('实盘数不能为负 (a count cannot be negative)'), reason: z.string().trim().max(200).optional() })).min(1),
});
export const addLineInput = z.object({
  id,
  locationCode: code,
  itemCode: code,
  batchNo: z.string().trim().max(60).default(''),
  productionDate: date.optional(),
  expiryDate: date.optional(),
  counted: z.number().positive('实盘数须大于 0 (count must be above 0)'),
  countedBy: person,
  date,
  reason: z.string().trim().max(200).optional(),
});
export const postInput = z
  .object({ id, counter: person, supervisor: person, date })
  .refine((v) => v.counter !== v.supervisor, { path: ['supervisor'], message: '盘点人与监盘人不能是同一人 (counter and supervisor must be different people)' });

export interface StocktakeLine {
  lineId: number;
  locationCode: string;
  locationName: string;
  itemCode: string;
  itemName: string;
  spec: string | null;
  unit: string;
  batchNo: string;
  expiryDate: string | null;
  /** Null while a blind count keeps the book from the counters (src/stocktake/blind.ts), as are the figures below. */
  frozen: number | null;
  /** The book at the moment of the count: frozen figure plus movements since the start, up to the count. */
  book: number | null;
  counted: number | null;
  difference: number | null;
  unitPrice: number | null;
  value: number | null;
  reason: string | null;
  unexpected: boolean;
  countedBy: string | null;
  countedOn: string | null;
}
export interface StocktakeUnit {
  unitId: number;
  kind: string;
  kindName: string;
  serialNo: string;
  expectedAt: string | null;
  seen: boolean | null;
  unexpected: boolean;
  note: string | null;
}
export interface StocktakeHeader {
  id: number;
  no: string;
  status: StocktakeStatus;
  blind: boolean;
  date: string;
  note: string | null;
  locations: { code: string; name: string }[];
  counter: string | null;
  supervisor: string | null;
  postedOn: string | null;
  voidReason: string | null;
  lines: number;
  counted: number;
  /** Null while a blind count keeps the book from the counters. */
  differences: number | null;
}
/**
 * A blind count keeps the book from the counters until every line has its count: meanwhile the operations answer
 * no book figure, difference or value, and refuse the report (src/stocktake/blind.ts).
 */
export function bookWithheld(h: Pick<StocktakeHeader, 'blind' | 'status' | 'lines' | 'counted'>): boolean {
  return h.blind && h.status === 'counting' && h.counted < h.lines;
}

export interface StocktakeView extends StocktakeHeader {
  items: StocktakeLine[];
  units: StocktakeUnit[];
}
export interface StocktakeReview {
  header: StocktakeHeader;
  variances: StocktakeLine[];
  uncounted: StocktakeLine[];
  missingReasons: number;
  units: { seen: number; notSeen: number; unchecked: number; unexpected: number };
  totals: { gainValue: number; lossValue: number };
}
export interface ImportCountsResult {
  counted: number;
  errors: { sheet: string; row: number; column: string; header: string; value: string; message: string }[];
}

export const stocktakeOperations = {
  'stocktake.list': op(z.object({}).default({}), result<StocktakeHeader[]>()),
  'stocktake.start': op(stocktakeStartInput, result<StocktakeView>()),
  'stocktake.get': op(z.object({ id }), result<StocktakeView>()),
  'stocktake.count': op(countInput, result<StocktakeView>()),
  'stocktake.addLine': op(addLineInput, result<StocktakeView>()),
  'stocktake.zeroUncounted': op(z.object({ id, countedBy: person, date, reason: z.string().trim().min(1, '请说明原因 (give a reason)').max(200) }), result<StocktakeView>()),
  'stocktake.setReason': op(z.object({ id, lineId: id, reason: z.string().trim().max(200) }), result<StocktakeView>()),
  'stocktake.audit': op(z.object({ id, kind: code, serialNo: z.string().trim().min(1).max(60), seen: z.boolean(), note: z.string().trim().max(200).optional() }), result<StocktakeView>()),
  'stocktake.review': op(z.object({ id }), result<StocktakeReview>()),
  'stocktake.submit': op(z.object({ id }), result<StocktakeView>()),
  'stocktake.reopen': op(z.object({ id }), result<StocktakeView>()),
  'stocktake.post': op(postInput, result<StocktakeView>()),
  'stocktake.void': op(z.object({ id, reason: z.string().trim().min(1, '请说明原因 (give a reason)').max(200) }), result<StocktakeView>()),
  'stocktake.sheet': op(z.object({ id }), result<{ fileName: string; data: string }>()),
  'stocktake.importCounts': op(z.object({ id, fileName: z.string().max(260), data: base64, countedBy: person, date }), result<ImportCountsResult>()),
  'stocktake.report': op(z.object({ id }), result<{ fileName: string; data: string }>()),
} as const;
