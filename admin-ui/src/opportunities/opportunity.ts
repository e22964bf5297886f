import type { Identifier, RaRecord } from 'react-admin';

import { pickFields } from '../common/pickWritable';
import type { ListDefaults } from '../common/listPrefetch';

export const OPPORTUNITY_STATUSES = ['open', 'won', 'lost', 'closed'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

/** An opportunity (销售机会) as `/api/crm/opportunities` sends it. */
export interface Opportunity extends RaRecord {
  /** values of the custom fields an admin defined (common/custom) */
  custom?: Record<string, unknown> | null;
  /** defaults to `<customer>对<product>有意向` */
  name: string;
  customer: Identifier;
  /** other visitors (二人以上到访): customer ids */
  visitors: Identifier[] | null;
  product: string | null;
  /** stage id */
  stage: Identifier | null;
  level: string | null;
  estimatedValue: number | null;
  /** 0–100, set from the stage unless given */
  probability: number | null;
  expectedCloseDate: string | null;
  /** open (执行) → won (成功) / lost (失败); won → closed (关闭); lost → open — through actions */
  status: OpportunityStatus;
  /** a consultant asked to give it up (read only) */
  lossRequested: boolean;
  lossReason: string | null;
  competitor: string | null;
  /** the manager's note when rejecting a loss request */
  lossNote: string | null;
  lead: Identifier | null;
  owner: Identifier | null;
  version?: number;
  actions?: string[];
  createdAt: string;
  updatedAt: string;
}

export const opportunityStatusChoices = OPPORTUNITY_STATUSES.map(id => ({ id, name: `crm.status.opportunities.${id}` }));

/** What a create or an edit may send: status, loss request and owner change through actions. */
export const OPPORTUNITY_WRITABLE_FIELDS = [
  'custom',
  'name',
  'customer',
  'visitors',
  'product',
  'stage',
  'level',
  'estimatedValue',
  'probability',
  'expectedCloseDate',
] as const;

export const pickWritable = pickFields<Opportunity>(OPPORTUNITY_WRITABLE_FIELDS);

/** How the list first asks for its records (the prefetch on a reload uses the same). */
export const OPPORTUNITY_LIST: ListDefaults = { sort: { field: 'createdAt', order: 'DESC' }, perPage: 25 };
