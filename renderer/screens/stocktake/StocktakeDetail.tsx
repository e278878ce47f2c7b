// One stocktake in its state: the header with its steps and actions, and tabs for counting, the equipment audit
// and the review with posting.
import { ArrowLeftOutlined, DeleteOutlined, FileExcelOutlined, PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Spin, Steps, Tabs, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { bookWithheld, type StocktakeView } from '../../../src/api/contract.stocktake';
import { call, type ErrorBody, errorBody } from '../../api';
import { saveWorkbook } from '../../components/download';
import { formatDate, formatInt } from '../../components/format';
import { LoadError } from '../../components/LoadError';
import { useRefData } from '../../components/RefData';
import { hrefOf, navigate } from '../../components/router';
import { useI18n } from '../../i18n';
import { AuditTab } from './AuditTab';
import { CountTab } from './CountTab';
import { ImportModal } from './ImportModal';
import { ReviewTab } from './ReviewTab';
import { StatusTag, useStatusLabel } from './shared';
import { VoidModal } from './VoidModal';

type TabKey = 'count' | 'audit' | 'review';

function defaultTab(v: StocktakeView): TabKey {
  return v.status === 'review' || v.status === 'posted' ? 'review' : 'count';
}

export function StocktakeDetail({ id, tab }: { id: number; tab: string | undefined }) {
  const { t, gloss } = useI18n();
  const { message } = App.useApp();
  const { changed } = useRefData();
  const statusLabel = useStatusLabel();
  const [view, setView] = useState<StocktakeView>();
  const [error, setError] = useState<ErrorBody>();
  const [tick, setTick] = useState(0);
  const [busy, setBusy] = useState<'sheet' | 'report' | null>(null);
  const [importing, setImporting] = useState(false);
  const [voiding, setVoiding] = useState(false);

  const load = useCallback(() => {
    call('stocktake.get', { id }).then(
      (v) => {
        setView(v);
        setError(undefined);
        setTick((n) => n + 1);
      },
      (e: unknown) => setError(errorBody(e)),
    );
  }, [id]);
  useEffect(load, [load]);

  /** Every change answers the whole stocktake: it replaces what is shown, and the review reloads. */
  const apply = useCallback((v: StocktakeView) => {
    setView(v);
    setTick((n) => n + 1);
  }, []);

  const download = async (what: 'sheet' | 'report') => {
    setBusy(what);
    try {
      const file = await call(what === 'sheet' ? 'stocktake.sheet' : 'stocktake.report', { id });
      const where = await saveWorkbook(file, t(what === 'sheet' ? 'stocktake.printSheet' : 'stocktake.exportReport'));
      if (where) void message.success(t('stocktake.saved', { file: where.saved }));
    } catch (e) {
      void message.error(gloss(errorBody(e)));
    } finally {
      setBusy(null);
    }
  };

  if (error && !view) return <LoadError error={error} onRetry={load} />;
  if (!view) {
    return (
      <div className="center-spin">
        <Spin />
      </div>
    );
  }

  const active: TabKey = tab === 'count' || tab === 'audit' || tab === 'review' ? tab : defaultTab(view);
  const counting = view.status === 'counting';
  const open = view.status === 'draft' || view.status === 'counting' || view.status === 'review';
  const seenUnits = view.units.filter((u) => u.seen !== null || u.unexpected).length;

  const stepIndex = { draft: 0, counting: 1, review: 2, posted: 3, void: 2 }[view.status];
  const steps =
    view.status === 'void'
      ? [{ title: statusLabel('draft') }, { title: statusLabel('counting') }, { title: statusLabel('void'), content: view.voidReason ?? '' }]
      : [
          { title: statusLabel('draft'), content: formatDate(view.date) },
          { title: statusLabel('counting'), content: t('stocktake.step.counted', { counted: formatInt(view.counted), lines: formatInt(view.lines) }) },
          { title: statusLabel('review'), content: view.blind && counting ? '' : t('stocktake.step.differences', { n: formatInt(view.differences) }) },
          { title: statusLabel('posted'), content: view.postedOn ? formatDate(view.postedOn) : '' },
        ];

  const names = view.locations.map((l) => l.name).join(t('fmt.listSep'));

  return (
    <div className="screen stocktake st-detail" data-testid="screen-stocktake-detail">
      <div className="st-head panel">
        <div className="st-head-row">
          <div className="st-head-title">
            <Tooltip title={t('stocktake.backToList')}>
              <Button size="small" type="text" icon={<ArrowLeftOutlined />} href={hrefOf(['stocktake'])} data-testid="stocktake-back" />
            </Tooltip>
            <span className="st-no" data-testid="stocktake-no">
              {view.no}
            </span>
            <StatusTag status={view.status} />
            {view.blind && <Tag color="purple">{t('stocktake.blind')}</Tag>}
            <span className="st-meta">{t('fmt.labelValue', { a: t('stocktake.date'), b: formatDate(view.date) })}</span>
            <Tooltip title={names} placement="bottomLeft">
              <span className="st-meta st-locations" data-testid="stocktake-locations">
                {t('fmt.labelValue', { a: t('stocktake.col.locations'), b: names })}
              </span>
            </Tooltip>
          </div>
          <Space size={6} className="no-print">
            <Button icon={<PrinterOutlined />} loading={busy === 'sheet'} onClick={() => void download('sheet')} data-testid="stocktake-sheet">
              {t('stocktake.printSheet')}
            </Button>
            {counting && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="stocktake-import">
                {t('stocktake.importSheet')}
              </Button>
            )}
            <Button
              icon={<FileExcelOutlined />}
              loading={busy === 'report'}
              disabled={bookWithheld(view)}
              title={bookWithheld(view) ? t('stocktake.blindWithheld') : undefined}
              onClick={() => void download('report')}
              data-testid="stocktake-report"
            >
              {t('stocktake.exportReport')}
            </Button>
            {open && (
              <Button danger icon={<DeleteOutlined />} onClick={() => setVoiding(true)} data-testid="stocktake-void">
                {t('stocktake.void')}
              </Button>
            )}
          </Space>
        </div>
        <Steps
          size="small"
          className="st-steps"
          current={stepIndex}
          status={view.status === 'void' ? 'error' : view.status === 'posted' ? 'finish' : 'process'}
          items={steps}
          data-testid="stocktake-steps"
        />
      </div>
      {view.status === 'posted' && (
        <Alert
          className="st-banner"
          type="success"
          showIcon
          title={t('stocktake.postedBanner', { counter: view.counter ?? '', supervisor: view.supervisor ?? '', date: formatDate(view.postedOn) })}
          action={
            <Button size="small" type="link" href={hrefOf(['movements', 'journal'], { q: view.no })}>
              {t('stocktake.viewMovements')}
            </Button>
          }
          data-testid="stocktake-posted"
        />
      )}
      {view.status === 'void' && (
        <Alert className="st-banner" type="warning" showIcon title={t('stocktake.voidBanner', { reason: view.voidReason ?? '' })} data-testid="stocktake-voided" />
      )}
      {view.status === 'review' && <Alert className="st-banner" type="info" showIcon title={t('stocktake.reviewBanner')} />}
      <Tabs
        size="small"
        className="st-tabs"
        activeKey={active}
        onChange={(k) => navigate(['stocktake', String(id), k])}
        items={[
          {
            key: 'count',
            label: (
              <span data-testid="tab-count">
                {t('stocktake.tab.count')} <span className="st-tab-count">{t('stocktake.tabProgress', { counted: formatInt(view.counted), lines: formatInt(view.lines) })}</span>
              </span>
            ),
            children: <CountTab view={view} onView={apply} active={active === 'count'} />,
          },
          {
            key: 'audit',
            label: (
              <span data-testid="tab-audit">
                {t('stocktake.tab.audit')} <span className="st-tab-count">{t('stocktake.tabProgress', { counted: formatInt(seenUnits), lines: formatInt(view.units.length) })}</span>
              </span>
            ),
            children: <AuditTab view={view} onView={apply} />,
          },
          {
            key: 'review',
            label: <span data-testid="tab-review">{t('stocktake.tab.review')}</span>,
            children: (
              <ReviewTab
                view={view}
                tick={tick}
                active={active === 'review'}
                onView={(v) => {
                  apply(v);
                  if (v.status === 'posted') changed();
                }}
                onGoCount={() => navigate(['stocktake', String(id), 'count'])}
              />
            ),
          },
        ]}
      />
      {importing && (
        <ImportModal
          view={view}
          onClose={() => setImporting(false)}
          onDone={() => {
            setImporting(false);
            load();
          }}
        />
      )}
      {voiding && (
        <VoidModal
          view={view}
          onClose={() => setVoiding(false)}
          onDone={(v) => {
            setVoiding(false);
            apply(v);
            changed();
          }}
        />
      )}
    </div>
  );
}
