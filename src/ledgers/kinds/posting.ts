// Posting imported rows through the core's Poster, and turning its refusals (a LedgerError whose field is a path
// such as `lines.3.quantity`) back into errors on the row and column they came from.
import type { z } from 'zod';
import type { movementPostInput, transferInput } from '../../api/contract.js';
import { LedgerError } from '../../common/errors.js';
import type { Poster } from '../../stock/post.js';
import type { ErrorSink, ParsedRow } from './kind.js';

export type PostDoc = z.output<typeof movementPostInput>;
export type TransferDoc = z.output<typeof transferInput>;

/** Poster's line fields → the import's field keys. */
const LINE_FIELDS: Record<string, string> = {
  itemCode: 'itemCode',
  quantity: 'quantity',
  batchNo: 'batch',
  expiryDate: 'expiry',
  productionDate: 'productionDate',
  unitPrice: 'unitPrice',
};
const DOC_FIELDS: Record<string, string> = { docNo: 'docNo', locationCode: 'location', fromCode: 'location', toCode: 'counterpart', date: 'date' };

/**
 * Posts a document whose line i came from rows[i]. When a line is refused, the error goes on its row and the lines
 * after it are posted as a further document, so that one run finds every refusal; any refusal means the import's
 * transaction is rolled back, so the split never lands.
 */
export function postRows(
  poster: Poster,
  doc: PostDoc | TransferDoc,
  rows: ParsedRow[],
  errors: ErrorSink,
  itemName: (code: string) => string | undefined = () => undefined,
): { lines: number; movements: number } {
  let start = 0;
  let lines = 0;
  let movements = 0;
  while (start < doc.lines.length) {
    const part = start === 0 ? doc : { ...doc, docNo: undefined, lines: doc.lines.slice(start) };
    try {
      const r = 'fromCode' in part ? poster.postTransfer(part as TransferDoc) : poster.postDocument(part as PostDoc);
      lines += part.lines.length;
      movements += r.ids.length;
      break;
    } catch (e) {
      if (!(e instanceof LedgerError)) throw e;
      const m = /^lines\.(\d+)\.(\w+)$/.exec(e.field ?? '');
      const bare = !m && e.field && LINE_FIELDS[e.field] ? lineOf(e, part.lines, itemName) : null;
      if (m || bare !== null) {
        const at = start + (m ? Number(m[1]) : bare!);
        errors.failText(rows[at]!, LINE_FIELDS[m ? m[2]! : e.field!] ?? null, e.zh, e.en);
        start = at + 1;
      } else {
        errors.failText(rows[start]!, e.field ? (DOC_FIELDS[e.field] ?? null) : null, e.zh, e.en);
        break;
      }
    }
  }
  return { lines, movements };
}

/**
 * The Poster names a refused line by its path, except when a named batch runs short: then the field is a bare
 * `quantity`. The line is the one whose item, batch and quantity the message names.
 */
function lineOf(e: LedgerError, lines: { itemCode: string; batchNo?: string; quantity: number }[], itemName: (code: string) => string | undefined): number {
  if (lines.length === 1) return 0;
  const p = e.params;
  const i = lines.findIndex(
    (l) => itemName(l.itemCode) === p.item && Number(p.requested) === l.quantity && (!l.batchNo || String(p.batchZh ?? '').includes(l.batchNo)),
  );
  return Math.max(0, i);
}
