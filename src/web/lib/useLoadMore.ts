import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from './apiClient.ts';

export type LoadMore<T> = {
  items: T[];
  /** Where the next page starts: undefined before the first page, null after the last. */
  cursor: string | null | undefined;
  loading: boolean;
  error: string | null;
  /** Loads the page after the ones shown (or the first again, after an error on it). */
  more: () => void;
};

/** A list read a page at a time by cursor, each page appended to those shown (a "Load more" button's list). */
export function useLoadMore<T>(
  page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
): LoadMore<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the list reads one source for its whole life
  const load = useCallback(async (from: string | undefined) => {
    setLoading(true);
    setError(null);
    try {
      const next = await page(from);
      setItems((shown) => (from ? [...shown, ...next.items] : next.items));
      setCursor(next.nextCursor);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(undefined);
  }, [load]);

  return { items, cursor, loading, error, more: () => void load(cursor ?? undefined) };
}
