import type { Identifier, RaRecord } from 'react-admin';

import { pickFields } from '../common/pickWritable';

export const COMPLAINT_CHANNELS = ['phone', 'walk-in', 'online', 'wechat', 'email', 'other'] as const;
export const COMPLAINT_SEVERITIES = ['urgent', 'high', 'medium', 'low'] as const;
export const COMPLAINT_STATUSES = ['open', 'processing', 'resolved', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** A customer's complaint (投诉); status, assignee and department move only through the actions. */
export interface Complaint extends RaRecord {
  title: string;
  description: string | null;
  channel: (typeof COMPLAINT_CHANNELS)[number];
  category: string | null;
  severity: (typeof COMPLAINT_SEVERITIES)[number];
  status: ComplaintStatus;
  customer: Identifier | null;
  /** the customer's name, sent by the server with the complaint */
  customerName?: string | null;
  assignee: Identifier | null;
  creator: Identifier | null;
  department: Identifier | null;
  resolution: string | null;
  satisfaction: number | null;
  reopenReason: string | null;
  firstResponseDueAt: string | null;
  resolveDueAt: string | null;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  /** derived by the server at read time */
  lateFirstResponse?: boolean;
  lateResolution?: boolean;
  version?: number;
  actions?: string[];
  createdAt: string;
}

export const channelChoices = COMPLAINT_CHANNELS.map(id => ({ id, name: `crm.complaint_channel.${id}` }));
export const severityChoices = COMPLAINT_SEVERITIES.map(id => ({ id, name: `crm.complaint_severity.${id}` }));
export const statusChoices = COMPLAINT_STATUSES.map(id => ({ id, name: `crm.status.complaints.${id}` }));

export const COMPLAINT_WRITABLE_FIELDS = ['title', 'description', 'channel', 'category', 'severity', 'customer', 'resolution'] as const;
export const pickWritable = pickFields<Complaint>(COMPLAINT_WRITABLE_FIELDS);

/**
 * The deadline that counts now: the first response while none came, then the resolution;
 * none once resolved or closed.
 */
export const pendingDeadline = (c: Complaint): { kind: 'first_response' | 'resolution'; due: string } | null => {
  if (c.status === 'resolved' || c.status === 'closed') return null;
  if (!c.firstResponseAt && c.firstResponseDueAt) return { kind: 'first_response', due: c.firstResponseDueAt };
  return c.resolveDueAt ? { kind: 'resolution', due: c.resolveDueAt } : null;
};

/** "3小时12分" / "2天4小时" style parts of a duration (ms, absolute). */
export const durationParts = (ms: number) => {
  const minutes = Math.floor(Math.abs(ms) / 60000);
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
};
