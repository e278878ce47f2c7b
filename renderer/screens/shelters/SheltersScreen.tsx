// 避灾场所: the standardisation KPI against its target, per street; the registry with its failing checklist items;
// a shelter's drawer (all registry fields, the nine-item checklist) with inspection, edit and in/out of use.
// Filters come from the address too: #/shelters?street=CODE&state=failing&q=…
import { SearchOutlined } from '@ant-design/icons';
import { App, Button, Input, Progress, Select, Skeleton, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type HTMLAttributes, useCallback, useMemo, useRef, useState } from 'react';
import { type ShelterChecklistItem, type ShelterKpi, type ShelterView, shelterChecklistItems } from '../../../src/api/contract.equipment';
import { call } from '../../api';
import { formatInt } from '../../components/format';
import { LoadError } from '../../components/LoadError';
import { useRefData } from '../../components/RefData';
import { useFillHeight } from '../../components/useFillHeight';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n';
import { Figure, useEqLabels } from '../equipment/shared';
import { ShelterDrawer, ShelterStateTag } from './ShelterDrawer';
import { EditShelterModal, InspectModal, UseModal } from './ShelterModals';

type Level = ShelterView['level'];
type State = 'standardised' | 'failing' | 'outOfUse';
type Dialog = { type: 'inspect' | 'edit' | 'use'; shelter: ShelterView };
/** Shelters of the district level have no street: they are filtered under this key, as the KPI groups them. */
const DISTRICT = '-';
const LEVELS: Level[] = ['district', 'street', 'village'];
const STATES: State[] = ['standardised', 'failing', 'outOfUse'];

const pct = (rate: number) => `${(rate * 100).toFixed(1)}%`;

export function SheltersScreen({ query }: { rest: string[]; query: URLSearchParams }) {
  const { version } = useRefData();
  const loaded = useLoad(() => call('shelters.kpi', {}), [version]);
  if (loaded.error && !loaded.data) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Skeleton active />;
  return <ShelterRegistry key={query.toString()} kpi={loaded.data} loading={loaded.loading} query={query} />;
}

