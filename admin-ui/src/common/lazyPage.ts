import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** A lazy page whose chunk can also be fetched ahead of its first render (any props, as `React.lazy`). */
export type LazyPage<T extends ComponentType<any>> = LazyExoticComponent<T> & { preload: () => Promise<unknown> };

/**
 * `React.lazy` plus `preload()`: on a reload or a bookmark the page's chunk is fetched while the
 * app still waits for `/api/crm/me` (see `preloadPage` in App.tsx) instead of after it. One fetch
 * either way; a failed one is retried by the next call.
 */
export const lazyPage = <T extends ComponentType<any>>(load: () => Promise<{ default: T }>): LazyPage<T> => {
  let loading: Promise<{ default: T }> | undefined;
  const once = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
  return Object.assign(lazy(once), { preload: once });
};

export const isLazyPage = (c: unknown): c is LazyPage<ComponentType<any>> =>
  typeof c === 'object' && c !== null && typeof (c as { preload?: unknown }).preload === 'function';
