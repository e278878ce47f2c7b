// What the web host takes in: how big a request may be, and how many large ones it holds at once. Workbooks come
// as base64 inside JSON, so a file of n bytes is a body of about 4n/3; while it is read, parsed, decoded and
// imported the host holds several copies of it, so large bodies are let in a few at a time (the rest wait their
// turn) and beyond a short queue are refused.
import { isAscii } from 'node:buffer';
import type http from 'node:http';

const MB = 1024 * 1024;

/**
 * The largest workbook the page may send. A bureau's biggest ledger, 100,000 movements, is about 8 MB as .xlsx;
 * 48 MB leaves room for six times that. The command line (`relief-ledger import`) reads files up to the core's
 * 200 MB limit, without base64 and without a browser.
 */
export const MAX_UPLOAD_FILE_BYTES = 48 * MB;
/** The file as base64, plus the rest of the JSON (names, the mapping). */
export const MAX_BODY_BYTES = Math.ceil(MAX_UPLOAD_FILE_BYTES / 3) * 4 + MB;
/** Bodies above this count as large: every screen's own requests are far below it. */
export const LARGE_BODY_BYTES = MB;
/** Large requests held at once (read, parsed and handled); more wait in line. */
export const LARGE_IN_FLIGHT = 2;
/** Large requests waiting for their turn; more are refused with 503. */
export const LARGE_WAITING = 8;

export class BodyTooLarge extends Error {
  constructor(readonly bytes: number) {
    super(`request body of at least ${bytes} bytes`);
  }
}

/** Counts large requests in flight; a request waits for a free place (its body unread meanwhile) or is refused. */
export class LargeBodyGate {
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly maxInFlight = LARGE_IN_FLIGHT,
    readonly maxWaiting = LARGE_WAITING,
  ) {}

  get counts(): { inFlight: number; waiting: number } {
    return { inFlight: this.inFlight, waiting: this.waiting.length };
  }

  /**
   * Resolves to a release function once the request may go on; null at once when the line is full. A request whose
   * client goes away while it waits (`gone`) leaves the line.
   */
  enter(gone: AbortSignal): Promise<(() => void) | null> {
    if (this.inFlight < this.maxInFlight) {
      this.inFlight++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.maxWaiting) return Promise.resolve(null);
    return new Promise((resolve) => {
      const turn = () => {
        gone.removeEventListener('abort', leave);
        this.inFlight++;
        resolve(this.releaser());
      };
      const leave = () => {
        const i = this.waiting.indexOf(turn);
        if (i >= 0) this.waiting.splice(i, 1);
        resolve(null);
      };
      this.waiting.push(turn);
      gone.addEventListener('abort', leave, { once: true });
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight--;
      this.waiting.shift()?.();
    };
  }
}

/** The declared length of a request's body, or null when it is sent in chunks of unknown total. */
export function declaredLength(req: http.IncomingMessage): number | null {
  const raw = req.headers['content-length'];
  if (raw === undefined) return null;
  const n = Number(raw);
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/**
 * Reads the body into one buffer (of the declared length where there is one, so a large body is not also held as
 * chunks and their concatenation); rejects with BodyTooLarge as soon as it passes `max`.
 */
export function readBody(req: http.IncomingMessage, max: number): Promise<Buffer> {
  const declared = declaredLength(req);
  if (declared !== null && declared > max) return Promise.reject(new BodyTooLarge(declared));
  return new Promise((resolve, reject) => {
    let buffer = declared !== null ? Buffer.allocUnsafe(declared) : null;
    const chunks: Buffer[] = [];
    let size = 0;
    const fail = (e: Error) => {
      req.removeAllListeners('data');
      buffer = null;
      chunks.length = 0;
      reject(e);
    };
    req.on('data', (c: Buffer) => {
      if (size + c.length > (declared ?? max)) return fail(new BodyTooLarge(size + c.length));
      if (buffer) c.copy(buffer, size);
      else chunks.push(c);
      size += c.length;
    });
    let ended = false;
    req.on('end', () => {
      ended = true;
      if (buffer) resolve(size === buffer.length ? buffer : buffer.subarray(0, size));
      else resolve(Buffer.concat(chunks));
    });
    req.on('error', fail);
    // The client went away before sending all of it.
    req.on('close', () => ended || fail(new Error('request aborted')));
  });
}

/**
 * The body as text. An all-ASCII body (the page's bridge escapes everything else) becomes a one-byte string, half
 * the memory of the two-byte string V8 makes as soon as one Chinese character is in it.
 */
export function bodyText(body: Buffer): string {
  return isAscii(body) ? body.toString('latin1') : body.toString('utf8');
}

export const megabytes = (bytes: number) => Math.round((bytes / MB) * 10) / 10;
