// 物资库存: stock by location, by item or by batch; filters run in the page over all rows, and the table is
// virtual so that 100,000 rows scroll smoothly.
import { Typography } from 'antd';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { call } from '../../api';
import { formatInt } from '../../components/format';
import { LoadError } from '../../components/LoadError';
import { useRefData } from '../../components/RefData';
import { navigate } from '../../components/router';
import { useFillHeight } from '../../components/useFillHeight';
import { useLoad } from '../../components/useLoad';
import { VirtualTable } from '../../components/VirtualTable';
import { useI18n } from '../../i18n';
import { ExportButton } from '../ledgers/ExportButton';
import { stockColumns, type StockTableRow } from './stockColumns';
import { type ExpiryFilter, filterRows, indexRows, type StockFilter, type StockView, totalsByItem } from './stockFilter';
import { StockFilters } from './StockFilters';
import { StockTotals } from './StockTotals';

const VIEWS: StockView[] = ['location', 'item', 'batch'];
const EXPIRIES: ExpiryFilter[] = ['expired', 'expiring', 'attention', 'ok', 'none'];

function fromQuery(query: URLSearchParams): { view: StockView; filter: StockFilter } {
  const v = query.get('view') as StockView | null;
  const e = query.get('expiry') as ExpiryFilter | null;
  return {
    view: v && VIEWS.includes(v) ? v : 'location',
    filter: {
      expiry: e && EXPIRIES.includes(e) ? e : undefined,
      locationCode: query.get('location') ?? undefined,
      streetCode: query.get('street') ?? undefined,
      search: query.get('q') ?? undefined,
    },
  };
}

export function StockScreen({ query }: { query: URLSearchParams }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { version } = useRefData();
  const initial = useMemo(() => fromQuery(query), [query]);
  const [view, setView] = useState<StockView>(initial.view);
  const [filter, setFilter] = useState<StockFilter>(initial.filter);
  const byBatch = view === 'batch';
  const loaded = useLoad(() => call('stock.query', { byBatch }), [byBatch, version]);

  const indexed = useMemo(() => indexRows(loaded.data ?? []), [loaded.data]);
  const deferred = useDeferredValue(filter);
  const rows = useMemo<StockTableRow[]>(() => {
    const start = performance.now();
    const hit = filterRows(indexed, deferred);
    const out = view === 'item' ? totalsByItem(hit) : hit;
    // Visible to tests and to the browser's performance panel: the filter must stay well under 100 ms.
    performance.measure('stock.filter', { start, detail: { rows: indexed.length, hits: out.length } });
    return out;
  }, [indexed, deferred, view]);
  const total = useMemo(() => (view === 'item' ? totalsByItem(indexed).length : indexed.length), [indexed, view]);

  const columns = useMemo(() => stockColumns(view, i18n), [view, i18n]);
  const tableBox = useRef<HTMLDivElement>(null);
  const height = useFillHeight(tableBox, 30);

  const changeView = (next: StockView) => {
    // The view is part of the address (so the overview can link to it); the filters travel along.
    setView(next);
    navigate(['stock'], { view: next, location: filter.locationCode, street: filter.streetCode, expiry: filter.expiry, q: filter.search });
  };

  return (
    <div className="screen stock" data-testid="screen-stock">
      <StockFilters view={view} onView={changeView} filter={filter} onFilter={setFilter} onRefresh={loaded.reload} />
      {loaded.error && <LoadError error={loaded.error} onRetry={loaded.reload} />}
      <div ref={tableBox} className="table-box">
        <VirtualTable<StockTableRow> columns={columns} rows={rows} rowKey={(r) => r.key} height={height} loading={loaded.loading} testId="stock-table" />
      </div>
      <div className="table-footer">
        <Typography.Text type="secondary" data-testid="stock-count">
          {rows.length === total ? t('common.rows', { n: formatInt(total) }) : t('common.rowsOf', { shown: formatInt(rows.length), total: formatInt(total) })}
        </Typography.Text>
        <StockTotals rows={rows} />
        <Typography.Text type="secondary">
          <span className="legend-dot expired" /> <span className="legend-dot expiring" /> {t('stock.legend')} <ExportButton kind="stock" locationCode={filter.locationCode} size="small" />
        </Typography.Text>
      </div>
    </div>
  );
}
