// Answers app://ledger/<path> from dist/renderer. Plain fetch-API Request → Response, so it runs (and is tested) in
// Node without Electron; main.ts hands it to protocol.handle.
import fs from 'node:fs';
import { assetPathFor, contentTypeFor, responseHeaders } from './security.js';

export async function serveAsset(root: string, request: Request): Promise<Response> {
  const plain = (status: number, body: string) => new Response(body, { status, headers: responseHeaders('text/plain; charset=utf-8') });
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed');
  const file = assetPathFor(root, request.url);
  if (!file) return plain(404, 'not found');
  let body: Buffer;
  try {
    body = await fs.promises.readFile(file);
  } catch {
    return plain(404, 'not found');
  }
  // index.html goes out as built: its <!-- ledger:bridge --> stays a comment, since the preload provides window.api.
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: responseHeaders(contentTypeFor(file)),
  });
}
