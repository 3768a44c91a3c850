import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, type Query } from './api.ts';
import type { CursorPage } from './types.ts';

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'UNEXPECTED', String(error));
}

interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/** GETs `path` (skipped while null) and again whenever it changes or `reload` is called. */
export function useApi<T>(path: string | null, query?: Query): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(path !== null);
  const [version, setVersion] = useState(0);
  const queryKey = JSON.stringify(query ?? {});

  useEffect(() => {
    if (path === null) return;
    let cancelled = false;
    setLoading(true);
    api.get<T>(path, JSON.parse(queryKey) as Query).then(
      (result) => {
        if (cancelled) return;
        setData(result);
        setError(undefined);
        setLoading(false);
      },
      (failure: unknown) => {
        if (cancelled) return;
        setError(asApiError(failure));
        setLoading(false);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [path, queryKey, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, loading, reload };
}

interface CursorList<T> {
  items: T[];
  hasMore: boolean;
  error: ApiError | undefined;
  loading: boolean;
  loadMore: () => void;
  reload: () => void;
}

/** Keyset pagination: the first page for `query`, then `loadMore` follows `nextCursor`. */
export function useCursorList<T>(path: string, query: Query): CursorList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const latestRequest = useRef(0);
  const queryKey = JSON.stringify(query);

  const load = useCallback(
    async (cursor: string | null) => {
      const requestId = ++latestRequest.current;
      setLoading(true);
      try {
        const page = await api.get<CursorPage<T>>(path, { ...(JSON.parse(queryKey) as Query), cursor });
        if (requestId !== latestRequest.current) return;
        setItems((previous) => (cursor ? [...previous, ...page.items] : page.items));
        setNextCursor(page.nextCursor);
        setError(undefined);
      } catch (failure) {
        if (requestId === latestRequest.current) setError(asApiError(failure));
      } finally {
        if (requestId === latestRequest.current) setLoading(false);
      }
    },
    [path, queryKey],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  const loadMore = useCallback(() => {
    if (nextCursor) void load(nextCursor);
  }, [load, nextCursor]);

  const reload = useCallback(() => void load(null), [load]);
  return { items, hasMore: nextCursor !== null, error, loading, loadMore, reload };
}
