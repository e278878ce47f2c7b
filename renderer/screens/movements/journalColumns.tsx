// Columns of the journal (出入库流水): in and out in their own right-aligned columns, as in the bureau's books.
import { Button, Space, Tag, Tooltip } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { MovementRecord, MovementType } from '../../../src/api/contract';
import { formatDate, formatQty } from '../../components/format';
import { hrefOf } from '../../components/router';
import type { I18n } from '../../i18n';

type Col = ColumnType<MovementRecord> & { width: number };

const TYPE_COLOR: Partial<Record<MovementType, string>> = {
  purchase: 'blue',
  donation: 'cyan',
  allocation_in: 'geekblue',
  return_in: 'blue',
  stocktake_gain: 'green',
  transfer_in: 'purple',
  transfer_out: 'purple',
  issue: 'gold',
  loss: 'volcano',
  scrap: 'volcano',
  stocktake_loss: 'orange',
  reversal: 'default',
};

function qtyCell(q: number, unit: string) {
  return (
    <span className="num">
      {formatQty(Math.abs(q))}
      <span className="unit">{unit}</span>
    </span>
  );
}

export function counterpartOf(r: MovementRecord): string {
  return r.counterpartName ?? r.donor ?? r.recipient ?? '';
}

export function journalColumns(
  { t, label }: Pick<I18n, 't' | 'label'>,
  onReverse: (r: MovementRecord) => void,
  onReverseDocument: (r: MovementRecord) => void,
): Col[] {
  return [
    { key: 'date', title: t('field.date'), dataIndex: 'date', width: 90, fixed: 'left', render: (d: string) => formatDate(d) },
    {
      key: 'docNo',
      title: t('field.docNo'),
      dataIndex: 'docNo',
      width: 128,
      fixed: 'left',
      render: (d: string) => (
        <a href={hrefOf(['doc', d])} data-testid="journal-doc-link">
          {d}
        </a>
      ),
    },
    {
      key: 'type',
      title: t('field.type'),
      dataIndex: 'type',
      width: 86,
      render: (v: MovementType) => (
        <Tag color={TYPE_COLOR[v]} style={{ marginInlineEnd: 0 }}>
          {label('movementType', v)}
        </Tag>
      ),
    },
    { key: 'location', title: t('field.location'), dataIndex: 'locationName', width: 150, ellipsis: { showTitle: true } },
    {
      key: 'item',
      title: t('field.itemName'),
      dataIndex: 'itemName',
      width: 88,
      ellipsis: true,
      render: (n: string, r) => (
        <Tooltip title={r.spec ? t('fmt.paren', { a: `${r.itemCode} ${n}`, b: r.spec }) : `${r.itemCode} ${n}`}>
          <span>{n}</span>
        </Tooltip>
      ),
    },
    { key: 'batch', title: t('field.batchNo'), dataIndex: 'batchNo', width: 112, ellipsis: true },
    { key: 'in', title: t('field.in'), dataIndex: 'quantity', width: 78, align: 'right', render: (q: number, r) => (q > 0 ? qtyCell(q, r.unit) : null) },
    { key: 'out', title: t('field.out'), dataIndex: 'quantity', width: 78, align: 'right', render: (q: number, r) => (q < 0 ? qtyCell(q, r.unit) : null) },
    { key: 'counterpart', title: t('field.counterpartCol'), width: 112, ellipsis: true, render: (_: unknown, r) => counterpartOf(r) },
    { key: 'basisDoc', title: t('field.basisDoc'), dataIndex: 'basisDoc', width: 108, ellipsis: true },
    { key: 'handler', title: t('field.handler'), dataIndex: 'handler', width: 60, ellipsis: true },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 150,
      fixed: 'right',
      render: (_: unknown, r) => {
        if (r.type === 'reversal') return <span className="muted">{t('journal.isReversal')}</span>;
        if (r.reversedById !== null)
          return (
            <Tooltip title={t('journal.reversedBy', { id: r.reversedById })}>
              <Tag style={{ marginInlineEnd: 0 }}>{t('journal.reversed')}</Tag>
            </Tooltip>
          );
        return (
          <Space size={8}>
            <Button type="link" size="small" danger onClick={() => onReverse(r)} data-testid={`reverse-${r.id}`} style={{ padding: 0 }}>
              {t('journal.reverse')}
            </Button>
            <Button type="link" size="small" danger onClick={() => onReverseDocument(r)} data-testid={`reverse-doc-${r.id}`} style={{ padding: 0 }} title={t('journal.reverseDocTitle', { docNo: r.docNo })}>
              {t('journal.reverseDoc')}
            </Button>
          </Space>
        );
      },
    },
  ];
}
