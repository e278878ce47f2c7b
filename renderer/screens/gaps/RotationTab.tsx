// 轮换计划: batches past expiry (red) or within their rotation lead time (orange), with days left, what to do with
// them, and what to buy to replace them.
import { Button, Empty, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type HTMLAttributes, useMemo, useRef } from 'react';
import type { RotationLine } from '../../../src/api/contract.gaps';
import { call } from '../../api';
import { ExpiryDate, ExpiryTag } from '../../components/ExpiryTag';
import { formatInt, formatQty } from '../../components/format';
import { LoadError } from '../../components/LoadError';
import { useRefData } from '../../components/RefData';
import { navigate } from '../../components/router';
import { useFillHeight } from '../../components/useFillHeight';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n';

export function RotationTab({ street, onStreet, tick = 0 }: { street: string | undefined; onStreet: (street: string | undefined) => void; tick?: number }) {
  const { t } = useI18n();
  const { version, streets } = useRefData();
  const plan = useLoad(() => call('gaps.rotation', street ? { streetCode: street } : {}), [version, street, tick]);
  const box = useRef<HTMLDivElement>(null);
  const height = useFillHeight(box, 62, 160);
  const rows = plan.data ?? [];

  const totals = useMemo(() => {
    const expired = rows.filter((r) => r.status === 'expired');
    // Replacement per item, in the item's unit: "瓶装饮用水 2765箱".
    const byItem = new Map<string, { item: string; unit: string; qty: number }>();
    for (const r of rows) {
      const e = byItem.get(r.itemCode) ?? { item: r.item, unit: r.unit, qty: 0 };
      e.qty = Math.round((e.qty + r.replacement) * 1000) / 1000;
      byItem.set(r.itemCode, e);
    }
    return { expired: expired.length, expiring: rows.length - expired.length, byItem: [...byItem.values()] };
  }, [rows]);

  const qty = (q: number, r: RotationLine) => (
    <span className="num">
      {formatQty(q)}
      <span className="unit">{r.unit}</span>
    </span>
  );
  const columns: ColumnsType<RotationLine> = [
    { title: t('field.expiryStatus'), dataIndex: 'status', width: 96, render: (s: RotationLine['status']) => <ExpiryTag status={s} /> },
    { title: t('field.expiryDate'), dataIndex: 'expiryDate', width: 96, render: (d: string, r) => <ExpiryDate date={d} status={r.status} /> },
    {
      title: t('gaps.rot.daysLeft'),
      dataIndex: 'daysLeft',
      width: 88,
      align: 'right',
      render: (d: number) =>
        d < 0 ? (
          <span className="num expiry-expired">{t('gaps.rot.overdueDays', { n: formatInt(-d) })}</span>
        ) : (
          <span className="num expiry-expiring">{t('gaps.rot.days', { n: formatInt(d) })}</span>
        ),
    },
    { title: t('field.location'), dataIndex: 'location', width: 200, ellipsis: true },
    { title: t('field.street'), dataIndex: 'street', width: 80, ellipsis: true },
    { title: t('field.itemName'), dataIndex: 'item', width: 90, ellipsis: true, render: (v: string, r) => <span title={r.itemCode}>{v}</span> },
    { title: t('field.batchNo'), dataIndex: 'batchNo', width: 130, ellipsis: true },
    { title: t('field.quantity'), dataIndex: 'quantity', width: 88, align: 'right', render: qty },
    {
      title: t('gaps.rot.suggestion'),
      key: 'suggestion',
      ellipsis: { showTitle: false },
      render: (_: unknown, r) => (
        <Tooltip title={r.suggestion} placement="topLeft">
          <span>{r.status === 'expired' ? t('gaps.rot.writeOff') : t('gaps.rot.useFirst')}</span>
        </Tooltip>
      ),
    },
    { title: t('gaps.rot.replacement'), dataIndex: 'replacement', width: 88, align: 'right', render: qty },
    {
      title: t('common.actions'),
      key: 'act',
      width: 76,
      render: (_: unknown, r) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={() => navigate(['movements', 'entry'], { kind: r.status === 'expired' ? 'loss' : 'issue' })}
          data-testid={`rotation-act-${r.locationCode}-${r.batchNo}`}
        >
          {r.status === 'expired' ? t('gaps.rot.toLoss') : t('gaps.rot.toIssue')}
        </Button>
      ),
    },
  ];

  return (
    <div data-testid="rotation">
      {plan.error && <LoadError error={plan.error} onRetry={plan.reload} />}
      <div className="toolbar">
        <Space size={12} wrap>
          <Select
            allowClear
            placeholder={t('stock.anyStreet')}
            style={{ width: 130 }}
            value={street}
            onChange={(v: string | undefined) => onStreet(v)}
            options={streets.map((s) => ({ value: s.code, label: s.name }))}
            data-testid="rotation-filter-street"
          />
          <span className="rot-count" data-testid="rotation-counts">
            <span className="legend-dot expired" /> {t('gaps.rot.expiredCount', { n: formatInt(totals.expired) })}
            <span className="rot-sep" />
            <span className="legend-dot expiring" /> {t('gaps.rot.expiringCount', { n: formatInt(totals.expiring) })}
          </span>
        </Space>
        <Typography.Text type="secondary" className="rot-hint">
          {t('gaps.rot.hint')}
        </Typography.Text>
      </div>
      <div ref={box}>
        <Table<RotationLine>
          size="small"
          bordered
          rowKey={(r) => `${r.locationCode}|${r.itemCode}|${r.batchNo}`}
          columns={columns}
          dataSource={rows}
          loading={plan.loading}
          pagination={false}
          scroll={{ y: height }}
          rowClassName={(r) => `rot-${r.status}`}
          onRow={(r) => ({ 'data-testid': `rotation-row-${r.locationCode}-${r.batchNo}` }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('gaps.rot.none')} /> }}
          data-testid="rotation-table"
        />
      </div>
      <div className="table-footer">
        <Typography.Text type="secondary">{t('common.rows', { n: formatInt(rows.length) })}</Typography.Text>
        {totals.byItem.length > 0 && (
          <Typography.Text type="secondary" data-testid="rotation-replacement">
            {t('fmt.labelValue', {
              a: t('gaps.rot.replacementTotal'),
              b: totals.byItem.map((x) => `${x.item} ${formatQty(x.qty)}${x.unit}`).join(t('fmt.listSep')),
            })}
          </Typography.Text>
        )}
      </div>
    </div>
  );
}
