// 装备台账: every unit with its village, custodian, status and readiness; filters run in the page over all units.
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Typography } from 'antd';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { type EquipmentStatus, type EquipmentUnit, equipmentStatuses } from '../../../src/api/contract.equipment';
import { call } from '../../api';
import { formatInt } from '../../components/format';
import { LoadError } from '../../components/LoadError';
import { useRefData } from '../../components/RefData';
import { useFillHeight } from '../../components/useFillHeight';
import { useLoad } from '../../components/useLoad';
import { VirtualTable } from '../../components/VirtualTable';
import { useI18n } from '../../i18n';
import { type RegistryRow, registryColumns } from './equipmentColumns';
import { type Kinds, optionSearch, useEqLabels, useVillageOptions } from './shared';

export interface RegistryFilter {
  kind?: string | undefined;
  streetCode?: string | undefined;
  villageCode?: string | undefined;
  status?: EquipmentStatus | undefined;
  search?: string | undefined;
}

export function filterFromQuery(query: URLSearchParams): RegistryFilter {
  const status = query.get('status') as EquipmentStatus | null;
  return {
    kind: query.get('kind') ?? undefined,
    streetCode: query.get('street') ?? undefined,
    villageCode: query.get('village') ?? undefined,
    status: status && equipmentStatuses.includes(status) ? status : undefined,
    search: query.get('q') ?? undefined,
  };
}

export function RegistryTab({
  kinds,
  initial,
  onOpen,
  onRegister,
}: {
  kinds: Kinds;
  initial: RegistryFilter;
  onOpen(unit: EquipmentUnit): void;
  onRegister(kind: string | undefined): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const labels = useEqLabels();
  const { version, streets, locationsByCode } = useRefData();
  const villages = useVillageOptions();
  const loaded = useLoad(() => call('equipment.list', {}), [version]);
  const [filter, setFilter] = useState<RegistryFilter>(initial);
  const set = (patch: Partial<RegistryFilter>) => setFilter((f) => ({ ...f, ...patch }));

  const all = useMemo<RegistryRow[]>(
    () =>
      (loaded.data ?? []).map((u) => {
        const home = locationsByCode.get(u.homeLocationCode);
        return {
          ...u,
          street: u.streetName ?? home?.streetName ?? null,
          streetKey: u.streetCode ?? home?.streetCode ?? null,
          homeName: u.homeLocationName,
        };
      }),
    [loaded.data, locationsByCode],
  );
  const deferred = useDeferredValue(filter);
  const rows = useMemo(() => {
    const f = deferred;
    const q = (f.search ?? '').trim().toLowerCase();
    return all.filter(
      (u) =>
        (!f.kind || u.kind === f.kind) &&
        (!f.streetCode || u.streetKey === f.streetCode) &&
        (!f.villageCode || u.villageCode === f.villageCode) &&
        (!f.status || u.status === f.status) &&
        (!q ||
          u.serialNo.toLowerCase().includes(q) ||
          (u.model ?? '').toLowerCase().includes(q) ||
          (u.custodian ?? '').includes(q) ||
          (u.villageName ?? '').includes(q) ||
          (u.phoneNo ?? '').includes(q) ||
          (u.custodianPhone ?? '').includes(q)),
    );
  }, [all, deferred]);

  const columns = useMemo(() => registryColumns(i18n, kinds, onOpen), [i18n, kinds, onOpen]);
  const villageOptions = useMemo(() => villages.filter((v) => !filter.streetCode || v.streetCode === filter.streetCode), [villages, filter.streetCode]);
  const box = useRef<HTMLDivElement>(null);
  const height = useFillHeight(box, 30);

  return (
    <div className="equipment-registry">
      <div className="toolbar">
        <Space size={6} wrap>
          <Select
            allowClear
            placeholder={t('eq.anyKind')}
            style={{ width: 120 }}
            value={filter.kind}
            onChange={(v?: string) => set({ kind: v })}
            options={kinds.list.map((k) => ({ value: k.code, label: kinds.name(k.code) }))}
            data-testid="eq-filter-kind"
          />
          <Select
            allowClear
            placeholder={t('stock.anyStreet')}
            style={{ width: 120 }}
            value={filter.streetCode}
            onChange={(v?: string) => set({ streetCode: v, villageCode: undefined })}
            options={streets.map((s) => ({ value: s.code, label: s.name }))}
            data-testid="eq-filter-street"
          />
          <Select
            allowClear
            showSearch={optionSearch}
            placeholder={t('eq.anyVillage')}
            style={{ width: 190 }}
            popupMatchSelectWidth={240}
            value={filter.villageCode}
            onChange={(v?: string) => set({ villageCode: v })}
            options={villageOptions}
            data-testid="eq-filter-village"
          />
          <Select
            allowClear
            placeholder={t('eq.anyStatus')}
            style={{ width: 100 }}
            value={filter.status}
            onChange={(v?: EquipmentStatus) => set({ status: v })}
            options={equipmentStatuses.map((s) => ({ value: s, label: labels.status(s) }))}
            data-testid="eq-filter-status"
          />
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('eq.searchPlaceholder')}
            style={{ width: 250 }}
            value={filter.search ?? ''}
            onChange={(e) => set({ search: e.target.value || undefined })}
            data-testid="eq-search"
          />
          <Button onClick={() => setFilter({})} data-testid="eq-filter-reset">
            {t('common.reset')}
          </Button>
        </Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => onRegister(filter.kind)} data-testid="eq-register">
          {t('eq.register')}
        </Button>
      </div>
      {loaded.error && <LoadError error={loaded.error} onRetry={loaded.reload} />}
      <div ref={box} className="table-box">
        <VirtualTable<RegistryRow>
          columns={columns}
          rows={rows}
          rowKey={(r) => `${r.kind}:${r.serialNo}`}
          height={height}
          loading={loaded.loading}
          testId="eq-table"
        />
      </div>
      <div className="table-footer">
        <Typography.Text type="secondary" data-testid="eq-count">
          {rows.length === all.length
            ? t('eq.count', { n: formatInt(all.length) })
            : t('eq.countOf', { shown: formatInt(rows.length), total: formatInt(all.length) })}
        </Typography.Text>
        <Typography.Text type="secondary">{t('eq.legend')}</Typography.Text>
      </div>
    </div>
  );
}
