import { getQuery, type GetListParams, type GetListResult } from 'react-admin';

/** How a big list first asks for its records (its `<List sort perPage>`), for the prefetch. */
export interface ListDefaults {
  sort: { field: string; order: 'ASC' | 'DESC' };
  perPage: number;
  /** the List's `filterDefaultValues` */
  filter?: Record<string, unknown>;
}

type Page = Pick<GetListParams, 'pagination' | 'sort' | 'filter'>;

/** A prefetched answer is used only this soon after it was asked for: as fresh as the List's own. */
const FRESH_MS = 5000;

let held: { key: string; at: number; answer: Promise<GetListResult | undefined> } | undefined;

const keyOf = (resource: string, p: Page) =>
  JSON.stringify([resource, p.pagination?.page, p.pagination?.perPage, p.sort?.field, p.sort?.order, p.filter ?? {}]);

const stored = (key: string): unknown => {
  try {
    const raw = localStorage.getItem(key);
    return raw ? JSON.parse(raw) : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The first page the List of `resource` will ask for on arrival at `#/<resource>`: its stored
 * params (react-admin's `RaStore.<resource>.listParams`) or its defaults, as react-admin merges
 * them. Undefined when the arrival is anything else (a query in the URL, a saved view that will
 * change the filter on arrival), so the guess is only made when it is exact.
 */
export const firstPageOf = (resource: string, defaults: ListDefaults, hash: string): Page | undefined => {
  if (hash.includes('?')) return undefined;
  for (let i = 0; i < localStorage.length; i += 1) {
    if (localStorage.key(i)?.startsWith(`crm.view.${resource}.`)) return undefined;
  }
  const q = getQuery({
    queryFromLocation: {},
    params: stored(`RaStore.${resource}.listParams`) ?? { filter: {}, order: null, page: 1, perPage: null, sort: null },
    filterDefaultValues: defaults.filter ?? {},
    sort: defaults.sort,
    perPage: defaults.perPage,
  });
  return { pagination: { page: q.page, perPage: q.perPage }, sort: { field: q.sort, order: q.order }, filter: q.filter ?? {} };
};

/**
 * A reload or a bookmark of a big list: its first page is asked for while the app still waits
 * for `/api/crm/me` and the page's chunk, and handed to the List's own first call.
 */
export const prefetchList = (resource: string, page: Page, getList: (r: string, p: GetListParams) => Promise<GetListResult>) => {
  held = {
    key: keyOf(resource, page),
    at: Date.now(),
    // a refused or failed prefetch is no answer: the List asks again and shows its own error
    answer: getList(resource, page as GetListParams).catch(() => undefined),
  };
};

/** The prefetched answer for exactly this request, once, while fresh. */
export const takePrefetched = (resource: string, params: Page): Promise<GetListResult | undefined> | undefined => {
  if (!held || held.key !== keyOf(resource, params) || Date.now() - held.at > FRESH_MS) return undefined;
  const { answer } = held;
  held = undefined;
  return answer;
};
