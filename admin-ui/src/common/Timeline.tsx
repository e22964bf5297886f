import { useState, type ReactNode } from 'react';
import { Avatar, Box, Button, Card, CardContent, Skeleton, Stack, Typography } from '@mui/material';
import AddCircleOutlineIcon from '@mui/icons-material/AddCircleOutlineOutlined';
import AssignmentIndOutlinedIcon from '@mui/icons-material/AssignmentIndOutlined';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import LogoutOutlinedIcon from '@mui/icons-material/LogoutOutlined';
import PanToolOutlinedIcon from '@mui/icons-material/PanToolOutlined';
import SyncAltOutlinedIcon from '@mui/icons-material/SyncAltOutlined';
import {
  useGetList,
  useGetMany,
  useLocaleState,
  usePermissions,
  useRecordContext,
  useResourceContext,
  useTranslate,
  type Identifier,
  type RaRecord,
  type TranslateFunction,
} from 'react-admin';

import { canDo, type Me } from '../auth/permissions';
import { formatDateTime } from './dates';
import { formatYuan } from './Money';
import { useStages, type Stage } from './useConfig';

/** An audit event as `/api/crm/audit-events` sends it (read only). */
export interface AuditEvent extends RaRecord {
  resource: string;
  recordId: Identifier;
  action: 'create' | 'update' | 'transition' | 'assign' | 'claim' | 'release' | 'delete' | string;
  field: string | null;
  from: unknown;
  to: unknown;
  actor: Identifier | null;
  actorName: string | null;
  createdAt: string;
}

const ICONS: Record<string, ReactNode> = {
  create: <AddCircleOutlineIcon fontSize="small" />,
  update: <EditOutlinedIcon fontSize="small" />,
  transition: <SyncAltOutlinedIcon fontSize="small" />,
  assign: <AssignmentIndOutlinedIcon fontSize="small" />,
  claim: <PanToolOutlinedIcon fontSize="small" />,
  release: <LogoutOutlinedIcon fontSize="small" />,
  delete: <DeleteOutlineIcon fontSize="small" />,
};

const COLORS: Record<string, string> = {
  create: '#2e7d5b',
  transition: '#1f5fa6',
  assign: '#7b4fb0',
  claim: '#c77700',
  release: '#c77700',
  delete: '#c0392b',
};

/** Fields holding a related record's id, and the resource and field naming it. */
const REFERENCES: Record<string, { resource: string; name: string }> = {
  owner: { resource: 'staff', name: 'displayName' },
  assignee: { resource: 'staff', name: 'displayName' },
  supervisor: { resource: 'staff', name: 'displayName' },
  creator: { resource: 'staff', name: 'displayName' },
  reassignTo: { resource: 'staff', name: 'displayName' },
  customer: { resource: 'customers', name: 'name' },
  opportunity: { resource: 'opportunities', name: 'name' },
  lead: { resource: 'leads', name: 'subject' },
  department: { resource: 'departments', name: 'name' },
  parent: { resource: 'departments', name: 'name' },
};
const LOOKED_UP = ['staff', 'customers', 'opportunities', 'leads', 'departments'] as const;
const STATUS_FIELDS = new Set(['status', 'state']);
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** resource → id → name, for the ids the events mention (stages included). */
type Lookups = Record<string, Map<string, string>>;

/** A `from` / `to` value in words: statuses translated, staff and stages by name, times local. */
const formatValue = (
  value: unknown,
  field: string | null,
  resource: string,
  lookups: Lookups,
  translate: TranslateFunction,
  locale: string,
): string => {
  if (value === null || value === undefined || value === '') return translate('crm.timeline.empty_value');
  if (typeof value === 'boolean') return translate(value ? 'ra.boolean.true' : 'ra.boolean.false');
  if (Array.isArray(value)) {
    return value.map(v => formatValue(v, field, resource, lookups, translate, locale)).join('、');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'number' && field === 'estimatedValue') return formatYuan(value, locale);
  if (typeof value === 'number' && field === 'probability') return `${value}%`;
  const text = String(value);
  const reference = field ? (field === 'stage' ? { resource: 'stages' } : REFERENCES[field]) : undefined;
  if (reference) return lookups[reference.resource]?.get(text) ?? `#${text}`;
  if (field && STATUS_FIELDS.has(field)) return translate(`crm.status.${resource}.${text}`, { _: text });
  if (ISO_DATE_TIME.test(text)) return formatDateTime(text, locale);
  return text;
};

