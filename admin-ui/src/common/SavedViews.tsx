import { useEffect } from 'react';
import { Chip, Stack } from '@mui/material';
import { useListContext, usePermissions, useTranslate } from 'react-admin';

import type { Me } from '../auth/permissions';
import { crmDayRange } from './dates';

export type ViewName = 'mine' | 'team' | 'all' | 'unassigned' | 'today';

/** The filter of each saved view, for the signed-in user. */
const filterOf = (view: ViewName, me: Me): Record<string, unknown> => {
  switch (view) {
    case 'mine':
      return { owner: me.id };
    case 'team':
      return { owner_neq: me.id };
    case 'unassigned':
      return { owner: null };
    case 'today':
      return { createdAt_gte: crmDayRange().start };
    default:
      return {};
  }
};

const storageKey = (resource: string, me: Me) => `crm.view.${resource}.${String(me.id)}`;

const savedView = (resource: string, me: Me): ViewName | null => {
  try {
    return localStorage.getItem(storageKey(resource, me)) as ViewName | null;
  } catch {
    return null;
  }
};

/**
 * Saved views above a list (我负责的 / 下属的 / 全部 / 未分配 / 今日新增): one click sets the
 * list's filter; the choice is kept per user (and survives a logout) and restored on return.
 */
export const SavedViews = ({ resource, views }: { resource: string; views: ViewName[] }) => {
  const translate = useTranslate();
  const { permissions: me } = usePermissions<Me>();
  const { filterValues, setFilters } = useListContext();
  const current = me ? views.find(v => JSON.stringify(filterOf(v, me)) === JSON.stringify(filterValues ?? {})) : undefined;

  const choose = (view: ViewName) => {
    if (!me) return;
    setFilters(filterOf(view, me), {});
    try {
      localStorage.setItem(storageKey(resource, me), view);
    } catch {
      // storage unavailable: the view lasts for this page
    }
  };

  useEffect(() => {
    if (!me) return;
    const saved = savedView(resource, me);
    if (saved && views.includes(saved) && JSON.stringify(filterValues ?? {}) === '{}') setFilters(filterOf(saved, me), {});
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
