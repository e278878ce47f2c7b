// The stocktakes, newest first, and 开始盘点.
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Empty, Progress, Segmented, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useRef, useState } from 'react';
import type { StocktakeHeader, StocktakeStatus } from '../../../src/api/contract.stocktake';
import { call } from '../../api';
import { formatDate, formatInt } from '../../components/format';
import { LoadError } from '../../components/LoadError';
import { useRefData } from '../../components/RefData';
import { hrefOf, navigate } from '../../components/router';
import { useFillHeight } from '../../components/useFillHeight';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n';
import { StartModal } from './StartModal';
import { StatusTag, useStatusLabel } from './shared';

type Filter = 'all' | 'open' | 'posted' | 'void';
const OPEN: StocktakeStatus[] = ['draft', 'counting', 'review'];

export function StocktakeList() {
  const { t } = useI18n();
  const statusLabel = useStatusLabel();
  const { version } = useRefData();
  const list = useLoad(() => call('stocktake.list', {}), [version]);
  const [starting, setStarting] = useState(false);
  const [filter, setFilter] = useState<Filter>('all');
  const box = useRef<HTMLDivElement>(null);
  const height = useFillHeight(box, 40, 160);

  const rows = useMemo(() => {
    const all = list.data ?? [];
    if (filter === 'open') return all.filter((s) => OPEN.includes(s.status));
    if (filter === 'all') return all;
    return all.filter((s) => s.status === filter);
  }, [list.data, filter]);
  const openCount = (list.data ?? []).filter((s) => OPEN.includes(s.status)).length;

  const columns: ColumnsType<StocktakeHeader> = [
    {
      key: 'no',
      title: t('stocktake.col.no'),
      width: 120,
      render: (_, s) => (
        <a href={hrefOf(['stocktake', String(s.id)])} data-testid={`stocktake-link-${s.no}`}>
          {s.no}
        </a>
      ),
    },
    { key: 'date', title: t('stocktake.col.date'), width: 100, render: (_, s) => formatDate(s.date) },
    {
      key: 'locations',
      title: t('stocktake.col.locations'),
      ellipsis: { showTitle: false },
      render: (_, s) => {
        const names = s.locations.map((l) => l.name);
        const shown = names.length > 2 ? t('stocktake.locationsMore', { names: names.slice(0, 2).join(t('fmt.listSep')), n: names.length }) : names.join(t('fmt.listSep'));
        return (
          <Tooltip title={names.join(t('fmt.listSep'))} placement="topLeft">
            <span>{shown}</span>
          </Tooltip>
        );
      },
    },
    { key: 'status', title: t('stocktake.col.status'), width: 84, render: (_, s) => <StatusTag status={s.status} /> },
    { key: 'mode', title: t('stocktake.col.mode'), width: 64, render: (_, s) => (s.blind ? t('stocktake.blind') : <span className="muted">{t('stocktake.open')}</span>) },
    {
      key: 'progress',
      title: t('stocktake.col.progress'),
      width: 190,
      render: (_, s) => (
        <div className="st-progress-cell">
          <Progress percent={s.lines ? Math.floor((s.counted / s.lines) * 100) : 0} size="small" showInfo={false} status={s.status === 'void' ? 'exception' : s.counted === s.lines ? 'success' : 'active'} />
          <span className="num">
            {formatInt(s.counted)} / {formatInt(s.lines)}
          </span>
        </div>
      ),
    },
    {
      key: 'differences',
      title: t('stocktake.col.differences'),
      width: 100,
      align: 'right',
      render: (_, s) => (s.blind && s.status === 'counting' ? <span className="muted">—</span> : s.differences ? <span className="num st-loss-strong">{formatInt(s.differences)}</span> : <span className="muted num">0</span>),
    },
    { key: 'counter', title: t('stocktake.counter'), width: 84, render: (_, s) => s.counter ?? '' },
    { key: 'supervisor', title: t('stocktake.supervisor'), width: 84, render: (_, s) => s.supervisor ?? '' },
    { key: 'postedOn', title: t('stocktake.col.postedOn'), width: 100, render: (_, s) => formatDate(s.postedOn) },
  ];

  return (
    <div className="screen stocktake" data-testid="screen-stocktake">
      <div className="toolbar">
        <Space size={10} align="center">
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('stocktake.title')}
          </Typography.Title>
          <Segmented<Filter>
            size="small"
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'all', label: t('stocktake.filter.all') },
              { value: 'open', label: t('stocktake.filter.open', { n: openCount }) },
              { value: 'posted', label: statusLabel('posted') },
              { value: 'void', label: statusLabel('void') },
            ]}
            data-testid="stocktake-filter"
          />
        </Space>
        <Space size={6}>
          <Button icon={<ReloadOutlined />} onClick={list.reload}>
            {t('common.refresh')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setStarting(true)} data-testid="stocktake-start">
            {t('stocktake.start')}
          </Button>
        </Space>
      </div>
      <div className="st-flow no-print">{t('stocktake.flowHint')}</div>
      {list.error && <LoadError error={list.error} onRetry={list.reload} />}
      <div ref={box} className="table-box">
        <Table<StocktakeHeader>
          size="small"
          bordered
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={list.loading}
          pagination={false}
          scroll={{ y: height }}
          onRow={(s) => ({ onDoubleClick: () => navigate(['stocktake', String(s.id)]) })}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stocktake.none')}>
                <Button type="primary" onClick={() => setStarting(true)}>
                  {t('stocktake.start')}
                </Button>
              </Empty>
            ),
          }}
          data-testid="stocktake-table"
        />
      </div>
      <div className="table-footer">
        <Typography.Text type="secondary">{t('common.rows', { n: formatInt(rows.length) })}</Typography.Text>
        <Typography.Text type="secondary">{t('stocktake.dueHint')}</Typography.Text>
      </div>
      {starting && <StartModal onClose={() => setStarting(false)} onStarted={(v) => navigate(['stocktake', String(v.id)])} />}
    </div>
  );
}