function ShelterRegistry({ kpi, loading, query }: { kpi: ShelterKpi; loading: boolean; query: URLSearchParams }) {
  const { t, label } = useI18n();
  const labels = useEqLabels();
  const { message } = App.useApp();
  const { changed, locationsByCode } = useRefData();
  const [street, setStreet] = useState<string | undefined>(query.get('street') ?? undefined);
  const [level, setLevel] = useState<Level>();
  const [state, setState] = useState<State | undefined>((query.get('state') as State | null) ?? undefined);
  const [item, setItem] = useState<ShelterChecklistItem>();
  const [search, setSearch] = useState(query.get('q') ?? '');
  const [openCode, setOpenCode] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    return kpi.shelters.filter(
      (s) =>
        (!street || (s.streetCode ?? DISTRICT) === street) &&
        (!level || s.level === level) &&
        (!state || (state === 'outOfUse' ? !s.inUse : s.inUse && (state === 'standardised') === s.standardised)) &&
        (!item || s.failing.includes(item)) &&
        (!q || s.name.toLowerCase().includes(q) || s.code.toLowerCase().includes(q) || (s.address ?? '').toLowerCase().includes(q)),
    );
  }, [kpi, street, level, state, item, search]);
  const open = openCode ? kpi.shelters.find((s) => s.code === openCode) : undefined;

  const box = useRef<HTMLDivElement>(null);
  const height = useFillHeight(box, 60, 160);

  const done = useCallback(
    (text: string) => {
      setDialog(null);
      void message.success(text);
      changed();
    },
    [message, changed],
  );

  const columns: ColumnsType<ShelterView> = [
    {
      title: t('sh.field.name'),
      dataIndex: 'name',
      ellipsis: true,
      render: (name: string, s) => (
        <span className="eq-link" data-testid={`shelter-${s.code}`}>
          {name}
        </span>
      ),
    },
    { title: t('sh.field.level'), dataIndex: 'level', width: 96, render: (l: Level) => label('shelterLevel', l) },
    { title: t('sh.field.street'), dataIndex: 'street', width: 80, render: (v: string | null) => v ?? <span className="muted">{t('sh.districtLevel')}</span> },
    { title: t('sh.field.area'), dataIndex: 'areaName', width: 90, ellipsis: true },
    { title: t('sh.field.capacity'), dataIndex: 'capacity', width: 104, align: 'right', render: (v: number) => <Figure value={v} />, sorter: (a, b) => a.capacity - b.capacity },
    {
      title: t('sh.field.planned'),
      dataIndex: 'plannedEvacuees',
      width: 118,
      align: 'right',
      render: (v: number | null) => <Figure value={v} />,
      sorter: (a, b) => (a.plannedEvacuees ?? 0) - (b.plannedEvacuees ?? 0),
    },
    {
      title: t('sh.field.usableArea'),
      dataIndex: 'usableArea',
      width: 122,
      align: 'right',
      render: (v: number | null) => <Figure value={v} />,
      sorter: (a, b) => (a.usableArea ?? 0) - (b.usableArea ?? 0),
    },
    {
      title: t('sh.field.standardised'),
      key: 'standardised',
      width: 76,
      ellipsis: true,
      render: (_: unknown, s) => <ShelterStateTag shelter={s} />,
    },
    {
      title: t('sh.field.failing'),
      key: 'failing',
      width: 236,
      render: (_: unknown, s) => (
        <span className="sh-failing" title={s.failing.map((f) => labels.checklist(f)).join(t('fmt.listSep'))}>
          {s.failing.map((f) => (
            <span key={f} className={`eq-tag ${s.checklist.find((c) => c.item === f)?.passed === null ? 'eq-none' : 'eq-warn'}`}>
              {labels.checklist(f)}
            </span>
          ))}
        </span>
      ),
    },
  ];

  return (
    <div className="screen shelters" data-testid="screen-shelters">
      <KpiBand kpi={kpi} street={street} onStreet={(code) => setStreet(code === street ? undefined : code)} />
      <div className="toolbar">
        <Space size={6} wrap>
          <Select
            allowClear
            placeholder={t('stock.anyStreet')}
            style={{ width: 120 }}
            value={street}
            onChange={(v?: string) => setStreet(v)}
            options={kpi.streets.map((s) => ({ value: s.code, label: s.code === DISTRICT ? t('sh.districtLevel') : s.name }))}
            data-testid="sh-filter-street"
          />
          <Select
            allowClear
            placeholder={t('sh.anyLevel')}
            style={{ width: 130 }}
            value={level}
            onChange={(v?: Level) => setLevel(v)}
            options={LEVELS.map((l) => ({ value: l, label: label('shelterLevel', l) }))}
            data-testid="sh-filter-level"
          />
          <Select
            allowClear
            placeholder={t('sh.anyState')}
            style={{ width: 110 }}
            value={state}
            onChange={(v?: State) => setState(v)}
            options={STATES.map((s) => ({ value: s, label: t(`sh.state.${s}`) }))}
            data-testid="sh-filter-state"
          />
          <Select
            allowClear
            placeholder={t('sh.failingItem')}
            style={{ width: 170 }}
            popupMatchSelectWidth={220}
            value={item}
            onChange={(v?: ShelterChecklistItem) => setItem(v)}
            options={shelterChecklistItems.map((i) => ({ value: i, label: labels.checklist(i) }))}
            data-testid="sh-filter-item"
          />
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('sh.search')}
            style={{ width: 200 }}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="sh-search"
          />
          <Button
            onClick={() => {
              setStreet(undefined);
              setLevel(undefined);
              setState(undefined);
              setItem(undefined);
              setSearch('');
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
      </div>
      <div ref={box}>
        <Table<ShelterView>
          className="sh-table"
          size="small"
          bordered
          rowKey="code"
          columns={columns}
          dataSource={rows}
          loading={loading}
          pagination={false}
          scroll={{ y: height }}
          rowClassName={(s) => (s.inUse ? '' : 'sh-row-out')}
          onRow={(s) => ({ onClick: () => setOpenCode(s.code) }) as HTMLAttributes<HTMLElement>}
          data-testid="sh-table"
        />
      </div>
      <div className="table-footer">
        <Typography.Text type="secondary" data-testid="sh-count">
          {rows.length === kpi.shelters.length
            ? t('common.rows', { n: formatInt(rows.length) })
            : t('common.rowsOf', { shown: formatInt(rows.length), total: formatInt(kpi.shelters.length) })}
        </Typography.Text>
      </div>
      {open && <ShelterDrawer shelter={open} storeName={open.locationCode ? locationsByCode.get(open.locationCode)?.name : undefined} onClose={() => setOpenCode(null)} onAction={(type) => setDialog({ type, shelter: open })} />}
      {dialog?.type === 'inspect' && (
        <InspectModal
          shelter={dialog.shelter}
          onClose={() => setDialog(null)}
          onDone={(s) => done(s.standardised && !dialog.shelter.standardised ? t('sh.nowStandardised', { name: s.name }) : t('sh.inspected', { name: s.name }))}
        />
      )}
      {dialog?.type === 'edit' && <EditShelterModal shelter={dialog.shelter} onClose={() => setDialog(null)} onDone={(s) => done(t('sh.saved', { name: s.name }))} />}
      {dialog?.type === 'use' && (
        <UseModal
          shelter={dialog.shelter}
          onClose={() => setDialog(null)}
          onDone={(s) => done(s.inUse ? t('sh.putBackDone', { name: s.name }) : t('sh.tookOut', { name: s.name }))}
        />
      )}
    </div>
  );
}

