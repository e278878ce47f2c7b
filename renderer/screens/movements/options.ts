// Select options for items and locations, searchable by code and name.
import { useCallback, useMemo } from 'react';
import type { Item, Location, StockRow } from '../../../src/api/contract';
import { formatQty } from '../../components/format';
import { useRefData } from '../../components/RefData';
import { useI18n } from '../../i18n';

export interface SearchOption {
  value: string;
  label: string;
  search: string;
}

export const searchFilter = { filterOption: (input: string, o?: SearchOption) => (o?.search ?? '').includes(input.trim().toLowerCase()) };

export function itemOptions(items: Item[], paren: (a: string, b: string) => string, available?: Map<string, number>): SearchOption[] {
  const held = items.filter((i) => i.reserveMode === 'held');
  // On an outgoing document, what is on hand at the source comes first, with its quantity.
  const ordered = available ? [...held].sort((a, b) => Number(!available.get(a.code)) - Number(!available.get(b.code))) : held;
  return ordered.map((i) => {
    const name = i.spec ? paren(`${i.code} ${i.name}`, i.spec) : `${i.code} ${i.name}`;
    const qty = available?.get(i.code);
    return {
      value: i.code,
      label: available ? `${name} · ${qty ? `${formatQty(qty)}${i.unit}` : '0'}` : name,
      search: `${i.code} ${i.name} ${i.spec ?? ''}`.toLowerCase(),
    };
  });
}

/** Item options; with the stock at a source location, ordered and labelled by what is on hand there. */
export function useItemOptions(batches?: Map<string, StockRow[]>): SearchOption[] {
  const { items } = useRefData();
  const { t } = useI18n();
  return useMemo(() => {
    const paren = (a: string, b: string) => t('fmt.paren', { a, b });
    if (!batches) return itemOptions(items, paren);
    const available = new Map<string, number>();
    for (const [code, rows] of batches) available.set(code, rows.reduce((s, r) => s + Math.round(r.quantity * 1000), 0) / 1000);
    return itemOptions(items, paren, available);
  }, [items, batches, t]);
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

/** A location's name from its code, as the documents show it (the code itself when it is unknown). */
export function usePlaceName(): (code: unknown) => string {
  const { locationsByCode } = useRefData();
  return useCallback((code: unknown) => (typeof code === 'string' ? (locationsByCode.get(code)?.name ?? code) : ''), [locationsByCode]);
}
