// Filled count sheets coming into the stocktake screens: through Electron's open dialog or an <input type=file>,
// as base64 for the contract. (Sheets and reports go out through components/download.)

export function bytesToBase64(bytes: Uint8Array): string {
  let s = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) s += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(s);
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
