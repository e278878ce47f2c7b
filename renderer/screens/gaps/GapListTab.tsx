// 缺口清单: what stands between the district and its targets, grouped by street — stock below norm with the
// transfers and purchase that close it, villages not covered, tests overdue, shelters failing checklist items — and
// the request workbook (采购需求表 / 调拨建议表) to send on.
import { FileExcelOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, Empty, Input, Segmented, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type HTMLAttributes, useMemo, useRef, useState } from 'react';
import type { Gap, GapKind } from '../../../src/api/contract.gaps';
import { equipmentLabels } from '../../../src/i18n/equipment';
import { call, errorBody } from '../../api';
import { saveWorkbook } from '../../components/download';
import { formatInt, formatQty } from '../../components/format';
import { LoadError } from '../../components/LoadError';
import { useRefData } from '../../components/RefData';
import { useFillHeight } from '../../components/useFillHeight';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n';
import { GapTargets } from './GapTargets';
import { CATEGORIES_OF, categoryLabel, equipmentName, GAP_CATEGORIES, GAP_KINDS, gapUnit, kindLabel, pct } from './shared';

export interface GapFilter {
  street?: string;
  kind?: GapKind;
  cat?: Gap['category'];
}

type Row =
  | { key: string; group: true; code: string; name: string; counts: Record<GapKind, number>; rates?: { shelters: number; coverage: number; materials: number } }
  | { key: string; group: false; gap: Gap };

const DISTRICT = '-';

/** A stable key for a gap line, also its data-testid: kind, place, item. */
export function gapKey(g: Gap): string {
  return `${g.kind}-${g.category}-${g.placeCode}-${g.itemCode ?? g.item}`;
}

