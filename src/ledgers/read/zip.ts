// The zip container of .xlsx and .ods, read through its central directory (the file is in memory anyway), each part
// inflated on its own with node:zlib — in one go for small parts, as a stream for sheets and shared strings — and
// every inflated byte counted against the limits.
import zlib from 'node:zlib';
import { LedgerError } from '../../common/errors.js';
import { type Guard, OverLimit } from './limits.js';

export interface ZipEntry {
  /** As stored, with `\` turned into `/` and no leading `/`. */
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** As the directory declares it: for progress only, never trusted for memory. */
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

export class Zip {
  readonly entries: ZipEntry[] = [];
  private readonly exact = new Map<string, ZipEntry>();
  private readonly folded = new Map<string, ZipEntry>();
  private readonly view: DataView;

  constructor(
    readonly data: Uint8Array,
    readonly file: string,
  ) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    this.readDirectory();
  }

  damaged(detail: string): LedgerError {
    return new LedgerError('ledgers.file.damaged', { file: this.file, detail });
  }

  private readDirectory(): void {
    const { data, view } = this;
    let eocd = -1;
    for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65_535); i--) {
      if (view.getUint32(i, true) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw this.damaged('zip: no central directory');
    let count = view.getUint16(eocd + 10, true);
    let size = view.getUint32(eocd + 12, true);
    let offset = view.getUint32(eocd + 16, true);
    let end = eocd;
    if ((count === 0xffff || offset === MAX32 || size === MAX32) && eocd >= 20 && view.getUint32(eocd - 20, true) === EOCD64_LOCATOR) {
      const at = Number(view.getBigUint64(eocd - 12, true));
      if (at + 56 > data.length || view.getUint32(at, true) !== EOCD64) throw this.damaged('zip: bad zip64 directory');
      count = Number(view.getBigUint64(at + 32, true));
      size = Number(view.getBigUint64(at + 40, true));
      offset = Number(view.getBigUint64(at + 48, true));
      end = at;
    }
    if (offset + size > end) throw this.damaged('zip: central directory out of range');
    const utf8 = new TextDecoder();
    let p = offset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > end || view.getUint32(p, true) !== CENTRAL) throw this.damaged('zip: bad directory entry');
      const flags = view.getUint16(p + 8, true);
      const method = view.getUint16(p + 10, true);
      let compressedSize = view.getUint32(p + 20, true);
      let uncompressed = view.getUint32(p + 24, true);
      const nameLength = view.getUint16(p + 28, true);
      const extraLength = view.getUint16(p + 30, true);
      const commentLength = view.getUint16(p + 32, true);
      let localOffset = view.getUint32(p + 42, true);
      const nameBytes = data.subarray(p + 46, p + 46 + nameLength);
      // Bit 11: the name is UTF-8; older writers use the DOS code page, which for part names is ASCII anyway.
      const name = utf8.decode(nameBytes).replace(/\\/g, '/').replace(/^\/+/, '');
      if (uncompressed === MAX32 || compressedSize === MAX32 || localOffset === MAX32) {
        let x = p + 46 + nameLength;
        const xEnd = x + extraLength;
        while (x + 4 <= xEnd) {
          const id = view.getUint16(x, true);
          const len = view.getUint16(x + 2, true);
          if (id === 0x0001) {
            let q = x + 4;
            if (uncompressed === MAX32) (uncompressed = Number(view.getBigUint64(q, true))), (q += 8);
            if (compressedSize === MAX32) (compressedSize = Number(view.getBigUint64(q, true))), (q += 8);
            if (localOffset === MAX32) localOffset = Number(view.getBigUint64(q, true));
            break;
          }
          x += 4 + len;
        }
      }
      if (localOffset + 30 + compressedSize > end) throw this.damaged('zip: entry out of range');
      p += 46 + nameLength + extraLength + commentLength;
      if (name.endsWith('/')) continue;
      const entry: ZipEntry = { name, method, flags, compressedSize, size: uncompressed, localOffset };
      this.entries.push(entry);
      this.exact.set(name, entry);
      this.folded.set(name.toLowerCase(), entry);
    }
  }

  /** A part by name; part names are case-insensitive in OPC, and some writers percent-encode them. */
  find(name: string): ZipEntry | undefined {
    const n = name.replace(/\\/g, '/').replace(/^\/+/, '');
    const hit = this.exact.get(n) ?? this.folded.get(n.toLowerCase());
    if (hit || !n.includes('%')) return hit;
    try {
      return this.find(decodeURIComponent(n));
    } catch {
      return undefined;
    }
  }

  /** The stored bytes of an entry. */
  raw(entry: ZipEntry): Uint8Array {
    const { view } = this;
    const at = entry.localOffset;
    if (view.getUint32(at, true) !== LOCAL) throw this.damaged(`zip: bad local header of ${entry.name}`);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    if (start + entry.compressedSize > this.data.length) throw this.damaged(`zip: ${entry.name} out of range`);
    if (entry.flags & 1) throw new LedgerError('ledgers.file.encrypted', { file: this.file });
    if (entry.method !== 0 && entry.method !== 8) throw this.damaged(`zip: compression method ${entry.method} of ${entry.name}`);
    return this.data.subarray(start, start + entry.compressedSize);
  }

  /**
   * A small part, inflated whole, up to `cap` bytes (at most the limit of one part): beyond it the part is refused,
   * or null when `orNull` (the caller then streams it).
   */
  inflate(entry: ZipEntry, guard: Guard, cap = guard.limits.partBytes, orNull = false): Buffer | null {
    const max = Math.min(cap, guard.limits.partBytes);
    const raw = this.raw(entry);
    let out: Buffer;
    if (entry.method === 0) out = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    else {
      try {
        out = zlib.inflateRawSync(raw, { maxOutputLength: max + 1 });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
          if (orNull) return null;
          throw new OverLimit('partBytes', max, entry.name);
        }
        throw this.damaged(`zip: ${entry.name}: ${(e as Error).message}`);
      }
    }
    if (out.length > max) {
      if (orNull) return null;
      throw new OverLimit('partBytes', max, entry.name);
    }
    guard.bytes(entry.name, out.length, out.length);
    return out;
  }

  /** A part's text as it inflates (UTF-8, or UTF-16 by its BOM); `onBytes` hears each chunk's inflated size. */
  async *text(entry: ZipEntry, guard: Guard, onBytes?: (n: number) => void): AsyncGenerator<string> {
    let decoder: TextDecoder | null = null;
    for await (const chunk of this.stream(entry, guard)) {
      decoder ??= new TextDecoder(encodingOf(chunk));
      onBytes?.(chunk.length);
      const s = decoder.decode(chunk, { stream: true });
      if (s) yield s;
    }
    const tail = decoder?.decode() ?? '';
    if (tail) yield tail;
  }

  /** A part as a stream of inflated chunks, counted as they come. */
  async *stream(entry: ZipEntry, guard: Guard): AsyncGenerator<Buffer> {
    const raw = this.raw(entry);
    if (entry.method === 0) {
      for (let i = 0; i < raw.length; i += CHUNK) {
        const chunk = Buffer.from(raw.buffer, raw.byteOffset + i, Math.min(CHUNK, raw.length - i));
        guard.bytes(entry.name, chunk.length, i + chunk.length);
        yield chunk;
      }
      return;
    }
    const inflater = zlib.createInflateRaw({ chunkSize: CHUNK });
    inflater.end(raw);
    let total = 0;
    try {
      for await (const chunk of inflater as AsyncIterable<Buffer>) {
        total += chunk.length;
        guard.bytes(entry.name, chunk.length, total);
        yield chunk;
      }
    } catch (e) {
      if (e instanceof OverLimit || e instanceof LedgerError) throw e;
      throw this.damaged(`zip: ${entry.name}: ${(e as Error).message}`);
    } finally {
      inflater.destroy();
    }
  }
}

const CHUNK = 256 * 1024;

function encodingOf(first: Uint8Array): string {
  if (first[0] === 0xff && first[1] === 0xfe) return 'utf-16le';
  if (first[0] === 0xfe && first[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}
