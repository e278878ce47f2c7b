// Who may use the web host. Each start makes one bootstrap secret, which only the person who started the host sees
// (it is in the address printed on the host's standard output). The first request that brings it gets a session
// cookie and spends the secret; asking `GET /` gives nothing without that cookie. The secret is the page's way in,
// not an identity: a login (users and roles) can issue sessions the same way, through `issue`.
import crypto from 'node:crypto';

export interface Session {
  readonly createdAt: number;
  lastSeen: number;
}

export interface Sessions {
  /** The path and query of the one-time address, e.g. `/start?key=…`. */
  readonly bootstrapPath: string;
  /** A session for the bootstrap secret, the first time it is brought; null when wrong or spent. */
  exchange(secret: string): Issued | null;
  /** A new session, for a door in front of this layer (a login) that has checked who is asking. */
  issue(): Issued;
  /** The session a request's Cookie header carries, if it is one of ours and still open. */
  fromCookieHeader(header: string | undefined): Session | null;
  end(session: Session): void;
}

/** A session, and the Set-Cookie value that gives it to the browser. */
export interface Issued {
  session: Session;
  cookie: string;
}

export const BOOTSTRAP_PATH = '/start';
export const BOOTSTRAP_KEY = 'key';

const random = () => crypto.randomBytes(32).toString('base64url');
/** Sessions are found by a hash of their id, so a lookup takes no longer for a nearly right guess. */
const digest = (id: string) => crypto.createHash('sha256').update(id).digest('base64url');

/**
 * `cookieName` should differ per host (the port is in it): browsers send a 127.0.0.1 cookie to every port, and two
 * hosts on one machine must not overwrite each other's session.
 */
export function createSessions(cookieName: string): Sessions {
  let secret: string | null = random();
  const bootstrapPath = `${BOOTSTRAP_PATH}?${BOOTSTRAP_KEY}=${secret}`;
  const open = new Map<string, Session>();
  const ids = new WeakMap<Session, string>();

  // HttpOnly: no script reads it; SameSite=Strict: no other site's page or link sends it; no Max-Age: it ends with
  // the browser. Not Secure: the host speaks plain HTTP on the loopback address.
  const issue = (): Issued => {
    const id = random();
    const now = Date.now();
    const session: Session = { createdAt: now, lastSeen: now };
    open.set(digest(id), session);
    ids.set(session, id);
    return { session, cookie: `${cookieName}=${id}; Path=/; HttpOnly; SameSite=Strict` };
  };

  return {
    bootstrapPath,
    exchange(given) {
      if (secret === null || !sameSecret(given, secret)) return null;
      secret = null;
      return issue();
    },
    issue,
    fromCookieHeader(header) {
      const id = cookieValue(header, cookieName);
      const session = id ? open.get(digest(id)) : undefined;
      if (!session) return null;
      session.lastSeen = Date.now();
      return session;
    },
    end(session) {
      const id = ids.get(session);
      if (id) open.delete(digest(id));
    },
  };
}

function sameSecret(given: string, secret: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** The value of one cookie in a Cookie header (`a=1; b=2`). */
export function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
