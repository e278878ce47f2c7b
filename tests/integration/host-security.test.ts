// The web host as another local user, or a page on another site, would try it: without the one-time address
// nothing but the bootstrap page; no call without the session cookie, from another origin or under another host
// name; no operation that takes a filesystem path; no body beyond the limit, and only a few large ones at a time.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doorOperationNames } from '../../src/api/door-operations.js';
import { contract, operationNames } from '../../src/api/contract.js';
import { LARGE_IN_FLIGHT, LARGE_WAITING, MAX_BODY_BYTES } from '../../src/host/body.js';
import { type RunningHost, startHost } from '../../src/host/server.js';
import { seeded, tempDir, type TempLedger } from './fixture.js';
import { type HostClient, signIn } from './host-client.js';

let l: TempLedger;
let host: RunningHost;
let client: HostClient;
let staticDir: string;

beforeAll(async () => {
  l = await seeded();
  staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><head><!-- ledger:bridge --></head><body>APP-INDEX</body>');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'assets', 'index-1.js'), 'console.log("APP-SCRIPT")');
  host = await startHost({ ctx: l.ctx, staticDir });
  client = await signIn(host);
});

afterAll(async () => {
  await host.close();
  l.close();
});

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request with exactly the headers given (fetch would set Host and Origin itself). */
function raw(url: string, options: { method?: string; headers?: Record<string, string | number>; body?: string } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const post = (name: string, headers: Record<string, string | number>, body = '{}') =>
  raw(`${host.url}api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('without the one-time address', () => {
  it.each(['/', '/index.html', '/bridge.js', '/assets/index-1.js', '/start', '/start?key=guess'])('GET %s gives the bootstrap page only', async (pathname) => {
    const res = await raw(new URL(pathname, host.url).href);
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('请打开本程序启动时显示的地址');
    expect(res.body).toContain('Open the address the program printed');
    for (const leak of ['APP-INDEX', 'APP-SCRIPT', '<script', 'ledger-token', 'window.api', new URL(host.openUrl).search.slice(5)]) expect(res.body).not.toContain(leak);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('answers no call: no cookie, a made-up cookie, or the cookie name of another port', async () => {
    const origin = client.origin;
    const name = client.cookie.split('=')[0]!;
    for (const cookie of [undefined, `${name}=made-up-session-id`, `relief_ledger_1=${client.cookie.split('=')[1]}x`]) {
      const res = await post('summary.get', { origin, ...(cookie ? { cookie } : {}) });
      expect(res.status, String(cookie)).toBe(401);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'host.noSession' } });
      expect(res.body).not.toContain('streets');
    }
  });
});

describe('the one-time address', () => {
  it('is spent by its first use: a second use, even a moment later, gets the bootstrap page and no cookie', async () => {
    const other = await startHost({ ctx: l.ctx, staticDir });
    try {
      const head = await raw(other.openUrl, { method: 'HEAD' });
      expect(head.headers['set-cookie']).toBeUndefined(); // a link preview's HEAD does not spend it
      const first = await raw(other.openUrl);
      expect(first.status).toBe(303);
      // Back to the app's own address: the secret does not stay in the address bar or the history.
      expect(first.headers.location).toBe('/');
      const cookie = first.headers['set-cookie']![0]!;
      expect(cookie).toMatch(new RegExp(`^relief_ledger_${other.port}=[A-Za-z0-9_-]{43}; `));
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Strict');
      expect(cookie).toContain('Path=/');
      expect(first.headers['cache-control']).toBe('no-store');

      const second = await raw(other.openUrl);
      expect(second.status).toBe(401);
      expect(second.headers['set-cookie']).toBeUndefined();
      expect(second.body).toContain('这个地址已经用过或无效');

      // The browser that has the session may open the printed address again: it is simply let in.
      const again = await raw(other.openUrl, { headers: { cookie: cookie.split(';')[0]! } });
      expect(again.status).toBe(303);
      expect(again.headers['set-cookie']).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  it('makes a different secret at every start', async () => {
    const other = await startHost({ ctx: l.ctx, staticDir });
    await other.close();
    expect(new URL(other.openUrl).searchParams.get('key')).not.toBe(new URL(host.openUrl).searchParams.get('key'));
    expect(new URL(host.openUrl).searchParams.get('key')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('opens the app with the session: the page and the bridge hold no secret', async () => {
    const page = await raw(host.url, { headers: { cookie: client.cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('APP-INDEX');
    expect(page.body).toContain('<script src="/bridge.js"></script>');
    const bridge = await raw(`${host.url}bridge.js`, { headers: { cookie: client.cookie } });
    expect(bridge.status).toBe(200);
    const secret = client.cookie.split('=')[1]!;
    for (const text of [page.body, bridge.body]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(new URL(host.openUrl).searchParams.get('key')!);
    }
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect((await raw(`${host.url}../../etc/passwd`, { headers: { cookie: client.cookie } })).status).toBe(404);
  });

  it('prints the one-time address as the first address on the standard output of `relief-ledger serve`', async () => {
    const dir = tempDir();
    const child: ChildProcess = spawn(process.execPath, ['bin/relief-ledger.mjs', 'serve', '--db', path.join(dir, 'l.db'), '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const out = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout!.on('data', (d: Buffer) => {
          text += d.toString();
          if (text.includes('Ctrl+C')) resolve(text);
        });
        child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
      });
      const urls = out.match(/https?:\/\/\S+/g)!;
      expect(urls).toHaveLength(1);
      const first = new URL(urls[0]!);
      expect(first.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(first.pathname).toBe('/start');
      const res = await fetch(first, { redirect: 'manual' });
      expect(res.status).toBe(303);
      expect(res.headers.get('set-cookie')).toContain('HttpOnly');
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('calls with the session', () => {
  it('are answered from our own page', async () => {
    const res = await client.call<{ streets: number }>('summary.get', {});
    expect(res.status).toBe(200);
    expect(res.body.result?.streets).toBe(1);
  });

  it('are refused from another origin, or with none, even with the cookie', async () => {
    // A page served from another port of 127.0.0.1 is the same site: the browser sends it the cookie; Origin stops it.
    for (const origin of [undefined, 'http://127.0.0.1:1', 'http://evil.example', 'null', `http://127.0.0.1:${host.port}.evil.example`]) {
      const res = await post('movements.post', { cookie: client.cookie, ...(origin ? { origin } : {}) }, JSON.stringify({ type: 'issue', locationCode: 'WH01' }));
      expect(res.status, String(origin)).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'host.badOrigin' } });
    }
  });

  it('must be JSON: what a form or a no-cors fetch can send is refused', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await post('summary.get', { cookie: client.cookie, origin: client.origin, 'content-type': type });
      expect(res.status, type).toBe(415);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'host.notJson' } });
    }
    expect((await post('summary.get', { cookie: client.cookie, origin: client.origin, 'content-type': 'application/json; charset=utf-8' })).status).toBe(200);
  });

  it('are refused under another host name (DNS rebinding)', async () => {
    const res = await post('summary.get', { host: `evil.example:${host.port}`, origin: `http://evil.example:${host.port}`, cookie: client.cookie });
    expect(res.status).toBe(421);
  });

  it('must be POSTs', async () => {
    expect((await raw(`${host.url}api/summary.get`, { headers: { cookie: client.cookie, origin: client.origin } })).status).toBe(405);
  });

  it('listens on the loopback address only', () => {
    expect(host.url.startsWith('http://127.0.0.1:')).toBe(true);
  });
});

