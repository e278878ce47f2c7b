// 差异审核与过账: the variance list (book at the count, counted, difference, value) with a reason per line, totals of
// gains and losses; 提交审核 / 退回; then two named people sign and the differences are posted as 盘盈/盘亏.
import { AuditOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useRef, useState } from 'react';
import { bookWithheld, type StocktakeLine, type StocktakeView } from '../../../src/api/contract.stocktake';
import { call, errorBody } from '../../api';
import { formatDate, formatInt, formatMoney } from '../../components/format';
import { LoadError } from '../../components/LoadError';
import { useFillHeight } from '../../components/useFillHeight';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n';
import { PostPanel } from './PostPanel';
import { ReasonInput } from './ReasonInput';
import { Diff, Money, Qty } from './shared';

export function ReviewTab({ view, tick, active, onView, onGoCount }: { view: StocktakeView; tick: number; active: boolean; onView(v: StocktakeView): void; onGoCount(): void }) {
  const { t, gloss } = useI18n();
  const { message } = App.useApp();
  // Loaded when shown, and again after every change to the stocktake.
  const review = useLoad(() => (active ? call('stocktake.review', { id: view.id }) : Promise.resolve(undefined)), [view.id, tick, active]);
  const [busy, setBusy] = useState<'submit' | 'reopen'>();
  const box = useRef<HTMLDivElement>(null);
  const posting = view.status === 'review';
  // Below the table body: its header, the totals row, and the actions (the signing form while in review).
  const reserve = 33 + 33 + { draft: 52, counting: 52, review: 116, posted: 52, void: 8 }[view.status];
  const height = useFillHeight(box, reserve, 160);
  const canEditReason = view.status === 'counting' || view.status === 'review';
  const r = review.data;

  const saveReason = async (line: StocktakeLine, reason: string) => {
    try {
      onView(await call('stocktake.setReason', { id: view.id, lineId: line.lineId, reason }));
      return true;
    } catch (e) {
      void message.error(gloss(errorBody(e)));
      return false;
    }
  };

  const act = async (what: 'submit' | 'reopen') => {
    setBusy(what);
    try {
      onView(await call(what === 'submit' ? 'stocktake.submit' : 'stocktake.reopen', { id: view.id }));
      void message.success(t(what === 'submit' ? 'stocktake.submitted' : 'stocktake.reopened'));
    } catch (e) {
      void message.error(gloss(errorBody(e)));
    } finally {
      setBusy(undefined);
    }
  };

  const multi = view.locations.length > 1;
  const columns = useMemo<ColumnsType<StocktakeLine>>(
    () => [
      { key: 'seq', title: t('stocktake.col.seq'), width: 44, align: 'center', render: (_, __, i) => <span className="muted">{i + 1}</span> },
      ...(multi ? [{ key: 'loc', title: t('field.location'), width: 150, ellipsis: true, render: (_: unknown, l: StocktakeLine) => l.locationName }] : []),
      {
        key: 'item',
        title: t('field.item'),
        width: 150,
        ellipsis: true,
        render: (_, l) => (
          <span title={`${l.itemCode} ${l.itemName}`}>
            {l.unexpected && <span className="st-found">{t('stocktake.found')}</span>}
            {l.itemCode} {l.itemName}
          </span>
        ),
      },
      { key: 'spec', title: t('field.spec'), width: 120, ellipsis: true, render: (_, l) => l.spec ?? '' },
      { key: 'batch', title: t('field.batchNo'), width: 128, ellipsis: true, render: (_, l) => l.batchNo || <span className="muted">{t('stocktake.noBatch')}</span> },
      { key: 'book', title: t('stocktake.col.book'), width: 90, align: 'right', render: (_, l) => <Qty n={l.book} unit={l.unit} /> },
      { key: 'counted', title: t('stocktake.col.counted'), width: 90, align: 'right', render: (_, l) => <Qty n={l.counted} unit={l.unit} /> },
      { key: 'diff', title: t('stocktake.col.diff'), width: 84, align: 'right', render: (_, l) => <Diff n={l.difference} unit={l.unit} /> },
      { key: 'price', title: t('field.unitPrice'), width: 80, align: 'right', render: (_, l) => <span className="num">{formatMoney(l.unitPrice)}</span> },
      { key: 'value', title: t('stocktake.col.value'), width: 96, align: 'right', render: (_, l) => <Money n={l.value} /> },
      {
        key: 'reason',
        title: canEditReason ? <span className="st-req">{t('stocktake.col.reason')}</span> : t('stocktake.col.reason'),
        width: 200,
        render: (_, l) => (canEditReason ? <ReasonInput line={l} onSave={saveReason} testId="review-reason" /> : <span>{l.reason ?? ''}</span>),
      },
      { key: 'by', title: t('stocktake.col.countedBy'), width: 76, ellipsis: true, render: (_, l) => l.countedBy ?? '' },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, multi, canEditReason, view.id],
  );

  if (review.error) return <LoadError error={review.error} onRetry={review.reload} />;

  // A blind count shows no difference until every line has its count (the core answers none).
  const withheld = bookWithheld(view);
  const gains = r?.variances.filter((l) => (l.difference ?? 0) > 0).length ?? 0;
  const losses = r?.variances.filter((l) => (l.difference ?? 0) < 0).length ?? 0;

  return (
    <div className="st-review" data-testid="review-tab">
      <div className="st-stats" data-testid="review-stats">
        <Stat label={t('stocktake.stat.lines')} value={formatInt(view.lines)} />
        <Stat label={t('stocktake.stat.counted')} value={formatInt(view.counted)} tone={view.counted < view.lines ? 'warn' : undefined} testId="review-counted" />
        <Stat label={t('stocktake.stat.variances')} value={withheld ? '—' : formatInt(r?.variances.length ?? view.differences)} testId="review-variance-count" />
        <Stat label={t('stocktake.stat.gains')} value={withheld ? '—' : t('stocktake.stat.linesValue', { n: formatInt(gains), value: formatMoney(r?.totals.gainValue ?? 0) })} tone={gains ? 'gain' : undefined} testId="review-gain" />
        <Stat label={t('stocktake.stat.losses')} value={withheld ? '—' : t('stocktake.stat.linesValue', { n: formatInt(losses), value: formatMoney(r?.totals.lossValue ?? 0) })} tone={losses ? 'loss' : undefined} testId="review-loss" />
        <Stat label={t('stocktake.stat.missingReasons')} value={formatInt(r?.missingReasons ?? 0)} tone={r?.missingReasons ? 'warn' : undefined} testId="review-missing" />
        <Stat
          label={t('stocktake.stat.units')}
          value={r ? t('stocktake.stat.unitsValue', { seen: r.units.seen, notSeen: r.units.notSeen, unchecked: r.units.unchecked, found: r.units.unexpected }) : ''}
          tone={r && (r.units.notSeen || r.units.unchecked) ? 'warn' : undefined}
        />
      </div>
      {withheld && <Alert className="st-banner" type="info" showIcon title={t('stocktake.blindWithheld')} data-testid="review-blind" />}
      {r && r.uncounted.length > 0 && (
        <Alert
          className="st-banner"
          type="warning"
          showIcon
          title={t('stocktake.uncountedBanner', { n: formatInt(r.uncounted.length) })}
          description={
            r.uncounted
              .slice(0, 5)
              .map((l) => `${l.itemName}${l.batchNo ? `（${l.batchNo}）` : ''}`)
              .join(t('fmt.listSep')) + (r.uncounted.length > 5 ? t('stocktake.andMore', { n: formatInt(r.uncounted.length - 5) }) : '')
          }
          action={
            view.status === 'counting' ? (
              <Button size="small" onClick={onGoCount}>
                {t('stocktake.goCount')}
              </Button>
            ) : undefined
          }
          data-testid="review-uncounted"
        />
      )}
      <div ref={box} className="table-box">
        <Table<StocktakeLine>
          size="small"
          bordered
          rowKey="lineId"
          columns={columns}
          dataSource={r?.variances ?? []}
          loading={review.loading && !r}
          scroll={{ x: columns.reduce((s, c) => s + Number(c.width ?? 0), 0), y: height }}
          pagination={(r?.variances.length ?? 0) > 100 ? { pageSize: 100, size: 'small', showSizeChanger: false, showTotal: (n) => t('common.rows', { n: formatInt(n) }) } : false}
          rowClassName={(l) => (!l.reason ? 'st-row-noreason' : '')}
          locale={{ emptyText: withheld ? t('stocktake.blindNoVariancesYet') : !view.counted ? t('stocktake.nothingCounted') : view.counted < view.lines ? t('stocktake.noVariancesYet') : t('stocktake.noVariances') }}
          summary={() =>
            r && r.variances.length > 0 ? (
              <Table.Summary fixed>
                <Table.Summary.Row className="summary-row">
                  <Table.Summary.Cell index={0} colSpan={multi ? 9 : 8}>
                    {t('stocktake.totalsRow', { gains: formatInt(gains), losses: formatInt(losses) })}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    <span className="num" data-testid="review-net">
                      {formatMoney(Math.round((r.totals.gainValue + r.totals.lossValue) * 100) / 100)}
                    </span>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} colSpan={2} />
                </Table.Summary.Row>
              </Table.Summary>
            ) : undefined
          }
          data-testid="review-table"
        />
      </div>
      <div className="st-review-actions">
        {view.status === 'counting' && (
          <Space size={8}>
            <Tooltip title={r && r.uncounted.length ? t('stocktake.submitBlocked', { n: r.uncounted.length }) : undefined}>
              <Button type="primary" icon={<SendOutlined />} loading={busy === 'submit'} disabled={!r || r.uncounted.length > 0} onClick={() => void act('submit')} data-testid="stocktake-submit">
                {t('stocktake.submit')}
              </Button>
            </Tooltip>
            <Typography.Text type="secondary">{t('stocktake.submitHint')}</Typography.Text>
          </Space>
        )}
        {view.status === 'review' && (
          <div className="st-post-row">
            <PostPanel view={view} missingReasons={r?.missingReasons ?? 0} variances={r?.variances.length ?? 0} onPosted={onView} />
            <Button icon={<RollbackOutlined />} loading={busy === 'reopen'} onClick={() => void act('reopen')} data-testid="stocktake-reopen">
              {t('stocktake.reopen')}
            </Button>
          </div>
        )}
        {view.status === 'posted' && (
          <Space size={16} className="st-signed" data-testid="review-signed">
            <AuditOutlined />
            <span>{t('fmt.labelValue', { a: t('stocktake.counter'), b: view.counter ?? '' })}</span>
            <span>{t('fmt.labelValue', { a: t('stocktake.supervisor'), b: view.supervisor ?? '' })}</span>
            <span>{t('fmt.labelValue', { a: t('stocktake.postDate'), b: formatDate(view.postedOn) })}</span>
            <Typography.Text type="secondary">{t('stocktake.readOnly')}</Typography.Text>
          </Space>
        )}
      </div>
    </div>
  );
}

function Stat({ label, value, tone, testId }: { label: string; value: string; tone?: 'gain' | 'loss' | 'warn' | undefined; testId?: string }) {
  return (
    <div className={`st-stat${tone ? ` tone-${tone}` : ''}`} data-testid={testId}>
      <div className="st-stat-label">{label}</div>
      <div className="st-stat-value" title={value}>
        {value}
      </div>
    </div>
  );
}
