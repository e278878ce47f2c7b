// The contract's operations for Excel ledgers (import, export, templates). Files cross the contract as base64
// strings: the core reads and writes bytes, paths and dialogs belong to the doors. Only zod and pure helpers here,
// so the renderer may import it.
import { z } from 'zod';
import { jobIdSchema } from './contract.jobs.js';
import { op, result } from './op.js';

/** What can be imported and exported; equipment and shelters join this list when their issue lands. */
export const ledgerKinds = ['areas', 'locations', 'items', 'stock', 'movements', 'equipment', 'shelters', 'norms', 'tests'] as const;
export type LedgerKind = (typeof ledgerKinds)[number];

const kind = z.enum(ledgerKinds);
const code = z
  .string()
  .trim()
  .min(1, '必填 (required)')
  .max(40, '最多 40 个字符 (at most 40 characters)')
  .regex(/^[^\s]+$/, '编码不能含空格 (no spaces in a code)');
const base64 = z.string().min(1, '文件为空 (the file is empty)');
const fileName = z.string().trim().min(1, '必填 (required)').max(255);
/** The user's correction of the detected mapping: column letter → field key, or null to ignore the column. */
const mapping = z.record(z.string().regex(/^[A-Z]{1,3}$/, '列号应为字母，如 A、B、AA (a column letter such as A, B, AA)'), z.string().nullable());

export const ledgerInspectInput = z.object({
  kind,
  fileName,
  data: base64,
  sheet: z.string().trim().min(1).optional(),
  mapping: mapping.optional(),
  /** Reports progress under this id while it runs (`jobs.progress`). */
  jobId: jobIdSchema.optional(),
});

export const ledgerImportInput = z.object({
  kind,
  fileName,
  data: base64,
  /** Check everything, post nothing: the report says what would be imported. */
  dryRun: z.boolean().default(false),
  sheet: z.string().trim().min(1).optional(),
  /** The location for rows that name none (after the row's own column, before a sheet named after a location). */
  locationCode: code.optional(),
  mapping: mapping.optional(),
  /** Import a file whose very content was imported before. */
  force: z.boolean().default(false),
  /** Return the user's file with the bad cells marked, when there are errors. */
  errorWorkbook: z.boolean().default(true),
  /** Reports progress under this id while it runs (`jobs.progress`). */
  jobId: jobIdSchema.optional(),
});

export const ledgerExportInput = z.object({ kind, locationCode: code.optional(), jobId: jobIdSchema.optional() });
export const ledgerTemplateInput = z.object({ kind });

/** One problem, where the user sees it: the sheet, the row number Excel shows, the column letter and its header. */
export interface LedgerRowError {
  sheet: string;
  /** Excel's row number; 0 when the problem concerns the sheet as a whole (e.g. a missing column). */
  row: number;
  column: string;
  header: string;
  value: string;
  /** Chinese, with the English gloss in parentheses. */
  message: string;
}

export interface LedgerColumn {
  column: string;
  header: string;
  field: string | null;
  /** 1 for the bureau's own header, less for a synonym or a partial match, 0 when the user chose it or none. */
  confidence: number;
}

export interface LedgerField {
  key: string;
  header: string;
  required: boolean;
}

export interface LedgerSheetInspection {
  name: string;
  /** The header row (the lower one of a two-level header); null when none was found. */
  headerRow: number | null;
  headerRows: number;
  dataRows: number;
  columns: LedgerColumn[];
  /** Required fields no column was mapped to. */
  missing: string[];
  /** The location this sheet is named after, if any. */
  location: { code: string; name: string } | null;
  preview: { row: number; cells: Record<string, string> }[];
}

/** What a file was read as: Excel's zip (.xlsx/.xlsm) or binary (.xlsb), legacy .xls, WPS .et, OpenDocument .ods, a
 * web page or Excel 2003 XML saved as ".xls", or CSV text. */
export type LedgerFileFormat = 'xlsx' | 'xlsb' | 'xls' | 'et' | 'ods' | 'html' | 'xml' | 'csv';

export interface LedgerInspection {
  kind: LedgerKind;
  fileName: string;
  format: LedgerFileFormat;
  encoding: string | null;
  fields: LedgerField[];
  sheets: LedgerSheetInspection[];
  alreadyImported: { fileName: string; importedAt: string } | null;
}

export interface LedgerRowCounts {
  read: number;
  imported: number;
  skipped: number;
}

export interface LedgerImportReport {
  kind: LedgerKind;
  fileName: string;
  format: LedgerFileFormat;
  dryRun: boolean;
  /** True when there is no error; with dryRun false it also means everything was written. */
  ok: boolean;
  committed: boolean;
  rows: LedgerRowCounts;
  sheets: { name: string; headerRow: number | null; rows: LedgerRowCounts }[];
  /** What was (or would be) created, e.g. { items: 3, documents: 12, movements: 40 }. */
  created: Record<string, number>;
  errors: LedgerRowError[];
  alreadyImported: { fileName: string; importedAt: string } | null;
  /** base64 of the user's workbook with the bad cells marked, when there are errors. */
  errorWorkbook?: string;
}

export interface LedgerFile {
  fileName: string;
  /** base64 */
  data: string;
}

export const ledgerOperations = {
  'ledgers.inspect': op(ledgerInspectInput, result<LedgerInspection>()),
  'ledgers.import': op(ledgerImportInput, result<LedgerImportReport>()),
  'ledgers.export': op(ledgerExportInput, result<LedgerFile>()),
  'ledgers.template': op(ledgerTemplateInput, result<LedgerFile>()),
} as const;
