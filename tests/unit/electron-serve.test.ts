import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveAsset } from '../../electron/serve.js';
import { contentSecurityPolicy } from '../../src/host/server.js';

let root: string;
let outside: string;
const html = '<!doctype html><html><head><!-- ledger:bridge --><script type="module" src="./assets/index-x.js"></script></head></html>';

beforeAll(() => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-serve-'));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), html);
  fs.writeFileSync(path.join(root, 'assets', 'index-x.js'), 'console.log(1)');
  outside = path.join(base, 'secret.txt');
  fs.writeFileSync(outside, 'secret');
});
afterAll(() => fs.rmSync(path.dirname(root), { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serveAsset(root, new Request(url, { method }));

describe('serveAsset (the app:// protocol handler)', () => {
  it('serves index.html unchanged, the bridge comment left a comment, with the CSP', async () => {
    for (const url of ['app://ledger/', 'app://ledger/index.html']) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
      expect(await res.text()).toBe(html);
    }
  });

  it('serves assets with their type and the CSP', async () => {
    const res = await get('app://ledger/assets/index-x.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('answers HEAD without a body', async () => {
    const res = await get('app://ledger/index.html', 'HEAD');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it('refuses other methods', async () => {
    const res = await get('app://ledger/index.html', 'POST');
    expect(res.status).toBe(405);
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  });

  it.each([
    'app://ledger/missing.js',
    'app://ledger/assets',
    'app://ledger/assets/..%2f..%2fsecret.txt',
    'app://ledger/..%2fsecret.txt',
    'app://other/index.html',
  ])('answers 404 for %s, with the CSP', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await res.text()).not.toContain('secret');
  });
});
