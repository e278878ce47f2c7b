// The window's security settings and the guards of Electron's main process, as plain functions: no side effects and
// only type imports from 'electron', so unit tests can check them where no Electron binary exists.
import path from 'node:path';
import type { CustomScheme, WebPreferences } from 'electron';
import { contentSecurityPolicy } from '../src/host/server.js';

/** The page is served from app://ledger/ — a privileged, standard, secure scheme, so it has an origin of its own. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'ledger';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** The same policy the web host sends: scripts only from our own origin, no objects, no frames, no forms. */
export const CSP = contentSecurityPolicy;

/** Registered before `ready`. No `corsEnabled` (it would let other origins read our files) and no `bypassCSP`. */
export const appScheme: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

export interface WindowSecurityOptions {
  /** Developer tools: on while developing, off in the packaged app. */
  devTools?: boolean;
  /** Appended to the renderer's process.argv, where the sandboxed preload can read them. */
  additionalArguments?: string[];
}

/** Electron's security checklist, as the web preferences of every window we open. */
export function webPreferencesFor(preloadPath: string, options: WindowSecurityOptions = {}): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: options.devTools ?? false,
    additionalArguments: [...(options.additionalArguments ?? [])],
  };
}

function parse(url: string | null | undefined): URL | null {
  if (typeof url !== 'string' || url.length === 0) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Exactly our own origin: app://ledger, no credentials, no port. */
function isAppUrl(url: string | null | undefined): boolean {
  const u = parse(url);
  return (
    u !== null &&
    u.protocol === `${APP_SCHEME}:` &&
    u.hostname === APP_HOST &&
    u.port === '' &&
    u.username === '' &&
    u.password === ''
  );
}

/** Whether the window may navigate to `url`: only within our own pages; everything else is refused. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** Whether an IPC message comes from our own page (the frame's URL, `event.senderFrame.url`). */
export function isTrustedSender(frameUrl: string | null | undefined): boolean {
  return isAppUrl(frameUrl);
}

/** Links the user may open in the system browser: http and https only (no file:, smb:, javascript:, custom schemes). */
export function isExternalLink(url: string): boolean {
  const u = parse(url);
  return u !== null && (u.protocol === 'http:' || u.protocol === 'https:') && u.username === '' && u.password === '';
}

/**
 * The file under `root` (dist/renderer) that an app:// request names, or null when it names none: another host,
 * an encoded separator, NUL or dot segment, a backslash. '/' is index.html.
 */
export function assetPathFor(root: string, requestUrl: string): string | null {
  const u = parse(requestUrl);
  if (!u || !isAppUrl(requestUrl)) return null;
  // The URL parser has already resolved literal dot segments; encoded separators or dots that decode into a
  // climb are refused rather than resolved.
  if (/%(2f|5c|00)/i.test(u.pathname)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\\') || pathname.split('/').some((segment) => segment === '..' || segment === '.')) return null;
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const base = path.resolve(root);
  const target = path.resolve(base, `.${path.posix.normalize(pathname)}`);
  if (!target.startsWith(base + path.sep)) return null;
  return target;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The headers on every app:// response, the same the web host sends. */
export function responseHeaders(contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-cache',
  };
}