describe('filesystem paths', () => {
  it('no operation of the renderer’s contract takes one', () => {
    const pathLike = /^(out|path|file|dir|folder|dest|target)$|(Path|Dir|Folder|File)$/;
    const offending: string[] = [];
    const walk = (schema: unknown, where: string) => {
      const def = (schema as { def?: { type?: string; shape?: Record<string, unknown>; innerType?: unknown; in?: unknown; element?: unknown; options?: unknown[] } }).def;
      if (!def) return;
      if (def.shape) for (const [key, s] of Object.entries(def.shape)) {
        // A field may be called "file" when it takes only a name from a list (a backup's file name) or a choice:
        // what matters is that no path gets through its schema.
        const takesPath = ['../../taken.db', '/tmp/taken.db', 'C:\\taken.db'].some((p) => (s as { safeParse(v: unknown): { success: boolean } }).safeParse(p).success);
        if (pathLike.test(key) && takesPath) offending.push(`${where}.${key}`);
        walk(s, `${where}.${key}`);
      }
      for (const inner of [def.innerType, def.in, def.element, ...(def.options ?? [])]) if (inner) walk(inner, where);
    };
    for (const name of operationNames) walk(contract[name].input, name);
    expect(offending).toEqual([]);
    expect(doorOperationNames).toContain('system.backup');
    for (const name of doorOperationNames) expect(operationNames).not.toContain(name);
  });

  it.each(doorOperationNames)('the web host does not know %s, and writes nothing', async (name) => {
    const dir = tempDir();
    const target = path.join(dir, 'a', '..', 'taken.db');
    for (const out of [target, '../../taken.db']) {
      const res = await client.call(name, { out });
      expect(res.body).toMatchObject({ ok: false, error: { code: 'error.unknownOperation' } });
    }
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(fs.existsSync(path.resolve('../../taken.db'))).toBe(false);
  });
});

