// What the safety tests share: the real CLI and web host as processes, a demo ledger made once per file and copied,
// a ledger damaged on purpose, and the file-system tricks that make a disk full or a folder read-only for real
// (a tmpfs or a read-only bind mount where this process may mount — CI runs as root — else what works without).
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { tempDir } from './fixture.js';

const run = promisify(execFile);
/** The CLI under test; RELIEF_LEDGER_BIN runs these tests against another build (e.g. the one before a change). */
export const bin = path.resolve(process.env.RELIEF_LEDGER_BIN ?? 'bin/relief-ledger.mjs');
export const TODAY = '2026-11-28';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  try {
    const r = await run(process.execPath, [bin, ...args], { env: { ...process.env, RELIEF_LEDGER_TODAY: TODAY, ...env }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: typeof err.code === 'number' ? err.code : 1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

let demoSource: string | undefined;
/** A fresh copy of the demo ledger in its own folder (the demo is built once per test file). */
export async function demoLedger(name = 'ledger.db'): Promise<{ dir: string; file: string }> {
  if (!demoSource) {
    const dir = tempDir('relief-demo-');
    demoSource = path.join(dir, 'demo.db');
    const r = await cli(['init', '--demo', '--db', demoSource]);
    if (r.code !== 0) throw new Error(r.stderr);
  }
  const dir = tempDir('relief-safety-');
  const file = path.join(dir, name);
  fs.copyFileSync(demoSource, file);
  return { dir, file };
}

export function count(file: string, table = 'movement'): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

export interface Host {
  url: string;
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** The one-time address the host printed (spent by the first `call`, or by a browser opening it). */
  openUrl: string;
  call<T = unknown>(name: string, input?: unknown): Promise<{ ok: boolean; result?: T; error?: { code: string; zh: string; en: string; message: string } }>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * The web host as a user starts it, on `file`; resolves once it prints its address. `prefix` wraps the command
 * (e.g. a shell that sets a limit first).
 */
export async function startHost(file: string, env: NodeJS.ProcessEnv = {}, prefix: string[] = []): Promise<Host> {
  const command = [...prefix, process.execPath, bin, 'serve', '--db', file, '--port', '0'];
  const child = spawn(command[0]!, command.slice(1), {
    env: { ...process.env, RELIEF_LEDGER_TODAY: TODAY, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start: ${out}${err}`)), 30_000);
    const look = () => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited ${code}: ${err}`));
    });
  });
  const openUrl = url;
  const origin = new URL(openUrl).origin;
  // The one-time address is spent by the first call made here, so a test may instead open it in a browser.
  let cookie: Promise<string> | undefined;
  return {
    openUrl,
    url: `${origin}/`,
    child,
    stdout: () => out,
    stderr: () => err,
    async call(name, input = {}) {
      const res = await fetch(`${origin}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', origin, cookie: await (cookie ??= sessionCookie(openUrl)) }, body: JSON.stringify(input) });
      return (await res.json()) as never;
    },
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      }),
  };
}

/**
 * How a script reaches the host's API today: the per-start token in the page. (When the host's login changes, this
 * one function changes with it.)
 */
/** Opens the host's one-time address as a browser would and keeps the session cookie it sets. */
async function sessionCookie(openUrl: string): Promise<string> {
  const res = await fetch(openUrl, { redirect: 'manual' });
  const setCookie = res.headers.get('set-cookie');
  if (!setCookie) throw new Error(`the one-time address gave ${res.status}, no session`);
  return setCookie.split(';')[0]!;
}

/** Damages a ledger the way a failing disk does: a page in the middle of the movement table overwritten. */
export function damage(file: string): void {
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const root = (db.prepare(`select rootpage from sqlite_master where name = 'movement'`).get() as { rootpage: number }).rootpage;
  const pageSize = Number(db.pragma('page_size', { simple: true }));
  db.close();
  const fd = fs.openSync(file, 'r+');
  try {
    // The table's root page: its b-tree header and cell pointers become garbage.
    fs.writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (root - 1) * pageSize);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function tryRun(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let mountable: boolean | undefined;
/**
 * True where this process may mount file systems (root with CAP_SYS_ADMIN: CI's containers, this machine).
 * RELIEF_TEST_NO_MOUNT=1 runs the tests' fallbacks instead, to see that they work too.
 */
export function canMount(): boolean {
  if (mountable !== undefined) return mountable;
  if (process.env.RELIEF_TEST_NO_MOUNT === '1') return (mountable = false);
  const probe = tempDir('relief-mount-probe-');
  mountable = process.platform === 'linux' && tryRun('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]);
  if (mountable) tryRun('umount', [probe]);
  return mountable;
}

/** A small tmpfs (a really full disk: ENOSPC, SQLITE_FULL); unmounted by the returned function. */
export function smallDisk(kb: number): { dir: string; unmount: () => void } {
  const dir = tempDir('relief-full-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', dir]);
  return { dir, unmount: () => void tryRun('umount', ['-l', dir]) };
}

/** `dir` seen through a read-only bind mount (writes fail even for root). */
export function readOnlyView(dir: string): { dir: string; unmount: () => void } {
  const view = tempDir('relief-ro-');
  execFileSync('mount', ['--bind', dir, view]);
  execFileSync('mount', ['-o', 'remount,ro,bind', view]);
  return { dir: view, unmount: () => void tryRun('umount', ['-l', view]) };
}

export const isRoot = () => process.getuid?.() === 0;

/** chattr +i (immutable: even root cannot write) where the file system supports it. */
export function canMakeImmutable(): boolean {
  const probe = path.join(tempDir('relief-chattr-'), 'probe');
  fs.writeFileSync(probe, '');
  const ok = tryRun('chattr', ['+i', probe]);
  if (ok) tryRun('chattr', ['-i', probe]);
  return ok;
}

export function setImmutable(file: string, on: boolean): void {
  execFileSync('chattr', [on ? '+i' : '-i', file]);
}

/** The CLI as a child process; `nodeArgs` go to node itself (e.g. a preloaded script). */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}, nodeArgs: string[] = []): ChildProcess {
  return spawn(process.execPath, [...nodeArgs, bin, ...args], { env: { ...process.env, RELIEF_LEDGER_TODAY: TODAY, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
