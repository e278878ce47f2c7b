// THE contract: every operation the UI, the CLI, Electron's IPC and the web host can call, by name, with the zod
// schema of its input and the type of its result. This file depends on zod and pure helpers only, so the renderer
// may import it to validate its forms with the very same rules.
import { z } from 'zod';
import { isIsoDate } from '../common/dates.js';
import { backupOperations } from './contract.backups.js';
import type { UnitQuantity } from '../common/units.js';
export type { UnitQuantity } from '../common/units.js';
import { draftOperations } from './contract.drafts.js';
import { equipmentOperations } from './contract.equipment.js';
import { gapOperations } from './contract.gaps.js';
import { jobOperations } from './contract.jobs.js';
import { stocktakeOperations } from './contract.stocktake.js';
import { ledgerOperations } from './contract.ledgers.js';

// ---------- building blocks ----------

const text = (max = 200) => z.string().trim().max(max);
const optionalText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : undefined))
    .optional();
/** On an update, a text sent empty clears the field (null); a text left out keeps what is there. */
const clearableText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v === undefined ? undefined : v || null))
    .optional();
export const codeSchema = z
  .string()
  .trim()
  .min(1, '必填 (required)')
  .max(40, '最多 40 个字符 (at most 40 characters)')
  .regex(/^[^\s]+$/, '编码不能含空格 (no spaces in a code)');
export const isoDateSchema = z.string().trim().refine(isIsoDate, '日期格式应为 YYYY-MM-DD (date must be YYYY-MM-DD)');
const requiredName = text(100).min(1, '必填 (required)');
const quantitySchema = z
  .number({ error: '请输入数量 (enter a quantity)' })
  .finite()
  .positive('数量必须大于 0 (quantity must be above 0)');
const moneySchema = z.number().finite().nonnegative('不能为负 (must not be negative)');

export const areaLevels = ['district', 'street', 'village'] as const;
export const locationKinds = ['warehouse', 'street_store', 'shelter_store'] as const;
export const reserveModes = ['held', 'agreement', 'capacity'] as const;
export const itemCategories = ['food', 'water', 'medicine', 'textile', 'shelter', 'lighting', 'rescue', 'flood', 'other'] as const;
export const receiptTypes = ['purchase', 'donation', 'allocation_in', 'return_in', 'stocktake_gain'] as const;
export const issueTypes = ['issue', 'loss', 'scrap', 'stocktake_loss'] as const;
export const movementTypes = [...receiptTypes, 'transfer_in', ...issueTypes, 'transfer_out', 'reversal'] as const;
export const shelterLevels = ['district', 'street', 'village'] as const;
export const equipmentKinds = ['satellite_phone', 'assault_boat', 'rubber_boat', 'pump', 'generator'] as const;

export type AreaLevel = (typeof areaLevels)[number];
export type LocationKind = (typeof locationKinds)[number];
export type ReserveMode = (typeof reserveModes)[number];
export type ItemCategory = (typeof itemCategories)[number];
export type ShelterLevel = (typeof shelterLevels)[number];
export type ReceiptType = (typeof receiptTypes)[number];
export type IssueType = (typeof issueTypes)[number];
export type MovementType = (typeof movementTypes)[number];
export type ExpiryStatus = 'expired' | 'expiring' | 'ok' | 'none';

export const gbCodeSchema = z
  .string()
  .trim()
  .regex(/^[1-3]([0-9]{2}){3}$/, 'GB/T 38565 编码为 7 位：类别 1-3 + 三级各两位 (7 digits: class 1–3, then 3 × 2 digits)');

// ---------- inputs ----------
const adminCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{12}$/, '行政区划代码为 12 位数字 (admin code: 12 digits)');
export const areaCreateInput = z.object({
  code: codeSchema,
  name: requiredName,
  level: z.enum(areaLevels),
  parentCode: codeSchema.optional(),
  adminCode: adminCodeSchema.optional().or(z.literal('').transform(() => undefined)),
  /** A street's evacuation population (转移安置人数), for per-person norms of its store. */
  evacuationPopulation: z.number().int().nonnegative().nullish(),
});
export const areaUpdateInput = areaCreateInput.partial().extend({
  code: codeSchema,
  adminCode: adminCodeSchema.or(z.literal('').transform(() => null)).nullish(),
});

