// From form values to the contract's input for movements.post / movements.transfer / movements.reverse.
import { dateText, num, text } from '../../components/values';

type Values = Record<string, unknown>;

function lines(values: Values, receipt: boolean): unknown[] {
  const raw = Array.isArray(values.lines) ? (values.lines as Values[]) : [];
  return raw.map((l = {}) => {
    const line: Values = {
      itemCode: text(l.itemCode) ?? '',
      batchNo: text(l.batchNo) ?? '',
      quantity: num(l.quantity),
      note: text(l.note),
    };
    if (receipt) {
      line.productionDate = dateText(l.productionDate);
      line.expiryDate = dateText(l.expiryDate);
      line.unitPrice = num(l.unitPrice);
    }
    return line;
  });
}

function header(values: Values): Values {
  return {
    docNo: text(values.docNo),
    date: dateText(values.date) ?? '',
    basisDoc: text(values.basisDoc),
    handler: text(values.handler) ?? '',
    approver: text(values.approver),
    note: text(values.note),
  };
}

export function buildPost(values: Values): unknown {
  const type = values.type;
  const receipt = type === 'purchase' || type === 'donation' || type === 'allocation_in' || type === 'return_in';
  return {
    ...header(values),
    type,
    locationCode: text(values.locationCode) ?? '',
    counterpart: text(values.counterpart),
    donor: type === 'donation' ? text(values.donor) : undefined,
    donorCertNo: type === 'donation' ? text(values.donorCertNo) : undefined,
    recipient: type === 'issue' ? text(values.recipient) : undefined,
    reason: type === 'loss' || type === 'scrap' ? text(values.reason) : undefined,
    lines: lines(values, receipt),
  };
}

export function buildTransfer(values: Values): unknown {
  return {
    ...header(values),
    fromCode: text(values.fromCode) ?? '',
    toCode: text(values.toCode) ?? '',
    lines: lines(values, false),
  };
}

export function buildReverse(id: number, values: Values): unknown {
  return {
    id,
    date: dateText(values.date) ?? '',
    handler: text(values.handler) ?? '',
    approver: text(values.approver),
    reason: text(values.reason) ?? '',
  };
}

const HANDLER_KEY = 'relief-ledger.handler';

/** The keeper who posted last: most documents are entered by the same person. */
export function lastHandler(): string | undefined {
  try {
    return localStorage.getItem(HANDLER_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function rememberHandler(name: string | undefined): void {
  try {
    if (name) localStorage.setItem(HANDLER_KEY, name);
  } catch {
    // not kept: no harm
  }
}
