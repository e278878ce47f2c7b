// 防汛装备: the registry (#/equipment, filters from the address: kind, street, village, status, q) and the tests
// due (#/equipment/due); a unit's drawer with its history; register, hand out, return, change status, test.
import { App, Tabs } from 'antd';
import { useCallback, useState } from 'react';
import type { EquipmentUnit } from '../../../src/api/contract.equipment';
import { useRefData } from '../../components/RefData';
import { navigate } from '../../components/router';
import { useI18n } from '../../i18n';
import { DueTab } from './DueTab';
import { filterFromQuery, RegistryTab } from './RegistryTab';
import { useEqLabels, useKinds } from './shared';
import { type UnitAction, UnitDrawer } from './UnitDrawer';
import { HandOutModal, RegisterModal, ReturnModal, StatusModal, TestModal } from './UnitModals';

type Dialog = { type: 'register'; kind?: string | undefined } | { type: UnitAction; unit: EquipmentUnit };

export function EquipmentScreen({ rest, query }: { rest: string[]; query: URLSearchParams }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { changed } = useRefData();
  const kinds = useKinds();
  const labels = useEqLabels();
  const tab = rest[0] === 'due' ? 'due' : 'registry';
  const [open, setOpen] = useState<{ kind: string; serialNo: string } | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const openUnit = useCallback((u: { kind: string; serialNo: string }) => setOpen({ kind: u.kind, serialNo: u.serialNo }), []);
  const done = useCallback(
    (text: string, unit: EquipmentUnit) => {
      setDialog(null);
      void message.success(text);
      // Everything that shows units, coverage, due tests or counters reads again.
      changed();
      setOpen({ kind: unit.kind, serialNo: unit.serialNo });
    },
    [message, changed],
  );

  const queryKey = query.toString();
  return (
    <div className="screen equipment" data-testid="screen-equipment">
      <Tabs
        size="small"
        activeKey={tab}
        onChange={(k) => navigate(k === 'due' ? ['equipment', 'due'] : ['equipment'])}
        destroyOnHidden
        items={[
          {
            key: 'registry',
            label: <span data-testid="tab-eq-registry">{t('eq.tab.registry')}</span>,
            children: <RegistryTab key={queryKey} kinds={kinds} initial={filterFromQuery(query)} onOpen={openUnit} onRegister={(kind) => setDialog({ type: 'register', kind })} />,
          },
          {
            key: 'due',
            label: <span data-testid="tab-eq-due">{t('eq.tab.due')}</span>,
            children: <DueTab kinds={kinds} initialStreet={query.get('street') ?? undefined} onOpen={(kind, serialNo) => openUnit({ kind, serialNo })} />,
          },
        ]}
      />
      {open && <UnitDrawer kind={open.kind} serialNo={open.serialNo} kinds={kinds} onClose={() => setOpen(null)} onAction={(type, unit) => setDialog({ type, unit })} />}
      {dialog?.type === 'register' && (
        <RegisterModal
          kinds={kinds}
          initialKind={dialog.kind}
          onClose={() => setDialog(null)}
          onDone={(u) => done(t('eq.registered', { kind: kinds.name(u.kind), serial: u.serialNo }), u)}
        />
      )}
      {dialog?.type === 'handOut' && (
        <HandOutModal unit={dialog.unit} kinds={kinds} onClose={() => setDialog(null)} onDone={(u) => done(t('eq.handedOut', { village: u.villageName ?? '' }), u)} />
      )}
      {dialog?.type === 'return' && (
        <ReturnModal unit={dialog.unit} kinds={kinds} onClose={() => setDialog(null)} onDone={(u) => done(t('eq.returned', { home: u.homeLocationName }), u)} />
      )}
      {dialog?.type === 'status' && <StatusModal unit={dialog.unit} kinds={kinds} onClose={() => setDialog(null)} onDone={(u) => done(t('eq.statusChanged', { status: labels.status(u.status) }), u)} />}
      {dialog?.type === 'test' && (
        <TestModal
          unit={dialog.unit}
          kinds={kinds}
          onClose={() => setDialog(null)}
          onDone={(u) => done(u.lastTestPassed === false && u.status === 'repair' ? t('eq.testToRepair') : t('eq.testRecorded', { result: u.lastTestPassed ? t('eq.pass') : t('eq.fail') }), u)}
        />
      )}
    </div>
  );
}
