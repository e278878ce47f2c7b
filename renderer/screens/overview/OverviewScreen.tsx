// 首页: totals; the plan's targets against today (shelter standardisation, village coverage, materials meeting
// norms) overall and per street, each one click from the gaps behind it; the flood equipment; batches that need
// attention; counts per street. Everything is read again whenever the overview is shown and after every change.
import { Card, Col, Row, Skeleton, Tag } from 'antd';
import { lazy, type ReactNode, Suspense, useDeferredValue, useRef } from 'react';
import type { StockRow, Summary } from '../../../src/api/contract';
import { LoadError } from '../../components/LoadError';
import { useRefData } from '../../components/RefData';
import { useFillHeight } from '../../components/useFillHeight';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n';
import { callFirst, takeAnswered } from '../../prefetch';
import '../gaps/gaps.css';
import './overview.css';
import { StatCards } from './StatCards';
import { Targets } from './Targets';

// The two tables come just after the numbers: antd's Table is the largest part of the page's script, and the
// cards and targets above are what the first glance is for.
const AttentionList = lazy(() => import('./AttentionList').then((m) => ({ default: m.AttentionList })));
const PerStreet = lazy(() => import('./PerStreet').then((m) => ({ default: m.PerStreet })));

const ATTENTION = { byBatch: true, expiry: 'attention' } as const;

export function OverviewScreen() {
  const { t } = useI18n();
  const { version } = useRefData();
  const summary = useLoad(() => callFirst('summary.get', {}), [version], () => takeAnswered('summary.get', {}));
  const attention = useLoad(() => callFirst('stock.query', ATTENTION), [version], () => takeAnswered('stock.query', ATTENTION));
  const gaps = useLoad(() => callFirst('gaps.get', {}), [version], () => takeAnswered('gaps.get', {}));

  if (summary.error) return <LoadError error={summary.error} onRetry={summary.reload} />;
  if (!summary.data) return <Skeleton active />;
  const s = summary.data;
  return (
    <div className="screen overview" data-testid="screen-overview">
      <StatCards summary={s} />
      {gaps.error && <LoadError error={gaps.error} onRetry={gaps.reload} />}
      <Targets summary={s} gaps={gaps.data} />
      {s.itemsOutOfStock.length > 0 && (
        <Card size="small" className="out-of-stock-strip" data-testid="overview-out-of-stock">
          <span className="out-of-stock-label">{t('fmt.paren', { a: t('overview.outOfStock'), b: s.itemsOutOfStock.length })}</span>
          <span className="tag-list">
            {s.itemsOutOfStock.map((i) => (
              <Tag key={i.code} title={i.code}>
                {t('fmt.paren', { a: i.name, b: i.unit })}
              </Tag>
            ))}
          </span>
        </Card>
      )}
      <BottomRow
        summary={s}
        attention={
          attention.error ? undefined : { rows: attention.data ?? [], loading: attention.loading }
        }
        attentionError={attention.error ? <LoadError error={attention.error} onRetry={attention.reload} /> : undefined}
      />
    </div>
  );
}

/** The attention list and the per-street table, down to the bottom of the window. */
function BottomRow({ summary, attention, attentionError }: { summary: Summary; attention?: { rows: StockRow[]; loading: boolean }; attentionError?: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const fill = useFillHeight(box, 12, 200);
  // Card head, table head and padding.
  const tableHeight = fill - 34 - 32 - 12;
  // The numbers and targets above are drawn first; the tables follow in a second, interruptible render.
  const tables = useDeferredValue(true, false);
  return (
    <div ref={box} style={{ minHeight: fill }}>
      {tables && <Suspense fallback={null}>
        <Row gutter={10}>
          <Col span={11}>{attention ? <AttentionList rows={attention.rows} loading={attention.loading} height={tableHeight} /> : attentionError}</Col>
          <Col span={13}>
            {/* The per-street table also has its total row. */}
            <PerStreet rows={summary.perStreet} height={tableHeight - 33} target={summary.readiness.shelterTarget} />
          </Col>
        </Row>
      </Suspense>}
    </div>
  );
}
