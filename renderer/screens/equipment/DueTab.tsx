// 试机到期: units whose readiness test is overdue or falls due soon, overdue first, per street.
import { Segmented, Select, Space, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import type { TestDue } from '../../../src/api/contract.equipment';
import { call } from '../../api';
import { formatDate, formatInt } from '../../components/format';
import { LoadError } from '../../components/LoadError';
import { useRefData } from '../../components/RefData';
import { useFillHeight } from '../../components/useFillHeight';
import { useLoad } from '../../components/useLoad';
import { type VColumn, VirtualTable } from '../../components/VirtualTable';
import { useI18n } from '../../i18n';
import type { Kinds } from './shared';

const WINDOWS = [0, 7, 30, 90] as const;

const cmp = (a: string | number | null | undefined, b: string | number | null | undefined) =>
  a === b ? 0 : a === null || a === undefined || a === '' ? 1 : b === null || b === undefined || b === '' ? -1 : a < b ? -1 : 1;

export function DueTab({ kinds, initialStreet, onOpen }: { kinds: Kinds; initialStreet?: string | undefined; onOpen(kind: string, serialNo: string): void }) {
  const { t } = useI18n();
  const { version, streets, info } = useRefData();
  const [street, setStreet] = useState<string | undefined>(initialStreet);
  const [within, setWithin] = useState<number>(7);
  const [kind, setKind] = useState<string>();
  const loaded = useLoad(() => call('equipment.testsDue', { streetCode: street, withinDays: within }), [street, within, version]);
  const today = info?.today ?? '';

  const rows = useMemo(() => (loaded.data ?? []).filter((r) => !kind || r.kind === kind), [loaded.data, kind]);
  const overdue = rows.filter((r) => r.overdue).length;

  const columns: VColumn<TestDue>[] = [
    { key: 'kind', title: t('eq.field.kind'), width: 90, render: (r) => kinds.name(r.kind), sort: (a, b) => cmp(a.kind, b.kind) },
    {
      key: 'serialNo',
      title: t('eq.field.serialNo'),
      width: 150,
      render: (r) => (
        <span className="eq-link mono" role="link" onClick={() => onOpen(r.kind, r.serialNo)} data-testid={`due-${r.kind}-${r.serialNo}`}>
          {r.serialNo}
        </span>
      ),
      text: (r) => r.serialNo,
      sort: (a, b) => cmp(a.serialNo, b.serialNo),
    },
    { key: 'street', title: t('field.street'), width: 90, render: (r) => <span>{r.streetName}</span>, text: (r) => r.streetName, sort: (a, b) => cmp(a.streetCode, b.streetCode) },
    {
      key: 'village',
      title: t('eq.field.village'),
      width: 120,
      render: (r) => (r.villageName ? <span>{r.villageName}</span> : <span className="muted">{t('eq.notHandedOut')}</span>),
      text: (r) => r.villageName,
      sort: (a, b) => cmp(a.villageName, b.villageName),
    },
    { key: 'custodian', title: t('eq.field.custodian'), width: 90, render: (r) => <span>{r.custodian}</span>, text: (r) => r.custodian },
    {
      key: 'lastTest',
      title: t('eq.field.lastTest'),
      width: 110,
      render: (r) => (r.lastTestDate ? <span className="num">{formatDate(r.lastTestDate)}</span> : <span className="muted">{t('eq.neverTested')}</span>),
      sort: (a, b) => cmp(a.lastTestDate, b.lastTestDate),
    },
    {
      key: 'due',
      title: t('eq.due.dueDate'),
      width: 110,
      render: (r) => <span className={`num${r.overdue ? ' eq-red' : ''}`}>{formatDate(r.dueDate)}</span>,
      sort: (a, b) => cmp(a.dueDate, b.dueDate),
    },
    {
      key: 'overdue',
      title: t('eq.due.daysOverdue'),
      width: 110,
      align: 'right',
      render: (r) =>
        r.overdue ? (
          <span className="num eq-red">{formatInt(r.daysOverdue)}</span>
        ) : (
          <span className="muted">{r.dueDate === today ? t('eq.due.today') : t('eq.due.dueIn', { n: daysFrom(today, r.dueDate) })}</span>
        ),
      sort: (a, b) => b.daysOverdue - a.daysOverdue || cmp(a.dueDate, b.dueDate),
    },
  ];

  const box = useRef<HTMLDivElement>(null);
  const height = useFillHeight(box, 30);

  return (
    <div className="equipment-due">
      <div className="toolbar">
        <Space size={6} wrap>
          <Select
            allowClear
            placeholder={t('stock.anyStreet')}
            style={{ width: 130 }}
            value={street}
            onChange={(v?: string) => setStreet(v)}
            options={streets.map((s) => ({ value: s.code, label: s.name }))}
            data-testid="due-filter-street"
          />
          <Select
            allowClear
            placeholder={t('eq.anyKind')}
            style={{ width: 120 }}
            value={kind}
            onChange={(v?: string) => setKind(v)}
            options={kinds.list.map((k) => ({ value: k.code, label: kinds.name(k.code) }))}
            data-testid="due-filter-kind"
          />
          <Segmented<number>
            value={within}
            onChange={setWithin}
            options={WINDOWS.map((n) => ({ value: n, label: <span data-testid={`due-within-${n}`}>{n === 0 ? t('eq.due.overdueOnly') : t('eq.due.within', { n })}</span> }))}
          />
        </Space>
      </div>
      {loaded.error && <LoadError error={loaded.error} onRetry={loaded.reload} />}
      <div ref={box} className="table-box">
        <VirtualTable<TestDue> columns={columns} rows={rows} rowKey={(r) => `${r.kind}:${r.serialNo}`} height={height} loading={loaded.loading} testId="due-table" />
      </div>
      <div className="table-footer">
        <Typography.Text type="secondary" data-testid="due-count">
          {within === 0
            ? t('eq.due.summaryNow', { overdue: formatInt(overdue), soon: formatInt(rows.length - overdue) })
            : t('eq.due.summary', { overdue: formatInt(overdue), soon: formatInt(rows.length - overdue), n: within })}
        </Typography.Text>
      </div>
    </div>
  );
}

function daysFrom(today: string, date: string): number {
  if (!today) return 0;
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
