// The one reading interface, whatever the format: the importer pulls events (a sheet, its rows, the end) one at a
// time, synchronously, because it posts them inside a synchronous transaction. Behind it, each format's reader
// hands its rows to a RowSink, which batches them into messages — kept in memory for a small file read on this
// thread, or posted by a worker thread for a big one.
import { LedgerError } from '../../common/errors.js';
import type { MessageKey, MessageParams } from '../../i18n/messages.js';
import type { Cell, SheetRow } from '../cells.js';
import type { Guard } from './limits.js';
import { type MergeRange, VerticalFill } from './merges.js';

export type SourceEvent = { t: 'sheet'; name: string; hidden: boolean } | { t: 'row'; row: SheetRow } | { t: 'end' };

/** Rows pulled one at a time, synchronously. */
export interface RowSource {
  /** The workbook counts its serials from 1904-01-01 (old Mac Excel): for numbers read as dates. */
  readonly date1904: boolean;
  /** Share of the file read so far, 0–1, when it can be known: for a progress bar. */
  readonly fraction: number | null;
  next(): SourceEvent;
  close(): void;
}

/** What a reader sends: rows travel as `[row number, cell A, cell B, …]`. */
export type ReadMessage =
  | { t: 'book'; date1904: boolean; encoding: string | null }
  | { t: 'sheet'; name: string; hidden: boolean }
  | { t: 'rows'; rows: unknown[][]; share: number | null }
  | { t: 'end' }
  | { t: 'error'; code: string; params: MessageParams };

/** Past this column a cell is not part of a ledger (and a runaway sheet stays small). */
export const MAX_COLUMNS = 1000;
const BATCH_ROWS = 1000;

/** Collects a reader's rows into messages: batches, the vertical merges filled in, rows counted against the limit. */
export class RowSink {
  private batch: unknown[][] = [];
  private fill: VerticalFill | null = null;
  private sheetName = '';
  private progress: number | null = null;

  constructor(
    private readonly emit: (m: ReadMessage) => void,
    readonly guard: Guard,
  ) {}

  book(date1904: boolean, encoding: string | null = null): void {
    this.emit({ t: 'book', date1904, encoding });
  }

  sheet(name: string, hidden: boolean, merges: MergeRange[] = []): void {
    this.flush();
    this.sheetName = name;
    this.fill = merges.length ? new VerticalFill(merges) : null;
    this.emit({ t: 'sheet', name, hidden });
  }

  /** A row with at least one value of its own. */
  row(r: unknown[]): void {
    this.guard.row(this.sheetName, r[0] as number);
    if (r.length > MAX_COLUMNS + 1) r.length = MAX_COLUMNS + 1;
    if (this.fill) this.fill.apply(r);
    this.batch.push(r);
    if (this.batch.length >= BATCH_ROWS) this.flush();
  }

  share(fraction: number | null): void {
    this.progress = fraction;
  }

  end(): void {
    this.flush();
    this.emit({ t: 'end' });
  }

  private flush(): void {
    if (!this.batch.length) return;
    this.emit({ t: 'rows', rows: this.batch, share: this.progress });
    this.batch = [];
  }
}

function rowCells(r: unknown[]): Cell[] {
  const cells = new Array<Cell>(Math.max(0, r.length - 1));
  for (let i = 1; i < r.length; i++) cells[i - 1] = (r[i] ?? null) as Cell;
  return cells;
}

/** Turns a reader's messages into events, one row at a time. */
export abstract class MessageSource implements RowSource {
  date1904 = false;
  encoding: string | null = null;
  private share: number | null = null;
  private rows: unknown[][] = [];
  private at = 0;
  private done = false;

  constructor(protected readonly file: string) {}

  protected abstract take(): ReadMessage;
  abstract close(): void;

  /** The share of the whole work, from the share of the file read. */
  protected scale(share: number): number {
    return share;
  }

  get fraction(): number | null {
    return this.share === null ? null : this.scale(this.share);
  }

  /** Handles a message that is not rows; true when it is an event to return. */
  protected apply(m: ReadMessage): SourceEvent | null {
    switch (m.t) {
      case 'book':
        this.date1904 = m.date1904;
        this.encoding = m.encoding;
        return null;
      case 'sheet':
        return { t: 'sheet', name: m.name, hidden: m.hidden };
      case 'rows':
        this.rows = m.rows;
        this.at = 0;
        this.share = m.share;
        return null;
      case 'end':
        this.done = true;
        this.share = 1;
        this.close();
        return { t: 'end' };
      case 'error':
        this.close();
        throw new LedgerError(m.code as MessageKey, m.params);
    }
  }

  next(): SourceEvent {
    for (;;) {
      if (this.at < this.rows.length) {
        const r = this.rows[this.at++]!;
        return { t: 'row', row: { row: r[0] as number, cells: rowCells(r) } };
      }
      if (this.done) return { t: 'end' };
      const ev = this.apply(this.take());
      if (ev) return ev;
    }
  }
}

/** A file read whole on this thread before the first row is handed over (the first half of the work). */
export class MemorySource extends MessageSource {
  private taken = 0;

  constructor(
    private readonly messages: ReadMessage[],
    file: string,
  ) {
    super(file);
    // The workbook's own facts are known at once, as from a worker's first message.
    const first = messages[0];
    if (first?.t === 'book') {
      this.apply(first);
      this.taken = 1;
    }
  }

  protected override scale(share: number): number {
    return 0.5 + share / 2;
  }

  protected override take(): ReadMessage {
    return this.messages[this.taken++] ?? { t: 'end' };
  }

  override close(): void {
    this.messages.length = 0;
  }
}

export interface ReadSheet {
  name: string;
  hidden: boolean;
  rows: SheetRow[];
}

/** Every sheet and row of a source, in memory: for the error workbook and for tests, never for an import. */
export function collectSheets(source: RowSource): ReadSheet[] {
  const sheets: ReadSheet[] = [];
  try {
    for (let ev = source.next(); ev.t !== 'end'; ev = source.next()) {
      if (ev.t === 'sheet') sheets.push({ name: ev.name, hidden: ev.hidden, rows: [] });
      else sheets.at(-1)?.rows.push(ev.row);
    }
  } finally {
    source.close();
  }
  return sheets;
}
