// What a file really is, from its bytes (never from its name alone): an xlsx zip, CSV text, a legacy OLE .xls, or a
// web page named .xls. A zip is checked down to its central directory, so a truncated download is refused before
// any parser sees it.
import { execFileSync } from 'node:child_process';
import { LedgerError } from '../../common/errors.js';
import { message } from '../../i18n/messages.js';

export type FileFormat = 'xlsx' | 'csv';

/** Above this, a ledger is not one file a person keeps; the bench's 100,000 rows are about 8 MB. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function detectFormat(data: Uint8Array, fileName: string): FileFormat {
  const file = fileName;
  if (data.length === 0) throw new LedgerError('ledgers.file.empty', { file });
  if (data.length > MAX_FILE_BYTES) {
    throw new LedgerError('ledgers.file.tooLarge', { file, size: Math.round(data.length / 1048576), max: MAX_FILE_BYTES / 1048576 });
  }
  if (OLE.every((b, i) => data[i] === b)) throw new LedgerError('ledgers.file.legacyXls', { file, ...convertHint(file) });
  if (data[0] === 0x50 && data[1] === 0x4b) {
    checkZip(data, file);
    return 'xlsx';
  }
  const utf16 = (data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff);
  const head = new TextDecoder(utf16 ? (data[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'latin1')
    .decode(data.subarray(0, 4096))
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<table') || /^<\?xml[^>]*>\s*<(html|workbook)/.test(head) || head.includes('urn:schemas-microsoft-com:office:excel')) {
    throw new LedgerError('ledgers.file.htmlXls', { file, ...convertHint(file) });
  }
  // A web system's "xls" that is really tab- or comma-separated text is read as such.
  if (utf16 && !/\.(xlsx|xlsm|et|ods)$/i.test(fileName)) return 'csv';
  if (/\.(xlsx|xlsm|et|ods)$/i.test(fileName) || looksBinary(data)) {
    throw new LedgerError('ledgers.file.notWorkbook', { file });
  }
  return 'csv';
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

/** The end-of-central-directory record and the entries an xlsx cannot do without. */
function checkZip(data: Uint8Array, file: string): void {
  const damaged = (detail: string) => new LedgerError('ledgers.file.damaged', { file, detail });
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged('zip: no central directory');
  const entries = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (offset !== 0xffffffff && offset + size > eocd) throw damaged('zip: central directory out of range');
  const names: string[] = [];
  let p = offset;
  const utf8 = new TextDecoder();
  for (let i = 0; i < entries && offset !== 0xffffffff; i++) {
    if (p + 46 > data.length || view.getUint32(p, true) !== 0x02014b50) throw damaged('zip: bad directory entry');
    const nameLength = view.getUint16(p + 28, true);
    const extra = view.getUint16(p + 30, true);
    const comment = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const compressed = view.getUint32(p + 20, true);
    if (local !== 0xffffffff && compressed !== 0xffffffff && local + 30 + compressed > eocd) throw damaged('zip: entry out of range');
    names.push(utf8.decode(data.subarray(p + 46, p + 46 + nameLength)));
    p += 46 + nameLength + extra + comment;
  }
  if (offset !== 0xffffffff) {
    if (!names.includes('xl/workbook.xml')) {
      if (names.includes('content.xml')) throw new LedgerError('ledgers.file.notWorkbook', { file });
      throw damaged('no xl/workbook.xml');
    }
    if (!names.some((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) throw new LedgerError('ledgers.file.noSheets', { file });
  }
}

let sofficeFound: boolean | undefined;

/** LibreOffice can convert .xls to .xlsx; say so only when it is on this machine. */
function convertHint(file: string): { convert: string; convertEn: string } {
  if (sofficeFound === undefined) {
    try {
      execFileSync(process.platform === 'win32' ? 'where' : 'which', ['soffice'], { stdio: 'ignore', timeout: 2000 });
      sofficeFound = true;
    } catch {
      sofficeFound = false;
    }
  }
  if (!sofficeFound) return { convert: '', convertEn: '' };
  const hint = message('ledgers.file.convertHint', { file });
  return { convert: hint.zh, convertEn: hint.en };
}
