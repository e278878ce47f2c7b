// One unit: its details, the actions that apply to it, and its append-only history (events and tests).
import { Button, Descriptions, Drawer, Skeleton, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { EquipmentEvent, EquipmentStatus, EquipmentTestRecord, EquipmentUnit } from '../../../src/api/contract.equipment';
import { call } from '../../api';
import { formatDate } from '../../components/format';
import { LoadError } from '../../components/LoadError';
import { useRefData } from '../../components/RefData';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n';
import { AirtimeDate, DueDate, TestResult } from './equipmentColumns';
import { type Kinds, Specs, StatusTag, useEqLabels } from './shared';

export type UnitAction = 'handOut' | 'return' | 'status' | 'test';

const FINAL: EquipmentStatus[] = ['scrapped', 'transferred_out'];

type Keyed<T> = T & { key: number };
/** History rows have no id of their own; their order is their identity (newest first). */
const keyed = <T,>(rows: T[]): Keyed<T>[] => rows.map((r, key) => ({ ...r, key }));

export function UnitDrawer({
  kind,
  serialNo,
  kinds,
  onClose,
  onAction,
}: {
  kind: string;
  serialNo: string;
  kinds: Kinds;
  onClose(): void;
  onAction(action: UnitAction, unit: EquipmentUnit): void;
}) {
  const { t } = useI18n();
  const labels = useEqLabels();
  const { version } = useRefData();
  const history = useLoad(() => call('equipment.history', { kind, serialNo }), [kind, serialNo, version]);
  const h = history.data;
  const u = h?.unit;

  const eventColumns: ColumnsType<Keyed<EquipmentEvent>> = [
    { title: t('field.date'), dataIndex: 'date', width: 92, render: (d: string) => <span className="num">{formatDate(d)}</span> },
    { title: t('eq.event.type'), dataIndex: 'type', width: 96, render: (v: string) => labels.event(v) },
    {
      title: t('eq.event.change'),
      width: 108,
      render: (_: unknown, e) =>
        e.toStatus ? (
          <span>
            {e.fromStatus ? `${labels.status(e.fromStatus as EquipmentStatus)} → ` : ''}
            {labels.status(e.toStatus as EquipmentStatus)}
          </span>
        ) : null,
    },
    {
      title: t('eq.event.where'),
      width: 150,
      ellipsis: true,
      render: (_: unknown, e) => [e.villageName, e.custodian].filter(Boolean).join(' / '),
    },
    { title: t('eq.field.actor'), dataIndex: 'actor', width: 72, ellipsis: true },
    { title: t('field.reason'), dataIndex: 'reason', ellipsis: true },
  ];
  const testColumns: ColumnsType<Keyed<EquipmentTestRecord>> = [
    { title: t('field.date'), dataIndex: 'date', width: 92, render: (d: string) => <span className="num">{formatDate(d)}</span> },
    {
      title: t('eq.field.result'),
      dataIndex: 'passed',
      width: 72,
      render: (p: boolean) => <span className={`eq-tag ${p ? 'eq-ok' : 'eq-bad'}`}>{p ? t('eq.pass') : t('eq.fail')}</span>,
    },
    { title: t('eq.field.tester'), dataIndex: 'tester', width: 90 },
    { title: t('field.note'), dataIndex: 'note', ellipsis: true },
  ];

  const final = u ? FINAL.includes(u.status) : true;
  const title = (
    <span className="eq-cell-2">
      <span>{kinds.name(kind)}</span>
      <span className="mono">{serialNo}</span>
      {u && <StatusTag status={u.status} />}
    </span>
  );

  return (
    <Drawer open size={780} title={title} onClose={onClose} className="eq-drawer" destroyOnHidden data-testid="unit-drawer">
      {history.error && <LoadError error={history.error} onRetry={history.reload} />}
      {!u ? (
        !history.error && <Skeleton active />
      ) : (
        <>
          <div className="eq-drawer-actions">
            <Button type="primary" disabled={u.status !== 'in_store'} onClick={() => onAction('handOut', u)} data-testid="unit-handout">
              {t('eq.action.handOut')}
            </Button>
            <Button disabled={!u.villageCode} onClick={() => onAction('return', u)} data-testid="unit-return">
              {t('eq.action.return')}
            </Button>
            <Button disabled={final} onClick={() => onAction('test', u)} data-testid="unit-test">
              {t('eq.action.test')}
            </Button>
            <Button disabled={final} onClick={() => onAction('status', u)} data-testid="unit-status">
              {t('eq.action.status')}
            </Button>
          </div>
          <Descriptions
            size="small"
            bordered
            column={2}
            data-testid="unit-details"
            items={[
              { key: 'kind', label: t('eq.field.kind'), children: kinds.name(u.kind) },
              { key: 'serial', label: t('eq.field.serialNo'), children: <span className="mono">{u.serialNo}</span> },
              { key: 'model', label: t('eq.field.model'), children: u.model },
              { key: 'specs', label: t('eq.field.specs'), children: <Specs powerKw={u.powerKw} flowM3h={u.flowM3h} /> },
              { key: 'purchase', label: t('eq.field.purchaseDate'), children: <span className="num">{formatDate(u.purchaseDate)}</span> },
              { key: 'funding', label: t('eq.field.fundingSource'), children: u.fundingSource },
              { key: 'home', label: t('eq.field.home'), children: u.homeLocationName },
              {
                key: 'village',
                label: t('eq.field.village'),
                children: u.villageName ? <span data-testid="unit-village">{`${u.streetName ?? ''} / ${u.villageName}`}</span> : <span className="muted">{t('eq.notHandedOut')}</span>,
              },
              { key: 'custodian', label: t('eq.field.custodian'), children: u.custodian },
              { key: 'custodianPhone', label: t('eq.field.custodianPhone'), children: <span className="num">{u.custodianPhone}</span> },
              ...(u.kind === 'satellite_phone'
                ? [
                    { key: 'phone', label: t('eq.field.phoneNo'), children: <span className="num">{u.phoneNo}</span> },
                    { key: 'airtime', label: t('eq.field.airtimeExpiry'), children: <AirtimeDate date={u.airtimeExpiry} expired={u.airtimeExpired} /> },
                  ]
                : []),
              { key: 'status', label: t('eq.field.status'), children: <StatusTag status={u.status} /> },
              {
                key: 'working',
                label: t('eq.field.coverage'),
                children: <span className={`eq-tag ${u.working ? 'eq-ok' : 'eq-none'}`} data-testid="unit-working">{u.working ? t('eq.working') : t('eq.notWorking')}</span>,
              },
              { key: 'lastTest', label: t('eq.field.lastTest'), children: <TestResult date={u.lastTestDate} passed={u.lastTestPassed} /> },
              { key: 'nextDue', label: t('eq.field.nextDue'), children: final ? null : <DueDate date={u.nextTestDue} overdue={u.testOverdue} /> },
              ...(u.note ? [{ key: 'note', label: t('field.note'), span: 2, children: u.note }] : []),
            ]}
          />
          <div className="section-title">{t('eq.section.events')}</div>
          <Table<Keyed<EquipmentEvent>>
            size="small"
            bordered
            rowKey="key"
            columns={eventColumns}
            dataSource={keyed(h.events)}
            pagination={false}
            locale={{ emptyText: t('eq.noEvents') }}
            data-testid="unit-events"
          />
          <div className="section-title">{t('eq.section.tests')}</div>
          <Table<Keyed<EquipmentTestRecord>>
            size="small"
            bordered
            rowKey="key"
            columns={testColumns}
            dataSource={keyed(h.tests)}
            pagination={h.tests.length > 10 ? { pageSize: 10, size: 'small' } : false}
            locale={{ emptyText: t('eq.noTests') }}
            data-testid="unit-tests"
          />
        </>
      )}
    </Drawer>
  );
}
