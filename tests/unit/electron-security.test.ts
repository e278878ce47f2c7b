import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_INDEX_URL,
  APP_ORIGIN,
  appScheme,
  assetPathFor,
  contentTypeFor,
  CSP,
  isAllowedNavigation,
  isExternalLink,
  isTrustedSender,
  responseHeaders,
  webPreferencesFor,
} from '../../electron/security.js';
import { contentSecurityPolicy } from '../../src/host/server.js';

describe('webPreferencesFor', () => {
  const prefs = webPreferencesFor('/app/dist/electron/preload.cjs');

  it('isolates the page: context isolation, sandbox, no Node anywhere', () => {
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and insecure content off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.spellcheck).toBe(false);
  });

  it('turns developer tools off unless asked', () => {
    expect(prefs.devTools).toBe(false);
    expect(webPreferencesFor('p', { devTools: true }).devTools).toBe(true);
    expect(webPreferencesFor('p', { devTools: false }).devTools).toBe(false);
  });

  it('passes additional arguments through, copied', () => {
    const args = ['--ledger-operations=a.b'];
    const p = webPreferencesFor('p', { additionalArguments: args });
    expect(p.additionalArguments).toEqual(args);
    expect(p.additionalArguments).not.toBe(args);
    expect(prefs.additionalArguments).toEqual([]);
  });

  it('cannot be talked out of the secure settings by its options', () => {
    const p = webPreferencesFor('p', { devTools: true, nodeIntegration: true, sandbox: false } as never);
    expect(p.nodeIntegration).toBe(false);
    expect(p.sandbox).toBe(true);
  });
});

describe('the app:// scheme and CSP', () => {
  it('uses the web host’s policy, unchanged', () => {
    expect(CSP).toBe(contentSecurityPolicy);
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).toContain("object-src 'none'");
    expect(CSP).not.toContain('unsafe-eval');
  });

  it('registers a standard, secure scheme that neither bypasses CSP nor opens itself to other origins', () => {
    expect(appScheme.scheme).toBe('app');
    expect(appScheme.privileges?.standard).toBe(true);
    expect(appScheme.privileges?.secure).toBe(true);
    expect(appScheme.privileges?.bypassCSP).toBeFalsy();
    expect(appScheme.privileges?.corsEnabled).toBeFalsy();
    expect(APP_INDEX_URL.startsWith(`${APP_ORIGIN}/`)).toBe(true);
  });

  it('puts the CSP and the web host’s other headers on every response', () => {
    const h = responseHeaders('text/html; charset=utf-8');
    expect(h['content-security-policy']).toBe(contentSecurityPolicy);
    expect(h['content-type']).toBe('text/html; charset=utf-8');
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('no-referrer');
  });

  it('knows the content types the renderer is built of', () => {
    expect(contentTypeFor('/x/index.html')).toMatch(/^text\/html/);
    expect(contentTypeFor('/x/assets/index-abc.js')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('/x/assets/index-abc.CSS')).toMatch(/^text\/css/);
    expect(contentTypeFor('/x/a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/unknown.bin')).toBe('application/octet-stream');
  });
});

describe('isTrustedSender', () => {
  it('trusts our own pages only', () => {
    expect(isTrustedSender('app://ledger/index.html')).toBe(true);
    expect(isTrustedSender('app://ledger/')).toBe(true);
    expect(isTrustedSender('app://ledger/index.html#/stock?x=1')).toBe(true);
  });

  it.each([
    ['another host on our scheme', 'app://evil/index.html'],
    ['a look-alike host', 'app://ledger.evil/index.html'],
    ['credentials in the URL', 'app://user:pw@ledger/index.html'],
    ['a port', 'app://ledger:8080/index.html'],
    ['file:', 'file:///app/dist/renderer/index.html'],
    ['http', 'http://ledger/index.html'],
    ['https', 'https://example.com/'],
    ['the web host', 'http://127.0.0.1:5173/'],
    ['about:blank', 'about:blank'],
    ['data:', 'data:text/html,<script>1</script>'],
    ['devtools', 'devtools://devtools/bundled/inspector.html'],
    ['an empty URL', ''],
    ['garbage', 'not a url'],
  ])('refuses %s', (_what, url) => {
    expect(isTrustedSender(url)).toBe(false);
  });

  it('refuses a missing frame', () => {
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('isAllowedNavigation', () => {
  it('allows moving within app://ledger', () => {
    expect(isAllowedNavigation('app://ledger/index.html')).toBe(true);
    expect(isAllowedNavigation('app://ledger/index.html#/journal')).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:8080/',
    'file:///etc/passwd',
    'app://other/index.html',
    'javascript:alert(1)',
    'data:text/html,hi',
    'about:blank',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('isExternalLink', () => {
  it('opens http and https in the system browser', () => {
    expect(isExternalLink('https://www.mem.gov.cn/')).toBe(true);
    expect(isExternalLink('http://example.com/a?b=c')).toBe(true);
  });

  it.each(['file:///C:/Windows/system32/calc.exe', 'smb://server/share', 'javascript:alert(1)', 'app://ledger/', 'mailto:a@b.c', 'ms-msdt:/id', 'https://u:p@example.com/', 'nonsense'])(
    'refuses %s',
    (url) => {
      expect(isExternalLink(url)).toBe(false);
    },
  );
});

describe('assetPathFor', () => {
  const root = path.resolve('/srv/app/dist/renderer');

  it('maps app:// paths under dist/renderer, / to index.html', () => {
    expect(assetPathFor(root, 'app://ledger/')).toBe(path.join(root, 'index.html'));
    expect(assetPathFor(root, 'app://ledger/index.html')).toBe(path.join(root, 'index.html'));
    expect(assetPathFor(root, 'app://ledger/assets/index-abc.js?v=1#x')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(assetPathFor(root, 'app://ledger/assets/%E5%9B%BE.png')).toBe(path.join(root, 'assets', '图.png'));
  });

  it('resolves literal dot segments the way the URL parser does, inside the root', () => {
    expect(assetPathFor(root, 'app://ledger/../../etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
    expect(assetPathFor(root, 'app://ledger/..')).toBe(path.join(root, 'index.html'));
    // WHATWG URL treats %2e%2e as a dot segment too.
    expect(assetPathFor(root, 'app://ledger/%2e%2e/%2e%2e/etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
  });

  it.each([
    ['encoded slashes', 'app://ledger/assets/..%2f..%2f..%2fetc/passwd'],
    ['encoded backslashes', 'app://ledger/assets/..%5c..%5csecret'],
    ['a backslash', 'app://ledger/assets/a\\b.js'],
    ['NUL', 'app://ledger/a%00.js'],
    ['broken escapes', 'app://ledger/%E0%A4%A'],
    ['another host', 'app://other/index.html'],
    ['another scheme', 'file:///srv/app/dist/renderer/index.html'],
  ])('refuses %s', (_what, url) => {
    expect(assetPathFor(root, url)).toBeNull();
  });

  it('never leaves the root, whatever the request', () => {
    for (const p of ['..', '../x', '%2e%2e', '/..', '//etc/passwd', '.%2e/.%2e/x', '%2E%2E%2F', 'a/%2e/b', '...', '....//x']) {
      const got = assetPathFor(root, `app://ledger/${p}`);
      if (got !== null) expect(got.startsWith(root + path.sep)).toBe(true);
    }
  });
});
