import { useEffect, useState } from 'react';

const cache = new Map<string, { at: number; value: unknown }>();

/**
 * A small cached read for the CRM's calls beyond simple-rest (assignees, check-mobile):
 * `fetcher` runs when `key` changes (and `enabled`), answers are kept for `staleMs`.
 */
export const useCrmQuery = <T,>(key: string, fetcher: () => Promise<T>, enabled = true, staleMs = 30_000) => {
  const hit = cache.get(key);
  const fresh = hit && Date.now() - hit.at < staleMs ? (hit.value as T) : undefined;
  const [state, setState] = useState<{ key: string; data: T | undefined }>({ key, data: fresh });
  useEffect(() => {
    if (!enabled) return;
    const cached = cache.get(key);
    if (cached && Date.now() - cached.at < staleMs) {
      setState({ key, data: cached.value as T });
      return;
    }
    let live = true;
    fetcher()
      .then(value => {
        cache.set(key, { at: Date.now(), value });
        if (live) setState({ key, data: value });
      })
      .catch(() => {
        if (live) setState({ key, data: undefined });
      });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, enabled]);
  const data = state.key === key ? state.data : fresh;
  return { data, isPending: enabled && data === undefined };
};
