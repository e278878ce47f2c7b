// One shelter: every registry field, the nine-item standardisation checklist (computed or inspected, with its
// detail), and the actions: inspect, edit, take out of use / back in use.
import { Button, Descriptions, Drawer, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ChecklistResult, ShelterView } from '../../../src/api/contract.equipment';
import { formatDate } from '../../components/format';
import { useI18n } from '../../i18n';
import { Figure, useEqLabels } from '../equipment/shared';

export function ShelterDrawer({
  shelter: s,
  storeName,
  onClose,
  onAction,
}: {
  shelter: ShelterView;
  storeName: string | undefined;
  onClose(): void;
  onAction(type: 'inspect' | 'edit' | 'use'): void;
}) {
  const { t, label } = useI18n();
  const labels = useEqLabels();
  const perPerson = s.usableArea && s.capacity ? s.usableArea / s.capacity : null;

  const columns: ColumnsType<ChecklistResult & { no: number }> = [
    { title: t('sh.check.no'), dataIndex: 'no', width: 44, align: 'center' },
    { title: t('sh.check.item'), dataIndex: 'item', width: 150, render: (i: ChecklistResult['item']) => labels.checklist(i) },
    {
      title: t('sh.check.result'),
      dataIndex: 'passed',
      width: 72,
      render: (p: boolean | null, c) => (
        <span className={`eq-tag ${p === true ? 'eq-ok' : p === false ? 'eq-bad' : 'eq-none'}`} data-testid={`sh-check-${c.item}`}>
          {p === true ? t('sh.check.passed') : p === false ? t('sh.check.failed') : t('sh.check.notInspected')}
        </span>
      ),
    },
    { title: t('sh.check.source'), dataIndex: 'source', width: 84, render: (v: ChecklistResult['source']) => <span className="muted">{t(`sh.source.${v}`)}</span> },
    { title: t('sh.check.detail'), dataIndex: 'detail' },
  ];

  const coords = s.latitude !== null && s.longitude !== null ? `${s.latitude.toFixed(5)}, ${s.longitude.toFixed(5)}` : null;
  const appraisal =
    s.appraisalPassed === null ? t('sh.appraisal.unknown') : s.appraisalPassed ? t('sh.appraisal.passed') : t('sh.appraisal.failed');

  return (
    <Drawer
      open
      size={860}
      onClose={onClose}
      className="eq-drawer"
      destroyOnHidden
      data-testid="shelter-drawer"
      title={
        <span className="eq-cell-2">
          <span>{s.name}</span>
          <ShelterStateTag shelter={s} />
        </span>
      }
    >
      <div className="eq-drawer-actions">
        <Button type="primary" onClick={() => onAction('inspect')} data-testid="sh-inspect">
          {t('sh.inspect')}
        </Button>
        <Button onClick={() => onAction('edit')} data-testid="sh-edit">
          {t('sh.edit')}
        </Button>
        <Button danger={s.inUse} onClick={() => onAction('use')} data-testid="sh-use">
          {s.inUse ? t('sh.takeOut') : t('sh.putBack')}
        </Button>
      </div>
      <Descriptions
        size="small"
        bordered
        column={3}
        data-testid="shelter-details"
        items={[
          { key: 'code', label: t('sh.field.code'), children: s.code },
          { key: 'level', label: t('sh.field.level'), children: label('shelterLevel', s.level) },
          { key: 'type', label: t('sh.field.type'), children: s.type },
          { key: 'street', label: t('sh.field.street'), children: s.street ?? t('sh.districtLevel') },
          { key: 'area', label: t('sh.field.area'), children: s.areaName },
          { key: 'store', label: t('sh.field.store'), children: s.locationCode ? (storeName ?? s.locationCode) : <span className="muted">{t('sh.noStore')}</span> },
          { key: 'address', label: t('sh.field.address'), span: 2, children: s.address },
          { key: 'coords', label: t('sh.field.coordinates'), children: coords ? <span className="num">{coords}</span> : null },
          { key: 'structure', label: t('sh.field.structure'), children: s.structure },
          { key: 'buildingArea', label: t('sh.field.buildingArea'), children: <Figure value={s.buildingArea} /> },
          { key: 'usableArea', label: t('sh.field.usableArea'), children: <Figure value={s.usableArea} /> },
          { key: 'capacity', label: t('sh.field.capacity'), children: <Figure value={s.capacity} /> },
          { key: 'planned', label: t('sh.field.planned'), children: <Figure value={s.plannedEvacuees} /> },
          { key: 'perPerson', label: t('sh.field.perPerson'), children: <Figure value={perPerson} digits={2} /> },
          { key: 'manager', label: t('sh.field.manager'), children: s.manager },
          { key: 'managerPhone', label: t('sh.field.managerPhone'), children: <span className="num">{s.managerPhone}</span> },
          { key: 'inUse', label: t('sh.field.inUse'), children: s.inUse ? t('sh.inUse') : <span className="eq-red">{t('sh.outOfUse')}</span> },
          { key: 'appraisalDate', label: t('sh.field.appraisalDate'), children: <span className="num">{formatDate(s.appraisalDate)}</span> },
          { key: 'appraisal', label: t('sh.field.appraisalPassed'), span: 2, children: appraisal },
          ...(s.outOfUseReason ? [{ key: 'reason', label: t('sh.field.outOfUseReason'), span: 3, children: s.outOfUseReason }] : []),
          {
            key: 'facilities',
            label: t('sh.field.facilities'),
            span: 3,
            children: s.facilities.length ? s.facilities.map((f) => labels.facility(f)).join(t('fmt.listSep')) : <span className="muted">{t('common.none')}</span>,
          },
        ]}
      />
      <div className="section-title">{t('sh.checklist')}</div>
      <Table<ChecklistResult & { no: number }>
        className="sh-checklist"
        size="small"
        bordered
        rowKey="item"
        columns={columns}
        dataSource={s.checklist.map((c, i) => ({ ...c, no: i + 1 }))}
        pagination={false}
        data-testid="shelter-checklist"
      />
    </Drawer>
  );
}

export function ShelterStateTag({ shelter }: { shelter: ShelterView }) {
  const { t } = useI18n();
  if (!shelter.inUse) return <span className="eq-tag eq-none">{t('sh.state.outOfUse')}</span>;
  return shelter.standardised ? (
    <span className="eq-tag eq-ok" data-testid="sh-state">
      {t('sh.state.standardised')}
    </span>
  ) : (
    <span className="eq-tag eq-warn" data-testid="sh-state">
      {t('sh.state.failing')}
    </span>
  );
}
