// Column sets of the stock table per view. Every column has a width (the virtual table needs them); numbers are
// right-aligned with their unit; dates are YYYY-MM-DD coloured by expiry status.
import type { ColumnType } from 'antd/es/table';
import type { ExpiryStatus } from '../../../src/api/contract';
import { ExpiryDate, ExpiryTag } from '../../components/ExpiryTag';
import { formatDate, formatQty } from '../../components/format';
import type { I18n } from '../../i18n';
import type { IndexedRow, ItemTotalRow, StockView } from './stockFilter';

export type StockTableRow = IndexedRow | ItemTotalRow;
type Col = ColumnType<StockTableRow> & { width: number };

const cmp = (a: string | number | null | undefined, b: string | number | null | undefined) =>
  a === b ? 0 : a === null || a === undefined ? 1 : b === null || b === undefined ? -1 : a < b ? -1 : 1;

function qty(value: number, unit: string, tone?: 'expired' | 'expiring') {
  if (!value && tone) return <span className="muted">–</span>;
  return (
    <span className={`num${tone ? ` expiry-${tone}` : ''}`}>
      {formatQty(value)}
      <span className="unit">{unit}</span>
    </span>
  );
}

export function stockColumns(view: StockView, { t }: Pick<I18n, 't'>): Col[] {
  const loc: Col[] = [
    { key: 'street', title: t('field.street'), dataIndex: 'streetName', width: 78, ellipsis: true },
    {
      key: 'location',
      title: t('field.location'),
      dataIndex: 'locationName',
      width: 210,
      ellipsis: true,
      sorter: (a, b) => cmp((a as IndexedRow).locationCode, (b as IndexedRow).locationCode),
    },
  ];
  const item: Col[] = [
    { key: 'itemCode', title: t('field.itemCode'), dataIndex: 'itemCode', width: 80, sorter: (a, b) => cmp(a.itemCode, b.itemCode) },
    { key: 'itemName', title: t('field.itemName'), dataIndex: 'itemName', width: 96, ellipsis: true },
    { key: 'spec', title: t('field.spec'), dataIndex: 'spec', width: 128, ellipsis: true },
  ];
  const quantity: Col = {
    key: 'quantity',
    title: t('field.quantity'),
    dataIndex: 'quantity',
    width: 100,
    align: 'right',
    sorter: (a, b) => a.quantity - b.quantity,
    render: (v: number, r) => qty(v, r.unit),
  };
  const expired: Col = {
    key: 'expiredQuantity',
    title: t('field.expiredQty'),
    dataIndex: 'expiredQuantity',
    width: 84,
    align: 'right',
    render: (v: number, r) => qty(v, r.unit, 'expired'),
  };
  const expiring: Col = {
    key: 'expiringQuantity',
    title: t('field.expiringQty'),
    dataIndex: 'expiringQuantity',
    width: 84,
    align: 'right',
    render: (v: number, r) => qty(v, r.unit, 'expiring'),
  };
  const expiry = (title: string): Col => ({
    key: 'expiryDate',
    title,
    dataIndex: 'expiryDate',
    width: 96,
    sorter: (a, b) => cmp(a.expiryDate, b.expiryDate),
    render: (d: string | null, r) => <ExpiryDate date={d} status={r.expiryStatus} />,
  });
  const status: Col = {
    key: 'expiryStatus',
    title: t('field.expiryStatus'),
    dataIndex: 'expiryStatus',
    width: 96,
    render: (s: ExpiryStatus) => <ExpiryTag status={s} />,
  };
  switch (view) {
    case 'batch':
      return [
        ...loc,
        ...item,
        { key: 'batchNo', title: t('field.batchNo'), dataIndex: 'batchNo', width: 140, ellipsis: true, render: (b: string) => b || <span className="muted">{t('movements.batchNone')}</span> },
        { key: 'productionDate', title: t('field.productionDate'), dataIndex: 'productionDate', width: 96, render: (d: string | null) => formatDate(d) },
        expiry(t('field.expiryDate')),
        quantity,
        status,
      ];
    case 'item':
      return [
        ...item,
        { key: 'unit', title: t('field.unit'), dataIndex: 'unit', width: 60 },
        quantity,
        expired,
        expiring,
        { key: 'locations', title: t('field.locations'), dataIndex: 'locations', width: 90, align: 'right', render: (v: number) => <span className="num">{v}</span> },
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
        { key: 'batches', title: t('field.batches'), dataIndex: 'batches', width: 60, align: 'right', render: (v: number) => <span className="num">{v}</span> },
        expiry(t('stock.earliestExpiry')),
        status,
      ];
  }
}
