// Queries are built with Kysely (portable SQL) and executed synchronously on better-sqlite3 through a cache of
// prepared statements. Synchronous execution makes one user action one real transaction, with no interleaving,
// and keeps posting close to the raw insert rate. The contract in src/api is async, so a future PostgreSQL
// executor changes this file and the services' call sites, not the doors.
import type Database from 'better-sqlite3';
import { type Compilable, Kysely, SqliteDialect } from 'kysely';
import type { HolderLease } from './holders.js';
import type { Schema } from './schema.js';

/** Why this connection may not write; every write then fails with SQLITE_READONLY, told as this reason. */
export type WriteBlockReason = 'readOnlyFile' | 'readOnlyFolder' | 'damaged' | 'walLost' | 'replaced';
export interface WriteBlock {
  reason: WriteBlockReason;
  /** What the integrity check said (damaged). */
  detail?: string;
}

type Param = string | number | bigint | Buffer | null;

const STATEMENT_CACHE_LIMIT = 400;

export class Db {
  /** The query builder. Build with it; execute through `all`, `get` and `run`. */
  readonly q: Kysely<Schema>;
  private readonly statements = new Map<string, Database.Statement>();
  private txDepth = 0;
  private stampStatement: Database.Statement | undefined;
  /** Set when writes are refused (see blockWrites). */
  writeBlock: WriteBlock | null = null;
  /** This process's entry among the ledger's holders (see holders.ts), released on close. */
  lease: HolderLease | null = null;
  /** True when the ledger is read from a copy in memory (a WAL file in a folder SQLite cannot write its index into). */
  inMemoryCopy = false;

  constructor(
    readonly sqlite: Database.Database,
    readonly file: string,
  ) {
    this.q = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
  }

  all<R>(query: Compilable<R>): R[] {
    const c = query.compile();
    return this.statement(c.sql).all(...toParams(c.parameters)) as R[];
  }

  get<R>(query: Compilable<R>): R | undefined {
    const c = query.compile();
    const stmt = this.statement(c.sql);
    return (stmt.reader ? stmt.get(...toParams(c.parameters)) : (stmt.run(...toParams(c.parameters)), undefined)) as
      | R
      | undefined;
  }

  run(query: Compilable<unknown>): { changes: number; lastInsertRowid: number } {
    const c = query.compile();
    const r = this.statement(c.sql).run(...toParams(c.parameters));
    return { changes: r.changes, lastInsertRowid: Number(r.lastInsertRowid) };
  }

  /**
   * A query compiled once with named placeholders, then run many times: the hot path of bulk posting.
   * `build` receives a function that makes a placeholder for a named parameter.
   */
  template<P extends Record<string, unknown>, R = unknown>(
    build: (p: <K extends keyof P & string>(name: K) => P[K]) => Compilable<R>,
  ): PreparedTemplate<P, R> {
    const marks = new Map<string, string>();
    const mark = (name: string) => {
      const token = `\u0000param:${name}`;
      marks.set(token, name);
      return token as never;
    };
    const c = build(mark as never).compile();
    // Each compiled parameter is either a named placeholder or a constant written into the query.
    const slots = c.parameters.map((v) => {
      const name = typeof v === 'string' ? marks.get(v) : undefined;
      return name ? { name } : { fixed: toParam(v) };
    });
    const stmt = this.statement(c.sql);
    const args = (values: P) => slots.map((s) => ('name' in s ? toParam(values[s.name as keyof P]) : s.fixed));
    return {
      all: (values) => stmt.all(...args(values)) as R[],
      get: (values) => stmt.get(...args(values)) as R | undefined,
      run: (values) => {
        const r = stmt.run(...args(values));
        return { changes: r.changes, lastInsertRowid: Number(r.lastInsertRowid) };
      },
    };
  }

  /** One user action: everything inside commits together or not at all. Transactions do not nest. */
  tx<T>(fn: () => T): T {
    if (this.txDepth > 0) throw new Error('nested transaction');
    this.txDepth++;
    try {
      return this.sqlite.transaction(fn).immediate();
    } finally {
      this.txDepth--;
    }
  }

  /**
   * The same for an action that pauses for the event loop while it works (a long import answering progress polls):
   * the transaction stays open across those turns. Nothing else may use this connection until it ends: `invoke`
   * makes sure of that for the doors; a synchronous `tx` meanwhile fails as nested rather than joining it.
   */
  async txAsync<T>(fn: () => Promise<T>): Promise<T> {
    if (this.txDepth > 0) throw new Error('nested transaction');
    this.txDepth++;
    try {
      this.sqlite.exec('BEGIN IMMEDIATE');
      try {
        const r = await fn();
        this.sqlite.exec('COMMIT');
        return r;
      } catch (e) {
        if (this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK');
        throw e;
      }
    } finally {
      this.txDepth--;
    }
  }

  /**
   * Changes whenever the data may have: a write on this connection (SQLite's running count of changed rows) or a
   * commit by another connection to the same file (`data_version`). Equal stamps mean equal data.
   */
  dataStamp(): string {
    this.stampStatement ??= this.sqlite.prepare('select total_changes() as n').pluck();
    return `${String(this.sqlite.pragma('data_version', { simple: true }))}.${String(this.stampStatement.get())}`;
  }

  get inTransaction(): boolean {
    return this.txDepth > 0;
  }

  /** From now on this connection refuses every write (SQLite's query_only); reads, exports and backups go on. */
  blockWrites(block: WriteBlock): void {
    this.writeBlock = block;
    if (this.sqlite.open) this.sqlite.pragma('query_only = 1');
  }

  close(): void {
    this.statements.clear();
    if (this.sqlite.open) this.sqlite.close();
    this.lease?.release();
    this.lease = null;
  }

  private statement(sqlText: string): Database.Statement {
    let stmt = this.statements.get(sqlText);
    if (!stmt) {
      stmt = this.sqlite.prepare(sqlText);
      if (this.statements.size >= STATEMENT_CACHE_LIMIT) {
        const oldest = this.statements.keys().next().value as string;
        this.statements.delete(oldest);
      }
      this.statements.set(sqlText, stmt);
    }
    return stmt;
  }
}

export interface PreparedTemplate<P, R> {
  all(values: P): R[];
  get(values: P): R | undefined;
  run(values: P): { changes: number; lastInsertRowid: number };
}

function toParam(v: unknown): Param {
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v as Param;
}

function toParams(values: readonly unknown[]): Param[] {
  return values.map(toParam);
}
