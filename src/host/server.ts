// The web host: the built renderer and the contract over HTTP, on 127.0.0.1 only. Nothing is given without a
// session (./session.ts): the person who started the host opens the one-time address it printed, which sets the
// session cookie; anyone else asking gets the bootstrap page. Every call must also come from our own page (Origin)
// under our own name (Host: a page elsewhere that resolves its name to 127.0.0.1 still sends its own).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { dispatch, toErrorBody } from '../api/dispatch.js';
import type { Context } from '../api/handlers.js';
import { LedgerError } from '../common/errors.js';
import type { MessageKey, MessageParams } from '../i18n/messages.js';
import {
  BodyTooLarge,
  bodyText,
  declaredLength,
  LARGE_BODY_BYTES,
  LargeBodyGate,
  MAX_BODY_BYTES,
  MAX_UPLOAD_FILE_BYTES,
  megabytes,
  readBody,
} from './body.js';
import { bootstrapPage } from './bootstrap-page.js';
import { BOOTSTRAP_KEY, BOOTSTRAP_PATH, createSessions, type Sessions } from './session.js';

export interface HostOptions {
  ctx: Context;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
}

export interface RunningHost {
  /** The host's own address. Without a session it answers only the bootstrap page. */
  url: string;
  /** The one-time address that opens the app: its secret is spent by the first request that brings it. */
  openUrl: string;
  port: number;
  /** Large requests being received or handled now, and those waiting for their turn. */
  largeBodies(): { inFlight: number; waiting: number };
  close(): Promise<void>;
}

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

/**
 * Defines `window.api` in the page, the same shape Electron's preload gives (see LedgerBridge in the contract). The
 * session cookie goes with every call by itself. Text beyond ASCII is sent escaped, so that the host can hold a
 * large body as a one-byte string (see bodyText).
 */
const BRIDGE = `(() => {
  const ascii = (s) => s.replace(/[\\u0080-\\uffff]/g, (c) => '\\\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
  const call = async (name, input) => {
    const res = await fetch('/api/' + encodeURIComponent(name), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: ascii(JSON.stringify(input === undefined ? {} : input)),
    });
    return res.json();
  };
  Object.defineProperty(window, 'api', { value: Object.freeze({ call, door: 'web' }) });
})();
`;

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const staticDir = path.resolve(options.staticDir);
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();
  let sessions!: Sessions;
  const gate = new LargeBodyGate();

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => sendJson(res, 500, { ok: false, error: toErrorBody(e) }));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 421, 'misdirected request', 'text/plain');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const session = sessions.fromCookieHeader(req.headers.cookie);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'method not allowed', 'text/plain');
      const origin = req.headers.origin;
      // Browsers send Origin with every POST, our own page's too.
      if (!origin || !allowedOrigins.has(origin)) return refuse(res, 403, 'host.badOrigin', { origin: origin ?? '—' });
      if (!session) return refuse(res, 401, 'host.noSession');
      // Only a script that may read the answer can send JSON (a form or a no-cors fetch cannot): defence in depth.
      if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) return refuse(res, 415, 'host.notJson');
      return api(req, res, decodeURIComponent(url.pathname.slice(5)));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed', 'text/plain');
    // Only GET spends the secret: a HEAD (a link preview) does not.
    if (url.pathname === BOOTSTRAP_PATH && req.method === 'GET') {
      const issued = sessions.exchange(url.searchParams.get(BOOTSTRAP_KEY) ?? '');
      if (issued) return redirectHome(res, { 'set-cookie': issued.cookie });
      // The printed address opened again in the browser that already has the session.
      if (session) return redirectHome(res);
      return bootstrap(res, true);
    }
    if (!session) return bootstrap(res, false);
    if (url.pathname === '/bridge.js') return send(res, 200, BRIDGE, MIME['.js']!, { 'cache-control': 'no-store' });
    if (url.pathname === '/' || url.pathname === '/index.html') return index(res);
    return file(res, url.pathname);
  }

  async function api(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    const declared = declaredLength(req);
    if (declared !== null && declared > MAX_BODY_BYTES) return tooLarge(req, res, declared);
    let release: (() => void) | null = null;
    if (declared === null || declared > LARGE_BODY_BYTES) {
      const gone = new AbortController();
      res.once('close', () => gone.abort());
      release = await gate.enter(gone.signal);
      if (gone.signal.aborted) return release?.();
      if (!release) return refuse(res, 503, 'host.busy', { inFlight: gate.maxInFlight, waiting: gate.maxWaiting }, { 'retry-after': '5' });
    }
    try {
      const input = await readInput(req);
      if (input instanceof BodyTooLarge) return tooLarge(req, res, input.bytes);
      if (input instanceof LedgerError) return sendJson(res, 400, { ok: false, error: toErrorBody(input) });
      sendJson(res, 200, await dispatch(options.ctx, name, input.value));
    } finally {
      release?.();
    }
  }

  function index(res: http.ServerResponse): void {
    const html = fs.readFileSync(path.join(staticDir, 'index.html'), 'utf8');
    send(res, 200, html.replace('<!-- ledger:bridge -->', '<script src="/bridge.js"></script>'), MIME['.html']!, { 'cache-control': 'no-store' });
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
  allowedOrigins = new Set([...allowedHosts].map((h) => `http://${h}`));
  // A browser sends a 127.0.0.1 cookie to every port: the name keeps two hosts' sessions apart.
  sessions = createSessions(`relief_ledger_${port}`);
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    openUrl: `http://127.0.0.1:${port}${sessions.bootstrapPath}`,
    port,
    largeBodies: () => gate.counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The body as JSON; a refusal (too large, not JSON) as a value rather than a throw. */
async function readInput(req: http.IncomingMessage): Promise<{ value: unknown } | BodyTooLarge | LedgerError> {
  let body: Buffer;
  try {
    body = await readBody(req, MAX_BODY_BYTES);
  } catch (e) {
    if (e instanceof BodyTooLarge) return e;
    throw e;
  }
  try {
    return { value: body.length ? JSON.parse(bodyText(body)) : {} };
  } catch (e) {
    return new LedgerError('error.invalidInput', { detail: (e as Error).message });
  }
}

function tooLarge(req: http.IncomingMessage, res: http.ServerResponse, bytes: number): void {
  refuse(
    res,
    413,
    'host.bodyTooLarge',
    { size: megabytes(bytes), max: megabytes(MAX_BODY_BYTES), file: megabytes(MAX_UPLOAD_FILE_BYTES) },
    // The connection ends with this answer. What the client still sends is read and dropped (for a few seconds at
    // most), never kept: a client cut off in the middle of sending sees a reset connection instead of the answer.
    { connection: 'close' },
  );
  req.removeAllListeners('data');
  req.resume();
  res.once('finish', () => setTimeout(() => req.destroy(), 10_000).unref());
}

function refuse(res: http.ServerResponse, status: number, key: MessageKey, params: MessageParams = {}, extra: Record<string, string> = {}): void {
  sendJson(res, status, { ok: false, error: toErrorBody(new LedgerError(key, params)) }, extra);
}

function redirectHome(res: http.ServerResponse, extra: Record<string, string> = {}): void {
  // 303 and a bare path: the address bar shows the app's own address, never the secret.
  send(res, 303, '', 'text/plain', { location: '/', 'cache-control': 'no-store', ...extra });
}

function bootstrap(res: http.ServerResponse, spent: boolean): void {
  send(res, 401, bootstrapPage(spent), MIME['.html']!, { 'cache-control': 'no-store' });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  send(res, status, JSON.stringify(body), MIME['.json']!, extra);
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
