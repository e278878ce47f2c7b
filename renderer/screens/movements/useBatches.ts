// The batches on hand at one location, per item: for picking a batch on an issue, loss or transfer line.
import { useMemo } from 'react';
import type { StockRow } from '../../../src/api/contract';
import { call } from '../../api';
import { useRefData } from '../../components/RefData';
import { useLoad } from '../../components/useLoad';

export function useBatches(locationCode: string | undefined): Map<string, StockRow[]> {
  const { version } = useRefData();
  const loaded = useLoad(
    () => (locationCode ? call('stock.query', { locationCode, byBatch: true }) : Promise.resolve([] as StockRow[])),
    [locationCode, version],
  );
  return useMemo(() => {
    const map = new Map<string, StockRow[]>();
    for (const r of loaded.data ?? []) {
      const list = map.get(r.itemCode) ?? [];
      list.push(r);
      map.set(r.itemCode, list);
    }
    return map;
  }, [loaded.data]);
}
