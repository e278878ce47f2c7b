// 装备核查: the serial units expected at the stocktake's locations (or handed out from them to villages), marked
// seen or not seen, and units found that were not expected.
import { CheckOutlined, CloseOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, Input, Segmented, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useRef, useState } from 'react';
import type { StocktakeUnit, StocktakeView } from '../../../src/api/contract.stocktake';
import { call, errorBody } from '../../api';
import { formatInt } from '../../components/format';
import { useFillHeight } from '../../components/useFillHeight';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n';

type Filter = 'all' | 'unchecked' | 'seen' | 'notSeen' | 'unexpected';

function resultOf(u: StocktakeUnit): Exclude<Filter, 'all'> {
  if (u.unexpected) return 'unexpected';
  return u.seen === null ? 'unchecked' : u.seen ? 'seen' : 'notSeen';
}

export function AuditTab({ view, onView }: { view: StocktakeView; onView(v: StocktakeView): void }) {
  const { t, lang, gloss } = useI18n();
  const { message } = App.useApp();
  const editable = view.status === 'counting';
  const kinds = useLoad(() => call('equipment.kinds', {}), []);
  const [filter, setFilter] = useState<Filter>('all');
  const [search, setSearch] = useState('');
  const [busy, setBusy] = useState<string>();
  const [kind, setKind] = useState<string>();
  const [serial, setSerial] = useState('');
  const [note, setNote] = useState('');
  const [foundError, setFoundError] = useState<{ kind?: string; serial?: string }>({});
  const box = useRef<HTMLDivElement>(null);
  const height = useFillHeight(box, 76, 200);

  const tally = useMemo(() => {
    const n = { all: view.units.length, unchecked: 0, seen: 0, notSeen: 0, unexpected: 0 };
    for (const u of view.units) n[resultOf(u)]++;
    return n;
  }, [view.units]);

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    return view.units.filter(
      (u) => (filter === 'all' || resultOf(u) === filter) && (!q || `${u.serialNo} ${u.kindName} ${u.expectedAt ?? ''} ${u.note ?? ''}`.toLowerCase().includes(q)),
    );
  }, [view.units, filter, search]);

  const kindName = (code: string) => {
    const k = kinds.data?.find((x) => x.code === code);
    return k ? (lang === 'en' ? k.nameEn : k.name) : code;
  };

  const mark = async (u: StocktakeUnit, seen: boolean) => {
    setBusy(`${u.unitId}:${seen}`);
    try {
      onView(await call('stocktake.audit', { id: view.id, kind: u.kind, serialNo: u.serialNo, seen, ...(u.note ? { note: u.note } : {}) }));
    } catch (e) {
      void message.error(gloss(errorBody(e)));
    } finally {
      setBusy(undefined);
    }
  };

  const addFound = async () => {
    const errs: { kind?: string; serial?: string } = {};
    if (!kind) errs.kind = t('validation.required');
    if (!serial.trim()) errs.serial = t('validation.required');
    setFoundError(errs);
    if (errs.kind || errs.serial) return;
    setBusy('found');
    try {
      const v = await call('stocktake.audit', { id: view.id, kind: kind!, serialNo: serial.trim(), seen: true, ...(note.trim() ? { note: note.trim() } : {}) });
      onView(v);
      const known = view.units.some((u) => u.kind === kind && u.serialNo === serial.trim());
      void message.success(known ? t('stocktake.audit.markedSeen', { serial: serial.trim() }) : t('stocktake.audit.foundAdded', { serial: serial.trim() }));
      setSerial('');
      setNote('');
    } catch (e) {
      void message.error(gloss(errorBody(e)));
    } finally {
      setBusy(undefined);
    }
  };

  const columns: ColumnsType<StocktakeUnit> = [
    { key: 'kind', title: t('stocktake.audit.kind'), width: 110, render: (_, u) => kindName(u.kind) },
    { key: 'serial', title: t('stocktake.audit.serial'), width: 180, render: (_, u) => <span className="num">{u.serialNo}</span> },
    { key: 'expected', title: t('stocktake.audit.expectedAt'), width: 200, ellipsis: true, render: (_, u) => u.expectedAt ?? <span className="muted">{t('stocktake.audit.offBook')}</span> },
    {
      key: 'result',
      title: t('stocktake.audit.result'),
      width: 96,
      render: (_, u) => {
        const r = resultOf(u);
        return <span className={`status-tag st-audit-${r}`}>{t(`stocktake.audit.${r}`)}</span>;
      },
    },
    { key: 'note', title: t('field.note'), ellipsis: true, render: (_, u) => u.note ?? '' },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 150,
      render: (_, u) =>
        editable && !u.unexpected ? (
          <Space size={4}>
            <Button
              size="small"
              type={u.seen === true ? 'primary' : 'default'}
              icon={<CheckOutlined />}
              loading={busy === `${u.unitId}:true`}
              onClick={() => void mark(u, true)}
              data-testid={`audit-seen-${u.serialNo}`}
            >
              {t('stocktake.audit.seenBtn')}
            </Button>
            <Button
              size="small"
              danger={u.seen === false}
              type={u.seen === false ? 'primary' : 'default'}
              icon={<CloseOutlined />}
              loading={busy === `${u.unitId}:false`}
              onClick={() => void mark(u, false)}
              data-testid={`audit-notseen-${u.serialNo}`}
            >
              {t('stocktake.audit.notSeenBtn')}
            </Button>
          </Space>
        ) : null,
    },
  ];

  const filterOpt = (f: Filter) => ({ value: f, label: t('stocktake.audit.filter', { label: t(f === 'all' ? 'stocktake.audit.all' : `stocktake.audit.${f}`), n: formatInt(tally[f]) }) });

  return (
    <div className="st-audit" data-testid="audit-tab">
      <div className="toolbar st-toolbar">
        <Space size={6} wrap>
          <Segmented<Filter> value={filter} onChange={setFilter} options={(['all', 'unchecked', 'seen', 'notSeen', 'unexpected'] as const).map(filterOpt)} data-testid="audit-filter" />
          <Input allowClear prefix={<SearchOutlined />} style={{ width: 180 }} placeholder={t('stocktake.audit.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
        </Space>
      </div>
      {editable && (
        <div className="st-found-bar" data-testid="audit-found">
          <span className="st-label">{t('stocktake.audit.foundTitle')}</span>
          <Select
            style={{ width: 130 }}
            placeholder={t('stocktake.audit.kind')}
            status={foundError.kind ? 'error' : undefined}
            value={kind}
            onChange={(v: string) => setKind(v)}
            options={(kinds.data ?? []).map((k) => ({ value: k.code, label: lang === 'en' ? k.nameEn : k.name }))}
            data-testid="audit-found-kind"
          />
          <Input
            style={{ width: 190 }}
            placeholder={t('stocktake.audit.serial')}
            status={foundError.serial ? 'error' : undefined}
            value={serial}
            onChange={(e) => setSerial(e.target.value)}
            onPressEnter={() => void addFound()}
            maxLength={60}
            data-testid="audit-found-serial"
          />
          <Input style={{ width: 220 }} placeholder={t('stocktake.audit.notePlaceholder')} value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} />
          <Button icon={<PlusOutlined />} loading={busy === 'found'} onClick={() => void addFound()} data-testid="audit-found-submit">
            {t('stocktake.audit.foundSubmit')}
          </Button>
          <Typography.Text type="secondary" className="st-found-hint">
            {foundError.kind || foundError.serial ? <span className="st-loss">{t('stocktake.audit.foundMissing')}</span> : t('stocktake.audit.foundHint')}
          </Typography.Text>
        </div>
      )}
      <div ref={box} className="table-box">
        <Table<StocktakeUnit>
          size="small"
          bordered
          rowKey="unitId"
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ y: height }}
          rowClassName={(u) => (u.seen === false ? 'st-row-missing' : u.unexpected ? 'st-row-found' : '')}
          locale={{ emptyText: view.units.length ? t('stocktake.audit.noneFiltered') : t('stocktake.audit.none') }}
          data-testid="audit-table"
        />
      </div>
    </div>
  );
}
