import type { Identifier, RaRecord } from 'react-admin';
import type { ListDefaults } from '../common/listPrefetch';

export const LEAD_STATUSES = ['active', 'qualified', 'disqualified'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/** A lead as `/api/crm/leads` sends it. */
export interface Lead extends RaRecord {
  /** values of the custom fields an admin defined (common/custom) */
  custom?: Record<string, unknown> | null;
  subject: string;
  source: string | null;
  level: string | null;
  description: string | null;
  targetCustomer: string | null;
  targetContact: string | null;
  mobile: string | null;
  email: string | null;
  /** staff id, read only (changed by assignment) */
  owner: Identifier | null;
  /** read only (changed by the convert / close / reactivate actions) */
  status: LeadStatus;
  closeReason: string | null;
  /** the customer and opportunity a conversion created or reused (read only) */
  customer?: Identifier | null;
  opportunity?: Identifier | null;
  /** optimistic-locking counter, sent back unchanged on save */
  version?: number;
  /** the transitions allowed now (convert, close, reactivate), decided by the server */
  actions?: string[];
  createdAt: string;
  updatedAt: string;
}

export const leadStatusChoices = LEAD_STATUSES.map(id => ({ id, name: `crm.status.leads.${id}` }));

/** The fields a create or an edit may send; the rest is the server's. */
export const LEAD_WRITABLE_FIELDS = [
  'subject',
  'source',
  'level',
  'description',
  'targetCustomer',
  'targetContact',
  'mobile',
  'email',
  'custom',
  // optimistic locking: the version read travels back so that a stale edit is refused
  'version',
] as const;

export const pickWritable = (data: Partial<Lead>): Partial<Lead> => {
  const out: Partial<Lead> = {};
  for (const field of LEAD_WRITABLE_FIELDS) {
    if (field in data) {
      const value = data[field];
      // Empty inputs travel as null, trimmed strings otherwise.
      (out as Record<string, unknown>)[field] =
        typeof value === 'string' ? (value.trim() === '' ? null : value.trim()) : (value ?? null);
    }
  }
  return out;
};

/** How the list first asks for its records (the prefetch on a reload uses the same). */
export const LEAD_LIST: ListDefaults = { sort: { field: 'createdAt', order: 'DESC' }, perPage: 25 };
