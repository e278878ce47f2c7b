// Calls onto a running web host the way its page makes them: the one-time address opened first (its cookie kept),
// then every call a POST from the host's own origin with that cookie.
import type { RunningHost } from '../../src/host/server.js';

export interface HostAnswer<T = unknown> {
  status: number;
  body: { ok: boolean; result?: T; error?: { code: string; zh: string; en: string; field?: string } };
}

export interface HostClient {
  /** `name=value`, as a Cookie header carries it. */
  cookie: string;
  origin: string;
  call<T = unknown>(name: string, input: unknown, headers?: Record<string, string>): Promise<HostAnswer<T>>;
  /** The result, or a throw naming the refusal. */
  result<T = unknown>(name: string, input: unknown): Promise<T>;
}

/** Opens the host's one-time address as a browser would and keeps the session cookie it sets. */
export async function signIn(host: RunningHost): Promise<HostClient> {
  const res = await fetch(host.openUrl, { redirect: 'manual' });
  const setCookie = res.headers.get('set-cookie');
  if (res.status !== 303 || !setCookie) throw new Error(`the one-time address gave ${res.status}, no session`);
  const cookie = setCookie.split(';')[0]!;
  const origin = new URL(host.url).origin;
  const call = async <T>(name: string, input: unknown, headers: Record<string, string> = {}): Promise<HostAnswer<T>> => {
    const r = await fetch(`${host.url}api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, cookie, ...headers },
      body: JSON.stringify(input),
    });
    return { status: r.status, body: (await r.json()) as HostAnswer<T>['body'] };
  };
  return {
    cookie,
    origin,
    call,
    async result<T>(name: string, input: unknown) {
      const a = await call<T>(name, input);
      if (!a.body.ok) throw new Error(`${name}: ${JSON.stringify(a.body.error)}`);
      return a.body.result as T;
    },
  };
}