export function GapListTab({ filter, onFilter, tick = 0 }: { filter: GapFilter; onFilter: (f: GapFilter) => void; tick?: number }) {
  const i18n = useI18n();
  const { t, gloss } = i18n;
  const { message } = App.useApp();
  const { version, streets } = useRefData();
  const { street, kind, cat } = filter;
  const report = useLoad(() => call('gaps.get', street ? { streetCode: street } : {}), [version, street, tick]);
  const summary = useLoad(() => call('summary.get', {}), [version, tick]);
  const [search, setSearch] = useState('');
  const [exporting, setExporting] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const height = useFillHeight(box, 62, 160);

  const gaps = report.data?.gaps;
  const counts = useMemo(() => {
    const c: Record<GapKind, number> = { materials: 0, equipment: 0, shelters: 0 };
    for (const g of gaps ?? []) c[g.kind]++;
    return c;
  }, [gaps]);

  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (gaps ?? []).filter(
      (g) =>
        (!kind || g.kind === kind) &&
        (!cat || g.category === cat) &&
        (!q || [g.place, g.placeCode, g.item, g.itemCode ?? '', g.reason, g.action, g.street ?? ''].some((s) => s.toLowerCase().includes(q))),
    );
  }, [gaps, kind, cat, search]);

  const rows = useMemo<Row[]>(() => {
    const byStreet = new Map<string, Gap[]>();
    for (const g of shown) {
      const k = g.streetCode ?? DISTRICT;
      const list = byStreet.get(k) ?? [];
      list.push(g);
      byStreet.set(k, list);
    }
    const order = [...(report.data?.streets ?? []).map((s) => s.code), DISTRICT];
    const out: Row[] = [];
    for (const code of order) {
      const list = byStreet.get(code);
      if (!list?.length) continue;
      const s = report.data?.streets.find((x) => x.code === code);
      const c: Record<GapKind, number> = { materials: 0, equipment: 0, shelters: 0 };
      for (const g of list) c[g.kind]++;
      out.push({
        key: `group-${code}`,
        group: true,
        code,
        name: s?.name ?? list[0]?.street ?? t('gaps.districtLevel'),
        counts: c,
        rates: s ? { shelters: s.shelterStandardisedRate, coverage: s.villageCoverageRate, materials: s.materialsMeetingRate } : undefined,
      });
      for (const g of list) out.push({ key: gapKey(g), group: false, gap: g });
    }
    return out;
  }, [shown, report.data, t]);

  const exportWorkbook = async () => {
    setExporting(true);
    try {
      const file = await call('gaps.requestWorkbook', street ? { streetCode: street } : {});
      const saved = await saveWorkbook(file, t('gaps.export'));
      if (saved) void message.success(t('gaps.exported', { file: saved.saved }));
    } catch (e) {
      void message.error(gloss(errorBody(e)));
    } finally {
      setExporting(false);
    }
  };

  const COLS = 8;
  const groupCell = (r: Row) => (r.group ? { colSpan: 0 } : {});
  const num = (v: number, g: Gap, cls = '') => (
    <span className={`num ${cls}`}>
      {formatQty(v)}
      <span className="unit">{gapUnit(t, g)}</span>
    </span>
  );
  const columns: ColumnsType<Row> = [
    {
      title: t('gaps.col.category'),
      key: 'category',
      width: 96,
      onCell: (r) => (r.group ? { colSpan: COLS, className: 'gap-group-cell' } : {}),
      render: (_: unknown, r) =>
        r.group ? (
          groupHeader(r, street ? undefined : () => onFilter({ ...filter, street: r.code === DISTRICT ? undefined : r.code }))
        ) : (
          <span className={`gap-cat gap-cat-${r.gap.kind}`}>{categoryLabel(t, r.gap.category)}</span>
        ),
    },
    {
      title: t('gaps.col.place'),
      key: 'place',
      width: 200,
      ellipsis: { showTitle: false },
      onCell: groupCell,
      render: (_: unknown, r) =>
        r.group ? null : (
          <Tooltip title={`${r.gap.place}（${r.gap.placeCode}）`} placement="topLeft">
            <span>{r.gap.place}</span>
          </Tooltip>
        ),
    },
    {
      title: t('gaps.col.item'),
      key: 'item',
      width: 116,
      ellipsis: { showTitle: false },
      onCell: groupCell,
      render: (_: unknown, r) => (r.group ? null : <span title={r.gap.itemCode && r.gap.category === 'stock' ? `${r.gap.item}（${r.gap.itemCode}）` : r.gap.item}>{itemText(i18n, r.gap)}</span>),
    },
    { title: t('gaps.col.required'), key: 'required', width: 80, align: 'right', onCell: groupCell, render: (_: unknown, r) => (r.group || !counted(r.gap) ? null : num(r.gap.required, r.gap)) },
    { title: t('gaps.col.usable'), key: 'usable', width: 80, align: 'right', onCell: groupCell, render: (_: unknown, r) => (r.group || !counted(r.gap) ? null : num(r.gap.usable, r.gap)) },
    {
      title: t('gaps.col.shortfall'),
      key: 'shortfall',
      width: 82,
      align: 'right',
      onCell: groupCell,
      render: (_: unknown, r) => (r.group ? null : num(r.gap.shortfall, r.gap, r.gap.shortfall > 0 ? 'gap-short' : '')),
    },
    {
      title: t('gaps.col.reason'),
      key: 'reason',
      ellipsis: { showTitle: false },
      onCell: groupCell,
      render: (_: unknown, r) => (r.group ? null : <ReasonCell gap={r.gap} />),
    },
    {
      title: t('gaps.col.action'),
      key: 'action',
      width: 280,
      ellipsis: { showTitle: false },
      onCell: groupCell,
      render: (_: unknown, r) => (r.group ? null : <ActionCell gap={r.gap} />),
    },
  ];

  const catOptions = (kind ? CATEGORIES_OF[kind] : GAP_CATEGORIES).map((c) => ({ value: c, label: categoryLabel(t, c) }));

  return (
    <div data-testid="gap-list">
      {report.error && <LoadError error={report.error} onRetry={report.reload} />}
      {report.data && (
        <GapTargets report={report.data} summary={summary.data} street={street} onKind={(k) => onFilter({ street, kind: k, cat: undefined })} />
      )}
      <div className="toolbar">
        <Space size={6} wrap>
          <Select
            allowClear
            placeholder={t('stock.anyStreet')}
            style={{ width: 130 }}
            value={street}
            onChange={(v: string | undefined) => onFilter({ ...filter, street: v })}
            options={streets.map((s) => ({ value: s.code, label: s.name }))}
            data-testid="gap-filter-street"
          />
          <span data-testid="gap-filter-kind">
            <Segmented<string>
              value={kind ?? 'all'}
              onChange={(v) => onFilter({ street, kind: v === 'all' ? undefined : (v as GapKind), cat: undefined })}
              options={[
                { value: 'all', label: <span data-testid="gap-kind-all">{t('gaps.kindCount', { kind: t('common.all'), n: formatInt(gaps?.length ?? 0) })}</span> },
                ...GAP_KINDS.map((k) => ({ value: k, label: <span data-testid={`gap-kind-${k}`}>{t('gaps.kindCount', { kind: kindLabel(t, k), n: formatInt(counts[k]) })}</span> })),
              ]}
            />
          </span>
          <Select
            allowClear
            placeholder={t('gaps.anyCategory')}
            style={{ width: 130 }}
            value={cat && catOptions.some((o) => o.value === cat) ? cat : undefined}
            onChange={(v: Gap['category'] | undefined) => onFilter({ ...filter, cat: v })}
            options={catOptions}
            data-testid="gap-filter-cat"
          />
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('gaps.searchPlaceholder')}
            style={{ width: 200 }}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="gap-search"
          />
          <Tooltip title={t('common.refresh')}>
            <Button icon={<ReloadOutlined />} onClick={report.reload} aria-label={t('common.refresh')} />
          </Tooltip>
        </Space>
        <Tooltip title={street ? t('gaps.exportHintStreet') : t('gaps.exportHint')}>
          <Button type="primary" icon={<FileExcelOutlined />} loading={exporting} onClick={() => void exportWorkbook()} data-testid="gap-export">
            {t('gaps.export')}
          </Button>
        </Tooltip>
      </div>
      <div ref={box}>
        <Table<Row>
          size="small"
          bordered
          rowKey="key"
          columns={columns}
          dataSource={rows}
          loading={report.loading}
          pagination={false}
          scroll={{ y: height }}
          rowClassName={(r) => (r.group ? 'gap-group-row' : '')}
          onRow={(r) => ({ 'data-testid': r.group ? `gap-group-${r.code}` : `gap-row-${r.key}` }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={report.loading ? t('common.loading') : t('gaps.none')} /> }}
          data-testid="gap-table"
        />
      </div>
      <div className="table-footer">
        <Typography.Text type="secondary" data-testid="gap-count">
          {shown.length === (gaps?.length ?? 0) ? t('gaps.lines', { n: formatInt(shown.length) }) : t('gaps.linesOf', { shown: formatInt(shown.length), total: formatInt(gaps?.length ?? 0) })}
        </Typography.Text>
        <Typography.Text type="secondary">{report.data ? t('gaps.asOf', { date: report.data.summary.today }) : ''}</Typography.Text>
      </div>
    </div>
  );

  function groupHeader(row: Extract<Row, { group: true }>, onStreet?: () => void) {
    return (
      <div className="gap-group">
        <span className="gap-group-name">{row.name}</span>
        <span className="gap-group-counts">
          {GAP_KINDS.filter((k) => row.counts[k] > 0)
            .map((k) => t('gaps.kindCount', { kind: kindLabel(t, k), n: row.counts[k] }))
            .join(t('fmt.listSep'))}
        </span>
        {row.rates && (
          <span className="gap-group-rates">
            {t('gaps.groupRates', {
              shelters: pct(row.rates.shelters, report.data?.summary.shelterTarget),
              coverage: pct(row.rates.coverage, 1),
              materials: pct(row.rates.materials, 1),
            })}
          </span>
        )}
        {onStreet && row.code !== DISTRICT && (
          <Button type="link" size="small" className="gap-group-link" onClick={onStreet} data-testid={`gap-group-only-${row.code}`}>
            {t('gaps.onlyThisStreet')}
          </Button>
        )}
      </div>
    );
  }
}

