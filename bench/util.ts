import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

export async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** A temp folder for one bench's files, removed when the process ends (a run writes about 150 MB of workbooks). */
export function benchDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relief-bench-'));
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function report(name: string, value: string, target: string, ok: boolean): void {
  console.log(`${ok ? 'PASS' : 'MISS'}  ${name.padEnd(58)} ${value.padStart(22)}   target ${target}`);
}
