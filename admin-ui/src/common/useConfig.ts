import { useGetList, usePermissions, type RaRecord } from 'react-admin';

import { canDo, type Me } from '../auth/permissions';

/** Configuration records (admins edit them at run time; everyone reads them). */
export interface Stage extends RaRecord {
  name: string;
  order: number;
  probability: number;
  active: boolean;
}

export interface Level extends RaRecord {
  code: string;
  label: string;
  color: string;
  followUpDays: number;
  order: number;
  active: boolean;
}

export interface Source extends RaRecord {
  name: string;
  order: number;
  active: boolean;
}

export type CloseReasonKind = 'lead' | 'opportunity';

export interface CloseReason extends RaRecord {
  name: string;
  kind: CloseReasonKind;
  order: number;
  active: boolean;
}

const ALL = { page: 1, perPage: 200 };
const BY_ORDER = { field: 'order', order: 'ASC' as const };
/** Configuration changes rarely: keep it for five minutes between pages. */
const STALE = 5 * 60 * 1000;

/** All records of a small configuration resource, ordered; empty when the role may not list it. */
const useConfigList = <T extends RaRecord>(resource: string, filter: Record<string, unknown> = {}) => {
  const { permissions } = usePermissions<Me>();
  const enabled = canDo(permissions, resource, 'list');
  const { data, isPending } = useGetList<T>(
    resource,
    { pagination: ALL, sort: BY_ORDER, filter },
    { enabled, staleTime: STALE },
  );
  return { data: data ?? [], isPending: enabled && isPending };
};

export const useStages = (onlyActive = false) => {
  const result = useConfigList<Stage>('stages');
  return onlyActive ? { ...result, data: result.data.filter(s => s.active !== false) } : result;
};

/** Levels; archived ones (`active: false`) only with `withArchived` (to show a record's old value). */
export const useLevels = (withArchived = false) => {
  const result = useConfigList<Level>('levels');
  return withArchived ? result : { ...result, data: result.data.filter(l => l.active !== false) };
};

export const useSources = () => {
  const result = useConfigList<Source>('sources');
  return { ...result, data: result.data.filter(s => s.active !== false) };
};

export const useCloseReasons = (kind: CloseReasonKind) => {
  const result = useConfigList<CloseReason>('close-reasons');
  return { ...result, data: result.data.filter(r => r.kind === kind && r.active !== false) };
};
