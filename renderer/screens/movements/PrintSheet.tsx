// The printable 入库单 / 出库单 / 调拨单 / 冲销单 of one document: A4, bordered table, signature lines.
import type { DocumentView, MovementRecord, MovementType } from '../../../src/api/contract';
import { formatDate, formatMoney, formatQty } from '../../components/format';
import { useI18n, type UiKey } from '../../i18n';
import { counterpartOf } from './journalColumns';

const RECEIPTS = new Set<MovementType>(['purchase', 'donation', 'allocation_in', 'return_in', 'stocktake_gain']);

function titleKey(type: MovementType): UiKey {
  if (type === 'reversal') return 'doc.reversal';
  if (type === 'transfer_in' || type === 'transfer_out') return 'doc.transfer';
  return RECEIPTS.has(type) ? 'doc.receipt' : 'doc.issue';
}

/** A transfer document holds both legs of each line; the sheet shows each line once, from → to. */
export function sheetLines(doc: DocumentView): MovementRecord[] {
  const isTransfer = doc.lines.some((l) => l.type === 'transfer_out');
  return isTransfer ? doc.lines.filter((l) => l.type === 'transfer_out') : doc.lines;
}


export function PrintSheet({ doc, printedOn }: { doc: DocumentView; printedOn: string }) {
  const { t, label } = useI18n();
  const uniq = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))].join(t('fmt.listSep'));
  const lines = sheetLines(doc);
  const first = lines[0] ?? doc.lines[0]!;
  const receipt = RECEIPTS.has(doc.type);
  const transfer = titleKey(doc.type) === 'doc.transfer';
  const reversal = doc.type === 'reversal';
  // Receipts and issues print quantities and amounts as positive figures; a reversal keeps its signs.
  const shown = (n: number) => (reversal ? n : Math.abs(n));
  const totalAmount = lines.reduce((s, l) => s + Math.round(shown(l.amount ?? 0) * 100), 0) / 100;
  const anyAmount = lines.some((l) => l.amount !== null);

  const meta: [string, string][] = [
    [t('field.type'), transfer ? t('movements.kind.transfer') : uniq(doc.lines.map((l) => label('movementType', l.type)))],
    [t('field.date'), formatDate(doc.date)],
  ];
  if (transfer) {
    meta.push([t('field.from'), first.locationName], [t('field.to'), first.counterpartName ?? '']);
  } else {
    meta.push([receipt ? t('movements.receiveAt') : reversal ? t('field.location') : t('movements.issueFrom'), uniq(doc.lines.map((l) => l.locationName))]);
    const other = uniq(doc.lines.map(counterpartOf));
    if (other && first.type !== 'donation') meta.push([receipt ? t('field.supplier') : t('field.recipient'), other]);
  }
  if (first.donor) meta.push([t('field.donor'), first.donor]);
  if (first.donorCertNo) meta.push([t('field.donorCertNo'), first.donorCertNo]);
  if (first.basisDoc) meta.push([first.type === 'issue' ? t('field.orderNo') : t('field.basisDoc'), first.basisDoc]);
  if (first.reason) meta.push([t('field.reason'), first.reason]);

  const signatures: [string, string | null][] = [
    [t('doc.sign.handler'), first.handler],
    [t('doc.sign.approver'), first.approver],
    receipt || reversal ? [t('doc.sign.keeper'), null] : [t('doc.sign.recipient'), first.recipient],
  ];

  return (
    <div className="print-sheet" data-testid="print-sheet">
      <div className="sheet-org">{t('app.org')}</div>
      <h1 className="sheet-title">{t(titleKey(doc.type))}</h1>
      <div className="sheet-no">
        <span>{t('doc.unit', { org: t('app.org') })}</span>
        <span>{t('doc.no', { docNo: doc.docNo })}</span>
      </div>
      <table className="sheet-meta">
        <tbody>
          {chunk(meta, 3).map((row, i) => (
            <tr key={i}>
              {row.map(([k, v]) => (
                <td key={k}>
                  <span className="k">{t('fmt.label', { a: k })}</span>
                  {v}
                </td>
              ))}
              {Array.from({ length: 3 - row.length }, (_, j) => (
                <td key={`pad${j}`} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <table className="sheet-lines">
        <thead>
          <tr>
            <th style={{ width: '4.5%' }}>{t('doc.seq')}</th>
            <th style={{ width: '9%' }}>{t('field.itemCode')}</th>
            <th style={{ width: '10%' }}>{t('field.itemName')}</th>
            <th style={{ width: '13%' }}>{t('field.spec')}</th>
            <th style={{ width: '5%' }}>{t('field.unit')}</th>
            <th style={{ width: '12%' }}>{t('field.batchNo')}</th>
            <th style={{ width: '10%' }}>{t('field.productionDate')}</th>
            <th style={{ width: '10%' }}>{t('field.expiryDate')}</th>
            <th style={{ width: '7.5%' }}>{t('field.quantity')}</th>
            <th style={{ width: '8%' }}>{t('field.unitPrice')}</th>
            <th style={{ width: '11%' }}>{t('field.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <tr key={l.id}>
              <td className="c">{i + 1}</td>
              <td>{l.itemCode}</td>
              <td>{l.itemName}</td>
              <td>{l.spec}</td>
              <td className="c">{l.unit}</td>
              <td>{l.batchNo}</td>
              <td className="c nowrap">{formatDate(l.productionDate)}</td>
              <td className="c nowrap">{formatDate(l.expiryDate)}</td>
              <td className="r">{formatQty(shown(l.quantity))}</td>
              <td className="r">{formatMoney(l.unitPrice)}</td>
              <td className="r">{formatMoney(l.amount === null ? null : shown(l.amount))}</td>
            </tr>
          ))}
          {Array.from({ length: Math.max(0, 5 - lines.length) }, (_, i) => (
            <tr key={`blank${i}`} className="blank">
              {Array.from({ length: 11 }, (_, j) => (
                <td key={j} />
              ))}
            </tr>
          ))}
          <tr className="total">
            <td colSpan={10} className="r">
              {t('doc.totalAmount')}
            </td>
            <td className="r">{anyAmount ? formatMoney(totalAmount) : ''}</td>
          </tr>
        </tbody>
      </table>
      {uniq(doc.lines.map((l) => l.note)) && (
        <div className="sheet-note">
          {t('fmt.labelValue', { a: t('field.note'), b: uniq(doc.lines.map((l) => l.note)) })}
        </div>
      )}
      <div className="sheet-signs">
        {signatures.map(([k, name]) => (
          <div key={k} className="sign">
            <span className="k">{t('fmt.label', { a: k })}</span>
            <span className="line">{name ?? ''}</span>
          </div>
        ))}
      </div>
      <div className="sheet-foot">{t('doc.printedOn', { date: printedOn })}</div>
    </div>
  );
}

function chunk<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
