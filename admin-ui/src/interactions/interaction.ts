import type { Identifier, RaRecord } from 'react-admin';

import { pickFields } from '../common/pickWritable';
import type { ListDefaults } from '../common/listPrefetch';

export const INTERACTION_KINDS = ['phone', 'visit', 'appointment', 'sms', 'email', 'letter'] as const;
export const INTERACTION_STATES = ['planned', 'done', 'cancelled'] as const;
export const PRIORITIES = ['low', 'normal', 'high'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];
export type InteractionState = (typeof INTERACTION_STATES)[number];
export type Priority = (typeof PRIORITIES)[number];

/** A follow-up (交互) as `/api/crm/interactions` sends it. */
export interface Interaction extends RaRecord {
  /** values of the custom fields an admin defined (common/custom) */
  custom?: Record<string, unknown> | null;
  kind: InteractionKind;
  subject: string;
  content: string | null;
  place: string | null;
  attendee: string | null;
  /** planned (跟进计划) → done (跟进记录) by `complete`, or cancelled */
  state: InteractionState;
  start: string;
  end: string | null;
  priority: Priority | null;
  outcome: string | null;
  reminderAt: string | null;
  lead: Identifier | null;
  customer: Identifier | null;
  opportunity: Identifier | null;
  owner: Identifier | null;
  /** planned and past its start (read only, computed by the server) */
  overdue: boolean;
  version?: number;
  actions?: string[];
  createdAt: string;
  updatedAt: string;
}

export const kindChoices = INTERACTION_KINDS.map(id => ({ id, name: `crm.interaction_kind.${id}` }));
export const stateChoices = INTERACTION_STATES.map(id => ({ id, name: `crm.status.interactions.${id}` }));
export const priorityChoices = PRIORITIES.map(id => ({ id, name: `crm.priority.${id}` }));

/** What a create or an edit may send; `state` is set once on create (planned or done). */
export const INTERACTION_WRITABLE_FIELDS = [
  'custom',
  'kind',
  'subject',
  'content',
  'place',
  'attendee',
  'start',
  'end',
  'priority',
  'outcome',
  'reminderAt',
  'lead',
  'customer',
  'opportunity',
] as const;

export const pickWritable = pickFields<Interaction>(INTERACTION_WRITABLE_FIELDS);
export const pickCreatable = pickFields<Interaction>([...INTERACTION_WRITABLE_FIELDS, 'state']);

export const OVERDUE_BG = 'rgba(192, 57, 43, 0.07)';
export const OVERDUE_RED = '#c0392b';

/** How the list first asks for its records (the prefetch on a reload uses the same). */
export const INTERACTION_LIST: ListDefaults = { sort: { field: 'start', order: 'ASC' }, perPage: 25, filter: { state: 'planned' } };