function KpiBand({ kpi, street, onStreet }: { kpi: ShelterKpi; street: string | undefined; onStreet(code: string): void }) {
  const { t } = useI18n();
  const need = Math.max(0, Math.ceil(kpi.target * kpi.inUse - 1e-9) - kpi.standardised);
  const met = kpi.rate >= kpi.target;
  return (
    <div className="kpi-band">
      <div className="kpi-main" data-testid="sh-kpi">
        <div className="kpi-title">{t('sh.kpi')}</div>
        <div className={`kpi-figure${met ? '' : ' below'}`} data-testid="sh-kpi-rate">
          {pct(kpi.rate)}
        </div>
        <TargetBar rate={kpi.rate} target={kpi.target} />
        <div className="kpi-note">
          <span data-testid="sh-kpi-count">{t('sh.kpiOf', { standardised: formatInt(kpi.standardised), inUse: formatInt(kpi.inUse) })}</span>
          {' · '}
          {t('sh.target', { target: pct(kpi.target) })}
        </div>
        <div className="kpi-note">
          <span className={met ? 'eq-green' : 'eq-red'} data-testid="sh-kpi-need">
            {met ? t('sh.targetMet') : t('sh.toTarget', { n: formatInt(need) })}
          </span>
        </div>
      </div>
      <div className="kpi-streets">
        <div className="kpi-title">{t('sh.perStreet')}</div>
        <div className="kpi-street-grid">
          {kpi.streets.map((s) => (
            <div key={s.code} className={`kpi-street${street === s.code ? ' on' : ''}`} onClick={() => onStreet(s.code)} data-testid={`sh-street-${s.code}`}>
              <div className="kpi-street-head">
                <span>{s.code === DISTRICT ? t('sh.districtLevel') : s.name}</span>
                <span className="num">
                  {t('sh.streetRatio', { standardised: formatInt(s.standardised), inUse: formatInt(s.inUse) })} · {pct(s.rate)}
                </span>
              </div>
              <TargetBar rate={s.rate} target={kpi.target} small />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}

/** A progress bar with a mark at the target. */
function TargetBar({ rate, target, small }: { rate: number; target: number; small?: boolean }) {
  const color = rate >= target ? '#389e0d' : '#d46b08';
  return (
    <div className="target-bar">
      <Progress percent={rate * 100} showInfo={false} strokeColor={color} size={small ? { height: 5 } : 'small'} />
      <span className="target-mark" style={{ left: `${target * 100}%` }} />
    </div>
  );
}
