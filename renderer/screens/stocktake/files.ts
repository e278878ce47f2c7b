// Files of the stocktake screens: count sheets and reports go out as downloads (or through Electron's save dialog),
// filled sheets come in through Electron's open dialog or an <input type=file>. Kept here, inside this screen.

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let s = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) s += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(s);
}

/** Saves a workbook the core built; answers where it went (the name in a browser), or null when cancelled. */
export async function saveWorkbook(file: { fileName: string; data: string }, title?: string): Promise<string | null> {
  const bytes = base64ToBytes(file.data);
  const files = window.api?.files;
  if (files?.save) return files.save({ ...(title ? { title } : {}), defaultName: file.fileName, bytes });
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_TYPE }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
  return file.fileName;
}

/** True where the door has native file dialogs (Electron). */
export function hasNativeOpen(): boolean {
  return typeof window.api?.files?.open === 'function';
}

/** Electron's open dialog, read as base64; null when cancelled. */
export async function openNative(title: string, extensions: string[]): Promise<{ name: string; data: string } | null> {
  const picked = await window.api.files!.open({ title, extensions });
  return picked ? { name: picked.name, data: bytesToBase64(picked.bytes) } : null;
}

/** A file chosen in the page (antd Upload, <input type=file>), read as base64. */
export async function readBrowserFile(file: Blob & { name: string }): Promise<{ name: string; data: string }> {
  return { name: file.name, data: bytesToBase64(new Uint8Array(await file.arrayBuffer())) };
}
