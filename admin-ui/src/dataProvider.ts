import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider, Identifier, RaRecord } from 'react-admin';

import { API_URL, authFetchJson } from './auth/session';
import { takePrefetched } from './common/listPrefetch';

const CRM_URL = `${API_URL}/crm`;

const base = simpleRestProvider(CRM_URL, authFetchJson);

const post = (url: string, body: unknown) =>
  authFetchJson(url, { method: 'POST', body: JSON.stringify(body ?? {}) });

/** The CRM's calls beyond the simple-rest protocol (record actions, the calendar). */
export interface CrmDataProvider extends DataProvider {
  /**
   * `POST /api/crm/<resource>/<id>/<name>` (convert, close, claim, move, complete, …).
   * Answers the updated record (or, for some actions, another JSON body, e.g. convert's
   * `{lead, customer, opportunity}`).
   */
  action: <T = RaRecord>(resource: string, id: Identifier, name: string, body?: unknown) => Promise<{ data: T }>;
  /** `POST /api/crm/<resource>/<name>`, e.g. `assign {ids, owner}`. */
  collectionAction: <T = unknown>(resource: string, name: string, body?: unknown) => Promise<{ data: T }>;
  /** `GET /api/crm/calendar?from=&to=`: the interactions whose start is in the range. */
  calendar: <T = RaRecord>(from: string, to: string) => Promise<{ data: T[] }>;
  /** `GET /api/crm/assignees?resource=`: who the caller may hand `resource` records to. */
  assignees: (resource: string) => Promise<{ data: Assignee[] }>;
  /** `GET /api/crm/check-mobile?mobile=`: whose customer a mobile number is (撞单). */
  checkMobile: (mobile: string) => Promise<{ data: MobileOwner }>;
  /** `GET /api/crm/webhook-events`: the events a webhook subscription may pick (admin). */
  webhookEvents: () => Promise<{ data: { id: string; resource: string }[] }>;
}

export interface Assignee {
  id: number;
  displayName: string;
  username: string;
  role: string | null;
}

export interface MobileOwner {
  mobile: string;
  customer: null | {
    id: number | null;
    name: string;
    visible: boolean;
    inPool: boolean;
    owner: { id: number; name: string } | null;
  };
}

/**
 * A filter form nests `custom.budget_gte` as `{custom: {budget_gte}}`; the server reads the
 * flat `custom.<key>[_op]` names (custom fields, common/custom).
 */
export const flattenCustomFilter = (filter: Record<string, unknown> = {}): Record<string, unknown> => {
  const { custom, ...rest } = filter;
  if (!custom || typeof custom !== 'object' || Array.isArray(custom)) return filter;
  for (const [key, value] of Object.entries(custom)) {
    if (value !== undefined && value !== '' && value !== null) rest[`custom.${key}`] = value;
  }
  return rest;
};

/**
 * `/api/crm/<resource>` speaks the ra-data-simple-rest protocol
 * (`Content-Range: <resource> 0-24/<total>`, exposed to the browser).
 * Every call carries the access token and refreshes it once on a 401.
 */
/** A list page from the server (no prefetched answer): what `getList` does after `takePrefetched`. */
export const fetchList: DataProvider['getList'] = (resource, params) =>
  base.getList(resource, { ...params, filter: flattenCustomFilter(params.filter) });

export const dataProvider: CrmDataProvider = {
  ...base,
  getList: (resource, params) =>
    takePrefetched(resource, params)?.then(got => got ?? fetchList(resource, params)) ?? fetchList(resource, params),
  getManyReference: (resource, params) =>
    base.getManyReference(resource, { ...params, filter: flattenCustomFilter(params.filter) }),
  action: (resource, id, name, body) =>
    post(`${CRM_URL}/${resource}/${encodeURIComponent(String(id))}/${name}`, body).then(({ json }) => ({ data: json })),
  collectionAction: (resource, name, body) =>
    post(`${CRM_URL}/${resource}/${name}`, body).then(({ json }) => ({ data: json })),
  calendar: (from, to) =>
    authFetchJson(`${CRM_URL}/calendar?${new URLSearchParams({ from, to }).toString()}`).then(({ json }) => ({
      data: Array.isArray(json) ? json : [],
    })),
  assignees: resource =>
    authFetchJson(`${CRM_URL}/assignees?${new URLSearchParams({ resource }).toString()}`).then(({ json }) => ({
      data: Array.isArray(json) ? (json as Assignee[]) : [],
    })),
  checkMobile: mobile =>
    authFetchJson(`${CRM_URL}/check-mobile?${new URLSearchParams({ mobile }).toString()}`).then(({ json }) => ({
      data: json as MobileOwner,
    })),
  webhookEvents: () =>
    authFetchJson(`${CRM_URL}/webhook-events`).then(({ json }) => ({ data: Array.isArray(json) ? json : [] })),
};
