import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, Segmented, Select, Space } from 'antd';
import { useMemo } from 'react';
import { useRefData } from '../../components/RefData';
import { useI18n } from '../../i18n';
import type { ExpiryFilter, StockFilter, StockView } from './stockFilter';

interface Props {
  view: StockView;
  onView(view: StockView): void;
  filter: StockFilter;
  onFilter(next: StockFilter): void;
  onRefresh(): void;
}

const EXPIRY: ExpiryFilter[] = ['attention', 'expired', 'expiring', 'ok', 'none'];

export function StockFilters({ view, onView, filter, onFilter, onRefresh }: Props) {
  const { t, label } = useI18n();
  const { locations, streets } = useRefData();
  const locationOptions = useMemo(
    () =>
      locations
        .filter((l) => !filter.streetCode || l.streetCode === filter.streetCode)
        .map((l) => ({ value: l.code, label: l.name, kind: label('locationKind', l.kind), search: `${l.code} ${l.name}`.toLowerCase() })),
    [locations, filter.streetCode, label],
  );
  const set = (patch: Partial<StockFilter>) => onFilter({ ...filter, ...patch });
  return (
    <div className="toolbar">
      <Segmented<StockView>
        value={view}
        onChange={onView}
        options={(['location', 'item', 'batch'] as const).map((v) => ({
          value: v,
          label: <span data-testid={`stock-view-${v}`}>{t(`stock.view.${v}`)}</span>,
        }))}
      />
      <Space size={6} wrap>
        <Select
          allowClear
          placeholder={t('stock.anyStreet')}
          style={{ width: 130 }}
          value={filter.streetCode}
          onChange={(v?: string) => set({ streetCode: v, locationCode: undefined })}
          options={streets.map((s) => ({ value: s.code, label: s.name }))}
          data-testid="stock-filter-street"
        />
        <Select
          allowClear
          showSearch={{ filterOption: (input, o) => (o?.search ?? '').includes(input.toLowerCase()) }}
          placeholder={t('stock.anyLocation')}
          style={{ width: 250 }}
          value={filter.locationCode}
          onChange={(v?: string) => set({ locationCode: v })}
          options={locationOptions}
          popupMatchSelectWidth={320}
          data-testid="stock-filter-location"
        />
        <Select
          allowClear
          placeholder={t('stock.anyExpiry')}
          style={{ width: 140 }}
          value={filter.expiry}
          onChange={(v?: ExpiryFilter) => set({ expiry: v })}
          options={EXPIRY.map((e) => ({ value: e, label: t(`expiry.${e}`) }))}
          data-testid="stock-filter-expiry"
        />
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('stock.searchPlaceholder')}
          style={{ width: 230 }}
          value={filter.search ?? ''}
          onChange={(e) => set({ search: e.target.value })}
          data-testid="stock-search"
        />
        <Button onClick={() => onFilter({})}>{t('common.reset')}</Button>
        <Button onClick={onRefresh}>{t('common.refresh')}</Button>
      </Space>
    </div>
  );
}
