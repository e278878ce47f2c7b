// Saving a file the core made (a workbook as base64): Electron's native save dialog where the door has one, else a
// download through a Blob and <a download> (the web host). The renderer cannot tell the doors apart otherwise.

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type FromBase64 = (s: string) => Uint8Array;

export function base64ToBytes(data: string): Uint8Array<ArrayBuffer> {
  const native = (Uint8Array as unknown as { fromBase64?: FromBase64 }).fromBase64;
  if (native) return new Uint8Array(native(data));
  const bin = atob(data);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export interface Saved {
  /** The path written (Electron) or the file name downloaded (browser). */
  saved: string;
  native: boolean;
}

/** Saves bytes under a suggested name; null when the user cancelled the native dialog. */
export async function saveBytes(fileName: string, bytes: Uint8Array<ArrayBuffer>, options: { title?: string; type?: string } = {}): Promise<Saved | null> {
  const files = typeof window !== 'undefined' ? window.api?.files : undefined;
  if (files?.save) {
    const request: { title?: string; defaultName: string; bytes: Uint8Array } = { defaultName: fileName, bytes };
    if (options.title) request.title = options.title;
    const path = await files.save(request);
    return path ? { saved: path, native: true } : null;
  }
  const url = URL.createObjectURL(new Blob([bytes], { type: options.type ?? 'application/octet-stream' }));
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

/** Saves a workbook the core made ({ fileName, data: base64 }). */
export function saveWorkbook(file: { fileName: string; data: string }, title?: string): Promise<Saved | null> {
  return saveBytes(file.fileName, base64ToBytes(file.data), { title, type: XLSX_TYPE });
}
