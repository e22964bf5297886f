// Campaign states as a pure table: staff schedule and cancel; the campaigns job moves a due
// campaign to sending and, once every message is queued, to sent. Only a draft is edited.
import { badRequest, conflict } from '../../crm/errors';

export type CampaignStatus = 'draft' | 'scheduled' | 'sending' | 'sent' | 'cancelled';
export type CampaignAction = 'schedule' | 'cancel' | 'unschedule' | 'start' | 'finish';

export const CAMPAIGN_MOVES: Record<CampaignStatus, Partial<Record<CampaignAction, CampaignStatus>>> = {
  draft: { schedule: 'scheduled', cancel: 'cancelled' },
  scheduled: { cancel: 'cancelled', unschedule: 'draft', start: 'sending' },
  sending: { finish: 'sent' },
  sent: {},
  cancelled: {},
};
/** moves only the campaigns job makes */
export const JOB_ACTIONS: CampaignAction[] = ['start', 'finish'];

export const allowedCampaignActions = (status: CampaignStatus) =>
  (Object.keys(CAMPAIGN_MOVES[status] ?? {}) as CampaignAction[]).filter((a) => !JOB_ACTIONS.includes(a));

export function campaignMove(status: CampaignStatus, action: CampaignAction): CampaignStatus {
  const to = CAMPAIGN_MOVES[status]?.[action];
  if (!to) throw conflict(`campaign is ${status}: cannot ${action}`, { status, action, allowed: allowedCampaignActions(status), code: 'transition_not_allowed' });
  return to;
}

/** A status change must be one move of the table. */
export function checkCampaignMove(from: CampaignStatus | undefined, to: CampaignStatus | undefined): void {
  if (!from || !to || from === to) return;
  if (!Object.values(CAMPAIGN_MOVES[from] ?? {}).includes(to)) {
    throw conflict(`campaign is ${from}: cannot become ${to}`, { field: 'status', status: from, allowed: allowedCampaignActions(from), code: 'transition_not_allowed' });
  }
}

const PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;
export const BUILT_IN_VARS = ['name', 'salutation'];

/** Placeholders of `template` that are not `name`, `salutation` or `custom_<key>` of an active customer field. */
export function unknownPlaceholders(template: string, customKeys: string[]): string[] {
  const known = new Set([...BUILT_IN_VARS, ...customKeys.map((k) => `custom_${k}`)]);
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]).filter((k) => !known.has(k));
}

/** The variables a customer's message is rendered with (values only: the template cannot run code). */
export function customerVars(c: { name?: unknown; gender?: unknown; custom?: unknown }): Record<string, unknown> {
  const vars: Record<string, unknown> = {
    name: c.name ?? '',
    salutation: `${c.name ?? ''}${c.gender === 'male' ? '先生' : c.gender === 'female' ? '女士' : ''}`,
  };
  if (c.custom && typeof c.custom === 'object') {
    for (const [k, v] of Object.entries(c.custom as Record<string, unknown>)) vars[`custom_${k}`] = Array.isArray(v) ? v.join('、') : v;
  }
  return vars;
}

/** How many skipped customers a preview or a run lists by name (the counts are complete). */
export const SKIPPED_LISTED = 200;

export type SkipReason = 'opt_out' | 'no_mobile' | 'no_email';

/** Why a customer gets nothing on `channel`, or null when they get the message. */
export function skipReason(channel: 'sms' | 'email', c: { mobile?: unknown; email?: unknown; smsOptOut?: unknown; emailOptOut?: unknown }): SkipReason | null {
  if (channel === 'sms') return c.smsOptOut ? 'opt_out' : c.mobile ? null : 'no_mobile';
  return c.emailOptOut ? 'opt_out' : c.email ? null : 'no_email';
}

export function checkCampaignFields(after: Record<string, any>): void {
  const f = after.filter;
  if (f !== null && f !== undefined && (typeof f !== 'object' || Array.isArray(f))) {
    throw badRequest('filter: must be a customer list filter object', { field: 'filter', code: 'invalid_filter' });
  }
  if (after.channel === 'email' && !(typeof after.subject === 'string' && after.subject.trim())) {
    throw badRequest('subject: an email campaign needs a subject', { field: 'subject', code: 'required' });
  }
}
