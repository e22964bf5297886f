import type { Identifier, RaRecord } from 'react-admin';

import { pickFields } from '../common/pickWritable';
import type { ListDefaults } from '../common/listPrefetch';

export const GENDERS = ['male', 'female', 'unknown'] as const;
export const CUSTOMER_TYPES = ['target', 'potential', 'deal', 'inactive'] as const;
export type Gender = (typeof GENDERS)[number];
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

/** A customer as `/api/crm/customers` sends it. */
export interface Customer extends RaRecord {
  /** values of the custom fields an admin defined (common/custom) */
  custom?: Record<string, unknown> | null;
  name: string;
  gender: Gender | null;
  mobile: string | null;
  email: string | null;
  wechat: string | null;
  birthday: string | null;
  province: string | null;
  city: string | null;
  industry: string | null;
  company: string | null;
  address: string | null;
  source: string | null;
  /** a level code, e.g. "A" */
  level: string | null;
  type: CustomerType | null;
  /** 热点: shown in red */
  hot: boolean;
  tags: string[] | null;
  /** staff id; null in the pool. Changes by assign / claim / release */
  owner: Identifier | null;
  inPool: boolean;
  smsOptOut: boolean;
  emailOptOut: boolean;
  /** set by completed follow-ups (read only) */
  lastFollowUpAt: string | null;
  nextFollowUpAt: string | null;
  version?: number;
  actions?: string[];
  createdAt: string;
  updatedAt: string;
}

export const genderChoices = GENDERS.map(id => ({ id, name: `crm.gender.${id}` }));
export const customerTypeChoices = CUSTOMER_TYPES.map(id => ({ id, name: `crm.customer_type.${id}` }));

/** What a create or an edit may send: owner and pool membership change through actions. */
export const CUSTOMER_WRITABLE_FIELDS = [
  'custom',
  'name',
  'gender',
  'mobile',
  'email',
  'wechat',
  'birthday',
  'province',
  'city',
  'industry',
  'company',
  'address',
  'source',
  'level',
  'type',
  'hot',
  'tags',
  'smsOptOut',
  'emailOptOut',
] as const;

export const pickWritable = pickFields<Customer>(CUSTOMER_WRITABLE_FIELDS);

/** How the list first asks for its records (the prefetch on a reload uses the same). */
export const CUSTOMER_LIST: ListDefaults = { sort: { field: 'createdAt', order: 'DESC' }, perPage: 25 };