describe('request bodies', () => {
  const padded = (bytes: number) => {
    const head = '{"pad":"';
    return `${head}${'x'.repeat(bytes - head.length - 2)}"}`;
  };

  it('takes a body of exactly the limit, and refuses one byte more with 413 before reading it', async () => {
    const atLimit = await post('summary.get', { cookie: client.cookie, origin: client.origin }, padded(MAX_BODY_BYTES));
    expect(atLimit.status).toBe(200);
    expect(JSON.parse(atLimit.body).ok).toBe(true);

    // Only the headers are sent: the answer comes without the body.
    const res = await new Promise<Raw>((resolve, reject) => {
      const req = http.request(`${host.url}api/ledgers.import`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': MAX_BODY_BYTES + 1, cookie: client.cookie, origin: client.origin },
      });
      req.on('response', (r) => {
        let body = '';
        r.on('data', (c: Buffer) => (body += c.toString()));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, headers: r.headers, body }));
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(res.status).toBe(413);
    const error = JSON.parse(res.body).error;
    expect(error.code).toBe('host.bodyTooLarge');
    expect(error.zh).toContain('请求过大');
    expect(error.zh).toContain('relief-ledger import');
    expect(error.en).toContain('too large');
  });

  it('refuses a chunked body as soon as it passes the limit', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${host.url}api/summary.get`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: client.cookie, origin: client.origin } });
      req.on('response', (r) => {
        r.resume();
        resolve(r.statusCode ?? 0);
      });
      // The host ends the connection after its answer; writing on may fail.
      req.on('error', () => undefined);
      const chunk = Buffer.alloc(1024 * 1024, 'x');
      let sent = 0;
      const more = () => {
        while (sent <= MAX_BODY_BYTES + chunk.length) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', more);
        }
        req.end();
      };
      req.write('{"pad":"');
      more();
      setTimeout(() => reject(new Error('no answer')), 30_000).unref();
    });
    expect(status).toBe(413);
  });

  it(`holds ${LARGE_IN_FLIGHT} large bodies at once, lets ${LARGE_WAITING} wait, refuses the next with 503, then answers those waiting`, async () => {
    const size = 2 * 1024 * 1024;
    const body = padded(size);
    const half = body.slice(0, size / 2);
    const held = Array.from({ length: LARGE_IN_FLIGHT + LARGE_WAITING }, () => {
      const req = http.request(`${host.url}api/summary.get`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': size, cookie: client.cookie, origin: client.origin },
      });
      const answer = new Promise<number>((resolve, reject) => {
        req.on('response', (r) => {
          r.resume();
          r.on('end', () => resolve(r.statusCode ?? 0));
        });
        req.on('error', reject);
      });
      req.write(half);
      return { req, answer };
    });
    for (let i = 0; i < 500; i++) {
      const n = host.largeBodies();
      if (n.inFlight === LARGE_IN_FLIGHT && n.waiting === LARGE_WAITING) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(host.largeBodies()).toEqual({ inFlight: LARGE_IN_FLIGHT, waiting: LARGE_WAITING });

    const refused = await post('summary.get', { cookie: client.cookie, origin: client.origin }, body);
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    const error = JSON.parse(refused.body).error;
    expect(error.code).toBe('host.busy');
    expect(error.zh).toContain('请稍后再试');
    expect(error.en).toContain('try again');
    // Small calls are not held up by large ones.
    expect((await client.call('summary.get', {})).status).toBe(200);

    for (const h of held) h.req.end(body.slice(size / 2));
    expect(await Promise.all(held.map((h) => h.answer))).toEqual(held.map(() => 200));
    expect(host.largeBodies()).toEqual({ inFlight: 0, waiting: 0 });
  });

  it('lets a waiting request go when its client gives up', async () => {
    const size = 2 * 1024 * 1024;
    const open = Array.from({ length: LARGE_IN_FLIGHT + 1 }, () => {
      const req = http.request(`${host.url}api/summary.get`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': size, cookie: client.cookie, origin: client.origin },
      });
      req.on('error', () => undefined);
      req.flushHeaders();
      return req;
    });
    for (let i = 0; i < 500 && host.largeBodies().waiting < 1; i++) await new Promise((r) => setTimeout(r, 10));
    expect(host.largeBodies()).toEqual({ inFlight: LARGE_IN_FLIGHT, waiting: 1 });
    for (const req of open) req.destroy();
    for (let i = 0; i < 500 && host.largeBodies().inFlight + host.largeBodies().waiting > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(host.largeBodies()).toEqual({ inFlight: 0, waiting: 0 });
  });
});
