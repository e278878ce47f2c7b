// Reference data every screen needs (areas, locations, the item catalogue, system info), loaded once and
// reloaded after master data or stock changes.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Area, Item, Location, SystemInfo } from '../../src/api/contract';
import { type ErrorBody, errorBody } from '../api';
import { callFirst, forgetPrefetched, hasAnswered, takeAnswered } from '../prefetch';

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

/** All four early answers when they have all come, for the first render. */
function answeredAtStart(): { areas: Area[]; locations: Location[]; items: Item[]; info: SystemInfo } | undefined {
  // All or none: taking some would leave the first load asking those again.
  if (!(hasAnswered('areas.list', {}) && hasAnswered('locations.list', {}) && hasAnswered('items.list', {}) && hasAnswered('system.info', {}))) return undefined;
  const [a, l, i, s] = [takeAnswered('areas.list', {}), takeAnswered('locations.list', {}), takeAnswered('items.list', {}), takeAnswered('system.info', {})];
  return a && l && i && s ? { areas: a.value, locations: l.value, items: i.value, info: s.value } : undefined;
}

export function RefDataProvider({ children }: { children: ReactNode }) {
  const [first] = useState(answeredAtStart);
  const [areas, setAreas] = useState<Area[]>(first?.areas ?? []);
  const [locations, setLocations] = useState<Location[]>(first?.locations ?? []);
  const [items, setItems] = useState<Item[]>(first?.items ?? []);
  const [info, setInfo] = useState<SystemInfo | undefined>(first?.info);
  const [loading, setLoading] = useState(!first);
  const loaded = useRef(first !== undefined);
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

  useEffect(() => {
    if (loaded.current) loaded.current = false;
    else reload();
  }, [reload]);

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
