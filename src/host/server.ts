// The web host: the built renderer and the contract over HTTP, on 127.0.0.1 only. A random token made at each start
// is written into the page; every call must carry it, and the browser's same-origin rule keeps other local pages
// from reading the page or sending the header.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { dispatch } from '../api/dispatch.js';
import type { Context } from '../api/handlers.js';
import { toErrorBody } from '../api/dispatch.js';
import { LedgerError } from '../common/errors.js';

export interface HostOptions {
  ctx: Context;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  token?: string;
}

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export const TOKEN_HEADER = 'x-ledger-token';
const MAX_BODY = 64 * 1024 * 1024;

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // antd writes its styles at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** Defines `window.api` in the page, the same shape Electron's preload gives (see LedgerBridge in the contract). */
const BRIDGE = `(() => {
  const token = document.querySelector('meta[name="ledger-token"]').content;
  const call = async (name, input) => {
    const res = await fetch('/api/' + encodeURIComponent(name), {
      method: 'POST',
      headers: { 'content-type': 'application/json', '${TOKEN_HEADER}': token },
      body: JSON.stringify(input === undefined ? {} : input),
    });
    return res.json();
  };
  Object.defineProperty(window, 'api', { value: Object.freeze({ call, door: 'web' }) });
})();
`;

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const staticDir = path.resolve(options.staticDir);
  let allowedHosts = new Set<string>();

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => send(res, 500, JSON.stringify({ ok: false, error: toErrorBody(e) }), MIME['.json']!));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // A page elsewhere that resolves its own name to 127.0.0.1 (DNS rebinding) still sends its own Host.
    if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 421, 'misdirected request', 'text/plain');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) return api(req, res, decodeURIComponent(url.pathname.slice(5)));
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed', 'text/plain');
    if (url.pathname === '/bridge.js') return send(res, 200, BRIDGE, MIME['.js']!);
    if (url.pathname === '/' || url.pathname === '/index.html') return index(res);
    return file(res, url.pathname);
  }

  async function api(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'method not allowed', 'text/plain');
    const given = String(req.headers[TOKEN_HEADER] ?? '');
    if (given.length !== token.length || !crypto.timingSafeEqual(Buffer.from(given), Buffer.from(token))) {
      return send(res, 401, JSON.stringify({ ok: false, error: toErrorBody(new LedgerError('error.unauthorized')) }), MIME['.json']!);
    }
    const body = await readBody(req);
    let input: unknown;
    try {
      input = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch (e) {
      const error = toErrorBody(new LedgerError('error.invalidInput', { detail: (e as Error).message }));
      return send(res, 400, JSON.stringify({ ok: false, error }), MIME['.json']!);
    }
    const envelope = await dispatch(options.ctx, name, input);
    send(res, 200, JSON.stringify(envelope), MIME['.json']!);
  }

  function index(res: http.ServerResponse): void {
    const html = fs.readFileSync(path.join(staticDir, 'index.html'), 'utf8');
    const meta = `<meta name="ledger-token" content="${token}">\n    <script src="/bridge.js"></script>`;
    send(res, 200, html.replace('<!-- ledger:bridge -->', meta), MIME['.html']!, { 'cache-control': 'no-store' });
  }

  function file(res: http.ServerResponse, pathname: string): void {
    const target = path.resolve(staticDir, `.${path.posix.normalize(pathname)}`);
    if (!target.startsWith(staticDir + path.sep) || !fs.existsSync(target) || !fs.statSync(target).isFile()) {
      return send(res, 404, 'not found', 'text/plain');
    }
    const type = MIME[path.extname(target)] ?? 'application/octet-stream';
    const immutable: Record<string, string> = pathname.startsWith('/assets/') ? { 'cache-control': 'public, max-age=31536000, immutable' } : {};
    send(res, 200, fs.readFileSync(target), type, immutable);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    ...extra,
  });
  res.end(body);
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
