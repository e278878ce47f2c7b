// Files in and out of the renderer. Workbooks cross the contract as base64; here they become bytes the user saves
// (Electron: the native save dialog; the web host: a Blob and <a download>) or come from a file the user chose
// (Electron: the native open dialog; the web host: antd Upload, which hands over a File).
// Base64 is made by the browser (FileReader) and read by Uint8Array.fromBase64 where there is one, so a 20 MB
// workbook never blocks the page in a JavaScript loop.

import { ApiError } from '../../api';

/** A file the user chose, ready for the contract. */
export interface ChosenFile {
  name: string;
  size: number;
  /** base64 */
  data: string;
}

export const IMPORT_EXTENSIONS = ['xlsx', 'csv', 'xls'] as const;

/** Whether the door has native file dialogs (Electron). */
export function hasNativeDialogs(): boolean {
  return typeof window !== 'undefined' && typeof window.api?.files?.open === 'function';
}

/** base64 of a Blob, made off the script thread by FileReader. */
function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsDataURL(blob);
  });
}

export async function fileToChosen(file: File): Promise<ChosenFile> {
  return { name: file.name, size: file.size, data: await blobToBase64(file) };
}

type FromBase64 = (s: string) => Uint8Array;

export function base64ToBytes(data: string): Uint8Array<ArrayBuffer> {
  const native = (Uint8Array as unknown as { fromBase64?: FromBase64 }).fromBase64;
  if (native) return new Uint8Array(native(data));
  const bin = atob(data);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Opens the native dialog (Electron only); null when the user cancelled. */
export async function openNative(title: string): Promise<ChosenFile | null> {
  const files = window.api.files;
  if (!files) return null;
  const chosen = await files.open({ title, extensions: [...IMPORT_EXTENSIONS] });
  if (!chosen) return null;
  const bytes = new Uint8Array(chosen.bytes);
  return { name: chosen.name, size: bytes.byteLength, data: await blobToBase64(new Blob([bytes])) };
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Saves a workbook the core made: the native save dialog under Electron (returns the path written, or null when
 * the user cancelled), a download in the browser (returns the file name).
 */
export async function saveWorkbook(fileName: string, data: string, title?: string): Promise<{ saved: string; native: boolean } | null> {
  const bytes = base64ToBytes(data);
  const files = typeof window !== 'undefined' ? window.api?.files : undefined;
  if (files?.save) {
    const options: { title?: string; defaultName: string; bytes: Uint8Array } = { defaultName: fileName, bytes };
    if (title) options.title = title;
    const path = await files.save(options);
    return path ? { saved: path, native: true } : null;
  }
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_TYPE }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has started from the object URL; let it finish before releasing it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { saved: fileName, native: false };
}

/** 1234567 → "1.2 MB" */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The file name without its extension. */
export function baseName(name: string): string {
  return name.replace(/\.[^.]+$/, '') || name;
}

/** What went wrong, for a person: the core's refusal in the active language, or a dialog's own message. */
export function problemText(e: unknown, gloss: (text: { zh: string; en: string }) => string): string {
  if (e instanceof ApiError) return gloss(e.body);
  const m = e instanceof Error ? e.message : String(e);
  // Electron prefixes errors from the main process: "Error invoking remote method 'x': FileRequestError: …".
  return m.replace(/^Error invoking remote method '[^']*':\s*(\w*Error:\s*)?/, '');
}