export const locationCreateInput = z.object({
  code: codeSchema,
  name: requiredName,
  kind: z.enum(locationKinds),
  areaCode: codeSchema,
  address: optionalText(),
  note: optionalText(),
});
export const locationUpdateInput = locationCreateInput.partial().extend({ code: codeSchema, address: clearableText(), note: clearableText() });

const itemFields = {
  code: codeSchema,
  name: requiredName,
  spec: optionalText(100),
  unit: text(10).min(1, '必填 (required)'),
  decimals: z.number().int().min(0).max(3).optional(),
  category: z.enum(itemCategories),
  gbCode: gbCodeSchema.optional().or(z.literal('').transform(() => undefined)),
  shelfLifeDays: z.number().int().positive('保质期须大于 0 天 (shelf life must be above 0 days)').optional().nullable(),
  rotationLeadDays: z.number().int().nonnegative().optional().nullable(),
  unitPrice: moneySchema.optional().nullable(),
  note: optionalText(),
};
export const itemCreateInput = z.object({ ...itemFields, reserveMode: z.enum(reserveModes).default('held') });
export const itemUpdateInput = z
  .object({ ...itemFields, reserveMode: z.enum(reserveModes) })
  .partial()
  .extend({ code: codeSchema, spec: clearableText(100), note: clearableText(), gbCode: gbCodeSchema.or(z.literal('').transform(() => null)).nullish() });

const lineInput = z.object({
  itemCode: codeSchema,
  batchNo: text(60).optional().default(''),
  quantity: quantitySchema,
  productionDate: isoDateSchema.optional().or(z.literal('').transform(() => undefined)),
  expiryDate: isoDateSchema.optional().or(z.literal('').transform(() => undefined)),
  unitPrice: moneySchema.optional().nullable(),
  note: optionalText(),
});
export type LineInput = z.input<typeof lineInput>;

const documentHeader = {
  /** The draft this document was entered in: deleted in the posting's transaction. */
  draftId: z.number().int().positive().optional(),
  docNo: optionalText(40),
  date: isoDateSchema,
  basisDoc: optionalText(100),
  handler: requiredName,
  approver: optionalText(50),
  note: optionalText(),
};

/** A receipt or an issue document (入库单 / 出库单): one header, one or more lines. */
export const movementPostInput = z
  .object({
    ...documentHeader,
    type: z.enum([...receiptTypes, ...issueTypes]),
    locationCode: codeSchema,
    counterpart: optionalText(100),
    donor: optionalText(100),
    donorCertNo: optionalText(60),
    recipient: optionalText(50),
    reason: optionalText(),
    lines: z.array(lineInput).min(1, '至少一行物资 (at least one line)'),
  })
  .superRefine((v, ctx) => {
    const need = (ok: unknown, path: string, zh: string, en: string) => {
      if (!ok) ctx.addIssue({ code: 'custom', path: [path], message: `${zh}必须填写 (${en} is required)` });
    };
    if (v.type === 'donation') need(v.donor, 'donor', '捐赠入库的捐赠方', 'the donor of a donation');
    if (v.type === 'issue') need(v.basisDoc, 'basisDoc', '发放的动用指令文号', 'the order number of an issue');
    if (v.type === 'loss' || v.type === 'scrap' || v.type === 'stocktake_gain' || v.type === 'stocktake_loss')
      need(v.reason, 'reason', '原因', 'a reason');
  }, whenObject);
export type MovementPostInput = z.input<typeof movementPostInput>;

export const movementPostManyInput = z.object({ documents: z.array(movementPostInput).min(1) });

export const transferInput = z
  .object({
    ...documentHeader,
    fromCode: codeSchema,
    toCode: codeSchema,
    lines: z.array(lineInput.pick({ itemCode: true, batchNo: true, quantity: true, note: true })).min(1),
  })
  .refine((v) => v.fromCode !== v.toCode, { path: ['toCode'], message: '调出与调入地点不能相同 (source and destination must differ)', ...whenObject });
export type TransferInput = z.input<typeof transferInput>;

const reversalFields = {
  date: isoDateSchema,
  handler: requiredName,
  approver: optionalText(50),
  reason: text(200).min(1, '冲销必须说明原因 (a reversal needs a reason)'),
};
export const reverseInput = z.object({ id: z.number().int().positive(), ...reversalFields });

