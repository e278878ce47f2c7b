// What makes a file a Relief Ledger: SQLite's own header says so (magic, application id), and its tables are ours.
// Checked before anything is written to a file we did not create, so that a foreign or empty file is refused rather
// than turned into a ledger (check, restore and every door's open rely on this).
import fs from 'node:fs';
import type Database from 'better-sqlite3';

/** `PRAGMA application_id` of every ledger since migration 0007_ledger_stamp: "RLDG". */
export const LEDGER_APPLICATION_ID = 0x524c4447;

/** The tables of 0001_init, which every ledger of any version has (later ones are added by migrating). */
export const REQUIRED_TABLES = ['area', 'location', 'item', 'batch', 'movement', 'balance', 'shelter', 'setting', 'doc_counter', 'kysely_migration'] as const;

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** Why a file is not a ledger, in both languages (used as the {why}/{whyEn} of db.notLedgerFile). */
export interface NotLedger {
  zh: string;
  en: string;
}

export interface FileHeader {
  bytes: number;
  sqlite: boolean;
  applicationId: number;
  pageSize: number;
  /** Pages the header says the database has (valid in files written by SQLite ≥ 3.7.0). */
  pages: number;
  /** 2 when the file is in WAL mode. */
  writeVersion: number;
}

/** The first 100 bytes of a file, read without SQLite (cheap; never creates -wal/-shm beside it). */
export function readHeader(file: string): FileHeader {
  const bytes = fs.statSync(file).size;
  const head = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  let read = 0;
  try {
    read = fs.readSync(fd, head, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  const sqlite = read === 100 && head.toString('latin1', 0, 16) === SQLITE_MAGIC;
  if (!sqlite) return { bytes, sqlite, applicationId: 0, pageSize: 0, pages: 0, writeVersion: 0 };
  const rawPage = head.readUInt16BE(16);
  return {
    bytes,
    sqlite,
    applicationId: head.readUInt32BE(68),
    pageSize: rawPage === 1 ? 65536 : rawPage,
    pages: head.readUInt32BE(28),
    writeVersion: head[18]!,
  };
}

/** Refusal by the header alone: an empty file, not SQLite, or another program's SQLite file. */
export function headerRefusal(h: FileHeader): NotLedger | null {
  if (h.bytes === 0) return { zh: '文件为空（0 字节）', en: 'the file is empty (0 bytes)' };
  if (!h.sqlite) return { zh: '不是 SQLite 数据库文件', en: 'not an SQLite database file' };
  if (h.applicationId !== 0 && h.applicationId !== LEDGER_APPLICATION_ID)
    return { zh: `属于其他程序（application_id ${h.applicationId}）`, en: `it belongs to another program (application_id ${h.applicationId})` };
  return null;
}

/** A backup's header is whole: ours, and as long as it says it is (a killed copy is shorter). */
export function headerLooksComplete(h: FileHeader): boolean {
  return h.sqlite && h.applicationId === LEDGER_APPLICATION_ID && h.pageSize > 0 && h.pages > 0 && h.bytes === h.pageSize * h.pages;
}

/**
 * Refusal by the open file's content: a ledger carries our application id, or — written before 0007_ledger_stamp —
 * none, but then it has the migration table and every table of 0001_init. A database with no tables at all is an
 * empty SQLite file, never a ledger (the caller decides whether it may become one).
 */
export function contentRefusal(sqlite: Database.Database): NotLedger | null {
  const id = Number(sqlite.pragma('application_id', { simple: true }));
  if (id !== 0 && id !== LEDGER_APPLICATION_ID)
    return { zh: `属于其他程序（application_id ${id}）`, en: `it belongs to another program (application_id ${id})` };
  const tables = new Set((sqlite.prepare(`select name from sqlite_master where type = 'table'`).all() as { name: string }[]).map((r) => r.name));
  if (tables.size === 0) return { zh: '是空数据库，没有任何数据表', en: 'it is an empty database without any table' };
  const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
  if (missing.length) return { zh: `缺少台账的数据表：${missing.join('、')}`, en: `it lacks the ledger's tables: ${missing.join(', ')}` };
  return null;
}

/** True for a database with no table at all (a new or 0-byte file). */
export function isBlank(sqlite: Database.Database): boolean {
  return !sqlite.prepare(`select 1 from sqlite_master limit 1`).get();
}