/** The ids of `resource` that the events' from / to values mention. */
const idsOf = (events: AuditEvent[], resource: string): Identifier[] => {
  const ids = new Set<string>();
  for (const e of events) {
    if (e.field && REFERENCES[e.field]?.resource === resource) {
      for (const v of [e.from, e.to]) if (typeof v === 'number' || typeof v === 'string') ids.add(String(v));
    }
  }
  return [...ids];
};

/** Names of the records the events mention, one `getMany` per related resource. */
const useLookups = (events: AuditEvent[]): Lookups => {
  const { data: stages } = useStages();
  const lookups: Lookups = { stages: new Map(stages.map((s: Stage) => [String(s.id), s.name])) };
  for (const resource of LOOKED_UP) {
    const ids = idsOf(events, resource);
    // A fixed list of resources: the hooks run in the same order on every render.
    const { data } = useGetMany(resource, { ids }, { enabled: ids.length > 0 });
    const nameField = Object.values(REFERENCES).find(r => r.resource === resource)?.name ?? 'name';
    lookups[resource] = new Map((data ?? []).map(r => [String(r.id), String(r[nameField] ?? r.id)]));
  }
  return lookups;
};

const EventLine = ({ event, lookups }: { event: AuditEvent; lookups: Lookups }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const fieldLabel = event.field
    ? translate(`resources.${event.resource}.fields.${event.field}`, { _: event.field })
    : null;
  const fmt = (v: unknown) => formatValue(v, event.field, event.resource, lookups, translate, locale);
  const showChange = event.action !== 'create' && event.action !== 'delete' && (event.from != null || event.to != null);
  return (
    <Stack direction="row" spacing={1.5} sx={{ py: 1 }} data-testid="timeline-event">
      <Avatar sx={{ width: 28, height: 28, bgcolor: COLORS[event.action] ?? '#607d8b' }}>
        {ICONS[event.action] ?? ICONS.update}
      </Avatar>
      <Box sx={{ minWidth: 0 }}>
        <Typography variant="body2">
          <Box component="span" sx={{ fontWeight: 600 }}>
            {event.actorName || translate('crm.timeline.system')}
          </Box>{' '}
          {translate(`crm.audit_action.${event.action}`, { _: event.action })}
          {fieldLabel ? ` · ${fieldLabel}` : ''}
        </Typography>
        {showChange ? (
          <Typography variant="body2" color="text.secondary" sx={{ wordBreak: 'break-word' }}>
            {fmt(event.from)} → {fmt(event.to)}
          </Typography>
        ) : null}
        <Typography variant="caption" color="text.secondary">
          {formatDateTime(event.createdAt, locale)}
        </Typography>
      </Box>
    </Stack>
  );
};

const PAGE = 20;

/**
 * The record's history (操作记录): its audit events, newest first — who did what,
 * when, and from what to what. Hidden when the role may not read audit events.
 */
export const Timeline = ({ title = true }: { title?: boolean }) => {
  const record = useRecordContext();
  const resource = useResourceContext();
  const translate = useTranslate();
  const { permissions } = usePermissions<Me>();
  const [perPage, setPerPage] = useState(PAGE);
  const enabled = Boolean(record && resource) && canDo(permissions, 'audit-events', 'list');
  const { data, total, isPending } = useGetList<AuditEvent>(
    'audit-events',
    {
      filter: { resource, recordId: record?.id },
      sort: { field: 'createdAt', order: 'DESC' },
      pagination: { page: 1, perPage },
    },
    { enabled },
  );
  const events = data ?? [];
  const lookups = useLookups(events);
  if (!enabled || !resource) return null;
  return (
    <Card variant="outlined" data-testid="timeline">
      <CardContent>
        {title ? (
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
            {translate('crm.timeline.title')}
          </Typography>
        ) : null}
        {isPending ? (
          <Skeleton variant="rounded" height={64} />
        ) : events.length === 0 ? (
          <Typography color="text.secondary">{translate('crm.timeline.none')}</Typography>
        ) : (
          <Box sx={{ borderLeft: '2px solid #e3e8ef', pl: 1.5, ml: 1.5 }}>
            {events.map(event => (
              <EventLine key={event.id} event={event} lookups={lookups} />
            ))}
          </Box>
        )}
        {total !== undefined && total > events.length ? (
          <Button size="small" onClick={() => setPerPage(p => p + PAGE)} sx={{ mt: 1 }}>
            {translate('crm.timeline.more', { count: total - events.length })}
          </Button>
        ) : null}
      </CardContent>
    </Card>
  );
};
