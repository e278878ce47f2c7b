// Loads something from the ledger and keeps it, with a reload; stale answers of an earlier load are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import { type ErrorBody, errorBody } from '../api';

export interface Loaded<T> {
  data: T | undefined;
  error: ErrorBody | undefined;
  loading: boolean;
  reload(): void;
}

/**
 * `answered`, when given, may hand over an answer that has already come (see takeAnswered in prefetch.ts): the
 * first render then draws it, and the first load is not made.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[], answered?: () => { value: T } | undefined): Loaded<T> {
  const [first] = useState(() => answered?.());
  const [data, setData] = useState<T | undefined>(first?.value);
  const [error, setError] = useState<ErrorBody>();
  const [loading, setLoading] = useState(!first);
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  const skipFirst = useRef(first !== undefined);
  useEffect(() => {
    if (skipFirst.current) {
      skipFirst.current = false;
      return;
    }
    const mine = ++seq.current;
    setLoading(true);
    load().then(
      (value) => {
        if (mine !== seq.current) return;
        setData(value);
        setError(undefined);
        setLoading(false);
      },
      (e: unknown) => {
        if (mine !== seq.current) return;
        setError(errorBody(e));
        setLoading(false);
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}
