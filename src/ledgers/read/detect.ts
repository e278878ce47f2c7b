// What a file really is, from its bytes (never from its name alone): an OLE2 compound file (.xls, WPS .et), a zip
// (.xlsx/.xlsm, .xlsb, .ods), a web page or Excel 2003 XML saved as ".xls", or CSV text. A zip is checked down to
// its central directory, so a truncated download is refused before any parser sees it.
import zlib from 'node:zlib';
import type { LedgerFileFormat } from '../../api/contract.ledgers.js';
import { LedgerError } from '../../common/errors.js';
import { Zip, type ZipEntry } from './zip.js';

export type FileFormat = LedgerFileFormat;

/** Above this, a ledger is not one file a person keeps; the bench's 100,000 rows are about 8 MB. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ODS = 'application/vnd.oasis.opendocument.spreadsheet';
const WORKBOOK_NAME = /\.(xlsx|xlsm|xlsb|xls|et|ods)$/i;

export function detectFormat(data: Uint8Array, fileName: string): FileFormat {
  const file = fileName;
  if (data.length === 0) throw new LedgerError('ledgers.file.empty', { file });
  if (data.length > MAX_FILE_BYTES) {
    throw new LedgerError('ledgers.file.tooLarge', { file, size: Math.round(data.length / 1048576), max: MAX_FILE_BYTES / 1048576 });
  }
  // WPS saves its .et as the same BIFF8 compound file as .xls: only the name tells them apart.
  if (OLE.every((b, i) => data[i] === b)) return /\.et$/i.test(fileName) ? 'et' : 'xls';
  if (data[0] === 0x50 && data[1] === 0x4b) return zipFormat(data, file);
  const utf16 = (data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff);
  const head = new TextDecoder(utf16 ? (data[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'latin1')
    .decode(data.subarray(0, 4096))
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();
  if (/^(<\?xml[^>]*>\s*)?(<\?mso-application[^>]*>\s*)?(<!--[\s\S]*?-->\s*)?<(ss:)?workbook[\s>]/.test(head)) return 'xml';
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)?<(!doctype html|html|head|meta|body|table|style|div)[\s>/]/.test(head) || head.includes('urn:schemas-microsoft-com:office:excel')) {
    return 'html';
  }
  // A web system's "xls" that is really tab- or comma-separated text is read as such.
  if (utf16 && !/\.(xlsx|xlsm|xlsb|et|ods)$/i.test(fileName)) return 'csv';
  if (/\.(xlsx|xlsm|xlsb|et|ods)$/i.test(fileName) || looksBinary(data)) throw new LedgerError('ledgers.file.notWorkbook', { file });
  return 'csv';
}

function mimetypeOf(zip: Zip, entry: ZipEntry): string {
  try {
    const raw = zip.raw(entry);
    return new TextDecoder().decode(entry.method === 0 ? raw : zlib.inflateRawSync(raw, { maxOutputLength: 1024 })).trim();
  } catch {
    return '';
  }
}

function looksBinary(data: Uint8Array): boolean {
  const n = Math.min(data.length, 4096);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = data[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) controls++;
  }
  return controls > n / 100;
}

/** Which workbook a zip holds, from its part names; any other zip (a .docx, an archive) is not a workbook. */
function zipFormat(data: Uint8Array, file: string): FileFormat {
  const zip = new Zip(data, file);
  if (zip.find('xl/workbook.bin')) return 'xlsb';
  if (zip.find('content.xml')) {
    // An OpenDocument says what it is in its first, stored part; a text document (.odt) is not a workbook.
    const mimetype = zip.find('mimetype');
    if (!mimetype || mimetypeOf(zip, mimetype).startsWith(ODS)) return 'ods';
    throw new LedgerError('ledgers.file.notWorkbook', { file });
  }
  // A package whose workbook part is missing is a damaged workbook, which reading it will say.
  if (zip.entries.some((e) => /^xl\//i.test(e.name))) return 'xlsx';
  if (WORKBOOK_NAME.test(file) && !zip.entries.length) throw zip.damaged('zip: empty');
  throw new LedgerError('ledgers.file.notWorkbook', { file });
}
