// A form's values as a draft's JSON body and back: dates (dayjs) travel as { $day: 'YYYY-MM-DD' }, everything else
// as it is. Also: when a form holds nothing worth keeping, and a document turned back into a form (更正重录).
import dayjs from 'dayjs';
import type { DocumentView, MovementRecord, MovementType } from '../../../src/api/contract';
import type { DraftForm } from '../../../src/api/contract.drafts';

type Values = Record<string, unknown>;

export function toDraftBody(values: Values): Record<string, unknown> {
  const plain = (v: unknown): unknown => {
    if (dayjs.isDayjs(v)) return { $day: v.format('YYYY-MM-DD') };
    if (Array.isArray(v)) return v.map((x) => plain(x) ?? null);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, plain(x)]));
    return v;
  };
  return plain(values) as Record<string, unknown>;
}

export function fromDraftBody(body: Record<string, unknown>): Values {
  const revive = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(revive);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.$day === 'string' && Object.keys(o).length === 1) return dayjs(o.$day, 'YYYY-MM-DD');
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, revive(x)]));
    }
    return v;
  };
  return revive(body) as Values;
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** A line the keeper has typed nothing into (an Enter past the last line makes one). */
export function isBlankLine(line: unknown): boolean {
  return !line || typeof line !== 'object' || Object.values(line as Values).every(blank);
}

/** Fields that stay from one document to the next (place, date, handler …) do not make a draft on their own. */
export function holdsNothing(values: Values, sticky: readonly string[]): boolean {
  const lines = Array.isArray(values.lines) ? values.lines : [];
  if (!lines.every(isBlankLine)) return false;
  return Object.entries(values).every(([k, v]) => k === 'lines' || sticky.includes(k) || blank(v));
}

/** The draft's line in the list of drafts: the place and the first item, as entered, and how many lines. */
export function describeDraft(place: string, values: Values, itemsByCode: Map<string, { name: string }>): { title: string; lines: number } {
  const lines = (Array.isArray(values.lines) ? values.lines : []).filter((l) => !isBlankLine(l)) as Values[];
  const first = lines.map((l) => (typeof l.itemCode === 'string' ? itemsByCode.get(l.itemCode)?.name : undefined)).find(Boolean);
  return { title: [place, first].filter(Boolean).join(' · '), lines: lines.length };
}

const RECEIPTS = new Set<MovementType>(['purchase', 'donation', 'allocation_in', 'return_in']);

/** Which entry form re-enters a document of this type; stocktake postings and reversals are not re-entered. */
export function formOfType(type: MovementType): DraftForm | null {
  if (RECEIPTS.has(type)) return 'receipt';
  if (type === 'issue') return 'issue';
  if (type === 'loss' || type === 'scrap') return 'loss';
  if (type === 'transfer_out' || type === 'transfer_in') return 'transfer';
  return null;
}

const day = (d: string | null | undefined) => (d ? { $day: d } : undefined);

/** 更正重录: the reversed document as a new draft of its form, dated today, with a new number to come. */
export function draftOfDocument(doc: DocumentView, today: string): { form: DraftForm; title: string; lines: number; body: Record<string, unknown> } | null {
  const form = formOfType(doc.type);
  if (!form) return null;
  const legs: MovementRecord[] = form === 'transfer' ? doc.lines.filter((l) => l.type === 'transfer_out') : doc.lines;
  const first = legs[0];
  if (!first) return null;
  const common = { date: day(today), basisDoc: first.basisDoc ?? undefined, handler: first.handler, approver: first.approver ?? undefined };
  const lines = legs.map((l) => ({
    itemCode: l.itemCode,
    batchNo: l.batchNo || undefined,
    quantity: Math.abs(l.quantity),
    note: l.note ?? undefined,
    ...(form === 'receipt' ? { productionDate: day(l.productionDate), expiryDate: day(l.expiryDate), unitPrice: l.unitPrice ?? undefined } : {}),
  }));
  const header =
    form === 'transfer'
      ? { fromCode: first.locationCode, toCode: first.counterpartCode ?? undefined }
      : {
          type: first.type,
          locationCode: first.locationCode,
          counterpart: form === 'receipt' && first.type !== 'donation' ? (first.recipient ?? undefined) : undefined,
          donor: first.donor ?? undefined,
          donorCertNo: first.donorCertNo ?? undefined,
          recipient: form === 'issue' ? (first.recipient ?? undefined) : undefined,
          reason: form === 'loss' ? (first.reason ?? undefined) : undefined,
        };
  const place = form === 'transfer' ? `${first.locationName} → ${first.counterpartName ?? ''}` : first.locationName;
  const body = JSON.parse(JSON.stringify({ ...common, ...header, lines })) as Record<string, unknown>;
  return { form, title: [doc.docNo, place, first.itemName].join(' · '), lines: lines.length, body };
}
