// A form's values survive the trip into a draft and back (dates included), a form holding only what carries over
// makes no draft, and a reversed document turns back into the form that re-enters it.
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { DocumentView, MovementRecord } from '../../src/api/contract.js';
import { draftOfDocument, fromDraftBody, holdsNothing, toDraftBody } from '../../renderer/screens/movements/draftBody.js';

describe('draft bodies', () => {
  it('carry dates as days and come back as the same form values', () => {
    const values = { type: 'purchase', date: dayjs('2026-11-28'), docNo: undefined, lines: [{ itemCode: 'WZ001', quantity: 10, expiryDate: dayjs('2027-05-01') }, undefined] };
    const body = toDraftBody(values);
    expect(body).toEqual({ type: 'purchase', date: { $day: '2026-11-28' }, lines: [{ itemCode: 'WZ001', quantity: 10, expiryDate: { $day: '2027-05-01' } }, null] });
    expect(JSON.parse(JSON.stringify(body))).toEqual(body);
    const back = fromDraftBody(body) as { date: dayjs.Dayjs; lines: { expiryDate: dayjs.Dayjs }[] };
    expect(back.date.format('YYYY-MM-DD')).toBe('2026-11-28');
    expect(back.lines[0]!.expiryDate.format('YYYY-MM-DD')).toBe('2027-05-01');
  });

  it('are not made of what carries over from one document to the next', () => {
    const sticky = ['type', 'locationCode', 'date', 'handler'];
    expect(holdsNothing({ type: 'purchase', locationCode: 'WH01', handler: '张建国', lines: [{}, { note: ' ' }] }, sticky)).toBe(true);
    expect(holdsNothing({ locationCode: 'WH01', lines: [{ quantity: 3 }] }, sticky)).toBe(false);
    expect(holdsNothing({ locationCode: 'WH01', basisDoc: '椒防指〔2026〕5号', lines: [{}] }, sticky)).toBe(false);
  });
});

const line = (over: Partial<MovementRecord>): MovementRecord => ({
  id: 1, docNo: 'DB20261128-0001', type: 'transfer_out', date: '2026-11-20', locationCode: 'WH01', locationName: '一号库', itemCode: 'WZ003', itemName: '棉被',
  spec: null, unit: '条', batchNo: 'B1', productionDate: null, expiryDate: null, quantity: -40, unitPrice: 115, amount: -4600, counterpartCode: 'ST-HM',
  counterpartName: '海门储备点', pairId: null, reversesId: null, reversedById: 9, basisDoc: '调〔2026〕2号', handler: '李秀英', approver: null, donor: null,
  donorCertNo: null, recipient: null, reason: null, note: null, createdAt: '2026-11-20T02:00:00Z', ...over,
});

describe('更正重录', () => {
  it('turns a reversed transfer into a transfer draft of its out-legs, dated today, with no number', () => {
    const doc: DocumentView = { docNo: 'DB20261128-0001', type: 'transfer_out', date: '2026-11-20', lines: [line({}), line({ id: 2, type: 'transfer_in', locationCode: 'ST-HM', quantity: 40, pairId: 1 })] };
    expect(draftOfDocument(doc, '2026-11-28')).toEqual({
      form: 'transfer',
      title: 'DB20261128-0001 · 一号库 → 海门储备点 · 棉被',
      lines: 1,
      body: { date: { $day: '2026-11-28' }, basisDoc: '调〔2026〕2号', handler: '李秀英', fromCode: 'WH01', toCode: 'ST-HM', lines: [{ itemCode: 'WZ003', batchNo: 'B1', quantity: 40 }] },
    });
  });

  it('keeps a donation\'s donor and a receipt\'s dates and price; stocktake postings are not re-entered', () => {
    const donation: DocumentView = {
      docNo: 'RK1', type: 'donation', date: '2026-11-20',
      lines: [line({ type: 'donation', quantity: 12, donor: '台州市红十字会', donorCertNo: 'TZ-1', productionDate: '2026-01-01', expiryDate: '2027-01-01', counterpartCode: null, counterpartName: null })],
    };
    expect(draftOfDocument(donation, '2026-11-28')?.body).toMatchObject({
      type: 'donation', locationCode: 'WH01', donor: '台州市红十字会', donorCertNo: 'TZ-1',
      lines: [{ itemCode: 'WZ003', quantity: 12, productionDate: { $day: '2026-01-01' }, expiryDate: { $day: '2027-01-01' }, unitPrice: 115 }],
    });
    expect(draftOfDocument({ ...donation, type: 'stocktake_gain', lines: [line({ type: 'stocktake_gain' })] }, '2026-11-28')).toBeNull();
  });
});
