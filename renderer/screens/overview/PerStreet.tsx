import { Card, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { StreetCount } from '../../../src/api/contract';
import { formatInt, formatQty } from '../../components/format';
import { useI18n } from '../../i18n';

/** Villages, shelters, stores and stock on hand per street/town. */
export function PerStreet({ rows, height }: { rows: StreetCount[]; height: number }) {
  const { t } = useI18n();
  const num = (v: number) => <span className="num">{formatInt(v)}</span>;
  const columns: ColumnsType<StreetCount> = [
    { title: t('field.street'), dataIndex: 'name', ellipsis: true },
    { title: t('overview.villagesCol'), dataIndex: 'villages', align: 'right', width: 58, render: num },
    { title: t('overview.sheltersCol'), dataIndex: 'shelters', align: 'right', width: 64, render: num },
    { title: t('overview.capacityCol'), dataIndex: 'sheltersCapacity', align: 'right', width: 90, render: num },
    { title: t('overview.storesCol'), dataIndex: 'stores', align: 'right', width: 56, render: num },
    { title: t('overview.onHandCol'), dataIndex: 'itemsOnHand', align: 'right', width: 94, render: (v: number) => <span className="num">{formatQty(v)}</span> },
  ];
  const total = rows.reduce(
    (acc, r) => ({
      villages: acc.villages + r.villages,
      shelters: acc.shelters + r.shelters,
      capacity: acc.capacity + r.sheltersCapacity,
      stores: acc.stores + r.stores,
      onHand: acc.onHand + r.itemsOnHand,
    }),
    { villages: 0, shelters: 0, capacity: 0, stores: 0, onHand: 0 },
  );
  return (
    <Card size="small" title={t('overview.perStreet')} data-testid="overview-per-street">
      <Table<StreetCount>
        size="small"
        rowKey="code"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ y: height }}
        summary={() => (
          <Table.Summary fixed>
            <Table.Summary.Row className="summary-row">
              <Table.Summary.Cell index={0}>{t('common.total')}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">{formatInt(total.villages)}</Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">{formatInt(total.shelters)}</Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">{formatInt(total.capacity)}</Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">{formatInt(total.stores)}</Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">{formatQty(Math.round(total.onHand * 1000) / 1000)}</Table.Summary.Cell>
            </Table.Summary.Row>
          </Table.Summary>
        )}
      />
    </Card>
  );
}
