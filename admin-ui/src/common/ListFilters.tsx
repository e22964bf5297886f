import { DateInput, SelectInput, usePermissions, type DateInputProps } from 'react-admin';

import { canDo, type Me } from '../auth/permissions';
import { useAssignees } from './AssigneeInput';
import { fromWallClock, toWallClock } from './dates';

const pad = (n: number) => String(n).padStart(2, '0');
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An instant as its CRM-zone calendar date, `YYYY-MM-DD`. */
const toCrmDay = (value: unknown): string => {
  if (typeof value !== 'string' || !value) return '';
  if (DAY.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const w = toWallClock(date);
  return `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}`;
};

/** A typed date as the first (or last) millisecond of that day in the CRM zone, ISO. */
const fromCrmDay = (edge: 'start' | 'end') => (value: unknown): string | null => {
  const m = typeof value === 'string' ? DAY.exec(value) : null;
  if (!m) return null;
  const startWall = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  const start = fromWallClock(new Date(startWall)).getTime();
  const end = fromWallClock(new Date(startWall + 86400000)).getTime() - 1;
  return new Date(edge === 'start' ? start : end).toISOString();
};

/** A date filter over a date-time field: the whole CRM day, whatever the browser's zone. */
export const CrmDayInput = ({ edge, ...props }: DateInputProps & { edge: 'start' | 'end' }) => (
  <DateInput format={toCrmDay} parse={fromCrmDay(edge)} {...props} />
);

/** 负责人 filter: the staff the user may assign to (their subtree), from the assignee picker. */
export const OwnerFilter = ({ resource, source = 'owner', label = 'crm.filters.owner' }: { resource: string; source?: string; label?: string; alwaysOn?: boolean }) => {
  const { data, isPending } = useAssignees(resource);
  return <SelectInput source={source} label={label} isPending={isPending} choices={data.map(a => ({ id: a.id, name: a.displayName }))} />;
};

/** 创建日期 from / to (CRM days). */
export const createdRangeFilters = () => [
  <CrmDayInput key="createdAt_gte" source="createdAt_gte" edge="start" label="crm.filters.created_from" />,
  <CrmDayInput key="createdAt_lte" source="createdAt_lte" edge="end" label="crm.filters.created_to" />,
];

/** The owner filter where the role assigns (a consultant sees only their own records anyway). */
export const useOwnerFilter = (resource: string) => {
  const { permissions } = usePermissions<Me>();
  return canDo(permissions, resource, 'assign') ? [<OwnerFilter key="owner" source="owner" resource={resource} />] : [];
};
