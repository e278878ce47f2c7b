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
  /**
   * Create the streets, villages, locations and items the rows name but the ledger lacks (the user confirmed it:
   * `--create-missing`, the wizard's confirmation); each is listed in the report's `createdMaster`.
   */
  createMissing: z.boolean().default(false),
  /** The district's name, for a ledger that has none yet (an empty one). */
  district: z.string().trim().min(1).max(100).optional(),
  /** Reports progress under this id while it runs (`jobs.progress`). */
  jobId: jobIdSchema.optional(),
});

/** One file of an onboarding, with the user's corrections when the recognition or the mapping needs them. */
export const onboardFileInput = z.object({
  fileName,
  data: base64,
  /** The file's kind when the recognition got it wrong (or could not tell). */
  kind: kind.optional(),
  sheet: z.string().trim().min(1).optional(),
  mapping: mapping.optional(),
  locationCode: code.optional(),
});

export const ledgerOnboardInput = z.object({
  /** A bureau's files, in any order: each one's kind is recognised from its headers, then they go in kind by kind. */
  files: z.array(onboardFileInput).min(1, '至少一个文件 (at least one file)').max(100),
  /** Write everything (one transaction); without it the plan is worked out and nothing is written. */
  commit: z.boolean().default(false),
  district: z.string().trim().min(1).max(100).optional(),
  /** Import files whose very content was imported before. */
  force: z.boolean().default(false),
  /** Per file, the user's workbook with the bad cells marked, when it has errors. */
  errorWorkbook: z.boolean().default(false),
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

/** Two or more columns that read as one field: the sheet is refused until a mapping picks one. */
export interface LedgerConflict {
  field: string;
  /** The field as the bureau's header names it. */
  header: string;
  columns: { column: string; header: string }[];
}

export interface LedgerSheetInspection {
  name: string;
  /** The header row (the lower one of a two-level header); null when none was found. */
  headerRow: number | null;
  headerRows: number;
  dataRows: number;
  columns: LedgerColumn[];
  /** Required fields no column was mapped to (or a group of which one is needed: "村(社区) 或 街道(镇)"). */
  missing: string[];
  conflicts: LedgerConflict[];
  /** The title row above the header. */
  title: string | null;
  /** The location this sheet is named after (or its title names), if any. */
  location: { code: string; name: string } | null;
  /** Else the place its name or title names, which createMissing would create as a location. */
  place: { name: string; from: 'sheet' | 'title' } | null;
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
  /** Besides the required fields, a sheet needs all fields of one of these groups (field keys). */
  needs: string[][];
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
  /**
   * Master data created for the file, one by one: what its rows only named (with createMissing), and its own rows
   * whose code was generated. With `ok` false nothing was written: the list is what the rows so far would create.
   */
  createdMaster: LedgerCreated[];
  errors: LedgerRowError[];
  alreadyImported: { fileName: string; importedAt: string } | null;
  /** base64 of the user's workbook with the bad cells marked, when there are errors. */
  errorWorkbook?: string;
}

export interface LedgerCreated {
  kind: 'district' | 'street' | 'village' | 'location' | 'item' | 'shelter';
  code: string;
  name: string;
  /** The area it belongs to (code): a street's district, a village's street, a location's area. */
  parent: string | null;
  /** True when the file only named it (created because createMissing allowed it); false for a row of its own list. */
  implied: boolean;
  /** Where the file first names it. */
  sheet: string;
  row: number;
  /** The file, in an onboarding's list of everything created. */
  file?: string;
}

/** How well a file's headers fit one kind. */
export interface LedgerKindScore {
  kind: LedgerKind;
  /** Fields recognised over its sheets, weighted by confidence. */
  score: number;
  /** Every required column is there (in the best sheet). */
  fits: boolean;
}

export interface LedgerOnboardFile {
  fileName: string;
  /** The kind it is imported as (recognised or chosen); null when it could not be told. */
  kind: LedgerKind | null;
  /** Chosen by the user rather than recognised. */
  chosen: boolean;
  /** The kinds that fit best, best first: what the wizard offers when the recognition is doubtful. */
  candidates: LedgerKindScore[];
  /** Each sheet's header and column mapping, for correcting it. */
  sheets: { name: string; headerRow: number | null; columns: LedgerColumn[]; conflicts: LedgerConflict[]; missing: string[] }[];
  /** The import's report; null when the file could not be read or placed. */
  report: LedgerImportReport | null;
  /** Why the file cannot go in as it is (unreadable, kind not recognised, imported before). */
  refusal: { code: string; message: string } | null;
}

export interface LedgerOnboardReport {
  /** True when every file went in (or would) without an error. */
  ok: boolean;
  committed: boolean;
  /** The files in the order they are imported: areas → locations → items → stock → movements → equipment → shelters → norms → tests. */
  files: LedgerOnboardFile[];
  /** Everything created, over all files, in order. */
  createdMaster: LedgerCreated[];
  /** Rows refused over all files. */
  errors: number;
  /** A file that cannot be read at all (the CLI exits 2). */
  unreadable: boolean;
}

export interface LedgerFile {
  fileName: string;
  /** base64 */
  data: string;
}

export const ledgerOperations = {
  'ledgers.inspect': op(ledgerInspectInput, result<LedgerInspection>()),
  'ledgers.import': op(ledgerImportInput, result<LedgerImportReport>()),
  'ledgers.onboard': op(ledgerOnboardInput, result<LedgerOnboardReport>()),
  'ledgers.export': op(ledgerExportInput, result<LedgerFile>()),
  'ledgers.template': op(ledgerTemplateInput, result<LedgerFile>()),
} as const;
