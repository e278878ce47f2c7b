// Columns of the equipment registry: text serial numbers, specs with units right-aligned, dates YYYY-MM-DD, what
// is overdue or expired in red.
import type { EquipmentUnit } from '../../../src/api/contract.equipment';
import { formatDate } from '../../components/format';
import type { VColumn } from '../../components/VirtualTable';
import { type I18n, useI18n } from '../../i18n';
import { type Kinds, Specs, StatusTag } from './shared';

export interface RegistryRow extends EquipmentUnit {
  /** The street the unit belongs to: its village's, else its home store's. */
  street: string | null;
  streetKey: string | null;
  homeName: string;
}

const cmp = (a: string | number | null | undefined, b: string | number | null | undefined) =>
  a === b ? 0 : a === null || a === undefined || a === '' ? 1 : b === null || b === undefined || b === '' ? -1 : a < b ? -1 : 1;

const STATUS_RANK = { in_use: 0, in_store: 1, repair: 2, scrapped: 3, transferred_out: 4 } as const;

export function TestResult({ date, passed }: { date: string | null; passed: boolean | null }) {
  const { t } = useI18n();
  if (!date) return <span className="muted">{t('eq.neverTested')}</span>;
  return (
    <span className="eq-cell-2">
      <span className="num">{formatDate(date)}</span>
      {passed === false ? <span className="eq-tag eq-bad">{t('eq.fail')}</span> : <span className="eq-tag eq-ok">{t('eq.pass')}</span>}
    </span>
  );
}

export function DueDate({ date, overdue }: { date: string | null; overdue: boolean }) {
  if (!date) return <span className="muted">–</span>;
  return <span className={`num${overdue ? ' eq-red' : ''}`}>{formatDate(date)}</span>;
}

export function AirtimeDate({ date, expired }: { date: string | null; expired: boolean }) {
  if (!date) return null;
  return <span className={`num${expired ? ' eq-red' : ''}`}>{formatDate(date)}</span>;
}

export function registryColumns(i18n: Pick<I18n, 't'>, kinds: Kinds, open: (row: RegistryRow) => void): VColumn<RegistryRow>[] {
  const { t } = i18n;
  return [
    { key: 'kind', title: t('field.kind'), width: 76, render: (r) => kinds.name(r.kind), sort: (a, b) => cmp(kinds.byCode.get(a.kind)?.name, kinds.byCode.get(b.kind)?.name) },
    {
      key: 'serialNo',
      title: t('eq.field.serialNo'),
      width: 132,
      render: (r) => (
        <span className="eq-link mono" role="link" onClick={() => open(r)} data-testid={`unit-${r.kind}-${r.serialNo}`}>
          {r.serialNo}
        </span>
      ),
      text: (r) => r.serialNo,
      sort: (a, b) => cmp(a.serialNo, b.serialNo),
    },
    { key: 'model', title: t('eq.field.model'), width: 114, render: (r) => <span>{r.model}</span>, text: (r) => r.model, sort: (a, b) => cmp(a.model, b.model) },
    { key: 'specs', title: t('eq.field.specs'), width: 90, align: 'right', render: (r) => <Specs powerKw={r.powerKw} flowM3h={r.flowM3h} /> },
    { key: 'street', title: t('field.street'), width: 78, render: (r) => <span>{r.street}</span>, text: (r) => r.street, sort: (a, b) => cmp(a.streetKey, b.streetKey) },
    {
      key: 'village',
      title: t('eq.field.village'),
      width: 92,
      render: (r) => (r.villageName ? <span>{r.villageName}</span> : <span className="muted">{r.homeName}</span>),
      text: (r) => r.villageName ?? r.homeName,
      sort: (a, b) => cmp(a.villageCode, b.villageCode),
    },
    { key: 'custodian', title: t('eq.field.custodian'), width: 72, render: (r) => <span>{r.custodian}</span>, text: (r) => r.custodian, sort: (a, b) => cmp(a.custodian, b.custodian) },
    { key: 'custodianPhone', title: t('eq.field.custodianPhone'), width: 96, render: (r) => <span className="num">{r.custodianPhone}</span>, text: (r) => r.custodianPhone },
    { key: 'status', title: t('eq.field.status'), width: 66, render: (r) => <StatusTag status={r.status} />, sort: (a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] },
    {
      key: 'lastTest',
      title: t('eq.field.lastTest'),
      width: 138,
      render: (r) => <TestResult date={r.lastTestDate} passed={r.lastTestPassed} />,
      sort: (a, b) => cmp(a.lastTestDate, b.lastTestDate),
    },
    {
      key: 'nextDue',
      title: t('eq.field.nextDue'),
      width: 88,
      render: (r) => (r.status === 'scrapped' || r.status === 'transferred_out' ? null : <DueDate date={r.nextTestDue} overdue={r.testOverdue} />),
      sort: (a, b) => cmp(a.nextTestDue, b.nextTestDue),
    },
    {
      key: 'airtime',
      title: t('eq.field.airtimeExpiry'),
      width: 88,
      render: (r) => <AirtimeDate date={r.airtimeExpiry} expired={r.airtimeExpired} />,
      sort: (a, b) => cmp(a.airtimeExpiry, b.airtimeExpiry),
    },
  ];
}
