import { useEffect } from 'react';
import { Chip, Stack } from '@mui/material';
import { useListContext, usePermissions, useTranslate } from 'react-admin';

import type { Me } from '../auth/permissions';
import { crmDayRange } from './dates';

export type ViewName = 'mine' | 'team' | 'all' | 'unassigned' | 'pool' | 'today';

/** The filter of each saved view, for the signed-in user; `who` is the owner field (owner or creator). */
const filterOf = (view: ViewName, me: Me, who: string): Record<string, unknown> => {
  switch (view) {
    case 'mine':
      return { [who]: me.id };
    case 'team':
      return { [`${who}_neq`]: me.id };
    case 'unassigned':
      return { [who]: null };
    case 'pool':
      return { inPool: true };
    case 'today':
      return { createdAt_gte: crmDayRange().start };
    default:
      return {};
  }
};

/** The filter keys a view decides; the list's other filters (level, stage, …) stay as they are. */
const viewKeys = (who: string) => [who, `${who}_neq`, 'inPool', 'createdAt_gte'];

const pick = (values: Record<string, unknown>, keys: string[]) =>
  Object.fromEntries(Object.entries(values).filter(([k, v]) => keys.includes(k) && v !== undefined && v !== ''));

const same = (a: Record<string, unknown>, b: Record<string, unknown>) => {
  const ka = Object.keys(a).sort();
  return ka.join() === Object.keys(b).sort().join() && ka.every(k => JSON.stringify(a[k]) === JSON.stringify(b[k]));
};

const storageKey = (resource: string, me: Me) => `crm.view.${resource}.${String(me.id)}`;

const savedView = (resource: string, me: Me): ViewName | null => {
  try {
    return localStorage.getItem(storageKey(resource, me)) as ViewName | null;
  } catch {
    return null;
  }
};

interface SavedViewsProps {
  resource: string;
  views: ViewName[];
  /** whose records "mine" means: the owner (default) or, for logs, the creator */
  who?: 'owner' | 'creator';
}

/**
 * Saved views above a list (我负责的 / 下属的 / 全部 / 未分配 / 公海 / 今日新增): one click sets the
 * view's part of the filter; the choice is kept per user (and survives a logout) and restored
 * on return.
 */
export const SavedViews = ({ resource, views, who = 'owner' }: SavedViewsProps) => {
  const translate = useTranslate();
  const { permissions: me } = usePermissions<Me>();
  const { filterValues = {}, setFilters } = useListContext();
  const keys = viewKeys(who);
  const own = pick(filterValues, keys);
  const current = me ? views.find(v => same(filterOf(v, me, who), own)) : undefined;

  const apply = (view: ViewName) => {
    if (!me) return;
    const rest = Object.fromEntries(Object.entries(filterValues).filter(([k]) => !keys.includes(k)));
    setFilters({ ...rest, ...filterOf(view, me, who) }, {});
  };

  const choose = (view: ViewName) => {
    if (!me) return;
    apply(view);
    try {
      localStorage.setItem(storageKey(resource, me), view);
    } catch {
      // storage unavailable: the view lasts for this page
    }
  };

  useEffect(() => {
    if (!me) return;
    const saved = savedView(resource, me);
    if (saved && views.includes(saved) && Object.keys(own).length === 0) apply(saved);
    // on arrival only
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [me?.id]);

  return (
    <Stack direction="row" spacing={1} sx={{ px: 1, py: 1, flexWrap: 'wrap', rowGap: 1 }} data-testid="saved-views">
      {views.map(view => (
        <Chip
          key={view}
          label={translate(`crm.views.${view}`)}
          color={current === view ? 'primary' : 'default'}
          variant={current === view ? 'filled' : 'outlined'}
          onClick={() => choose(view)}
          aria-pressed={current === view}
        />
      ))}
    </Stack>
  );
};
