// Every file the app writes (exports, templates, count sheets, reports, error workbooks, backups) goes to a
// temporary name in the target folder, is flushed to the disk and only then renamed over the target: a kill or a
// full disk mid-write leaves the old file (or none) under the target name, never a truncated one.
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { LedgerError } from './errors.js';

export interface AtomicOptions {
  /** Replace an existing file; without it an existing target is refused before anything is written. */
  force?: boolean;
}

/** The temporary name beside the target: same folder (so the rename is atomic), hidden, unique per process. */
export function temporaryName(target: string): string {
  const dir = path.dirname(target);
  return path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}.tmp`);
}

/** Refuses an existing target unless forced; creates the folder. Returns the absolute target. */
export function prepareTarget(out: string, options: AtomicOptions = {}): string {
  const file = path.resolve(out);
  if (!options.force && fs.existsSync(file)) throw new LedgerError('cli.fileExists', { file });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return file;
}

function syncDir(dir: string): void {
  // Makes the rename itself durable; not every platform can open a folder (Windows cannot), which is harmless.
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    /* not supported here */
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Moves a finished temporary file into place, refusing (unless forced) a target that appeared meanwhile. */
export function commitTemporary(tmp: string, file: string, options: AtomicOptions = {}): void {
  if (!options.force && fs.existsSync(file)) {
    fs.rmSync(tmp, { force: true });
    throw new LedgerError('cli.fileExists', { file });
  }
  fs.renameSync(tmp, file);
  syncDir(path.dirname(file));
}

/** Writes bytes atomically; returns the absolute path written. */
export function writeFileAtomic(out: string, data: Uint8Array | string, options: AtomicOptions = {}): string {
  const file = prepareTarget(out, options);
  const tmp = temporaryName(file);
  try {
    const fd = fs.openSync(tmp, 'wx', 0o644);
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    commitTemporary(tmp, file, options);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  return file;
}

/**
 * Streams into a temporary file and renames it into place once `produce` has written everything and the data is
 * on the disk; on any failure the temporary file is removed and the target is untouched.
 */
export async function streamFileAtomic(out: string, produce: (sink: Writable) => Promise<void>, options: AtomicOptions = {}): Promise<string> {
  const file = prepareTarget(out, options);
  const tmp = temporaryName(file);
  const stream = fs.createWriteStream(tmp, { flags: 'wx', mode: 0o644 });
  try {
    const done = new Promise<void>((resolve, reject) => {
      stream.once('close', resolve);
      stream.once('error', reject);
    });
    await produce(stream);
    if (!stream.writableEnded) stream.end();
    await done;
    const fd = fs.openSync(tmp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    commitTemporary(tmp, file, options);
  } catch (e) {
    stream.destroy();
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  return file;
}

/** Copies a readable source atomically (e.g. a download to a file). */
export async function pipeFileAtomic(out: string, source: NodeJS.ReadableStream, options: AtomicOptions = {}): Promise<string> {
  return streamFileAtomic(out, (sink) => pipeline(source, sink), options);
}
