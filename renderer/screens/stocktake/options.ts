// Select options for the stocktake forms, searchable by code, name and street.
import { useMemo } from 'react';
import type { Location } from '../../../src/api/contract';
import { useRefData } from '../../components/RefData';
import { useI18n } from '../../i18n';

export interface Opt {
  value: string;
  label: string;
  search: string;
}
export interface OptGroup {
  label: string;
  title: string;
  options: Opt[];
}

export const searchable = {
  filterOption: (input: string, o?: Opt | OptGroup) => (o && 'search' in o ? o.search.includes(input.trim().toLowerCase()) : false),
};

const RANK = { warehouse: 0, street_store: 1, shelter_store: 2 } as const;

function locationOpt(l: Location): Opt {
  return { value: l.code, label: `${l.name}（${l.code}）`, search: `${l.code} ${l.name} ${l.streetName ?? ''}`.toLowerCase() };
}

/** Locations grouped by kind: district warehouses, street/town stores, shelter stores. */
export function useLocationGroups(): OptGroup[] {
  const { locations } = useRefData();
  const { label } = useI18n();
  return useMemo(() => {
    const kinds = ['warehouse', 'street_store', 'shelter_store'] as const;
    return kinds
      .map((k) => {
        const name = label('locationKind', k);
        return {
          label: name,
          title: name,
          options: locations
            .filter((l) => l.kind === k)
            .sort((a, b) => RANK[a.kind] - RANK[b.kind] || a.code.localeCompare(b.code))
            .map(locationOpt),
        };
      })
      .filter((g) => g.options.length > 0);
  }, [locations, label]);
}

export function useStreetOptions(): Opt[] {
  const { streets } = useRefData();
  return useMemo(() => streets.map((s) => ({ value: s.code, label: s.name, search: `${s.code} ${s.name}`.toLowerCase() })), [streets]);
}

/** Items held in stock, as "WZ001 帐篷（12m² 单帐篷）". */
export function useItemOpts(): Opt[] {
  const { items } = useRefData();
  const { t } = useI18n();
  return useMemo(
    () =>
      items
        .filter((i) => i.reserveMode === 'held')
        .map((i) => ({
          value: i.code,
          label: i.spec ? t('fmt.paren', { a: `${i.code} ${i.name}`, b: i.spec }) : `${i.code} ${i.name}`,
          search: `${i.code} ${i.name} ${i.spec ?? ''}`.toLowerCase(),
        })),
    [items, t],
  );
}
