// The main-process side of LedgerBridge.files: checks what the renderer asks for, and reads and writes the bytes of
// the file the user chose in a native dialog. The dialogs themselves are in main.ts; this file has no Electron in it.
import fs from 'node:fs';
import path from 'node:path';
import type { FileFilter } from 'electron';
import { t } from './text.js';

/** Workbooks and backups are a few MB; anything past this is not what the user meant to open. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

export interface OpenRequest {
  title?: string;
  extensions: string[];
}
export interface SaveRequest {
  title?: string;
  defaultName: string;
  bytes: Uint8Array;
}

export class FileRequestError extends Error {
  override name = 'FileRequestError';
}

const EXTENSION = /^[A-Za-z0-9]{1,10}$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function bad(detail: string): never {
  throw new FileRequestError(t('badFileRequest', { detail }));
}

function title(raw: Record<string, unknown>): string | undefined {
  if (raw.title === undefined || raw.title === null) return undefined;
  if (typeof raw.title !== 'string' || raw.title.length > 200) bad('title');
  return raw.title;
}

export function parseOpenRequest(raw: unknown): OpenRequest {
  if (!isRecord(raw)) bad('options');
  const list = raw.extensions;
  if (!Array.isArray(list) || list.length === 0 || list.length > 20) bad('extensions');
  const extensions = list.map((e) => {
    const ext = typeof e === 'string' ? e.replace(/^\*?\./, '') : '';
    if (!EXTENSION.test(ext)) bad(`extensions: ${String(e)}`);
    return ext.toLowerCase();
  });
  const result: OpenRequest = { extensions: [...new Set(extensions)] };
  const tt = title(raw);
  if (tt !== undefined) result.title = tt;
  return result;
}

export function parseSaveRequest(raw: unknown): SaveRequest {
  if (!isRecord(raw)) bad('options');
  if (typeof raw.defaultName !== 'string') bad('defaultName');
  const defaultName = safeFileName(raw.defaultName);
  if (!defaultName) bad('defaultName');
  if (!(raw.bytes instanceof Uint8Array)) bad('bytes');
  if (raw.bytes.byteLength > MAX_FILE_BYTES) throw new FileRequestError(t('fileTooLarge', { name: defaultName, limit: MAX_FILE_BYTES / 1024 / 1024 }));
  const result: SaveRequest = { defaultName, bytes: raw.bytes };
  const tt = title(raw);
  if (tt !== undefined) result.title = tt;
  return result;
}

/** A name, never a path: the last segment, without characters Windows refuses, at most 150 characters. */
export function safeFileName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = last.replace(/[\u0000-\u001f<>:"|?*]/g, '_').trim().replace(/^\.+/, '');
  return cleaned.slice(0, 150);
}

export function dialogFilters(extensions: readonly string[]): FileFilter[] {
  return [{ name: `${t('supportedFiles')} (${extensions.map((e) => `*.${e}`).join(', ')})`, extensions: [...extensions] }];
}

/** When the user typed a name without an extension, keep the one the default name had. */
export function withDefaultExtension(chosen: string, defaultName: string): string {
  const ext = path.extname(defaultName);
  return path.extname(chosen) === '' && ext !== '' ? chosen + ext : chosen;
}

export async function readChosenFile(file: string): Promise<{ name: string; bytes: Uint8Array }> {
  const name = path.basename(file);
  try {
    const stat = await fs.promises.stat(file);
    if (stat.size > MAX_FILE_BYTES) throw new FileRequestError(t('fileTooLarge', { name, limit: MAX_FILE_BYTES / 1024 / 1024 }));
    const buffer = await fs.promises.readFile(file);
    // A copy of exactly the file: IPC clones a view's whole backing store, which for a Buffer may be a shared pool.
    return { name, bytes: new Uint8Array(buffer) };
  } catch (e) {
    throw fileError(e, name);
  }
}

/** Writes beside the target and renames over it, so a failed write never leaves half a workbook behind. */
export async function writeChosenFile(file: string, bytes: Uint8Array): Promise<string> {
  const name = path.basename(file);
  const temp = path.join(path.dirname(file), `.${name}.${process.pid}.tmp`);
  try {
    await fs.promises.writeFile(temp, bytes);
    await fs.promises.rename(temp, file);
    return file;
  } catch (e) {
    await fs.promises.rm(temp, { force: true }).catch(() => undefined);
    throw fileError(e, name);
  }
}

function fileError(e: unknown, name: string): Error {
  if (e instanceof FileRequestError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EBUSY' || code === 'EPERM') return new FileRequestError(t('fileBusy', { name }));
  return new FileRequestError(t('fileFailed', { name, detail: e instanceof Error ? e.message : String(e) }));
}
