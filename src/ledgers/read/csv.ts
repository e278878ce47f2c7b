// CSV as Chinese Excel and WPS save it: UTF-8 with or without a BOM, or GBK/GB18030 (told apart by whether the
// bytes are valid UTF-8), or Excel's "Unicode text" (UTF-16 with tabs). Every cell stays text: a CSV has no types.
import { parse } from 'csv-parse/sync';
import { LedgerError } from '../../common/errors.js';
import type { SheetRow } from '../cells.js';

export interface DecodedCsv {
  encoding: 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';
  rows: SheetRow[];
}

export function decodeText(data: Uint8Array, file: string): { text: string; encoding: DecodedCsv['encoding'] } {
  if (data[0] === 0xff && data[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(data), encoding: 'utf-16le' };
  if (data[0] === 0xfe && data[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(data), encoding: 'utf-16be' };
  try {
    // The BOM is dropped by the decoder (ignoreBOM false).
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(data), encoding: 'utf-8' };
  } catch {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(data), encoding: 'gb18030' };
    } catch {
      throw new LedgerError('ledgers.file.encoding', { file });
    }
  }
}

export function readCsv(data: Uint8Array, file: string): DecodedCsv {
  const { text, encoding } = decodeText(data, file);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',';
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
    }) as string[][];
  } catch (e) {
    throw new LedgerError('ledgers.file.csv', { file, detail: (e as Error).message.slice(0, 200) });
  }
  // A record may span lines inside quotes; Excel shows each record as one row, numbered from 1.
  return { encoding, rows: records.map((cells, i) => ({ row: i + 1, cells })) };
}
