import type { Identifier, RaRecord } from 'react-admin';

import { pickFields } from '../common/pickWritable';

export const VISIT_KINDS = ['walk-in', 'call'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

/** A visitor log entry (客流登记): a walk-in or a call, with or without a lead. */
export interface VisitLog extends RaRecord {
  kind: VisitKind;
  visitedAt: string;
  partySize: number | null;
  product: string | null;
  contactLeft: boolean;
  name: string | null;
  mobile: string | null;
  note: string | null;
  /** the lead created by `to-lead` (read only) */
  lead: Identifier | null;
  creator: Identifier | null;
  version?: number;
  actions?: string[];
  createdAt: string;
}

export const visitKindChoices = VISIT_KINDS.map(id => ({ id, name: `crm.visit_kind.${id}` }));

export const VISIT_LOG_WRITABLE_FIELDS = [
  'kind',
  'visitedAt',
  'partySize',
  'product',
  'contactLeft',
  'name',
  'mobile',
  'note',
] as const;

export const pickWritable = pickFields<VisitLog>(VISIT_LOG_WRITABLE_FIELDS);
