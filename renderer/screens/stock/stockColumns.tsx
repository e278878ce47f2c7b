// Column sets of the stock table per view. Numbers are right-aligned with their unit; dates are YYYY-MM-DD,
// coloured by expiry status.
import type { ExpiryStatus } from '../../../src/api/contract';
import { ExpiryDate, ExpiryTag } from '../../components/ExpiryTag';
import { formatDate, formatQty } from '../../components/format';
import type { VColumn } from '../../components/VirtualTable';
import type { I18n } from '../../i18n';
import type { IndexedRow, ItemTotalRow, StockView } from './stockFilter';

export type StockTableRow = IndexedRow | ItemTotalRow;
type Col = VColumn<StockTableRow>;

const cmp = (a: string | number | null | undefined, b: string | number | null | undefined) =>
  a === b ? 0 : a === null || a === undefined || a === '' ? 1 : b === null || b === undefined || b === '' ? -1 : a < b ? -1 : 1;

const STATUS_RANK: Record<ExpiryStatus, number> = { expired: 0, expiring: 1, ok: 2, none: 3 };

function qty(value: number, unit: string, tone?: 'expired' | 'expiring') {
  if (!value && tone) return <span className="muted">–</span>;
  return (
    <span className={`num${tone ? ` expiry-${tone}` : ''}`}>
      {formatQty(value)}
      <span className="unit">{unit}</span>
    </span>
  );
}

const asRow = (r: StockTableRow) => r as IndexedRow;

export function stockColumns(view: StockView, { t }: Pick<I18n, 't'>): Col[] {
  const loc: Col[] = [
    { key: 'street', title: t('field.street'), width: 78, render: (r) => asRow(r).streetName, text: (r) => asRow(r).streetName, sort: (a, b) => cmp(asRow(a).streetName, asRow(b).streetName) },
    {
      key: 'location',
      title: t('field.location'),
      width: 210,
      render: (r) => <span>{asRow(r).locationName}</span>,
      text: (r) => asRow(r).locationName,
      sort: (a, b) => cmp(asRow(a).locationCode, asRow(b).locationCode),
    },
  ];
  const item: Col[] = [
    { key: 'itemCode', title: t('field.itemCode'), width: 80, render: (r) => r.itemCode, sort: (a, b) => cmp(a.itemCode, b.itemCode) },
    { key: 'itemName', title: t('field.itemName'), width: 96, render: (r) => <span>{r.itemName}</span>, text: (r) => r.itemName },
    { key: 'spec', title: t('field.spec'), width: 128, render: (r) => <span>{r.spec}</span>, text: (r) => r.spec },
  ];
  const quantity: Col = { key: 'quantity', title: t('field.quantity'), width: 100, align: 'right', render: (r) => qty(r.quantity, r.unit), sort: (a, b) => a.quantity - b.quantity };
  const expired: Col = { key: 'expiredQuantity', title: t('field.expiredQty'), width: 84, align: 'right', render: (r) => qty(r.expiredQuantity, r.unit, 'expired'), sort: (a, b) => a.expiredQuantity - b.expiredQuantity };
  const expiring: Col = { key: 'expiringQuantity', title: t('field.expiringQty'), width: 84, align: 'right', render: (r) => qty(r.expiringQuantity, r.unit, 'expiring'), sort: (a, b) => a.expiringQuantity - b.expiringQuantity };
  const expiry = (title: string): Col => ({
    key: 'expiryDate',
    title,
    width: 96,
    render: (r) => <ExpiryDate date={r.expiryDate} status={r.expiryStatus} />,
    sort: (a, b) => cmp(a.expiryDate, b.expiryDate),
  });
  const status: Col = {
    key: 'expiryStatus',
    title: t('field.expiryStatus'),
    width: 96,
    render: (r) => <ExpiryTag status={r.expiryStatus} />,
    sort: (a, b) => STATUS_RANK[a.expiryStatus] - STATUS_RANK[b.expiryStatus] || cmp(a.expiryDate, b.expiryDate),
  };
  switch (view) {
    case 'batch':
      return [
        ...loc,
        ...item,
        {
          key: 'batchNo',
          title: t('field.batchNo'),
          width: 140,
          render: (r) => asRow(r).batchNo || <span className="muted">{t('movements.batchNone')}</span>,
          text: (r) => asRow(r).batchNo,
          sort: (a, b) => cmp(asRow(a).batchNo, asRow(b).batchNo),
        },
        { key: 'productionDate', title: t('field.productionDate'), width: 96, render: (r) => formatDate(asRow(r).productionDate), sort: (a, b) => cmp(asRow(a).productionDate, asRow(b).productionDate) },
        expiry(t('field.expiryDate')),
        quantity,
        status,
      ];
    case 'item':
      return [
        ...item,
        { key: 'unit', title: t('field.unit'), width: 60, align: 'center', render: (r) => r.unit },
        quantity,
        expired,
        expiring,
        { key: 'locations', title: t('field.locations'), width: 90, align: 'right', render: (r) => <span className="num">{(r as ItemTotalRow).locations}</span> },
        expiry(t('stock.earliestExpiry')),
        status,
      ];
    default:
      return [
        ...loc,
        ...item,
        quantity,
        expired,
        expiring,
        { key: 'batches', title: t('field.batches'), width: 60, align: 'right', render: (r) => <span className="num">{asRow(r).batches}</span> },
        expiry(t('stock.earliestExpiry')),
        status,
      ];
  }
}
