// Files in and out of the renderer. Workbooks cross the contract as base64; here they become bytes the user saves
// (Electron: the native save dialog; the web host: a Blob and <a download>) or come from a file the user chose
// (Electron: the native open dialog; the web host: antd Upload, which hands over a File).
// Base64 is made by the browser (FileReader) and read by Uint8Array.fromBase64 where there is one, so a 20 MB
// workbook never blocks the page in a JavaScript loop.

import { ApiError } from '../../api';
import { type Saved, saveWorkbook as saveFile } from '../../components/download';

/** A file the user chose, ready for the contract. */
export interface ChosenFile {
  name: string;
  size: number;
  /** base64 */
  data: string;
}

/** What the reader reads: Excel, WPS, OpenDocument, web pages saved as .xls/.htm, CSV and tab-separated text. */
export const IMPORT_EXTENSIONS = ['xlsx', 'xlsm', 'xlsb', 'xls', 'et', 'ods', 'htm', 'html', 'xml', 'csv', 'txt'] as const;

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

/** Opens the native dialog (Electron only); null when the user cancelled. */
export async function openNative(title: string): Promise<ChosenFile | null> {
  const files = window.api.files;
  if (!files) return null;
  const chosen = await files.open({ title, extensions: [...IMPORT_EXTENSIONS] });
  if (!chosen) return null;
  const bytes = new Uint8Array(chosen.bytes);
  return { name: chosen.name, size: bytes.byteLength, data: await blobToBase64(new Blob([bytes])) };
}

/**
 * Saves a workbook the core made: the native save dialog under Electron (null when the user cancelled), a download
 * in the browser.
 */
export function saveWorkbook(fileName: string, data: string, title?: string): Promise<Saved | null> {
  return saveFile({ fileName, data }, title);
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
