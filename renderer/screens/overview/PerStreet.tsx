import { Card, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { StreetCount } from '../../../src/api/contract';
import { formatInt } from '../../components/format';
import { hrefOf } from '../../components/router';
import { useI18n } from '../../i18n';
import { measuredText } from './StatCards';

/** Villages (and how many are covered), shelters (and how many are standardised), stores and stock per street/town. */
export function PerStreet({ rows, height, target }: { rows: StreetCount[]; height: number; target: number }) {
  const { t } = useI18n();
  const num = (v: number) => <span className="num">{formatInt(v)}</span>;
  const ratio = (done: number, low: boolean) => (
    <span className={`num${low ? ' per-street-low' : ''}`}>{formatInt(done)}</span>
  );
  const columns: ColumnsType<StreetCount> = [
    {
      title: t('field.street'),
      dataIndex: 'name',
      ellipsis: true,
      render: (v: string, r) => (
        <a href={hrefOf(['gaps'], { street: r.code })} title={t('overview.streetGaps', { street: v })} data-testid={`per-street-${r.code}`}>
          {v}
        </a>
      ),
    },
    { title: t('overview.villagesCol'), dataIndex: 'villages', align: 'right', width: 58, render: num },
    { title: t('overview.coveredCol'), dataIndex: 'villagesCovered', align: 'right', width: 66, render: (v: number, r) => ratio(v, v < r.villages) },
    { title: t('overview.sheltersCol'), dataIndex: 'shelters', align: 'right', width: 64, render: num },
    {
      title: t('overview.standardisedCol'),
      dataIndex: 'sheltersStandardised',
      align: 'right',
      width: 66,
      render: (v: number, r) => ratio(v, r.shelters > 0 && v / r.shelters < target - 1e-12),
    },
    { title: t('overview.capacityCol'), dataIndex: 'sheltersCapacity', align: 'right', width: 84, render: num },
    { title: t('overview.storesCol'), dataIndex: 'stores', align: 'right', width: 56, render: num },
    {
      title: t('overview.onHandCol'),
      dataIndex: 'itemsOnHand',
      align: 'right',
      width: 94,
      // Pieces only; what is weighed or measured is named beside them, on hover.
      render: (v: number, r) => (
        <span className="num" title={r.measuredOnHand.length ? t('overview.onHandMeasured', { list: measuredText(r.measuredOnHand, t('fmt.listSep')) }) : undefined}>
          {formatInt(v)}
        </span>
      ),
    },
  ];
  const total = rows.reduce(
    (acc, r) => ({
      villages: acc.villages + r.villages,
      covered: acc.covered + r.villagesCovered,
      shelters: acc.shelters + r.shelters,
      standardised: acc.standardised + r.sheltersStandardised,
      capacity: acc.capacity + r.sheltersCapacity,
      stores: acc.stores + r.stores,
      onHand: acc.onHand + r.itemsOnHand,
    }),
    { villages: 0, covered: 0, shelters: 0, standardised: 0, capacity: 0, stores: 0, onHand: 0 },
  );
  return (
    <Card size="small" title={t('overview.perStreet')} data-testid="overview-per-street">
      <Table<StreetCount>
        size="small"
        className="overview-per-street-table"
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
              <Table.Summary.Cell index={2} align="right">{formatInt(total.covered)}</Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">{formatInt(total.shelters)}</Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">{formatInt(total.standardised)}</Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">{formatInt(total.capacity)}</Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right">{formatInt(total.stores)}</Table.Summary.Cell>
              <Table.Summary.Cell index={7} align="right">{formatInt(total.onHand)}</Table.Summary.Cell>
            </Table.Summary.Row>
          </Table.Summary>
        )}
      />
    </Card>
  );
}
