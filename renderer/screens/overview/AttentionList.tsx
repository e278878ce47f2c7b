import { Card, Empty, Table, Button } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import type { StockRow } from '../../../src/api/contract';
import { ExpiryDate, ExpiryTag } from '../../components/ExpiryTag';
import { formatQty } from '../../components/format';
import { navigate } from '../../components/router';
import { useI18n } from '../../i18n';

/** Batches past expiry or within their rotation lead time, the most urgent first. */
export function AttentionList({ rows, loading, height }: { rows: StockRow[]; loading: boolean; height: number }) {
  const { t } = useI18n();
  const sorted = useMemo(
    () =>
      [...rows].sort(
        (a, b) =>
          (a.expiryStatus === 'expired' ? 0 : 1) - (b.expiryStatus === 'expired' ? 0 : 1) ||
          (a.expiryDate ?? '').localeCompare(b.expiryDate ?? '') ||
          a.locationCode.localeCompare(b.locationCode),
      ),
    [rows],
  );
  const columns: ColumnsType<StockRow> = [
    { title: t('field.expiryDate'), dataIndex: 'expiryDate', width: 96, render: (d: string | null, r) => <ExpiryDate date={d} status={r.expiryStatus} /> },
    { title: t('field.expiryStatus'), dataIndex: 'expiryStatus', width: 100, render: (s: StockRow['expiryStatus']) => <ExpiryTag status={s} /> },
    { title: t('field.itemName'), dataIndex: 'itemName', width: 90, ellipsis: true },
    { title: t('field.batchNo'), dataIndex: 'batchNo', width: 130, ellipsis: true },
    { title: t('field.location'), dataIndex: 'locationName', ellipsis: true },
    {
      title: t('field.quantity'),
      dataIndex: 'quantity',
      width: 90,
      align: 'right',
      render: (q: number, r) => (
        <span className="num">
          {formatQty(q)} <span className="unit">{r.unit}</span>
        </span>
      ),
    },
  ];
  return (
    <Card
      size="small"
      title={t('fmt.paren', { a: t('overview.expiringList'), b: rows.length })}
      extra={
        <Button type="link" size="small" onClick={() => navigate(['stock'], { view: 'batch', expiry: 'attention' })}>
          {t('overview.viewAll')}
        </Button>
      }
      data-testid="overview-attention"
    >
      <Table<StockRow>
        size="small"
        rowKey={(r) => `${r.locationCode}|${r.itemCode}|${r.batchNo ?? ''}`}
        columns={columns}
        dataSource={sorted}
        loading={loading}
        pagination={false}
        scroll={{ y: height }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('overview.noAttention')} /> }}
      />
    </Card>
  );
}
