// Reference data every screen needs (areas, locations, the item catalogue, system info), loaded once and
// reloaded after master data or stock changes.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Area, Item, Location, SystemInfo } from '../../src/api/contract';
import { type ErrorBody, errorBody } from '../api';
import { callFirst, forgetPrefetched } from '../prefetch';

export interface RefData {
  areas: Area[];
  locations: Location[];
  items: Item[];
  info: SystemInfo | undefined;
  itemsByCode: Map<string, Item>;
  locationsByCode: Map<string, Location>;
  streets: Area[];
  loading: boolean;
  error: ErrorBody | undefined;
  /** Bumped after every change to the ledger, so screens can refetch what they show. */
  version: number;
  reload(): void;
  /** Tell every screen that stock or master data changed. */
  changed(): void;
}

const RefDataContext = createContext<RefData | null>(null);

export function RefDataProvider({ children }: { children: ReactNode }) {
  const [areas, setAreas] = useState<Area[]>([]);
  const [locations, setLocations] = useState<Location[]>([]);
  const [items, setItems] = useState<Item[]>([]);
  const [info, setInfo] = useState<SystemInfo>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ErrorBody>();
  const [version, setVersion] = useState(0);

  const reload = useCallback(() => {
    setLoading(true);
    Promise.all([callFirst('areas.list', {}), callFirst('locations.list', {}), callFirst('items.list', {}), callFirst('system.info', {})]).then(
      ([a, l, i, s]) => {
        setAreas(a);
        setLocations(l);
        setItems(i);
        setInfo(s);
        setError(undefined);
        setLoading(false);
      },
      (e: unknown) => {
        setError(errorBody(e));
        setLoading(false);
      },
    );
  }, []);

  useEffect(reload, [reload]);

  const changed = useCallback(() => {
    forgetPrefetched();
    setVersion((v) => v + 1);
    reload();
  }, [reload]);

  const value = useMemo<RefData>(
    () => ({
      areas,
      locations,
      items,
      info,
      itemsByCode: new Map(items.map((i) => [i.code, i])),
      locationsByCode: new Map(locations.map((l) => [l.code, l])),
      streets: areas.filter((a) => a.level === 'street'),
      loading,
      error,
      version,
      reload,
      changed,
    }),
    [areas, locations, items, info, loading, error, version, reload, changed],
  );
  return <RefDataContext.Provider value={value}>{children}</RefDataContext.Provider>;
}

export function useRefData(): RefData {
  const value = useContext(RefDataContext);
  if (!value) throw new Error('useRefData outside RefDataProvider');
  return value;
}