/** Required and usable say something for stock and for a village's equipment; for a checklist item they are 1 and 0. */
function counted(g: Gap): boolean {
  return g.category === 'stock' || g.category === 'coverage';
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function itemText(i18n: ReturnType<typeof useI18n>, g: Gap): string {
  if (g.kind === 'equipment' && g.category !== 'airtime') return equipmentName(i18n.t, g.itemCode ?? '') ?? g.item;
  if (g.kind === 'shelters') {
    const label = (equipmentLabels.checklist as Record<string, { zh: string; en: string }>)[g.itemCode ?? ''];
    if (label) return label[i18n.lang];
  }
  return g.item;
}

/** Stock gaps: the norm the line rests on (and stock not counted because expired or due); others: the reason. */
function ReasonCell({ gap }: { gap: Gap }) {
  const { t } = useI18n();
  if (gap.category !== 'stock') {
    // A checklist line reads "未达标：<item>（<detail>）"; the item is in its own column already.
    const detail = gap.kind === 'shelters' ? new RegExp(`^未达标：${escapeRegExp(gap.item)}（(.*)）$`).exec(gap.reason)?.[1] : undefined;
    return (
      <Tooltip title={gap.reason} placement="topLeft">
        <span>{detail ?? gap.reason}</span>
      </Tooltip>
    );
  }
  const excluded = /（另有[^）]*不计入）/.exec(gap.reason)?.[0];
  return (
    <Tooltip
      placement="topLeft"
      title={
        <div>
          <div>{gap.reason}</div>
          {gap.basis && <div>{t('fmt.labelValue', { a: t('gaps.basis'), b: gap.basis })}</div>}
        </div>
      }
    >
      <span>
        {excluded && <span className="gap-excluded">{t('gaps.excludedMark')}</span>}
        {gap.basis ?? gap.reason}
      </span>
    </Tooltip>
  );
}

/** Stock gaps: transfers (nearest first) and the purchase; others: the core's suggestion. */
function ActionCell({ gap }: { gap: Gap }) {
  const { t } = useI18n();
  if (gap.category !== 'stock') {
    return (
      <Tooltip title={gap.action} placement="topLeft">
        <span>{gap.action}</span>
      </Tooltip>
    );
  }
  const unit = gap.unit ?? '';
  const parts = [
    ...gap.transfers.map((s) => ({ key: s.locationCode, tag: 'transfer' as const, text: t('gaps.action.transfer', { qty: formatQty(s.quantity), unit, from: s.locationName }) })),
    ...(gap.purchase > 0 ? [{ key: 'buy', tag: 'buy' as const, text: t('gaps.action.purchase', { qty: formatQty(gap.purchase), unit }) }] : []),
  ];
  return (
    <Tooltip
      placement="topLeft"
      title={
        <div>
          {parts.map((p) => (
            <div key={p.key}>{p.text}</div>
          ))}
        </div>
      }
    >
      <span className="gap-actions-cell">
        {parts.map((p) => (
          <span key={p.key} className={`gap-act gap-act-${p.tag}`}>
            <span className="gap-act-tag">{t(p.tag === 'buy' ? 'gaps.action.buyTag' : 'gaps.action.transferTag')}</span>
            {p.text}
          </span>
        ))}
      </span>
    </Tooltip>
  );
}
