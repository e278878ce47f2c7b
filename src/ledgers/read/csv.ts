// CSV as Chinese Excel and WPS save it: UTF-8 with or without a BOM, or GBK/GB18030 (told apart by whether the
// bytes are valid UTF-8), or Excel's "Unicode text" (UTF-16 with tabs). Every cell stays text: a CSV has no types.
// Lines may end in CR, LF or CRLF, mixed within one file (a file pasted together from two systems); a quoted field
// may hold line breaks. Each record is one row, numbered from 1 as Excel shows it.
import { isUtf8 } from 'node:buffer';
import { once } from 'node:events';
import { parse } from 'csv-parse';
import { LedgerError } from '../../common/errors.js';
import { OverLimit } from './limits.js';
import type { RowSink } from './source.js';

export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export function csvEncoding(data: Uint8Array): CsvEncoding {
  if (data[0] === 0xff && data[1] === 0xfe) return 'utf-16le';
  if (data[0] === 0xfe && data[1] === 0xff) return 'utf-16be';
  return isUtf8(data) ? 'utf-8' : 'gb18030';
}

const SLICE = 1024 * 1024;

/** The text in slices, decoded as it goes (never the whole file as one string). */
function* decodeSlices(data: Uint8Array, encoding: CsvEncoding, file: string): Generator<string> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  try {
    for (let i = 0; i < data.length; i += SLICE) {
      const s = decoder.decode(data.subarray(i, i + SLICE), { stream: i + SLICE < data.length });
      if (s) yield s;
    }
  } catch (e) {
    if (e instanceof TypeError) throw new LedgerError('ledgers.file.encoding', { file });
    throw e;
  }
}

export async function readCsvRows(data: Uint8Array, file: string, sheet: string, sink: RowSink, stopped: () => boolean): Promise<void> {
  const encoding = csvEncoding(data);
  sink.book(false, encoding);
  sink.sheet(sheet, false);
  const slices = decodeSlices(data, encoding, file);
  const first = slices.next();
  // The BOM is dropped by the decoder (ignoreBOM false).
  const head = first.done ? '' : first.value;
  const firstLine = head.slice(0, head.search(/\r\n|\n|\r|$/));
  const delimiter = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',';
  const parser = parse({
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    bom: true,
  });
  let decoded = 0;
  const abort = new AbortController();
  const feeding = (async () => {
    try {
      for (let s = first; !s.done; s = slices.next()) {
        decoded += s.value.length;
        if (!parser.write(s.value)) await once(parser, 'drain', { signal: abort.signal });
        if (stopped()) break;
      }
      parser.end();
    } catch (e) {
      parser.destroy(e as Error);
    }
  })();
  let row = 0;
  try {
    for await (const r of parser as AsyncIterable<string[]>) {
      row++;
      sink.guard.cells(r.length);
      sink.row([row, ...r]);
      if ((row & 1023) === 0) {
        sink.share(Math.min(1, decoded / Math.max(1, data.length)));
        if (stopped()) break;
      }
    }
  } catch (e) {
    if (e instanceof LedgerError || e instanceof OverLimit) throw e;
    throw new LedgerError('ledgers.file.csv', { file, detail: (e as Error).message.slice(0, 200) });
  } finally {
    abort.abort();
    parser.destroy();
    await feeding;
  }
}
