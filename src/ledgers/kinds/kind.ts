// What every importable and exportable kind declares: its fields (headers, synonyms, how a cell is read), how a
// checked row is committed inside the import's one transaction, and what its export contains. A new kind
// (equipment, shelters) is one more file like these, plus its name in `ledgerKinds`.
import type { LedgerKind } from '../../api/contract.ledgers.js';
import type { Db } from '../../db/executor.js';
import type { MessageKey, MessageParams } from '../../i18n/messages.js';
import type { Cell } from '../cells.js';
import type { ExportSheet } from '../export/sheet.js';
import type { Problem } from '../normalise.js';
import type { MasterData } from './implied.js';

export type FieldType =
  /** Free text: names, notes. */
  | 'text'
  /** Exact text without spaces: codes, batch numbers; a mangled number is refused. */
  | 'code'
  /** Exact text that may hold spaces: document numbers, phone and serial numbers. */
  | 'exact'
  | 'quantity'
  | 'money'
  | 'date'
  | 'integer'
  /** One of `choices`, by its Chinese label, a synonym or its key. */
  | 'choice'
  /** Kept as the cell was, for the kind to read (e.g. 保质期: a date or a duration). */
  | 'raw';

export interface FieldSpec {
  key: string;
  /** The bureau's header: what exports and templates write. */
  header: string;
  /** Other headers seen in real workbooks. */
  synonyms?: readonly string[];
  type: FieldType;
  /** Maximum length of text. */
  max?: number;
  /** For 'choice': accepted spelling → value. */
  choices?: Readonly<Record<string, string>>;
  /** For 'integer': unit words allowed after the number (天). */
  units?: readonly string[];
  /** The column must be there (not every cell filled: that is the kind's rule). */
  required?: boolean;
  /** Read but never stored (序号, 金额 checked against 单价×数量 …). */
  informational?: boolean;
}

/** A data row after its cells were read: values by field key (absent when blank). */
export interface ParsedRow {
  sheet: string;
  row: number;
  /** The row's cells as read (index 0 is column A), for showing a bad value. */
  cells: readonly Cell[];
  values: Record<string, unknown>;
  /** The location the sheet is named after (or its title row names), when it is one. */
  sheetLocation: string | null;
  /** The place the sheet's name or title row names when no location has that name: for creating it. */
  sheetPlace: SheetPlace | null;
  /** The sheet's title row above its header ("椒江区救灾物资库存台账"), if any. */
  title: string | null;
  /** Set once any problem was reported for the row: it is checked further, never posted. */
  failed: boolean;
  /** Fields whose cell could not be read (already reported): not to be reported again as missing. */
  bad: string[] | null;
}

/** A location named by a sheet's name or by its title row ("一号仓库物资台账" → 一号仓库). */
export interface SheetPlace {
  name: string;
  from: 'sheet' | 'title';
  /** The title's row, when it came from the title. */
  row: number;
}

export interface ImportOptions {
  fileName: string;
  /** The location for rows that name none. */
  locationCode?: string;
  dryRun: boolean;
  /** Places and items the rows name: found by code or name, created only when the user allowed it. */
  master: MasterData;
}

/** Where a kind reports a problem: the row, and the field whose column is to be marked (null for the row). */
export interface ErrorSink {
  fail(row: ParsedRow, field: string | null, key: MessageKey, params?: MessageParams): void;
  /** A message already translated (a LedgerError from the core). */
  failText(row: ParsedRow, field: string | null, zh: string, en: string): void;
  /** The row is already in the ledger exactly as written (or holds nothing): skipped, not an error. */
  unchanged(row: ParsedRow): void;
  /** A problem of a sheet rather than of one cell (row 0 for the sheet as a whole). */
  sheet(sheet: string, row: number, key: MessageKey, params?: MessageParams): void;
  readonly count: number;
}

export interface Committer {
  /** Called for every data row, in file order, inside the transaction. */
  add(row: ParsedRow): void;
  /** After the last row, still inside the transaction: returns what was created. */
  finish(): Record<string, number>;
}

export interface ExportOptions {
  locationCode?: string;
}

export interface KindSpec {
  kind: LedgerKind;
  fields: readonly FieldSpec[];
  /**
   * Besides the required fields, a sheet must have every field of at least one of these groups (e.g. areas: a
   * 村(社区) column, or a 街道(镇) column, or 区域名称): codes are optional where a name identifies the thing.
   */
  needs?: readonly (readonly string[])[];
  /** Whether a sheet named after a location gives its rows that location. */
  sheetIsLocation: boolean;
  /** Export title after the district name, e.g. 救灾物资库存台账. */
  title: string;
  /** One example row for the template, by field key. */
  example: Readonly<Record<string, string | number>>;
  begin(db: Db, errors: ErrorSink, options: ImportOptions): Committer;
  // Each kind's rows have their own type; the writer only passes them back to the kind's own columns.
  exportSheet(db: Db, options: ExportOptions): ExportSheet<any>;
}

export type CellReader = (c: Cell) => unknown;
export type { Problem };
