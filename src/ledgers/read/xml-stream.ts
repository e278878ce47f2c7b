// Complete elements out of XML text that arrives in chunks: each `<name …>…</name>` (or `<name …/>`) found whole is
// handed over with its positions in the text; an element cut by the chunk's end waits for the next chunk.
import { OverLimit } from './limits.js';

export type ElementHandler = (text: string, start: number, startTagEnd: number, closeStart: number) => void;

function delimiter(c: number): boolean {
  return c === 62 || c === 32 || c === 47 || c === 9 || c === 10 || c === 13;
}

export class ElementStream {
  private carry = '';
  private readonly open: string;
  private readonly close: string;

  constructor(
    prefix: string,
    local: string,
    private readonly onElement: ElementHandler,
    /** One element longer than this is not a spreadsheet's. */
    private readonly maxElement: number,
    private readonly part: string,
  ) {
    this.open = `<${prefix}${local}`;
    this.close = `</${prefix}${local}>`;
  }

  push(chunk: string): void {
    const s = this.carry.length ? this.carry + chunk : chunk;
    this.carry = '';
    const { open, close } = this;
    let p = 0;
    for (;;) {
      const a = s.indexOf(open, p);
      if (a < 0) {
        // A start tag may be cut after its first characters.
        this.carry = s.slice(Math.max(p, s.length - open.length));
        return;
      }
      if (a + open.length >= s.length) return this.wait(s, a);
      if (!delimiter(s.charCodeAt(a + open.length))) {
        p = a + 1;
        continue;
      }
      const gt = s.indexOf('>', a);
      if (gt < 0) return this.wait(s, a);
      if (s.charCodeAt(gt - 1) === 47) {
        this.onElement(s, a, gt, -1);
        p = gt + 1;
        continue;
      }
      const end = s.indexOf(close, gt);
      if (end < 0) return this.wait(s, a);
      this.onElement(s, a, gt, end);
      p = end + close.length;
    }
  }

  private wait(s: string, from: number): void {
    if (s.length - from > this.maxElement) throw new OverLimit('partBytes', this.maxElement, this.part);
    this.carry = s.slice(from);
  }
}