/** 冲销整单: every line of a document in one reversal document; the date defaults to today. */
export const reverseDocumentInput = z.object({
  docNo: z.string().trim().min(1, '必填 (required)').max(40),
  ...reversalFields,
  date: isoDateSchema.optional(),
});

export const journalQueryInput = z.object({
  locationCode: codeSchema.optional(),
  itemCode: codeSchema.optional(),
  batchNo: z.string().optional(),
  types: z.array(z.enum(movementTypes)).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  docNo: z.string().trim().optional(),
  search: z.string().trim().optional(),
  limit: z.number().int().min(1).max(10_000).default(200),
  offset: z.number().int().min(0).default(0),
});

export const stockQueryInput = z.object({
  locationCode: codeSchema.optional(),
  itemCode: codeSchema.optional(),
  streetCode: codeSchema.optional(),
  byBatch: z.boolean().default(false),
  search: z.string().trim().optional(),
  expiry: z.enum(['expired', 'expiring', 'attention']).optional(),
  includeZero: z.boolean().default(false),
});

export const empty = z.object({}).default({});

// ---------- results ----------
export interface Area {
  code: string;
  name: string;
  level: AreaLevel;
  parentCode: string | null;
  adminCode: string | null;
  evacuationPopulation: number | null;
  isDemo: boolean;
}
export interface Location {
  code: string;
  name: string;
  kind: LocationKind;
  areaCode: string;
  areaName: string;
  streetCode: string | null;
  streetName: string | null;
  address: string | null;
  note: string | null;
  isDemo: boolean;
}
export interface Item {
  code: string;
  name: string;
  spec: string | null;
  unit: string;
  decimals: number;
  category: ItemCategory;
  gbCode: string | null;
  shelfLifeDays: number | null;
  rotationLeadDays: number | null;
  /** The lead time in force: the item's own, else the default for items with a shelf life. */
  effectiveLeadDays: number;
  reserveMode: ReserveMode;
  unitPrice: number | null;
  note: string | null;
}
export interface MovementRecord {
  id: number;
  docNo: string;
  type: MovementType;
  date: string;
  locationCode: string;
  locationName: string;
  itemCode: string;
  itemName: string;
  spec: string | null;
  unit: string;
  batchNo: string;
  productionDate: string | null;
  expiryDate: string | null;
  quantity: number;
  unitPrice: number | null;
  amount: number | null;
  counterpartCode: string | null;
  counterpartName: string | null;
  pairId: number | null;
  reversesId: number | null;
  reversedById: number | null;
  basisDoc: string | null;
  handler: string;
  approver: string | null;
  donor: string | null;
  donorCertNo: string | null;
  recipient: string | null;
  reason: string | null;
  note: string | null;
  createdAt: string;
}
export interface Journal {
  total: number;
  rows: MovementRecord[];
}
export interface DocumentView {
  docNo: string;
  type: MovementType;
  date: string;
  lines: MovementRecord[];
}
export interface StockRow {
  locationCode: string;
  locationName: string;
  locationKind: LocationKind;
  streetCode: string | null;
  streetName: string | null;
  itemCode: string;
  itemName: string;
  spec: string | null;
  unit: string;
  category: ItemCategory;
  quantity: number;
  /** Of `quantity`, how much is past expiry, and how much is within the rotation lead time. */
  expiredQuantity: number;
  expiringQuantity: number;
  /** Earliest expiry among the batches held. */
  expiryDate: string | null;
  expiryStatus: ExpiryStatus;
  batchNo?: string;
  productionDate?: string | null;
  batches?: number;
}
export interface StreetCount {
  code: string;
  name: string;
  villages: number;
  shelters: number;
  sheltersCapacity: number;
  stores: number;
  /** Pieces over counted items, as for the district (Summary.itemsOnHand). */
  itemsOnHand: number;
  measuredOnHand: UnitQuantity[];
  villagesCovered: number;
  sheltersStandardised: number;
}
export interface Summary {
  today: string;
  streets: number;
  villages: number;
  warehouses: number;
  streetStores: number;
  shelters: number;
  sheltersInUse: number;
  shelterCapacity: number;
  catalogueItems: number;
  /** Pieces held of counted items (顶, 张, 条, 箱 …): a whole number. Measured items are never added in. */
  itemsOnHand: number;
  /** Weighed or measured items (吨, kg, 升, 米 …), one total per unit. */
  measuredOnHand: UnitQuantity[];
  stockValue: number;
  batchesExpired: number;
  batchesExpiring: number;
  itemsOutOfStock: { code: string; name: string; unit: string }[];
  equipment: Record<(typeof equipmentKinds)[number], number>;
  readiness: {
    villageCoverageRate: number;
    villagesUncovered: number;
    testsOverdue: number;
    shelterStandardisedRate: number;
    sheltersStandardised: number;
    shelterTarget: number;
  };
  perStreet: StreetCount[];
}
export interface CheckReport {
  ok: boolean;
  integrity: string[];
  mismatches: { locationCode: string; itemCode: string; batchNo: string; balance: number; journal: number }[];
  movements: number;
  balances: number;
}
export interface SystemInfo {
  file: string;
  version: string;
  migrations: string[];
  today: string;
}

