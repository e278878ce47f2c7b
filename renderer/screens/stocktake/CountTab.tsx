// 实盘录入: who counts and when, the lines (all / not yet counted / with a difference, by location, by search), counts
// typed down the column and saved as they go (several lines in one call when typing outruns the ledger), found lines
// and 未盘行置零.
import { ClearOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Input, Progress, Segmented, Select, Space, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StocktakeLine, StocktakeView } from '../../../src/api/contract.stocktake';
import { call, errorBody } from '../../api';
import { formatInt } from '../../components/format';
import { useRefData } from '../../components/RefData';
import { useFillHeight } from '../../components/useFillHeight';
import { dateText, dayOf } from '../../components/values';
import { useI18n } from '../../i18n';
import { AddLineModal } from './AddLineModal';
import { CountGrid, type CountGridHandle } from './CountGrid';
import { lastName, parseCount, rememberName } from './shared';
import { ZeroModal } from './ZeroModal';

type Filter = 'all' | 'uncounted' | 'diff';

function matches(l: StocktakeLine, q: string): boolean {
  return `${l.itemCode} ${l.itemName} ${l.spec ?? ''} ${l.batchNo} ${l.locationName}`.toLowerCase().includes(q);
}

export function CountTab({ view, onView, active }: { view: StocktakeView; onView(v: StocktakeView): void; active: boolean }) {
  const { t, gloss } = useI18n();
  const { message } = App.useApp();
  const { info, itemsByCode } = useRefData();
  const editable = view.status === 'counting';
  // A blind count hides the book, and anything that would give it away, until the counts are in review.
  const blindNow = view.blind && view.status === 'counting';
  const [countedBy, setCountedBy] = useState(() => lastName('counter') ?? '');
  const [date, setDate] = useState<Dayjs | undefined>(() => dayOf(info?.today));
  useEffect(() => {
    if (!date && info?.today) setDate(dayOf(info.today));
  }, [info?.today, date]);
  const [filter, setFilter] = useState<Filter>('all');
  const [search, setSearch] = useState('');
  const [location, setLocation] = useState<string>();
  const [drafts, setDrafts] = useState<Map<number, string>>(() => new Map());
  const [errors, setErrors] = useState<Map<number, string>>(() => new Map());
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const [needName, setNeedName] = useState(false);
  const [adding, setAdding] = useState(false);
  const [zeroing, setZeroing] = useState(false);
  const grid = useRef<CountGridHandle>(null);
  const box = useRef<HTMLDivElement>(null);
  const height = useFillHeight(box, 34, 220);

  const decimalsOf = useCallback((l: StocktakeLine) => itemsByCode.get(l.itemCode)?.decimals ?? 3, [itemsByCode]);

  // The rows shown are fixed when the filter changes, not on every saved count: a line counted under 未盘 stays in
  // its place until the filter is chosen again, so Enter always lands on the next line.
  const itemsRef = useRef(view.items);
  itemsRef.current = view.items;
  const byId = useMemo(() => new Map(view.items.map((l) => [l.lineId, l])), [view.items]);
  const [refilter, setRefilter] = useState(0);
  const ids = useMemo(() => {
    const q = search.trim().toLowerCase();
    return itemsRef.current
      .filter((l) => (!location || l.locationCode === location) && (!q || matches(l, q)))
      .filter((l) => (filter === 'uncounted' ? l.counted === null : filter === 'diff' ? l.difference !== null && l.difference !== 0 : true))
      .map((l) => l.lineId);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filter, search, location, view.items.length, view.status, refilter]);
  const rows = useMemo(() => ids.map((id) => byId.get(id)).filter((l): l is StocktakeLine => l !== undefined), [ids, byId]);

  const counts = useMemo(() => {
    let uncounted = 0;
    let diff = 0;
    for (const l of view.items) {
      if (l.counted === null) uncounted++;
      else if (l.difference) diff++;
    }
    return { uncounted, diff };
  }, [view.items]);

  // ---- saving counts: a queue, flushed one call at a time ----
  const pending = useRef(new Map<number, number>());
  const sent = useRef(new Map<number, number>());
  const inflight = useRef(false);
  const latest = useRef({ countedBy, date, view, drafts });
  latest.current = { countedBy, date, view, drafts };

  const flush = useCallback(async () => {
    if (inflight.current || pending.current.size === 0) return;
    const who = latest.current.countedBy.trim();
    const day = dateText(latest.current.date);
    if (!who || !day) {
      setNeedName(true);
      return;
    }
    const batch = [...pending.current];
    pending.current = new Map();
    inflight.current = true;
    setSaving(true);
    try {
      const v = await call('stocktake.count', { id: view.id, countedBy: who, date: day, counts: batch.map(([lineId, counted]) => ({ lineId, counted })) });
      rememberName('counter', who);
      setSaveError(undefined);
      onView(v);
      setDrafts((d) => {
        const next = new Map(d);
        const lines = new Map(v.items.map((l) => [l.lineId, l]));
        for (const [lineId] of batch) {
          const text = next.get(lineId);
          const line = lines.get(lineId);
          if (text === undefined || !line) continue;
          const p = parseCount(text, 3);
          if ('value' in p && p.value === line.counted) next.delete(lineId);
        }
        return next;
      });
    } catch (e) {
      const body = errorBody(e);
      const m = /^counts\.(\d+)\./.exec(body.field ?? '');
      const at = m ? batch[Number(m[1])] : undefined;
      if (at) setErrors((er) => new Map(er).set(at[0], gloss(body)));
      setSaveError(gloss(body));
    } finally {
      for (const [lineId] of batch) sent.current.delete(lineId);
      inflight.current = false;
      setSaving(false);
      if (pending.current.size) void flush();
    }
  }, [view.id, onView, gloss]);

  const onDraft = useCallback((lineId: number, text: string | undefined) => {
    setDrafts((d) => {
      const next = new Map(d);
      if (text === undefined) next.delete(lineId);
      else next.set(lineId, text);
      return next;
    });
    setErrors((er) => {
      if (!er.has(lineId)) return er;
      const next = new Map(er);
      next.delete(lineId);
      return next;
    });
  }, []);

  const onCommit = useCallback(
    (line: StocktakeLine): boolean => {
      const text = latest.current.drafts.get(line.lineId);
      if (text === undefined) return true;
      if (text.trim() === '') {
        // A count cannot be taken back to "not counted": the saved figure stays.
        onDraft(line.lineId, undefined);
        return true;
      }
      const p = parseCount(text, decimalsOf(line));
      if ('error' in p) {
        setErrors((er) => new Map(er).set(line.lineId, t(p.error, p.params)));
        return false;
      }
      if (sent.current.get(line.lineId) === p.value) return true;
      if (line.counted === p.value && !pending.current.has(line.lineId)) {
        onDraft(line.lineId, undefined);
        return true;
      }
      pending.current.set(line.lineId, p.value);
      sent.current.set(line.lineId, p.value);
      void flush();
      return true;
    },
    [decimalsOf, flush, onDraft, t],
  );

  const onReason = useCallback(
    async (line: StocktakeLine, reason: string) => {
      try {
        onView(await call('stocktake.setReason', { id: view.id, lineId: line.lineId, reason }));
        return true;
      } catch (e) {
        void message.error(gloss(errorBody(e)));
        return false;
      }
    },
    [view.id, onView, message, gloss],
  );

  const draftValue = useCallback(
    (line: StocktakeLine) => {
      const text = drafts.get(line.lineId);
      if (text === undefined) return undefined;
      const p = parseCount(text, decimalsOf(line));
      return 'value' in p ? p.value : undefined;
    },
    [drafts, decimalsOf],
  );

  // Once a name is given, what waited for it is saved.
  useEffect(() => {
    if (countedBy.trim() && needName) {
      setNeedName(false);
      void flush();
    }
  }, [countedBy, needName, flush]);

  // Opening the tab on a stocktake being counted puts the cursor on the first line still to count.
  const focused = useRef(false);
  useEffect(() => {
    if (!active || !editable || focused.current || rows.length === 0) return;
    focused.current = true;
    const i = rows.findIndex((l) => l.counted === null);
    if (i >= 0) setTimeout(() => grid.current?.focusRow(i), 50);
  }, [active, editable, rows]);

  const unsaved = [...drafts.keys()].filter((k) => {
    const l = byId.get(k);
    return l && drafts.get(k) !== (l.counted === null ? '' : String(l.counted));
  }).length;
  const pct = view.lines ? Math.floor((view.counted / view.lines) * 100) : 0;

  return (
    <div className="st-count" data-testid="count-tab">
      <div className="toolbar st-toolbar">
        <Space size={6} wrap>
          {editable && (
            <>
              <span className="st-label st-req">{t('stocktake.countedBy')}</span>
              <Input
                style={{ width: 88 }}
                value={countedBy}
                status={needName && !countedBy.trim() ? 'error' : undefined}
                onChange={(e) => setCountedBy(e.target.value)}
                placeholder={t('stocktake.namePlaceholder')}
                maxLength={30}
                data-testid="count-countedBy"
              />
              <span className="st-label">{t('stocktake.countDate')}</span>
              <DatePicker format="YYYY-MM-DD" style={{ width: 118 }} value={date ?? null} onChange={(d) => setDate(d ?? undefined)} allowClear={false} data-testid="count-date" />
            </>
          )}
          <Segmented<Filter>
            value={filter}
            onChange={(f) => {
              setFilter(f);
              setRefilter((n) => n + 1);
            }}
            options={[
              { value: 'all', label: t('stocktake.filter.lines', { n: formatInt(view.lines) }) },
              { value: 'uncounted', label: <span data-testid="filter-uncounted">{t('stocktake.filter.uncounted', { n: formatInt(counts.uncounted) })}</span> },
              ...(blindNow ? [] : [{ value: 'diff' as const, label: <span data-testid="filter-diff">{t('stocktake.filter.diff', { n: formatInt(counts.diff) })}</span> }]),
            ]}
            data-testid="count-filter"
          />
          {view.locations.length > 1 && (
            <Select
              allowClear
              style={{ width: 150 }}
              placeholder={t('stocktake.allLocations')}
              value={location}
              onChange={(v?: string) => setLocation(v)}
              options={view.locations.map((l) => ({ value: l.code, label: l.name }))}
              popupMatchSelectWidth={280}
              data-testid="count-location"
            />
          )}
          <Input
            allowClear
            prefix={<SearchOutlined />}
            style={{ width: 150 }}
            placeholder={t('stocktake.searchLines')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="count-search"
          />
        </Space>
        {editable && (
          <Space size={6}>
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="stocktake-add-line">
              {t('stocktake.addLine')}
            </Button>
            <Tooltip title={counts.uncounted ? t('stocktake.zeroHint') : t('stocktake.allCounted')}>
              <Button icon={<ClearOutlined />} disabled={counts.uncounted === 0} onClick={() => setZeroing(true)} data-testid="stocktake-zero">
                {t('stocktake.zeroUncounted', { n: formatInt(counts.uncounted) })}
              </Button>
            </Tooltip>
          </Space>
        )}
      </div>
      {needName && !countedBy.trim() && <Alert className="st-banner" type="warning" showIcon title={t('stocktake.needName')} />}
      {saveError && <Alert className="st-banner" type="error" showIcon closable={{ onClose: () => setSaveError(undefined) }} title={saveError} data-testid="count-error" />}
      <div ref={box} className="table-box">
        <CountGrid
          rows={rows}
          height={height}
          editable={editable}
          blind={blindNow}
          showLocation={view.locations.length > 1}
          drafts={drafts}
          errors={errors}
          draftValue={draftValue}
          onDraft={onDraft}
          onCommit={onCommit}
          onReason={onReason}
          gridRef={grid}
        />
      </div>
      <div className="table-footer st-count-footer">
        <Space size={12}>
          <span className="st-progress-cell" style={{ width: 220 }}>
            <Progress percent={pct} size="small" showInfo={false} status={view.counted === view.lines ? 'success' : 'active'} />
            <span className="num" data-testid="count-progress">
              {t('stocktake.progress', { counted: formatInt(view.counted), lines: formatInt(view.lines) })}
            </span>
          </span>
          <Typography.Text type="secondary" data-testid="count-save-state">
            {saving ? t('stocktake.saving') : unsaved ? t('stocktake.unsaved', { n: unsaved }) : editable ? t('stocktake.allSaved') : ''}
          </Typography.Text>
        </Space>
        <Typography.Text type="secondary">{editable ? t('stocktake.keysHint') : rows.length !== view.lines ? t('common.rowsOf', { shown: formatInt(rows.length), total: formatInt(view.lines) }) : t('common.rows', { n: formatInt(rows.length) })}</Typography.Text>
      </div>
      {adding && (
        <AddLineModal
          view={view}
          countedBy={countedBy}
          date={date}
          onClose={() => setAdding(false)}
          onDone={(v) => {
            setAdding(false);
            onView(v);
            void message.success(t('stocktake.lineAdded'));
          }}
        />
      )}
      {zeroing && (
        <ZeroModal
          view={view}
          countedBy={countedBy}
          date={date}
          onClose={() => setZeroing(false)}
          onDone={(v) => {
            setZeroing(false);
            onView(v);
          }}
        />
      )}
    </div>
  );
}
