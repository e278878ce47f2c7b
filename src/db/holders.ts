// Who has a ledger open. SQLite itself cannot say whether another program holds a file it is not writing at this
// moment (an idle connection holds no lock), yet a restore that swaps the file under such a program loses whatever it
// writes next (its connection keeps writing to the old file). So every program that opens a ledger for writing
// leaves an entry — pid, machine, door — in a folder beside it and touches it every few seconds; a restore first
// marks the ledger as being restored, then refuses while any other live entry exists. Both sides write their own
// entry before they look for the other's, so at least one of two that start together sees the other.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LedgerError } from '../common/errors.js';

export type Door = 'app' | 'host' | 'cli' | 'restore';

export interface Holder {
  pid: number;
  host: string;
  door: Door;
  since: string;
}

const HEARTBEAT_MS = 5_000;
/** A same-machine entry whose process is alive counts while its heartbeat is this recent (long synchronous work pauses it). */
const SAME_HOST_STALE_MS = 10 * 60_000;
/** An entry from another machine (a ledger on a share) counts only while its heartbeat is fresh. */
const OTHER_HOST_STALE_MS = 60_000;
const RESTORE_MARKER = 'restoring.json';

export function holdersDir(dbFile: string): string {
  return path.join(path.dirname(dbFile), `.${path.basename(dbFile)}.holders`);
}

/** Whether a process of this machine is running (EPERM: it is, under another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function live(holder: Holder, entry: string): boolean {
  let mtime: number;
  try {
    mtime = fs.statSync(entry).mtimeMs;
  } catch {
    return false;
  }
  const age = Date.now() - mtime;
  if (holder.host === os.hostname()) return processAlive(holder.pid) && age < SAME_HOST_STALE_MS;
  return age < OTHER_HOST_STALE_MS;
}

function readEntry(entry: string): Holder | null {
  try {
    const h = JSON.parse(fs.readFileSync(entry, 'utf8')) as Holder;
    return typeof h.pid === 'number' ? h : null;
  } catch {
    return null;
  }
}

/** An entry this process keeps while it holds the ledger; `release` removes it. */
export class HolderLease {
  private timer: NodeJS.Timeout | undefined;
  constructor(readonly entry: string) {
    this.timer = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.timer.unref();
  }
  beat(): void {
    const now = new Date();
    try {
      fs.utimesSync(this.entry, now, now);
    } catch {
      // The folder went away or became read-only: nothing to keep up to date.
    }
  }
  release(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    fs.rmSync(this.entry, { force: true });
  }
}

function writeEntry(dbFile: string, door: Door, name: string, flag: 'wx' | 'w'): string {
  const dir = holdersDir(dbFile);
  fs.mkdirSync(dir, { recursive: true });
  const entry = path.join(dir, name);
  const holder: Holder = { pid: process.pid, host: os.hostname(), door, since: new Date().toISOString() };
  fs.writeFileSync(entry, JSON.stringify(holder), { flag });
  return entry;
}

/**
 * Registers this process as holding `dbFile`. A folder that cannot be written (a read-only share) gets no entry: a
 * ledger there cannot be restored over either.
 */
export function registerHolder(dbFile: string, door: Door): HolderLease | null {
  try {
    return new HolderLease(writeEntry(dbFile, door, `${door}-${process.pid}-${crypto.randomBytes(4).toString('hex')}.json`, 'wx'));
  } catch {
    return null;
  }
}

/** Every other live holder of `dbFile`; dead entries (a killed process) are cleared on the way. */
export function otherHolders(dbFile: string): Holder[] {
  const dir = holdersDir(dbFile);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const found: Holder[] = [];
  for (const name of names) {
    if (name === RESTORE_MARKER || !name.endsWith('.json')) continue;
    const entry = path.join(dir, name);
    const h = readEntry(entry);
    if (h && h.pid === process.pid && h.host === os.hostname()) continue;
    if (h && live(h, entry)) found.push(h);
    else fs.rmSync(entry, { force: true });
  }
  return found;
}

/** The restore under way on `dbFile` in another process, if any. */
export function restoreUnderWay(dbFile: string): Holder | null {
  const entry = path.join(holdersDir(dbFile), RESTORE_MARKER);
  const h = readEntry(entry);
  if (!h || (h.pid === process.pid && h.host === os.hostname())) return null;
  return live(h, entry) ? h : null;
}

/** Marks `dbFile` as being restored by this process; refuses while another restore runs. */
export function markRestoring(dbFile: string): HolderLease {
  const entry = path.join(holdersDir(dbFile), RESTORE_MARKER);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return new HolderLease(writeEntry(dbFile, 'restore', RESTORE_MARKER, 'wx'));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const other = readEntry(entry);
      if (other && live(other, entry)) throw new LedgerError('db.restoreUnderWay', { file: dbFile, pid: other.pid });
      fs.rmSync(entry, { force: true });
    }
  }
  throw new LedgerError('db.restoreUnderWay', { file: dbFile, pid: '?' });
}

export function describeHolders(holders: Holder[]): { zh: string; en: string } {
  const names = { app: ['桌面版', 'the desktop app'], host: ['网页版', 'the web host'], cli: ['命令行', 'a command'], restore: ['恢复', 'a restore'] } as const;
  const mark = (h: Holder) => (h.host === os.hostname() ? `${h.pid}` : `${h.host}:${h.pid}`);
  return {
    zh: holders.map((h) => `${names[h.door][0]}，进程 ${mark(h)}`).join('；'),
    en: holders.map((h) => `${names[h.door][1]}, process ${mark(h)}`).join('; '),
  };
}

/** Waits (a little) for another process's restore of `dbFile` to end; refuses if it does not. */
export async function waitForRestore(dbFile: string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (let other = restoreUnderWay(dbFile); other; other = restoreUnderWay(dbFile)) {
    if (Date.now() > until) throw new LedgerError('db.restoreUnderWay', { file: dbFile, pid: other.pid });
    await new Promise((r) => setTimeout(r, 100));
  }
}