// ---------- the table ----------
import { op, result, whenObject } from './op.js';

const coreOperations = {
  'areas.list': op(z.object({ level: z.enum(areaLevels).optional(), parentCode: codeSchema.optional() }).default({}), result<Area[]>()),
  'areas.create': op(areaCreateInput, result<Area>()),
  'areas.update': op(areaUpdateInput, result<Area>()),
  'locations.list': op(z.object({ kind: z.enum(locationKinds).optional(), streetCode: codeSchema.optional() }).default({}), result<Location[]>()),
  'locations.create': op(locationCreateInput, result<Location>()),
  'locations.update': op(locationUpdateInput, result<Location>()),
  'items.list': op(z.object({ search: z.string().trim().optional() }).default({}), result<Item[]>()),
  'items.create': op(itemCreateInput, result<Item>()),
  'items.update': op(itemUpdateInput, result<Item>()),
  'movements.post': op(movementPostInput, result<DocumentView>()),
  'movements.postMany': op(movementPostManyInput, result<{ documents: number; lines: number; docNos: string[] }>()),
  'movements.transfer': op(transferInput, result<DocumentView>()),
  'movements.reverse': op(reverseInput, result<DocumentView>()),
  'movements.reverseDocument': op(reverseDocumentInput, result<DocumentView>()),
  'movements.list': op(journalQueryInput, result<Journal>()),
  'movements.document': op(z.object({ docNo: z.string().trim().min(1) }), result<DocumentView>()),
  'stock.query': op(stockQueryInput, result<StockRow[]>()),
  'summary.get': op(empty, result<Summary>()),
  'system.check': op(empty, result<CheckReport>()),
  // No operation here takes a filesystem path: those are the doors' own (./door-operations.ts).
  'system.info': op(empty, result<SystemInfo>()),
} as const;

// Each later domain area declares its operations in its own file beside this one; together they are the table.
export const contract = { ...coreOperations, ...jobOperations, ...ledgerOperations, ...equipmentOperations, ...gapOperations, ...stocktakeOperations, ...backupOperations, ...draftOperations } as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type OperationInput<N extends OperationName> = z.input<Contract[N]['input']>;
export type ParsedInput<N extends OperationName> = z.output<Contract[N]['input']>;
export type OperationResult<N extends OperationName> = Contract[N]['output'];
export const operationNames = Object.keys(contract) as OperationName[];

export type Envelope<T> = { ok: true; result: T } | { ok: false; error: import('../common/errors.js').ErrorBody };

/**
 * What every door puts on `window.api` for the renderer: Electron's preload and the web host's bridge script
 * alike. It answers an envelope and never throws for a refused action.
 */
export interface LedgerBridge {
  call(name: OperationName, input: unknown): Promise<Envelope<unknown>>;
  /** 'electron' or 'web': for showing where the app runs, never for choosing behaviour. */
  readonly door: 'electron' | 'web';
  /** Native file dialogs where the door has them (Electron); the renderer falls back to <input type=file> and downloads. */
  readonly files?: {
    open(options: { title?: string; extensions: string[] }): Promise<{ name: string; bytes: Uint8Array } | null>;
    save(options: { title?: string; defaultName: string; bytes: Uint8Array }): Promise<string | null>;
  };
}
