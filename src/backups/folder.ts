// The backup folder: one file per backup, named after the ledger, the time (Beijing time, as the office reads it)
// and why it was made — `ledger-20261128-153000-import.db`. A file gets that name only once it has been verified,
// so the name itself says "verified"; listing re-reads each header (cheap) to catch a file changed or cut short since.
import fs from 'node:fs';
import path from 'node:path';
import { type BackupReason, backupReasons } from '../api/contract.backups.js';
import { processAlive } from '../db/holders.js';
import { headerLooksComplete, readHeader } from '../db/stamp.js';

export type { BackupReason };

export interface BackupFile {
  /** The file's name: the id the page and the CLI use for it. */
  name: string;
  path: string;
  time: Date;
  bytes: number;
  verified: boolean;
  reason: BackupReason;
}

const BEIJING_MS = 8 * 3_600_000;

export function defaultBackupFolder(dbFile: string): string {
  return path.join(path.dirname(dbFile), 'backups');
}

/** `ledger.db` → `ledger`: the stem every backup of it starts with. */
export function ledgerStem(dbFile: string): string {
  return path.basename(dbFile).replace(/\.[^.]*$/, '') || 'ledger';
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function backupName(dbFile: string, time: Date, reason: BackupReason, serial = 0): string {
  const t = new Date(time.getTime() + BEIJING_MS);
  const stamp = `${t.getUTCFullYear()}${pad(t.getUTCMonth() + 1)}${pad(t.getUTCDate())}-${pad(t.getUTCHours())}${pad(t.getUTCMinutes())}${pad(t.getUTCSeconds())}`;
  return `${ledgerStem(dbFile)}-${stamp}${serial ? `-${serial}` : ''}-${reason}.db`;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The time and reason a backup's name carries, or null for a name that is not one of ours for this ledger. */
export function parseBackupName(dbFile: string, name: string): { time: Date; reason: BackupReason } | null {
  const m = new RegExp(`^${escape(ledgerStem(dbFile))}-(\\d{4})(\\d{2})(\\d{2})-(\\d{2})(\\d{2})(\\d{2})(?:-\\d+)?-([a-z]+)\\.db$`).exec(name);
  if (!m || !(backupReasons as readonly string[]).includes(m[7]!)) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  return { time: new Date(Date.UTC(y, mo - 1, d, h, mi, s) - BEIJING_MS), reason: m[7] as BackupReason };
}

/** A name not yet taken in `folder` for a backup made at `time`. */
export function freshBackupName(folder: string, dbFile: string, time: Date, reason: BackupReason): string {
  for (let serial = 0; ; serial++) {
    const name = backupName(dbFile, time, reason, serial);
    if (!fs.existsSync(path.join(folder, name))) return name;
  }
}

/** The ledger's backups in `folder`, newest first. A missing folder has none. */
export function listBackupFiles(folder: string, dbFile: string): BackupFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const found: BackupFile[] = [];
  for (const name of names) {
    const parsed = parseBackupName(dbFile, name);
    if (!parsed) continue;
    const file = path.join(folder, name);
    try {
      const header = readHeader(file);
      found.push({ name, path: file, time: parsed.time, bytes: header.bytes, verified: headerLooksComplete(header), reason: parsed.reason });
    } catch {
      // vanished while listing
    }
  }
  return found.sort((a, b) => b.time.getTime() - a.time.getTime() || b.name.localeCompare(a.name));
}

/** A backup name from the page or the CLI must be exactly one file of the list: no folder, no `..`. */
export function isBackupName(dbFile: string, name: string): boolean {
  return path.basename(name) === name && parseBackupName(dbFile, name) !== null;
}

/** Temporary files of backups or restores killed half-way (their process is gone): removed, they block nothing. */
export function clearKilledTemporaries(folder: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    // temporaryName(): `.<target>.<pid>.<time><rand>.tmp`, and SQLite's side files of it.
    const m = /^\..+\.(\d+)\.[0-9a-z]+\.tmp(?:-wal|-shm|-journal)?$/.exec(name);
    if (!m) continue;
    if (processAlive(Number(m[1]))) continue;
    fs.rmSync(path.join(folder, name), { force: true });
  }
}
