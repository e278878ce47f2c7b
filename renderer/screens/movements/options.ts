// Select options for items and locations, searchable by code and name.
import { useMemo } from 'react';
import type { Item, Location } from '../../../src/api/contract';
import { useRefData } from '../../components/RefData';
import { useI18n } from '../../i18n';

export interface SearchOption {
  value: string;
  label: string;
  search: string;
}

export const searchFilter = { filterOption: (input: string, o?: SearchOption) => (o?.search ?? '').includes(input.trim().toLowerCase()) };

export function itemOptions(items: Item[]): SearchOption[] {
  return items
    .filter((i) => i.reserveMode === 'held')
    .map((i) => ({
      value: i.code,
      label: `${i.code} ${i.name}${i.spec ? `（${i.spec}）` : ''}`,
      search: `${i.code} ${i.name} ${i.spec ?? ''}`.toLowerCase(),
    }));
}

export function useItemOptions(): SearchOption[] {
  const { items } = useRefData();
  return useMemo(() => itemOptions(items), [items]);
}

export function useLocationOptions(): SearchOption[] {
  const { locations } = useRefData();
  const { label } = useI18n();
  return useMemo(() => locationOptions(locations, label), [locations, label]);
}

export function locationOptions(locations: Location[], label: ReturnType<typeof useI18n>['label']): SearchOption[] {
  // Warehouses first, then street stores, then shelters: the order a keeper looks for them.
  const rank = { warehouse: 0, street_store: 1, shelter_store: 2 } as const;
  return [...locations]
    .sort((a, b) => rank[a.kind] - rank[b.kind] || a.code.localeCompare(b.code))
    .map((l) => ({
      value: l.code,
      label: l.name,
      search: `${l.code} ${l.name} ${l.streetName ?? ''} ${label('locationKind', l.kind)}`.toLowerCase(),
    }));
}
