// A CRM resource: one content type exposed at /api/crm/<name>. Each concept folder
// (src/api/<concept>/resource.ts) declares one; the registry discovers it, and everything generic
// (records.ts, rules.ts, the controller, role grants, shipped configuration) reads it from there.
import type { Field } from './fields';
import type { Action, Actor } from './access';
import type { WriteRule } from './rules';
import type { ConfigUse } from './config-usage';
import type { CrmEvent } from './events';

export interface ResourceDef {
  /** URL segment and permission key, e.g. `leads` */
  name: string;
  uid: string;
  /** API field name → attribute name, where they differ */
  rename?: Record<string, string>;
  /** fields that change only through an action endpoint (status, owner) */
  viaAction?: string[];
  /** API fields searched by `q` */
  search: string[];
  /**
   * false: `q` reads the columns (LIKE) instead of a bigram index. For write-heavy logs (the
   * outbox), where the index costs every insert ~1 ms on PostgreSQL and `q` is rare.
   */
  searchIndexed?: boolean;
  /**
   * true: a token table serves a one-word `q` of 2–3 characters by index only (crm/search-tokens.ts):
   * for big lists; it stores ~50 rows per record, so not for long texts (interactions' content)
   */
  searchTokens?: boolean;
  defaultSort?: [string, 'ASC' | 'DESC'];
  /** attribute holding the responsible staff member / the member who logged the record */
  owner?: string;
  creator?: string;
  /** attribute holding the record's status: its changes are `transition`s in the audit trail */
  status?: string;
  /** every change lands in the audit trail (crm/audit.ts) */
  audited?: boolean;
  /** writes carry the version they read (a stale one is a 409); needs a `version` attribute */
  versioned?: boolean;
  /** the concept's write rule, run by crm/rules.ts for every writer (API, services, admin panel) */
  rule?: WriteRule;
  /** the record kind whose custom field definitions its `custom` attribute obeys (lead, customer…) */
  custom?: string;
  /**
   * part of the configuration exported, imported and set by presets (crm/config-transfer.ts):
   * entries are matched by `match`, `fields` are copied (`json`: JSON text stored, shown parsed);
   * `create: false` when entries cannot be added that way (roles); unlisted ones are archived
   */
  transfer?: { match: string[]; fields: string[]; json?: string[]; create?: boolean };
  /** configuration that records name: never deleted or renamed under them (crm/config-usage.ts) */
  inUse?: ConfigUse;
  /** relation attribute holding the department that handles the record (scope `handling`) */
  department?: string;
  /**
   * relation attribute through which scope `record` is decided: the record is visible to whoever
   * may see the related record (messages: their customer). Without it, `record` shows nothing here.
   */
  visibleWith?: string;
  /** relation attribute whose record's owner may read this one too (scope `handling`: a customer's consultant) */
  ownerVia?: string;
  /** boolean attribute marking records in the shared pool (公海), readable by the whole role */
  pool?: string;
  /** API fields computed by the server, never written by clients */
  readOnly?: string[];
  /** named actions (`POST /:id/<action>`, also in bulk), implemented by the concept's service `actions` */
  actions?: string[];
  /** counted by the reports (`GET /api/crm/reports/<name>`): its grant may carry the `report` action */
  reportable?: boolean;
  /** a big list (up to millions of rows): its unfiltered total comes from a counter (crm/row-counts.ts) */
  countedRows?: boolean;
  /** offers `POST /import` of spreadsheets (crm/import.ts; headers in config/import.json) */
  importable?: boolean;
  /** `false`: no `GET /export` of its list (its controller is not crmController's) */
  exportable?: boolean;
  /** offers `POST /assign {ids, owner}` */
  assignable?: boolean;
  /** extra data written when a record is assigned (a customer leaves the pool) */
  onAssign?: () => Record<string, unknown>;
  /** extra controller handlers of the concept and the grant each needs (the calendar: `list`) */
  handlers?: Record<string, Action>;
  /** shipped rows loaded while the table is empty: `config/<file>`'s `key`, optionally reshaped */
  seed?: { file: string; key: string; rows?: (value: any) => Record<string, unknown>[] };
  /** transition actions the record's state allows now (the role's grants are applied on top) */
  allowedActions?: (record: Record<string, any>, actor: Actor) => string[];
  /** values a new record starts with, e.g. the initial status */
  initial?: (actor: Actor) => Record<string, unknown>;
  /** fields never written to the audit trail (secrets, such as a robot webhook's key) */
  unaudited?: string[];
  /** API fields to expose, when not all of the content type's (staff hides email, flags) */
  expose?: string[];
  /** extra populate per relation attribute, e.g. the role's `type` */
  populateFields?: Record<string, string[]>;
  /** filters on presented fields (staff `active`, role type) turned into attribute filters */
  translateFilter?: (filter: Record<string, unknown>) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /**
   * reacts to every CRM event (config/webhooks.json) inside the transaction of the write that
   * raised it: webhook subscriptions queue their deliveries there. Given the events of one
   * write, or all those of a chunk of a bulk write (an import), so it looks up once for them
   */
  onEvent?: (events: CrmEvent[]) => Promise<void>;
  /** final touch on an outgoing record, knowing who reads it (pool mobiles are masked) */
  present?: (record: Record<string, unknown>, row: any, actor?: Actor) => Record<string, unknown>;
}

/** A discovered resource: its descriptor plus where it lives. */
export interface Resource extends ResourceDef {
  /** the concept folder under src/api */
  folder: string;
  /** `api::<folder>.<folder>`: its controller (permission actions) and service (named actions) */
  api: string;
}

export const TIMESTAMPS: Field[] = ['createdAt', 'updatedAt'].map((name) => ({
  api: name, attr: name, kind: 'datetime', required: false, readOnly: true, viaAction: false,
}));
