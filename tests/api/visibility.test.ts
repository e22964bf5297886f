// Who sees and who may change which record, on every read and write path, for every role.
// One table (MATRIX below) drives the read and write checks; the tests after it cover what a
// table cell cannot say: assignment within the manager's subtree, the pool, the calendar,
// links to records the caller cannot see, the staff directory's secrets, and deactivation.
// One file on purpose: every check reads the same seeded org, and each file boots its own app.
import { bootApp, listQuery, PASSWORD, type Client, type TestApp } from '../helpers/app';

type Outcome = 'allowed' | 'hidden' | 'refused';
const CODE: Record<string, Outcome> = { A: 'allowed', H: 'hidden', R: 'refused' };

// The org: 总公司 ├ A店 ─ A1组        mgrA (A店) sees salesA1 (A1组), salesA2 and recA (A店);
//                └ B店 ─ 空部门      mgrB (B店) sees salesB1. admin, mkt and svc sit in no department.
const WHO = ['admin', 'mgrA', 'mgrB', 'salesA1', 'salesA2', 'salesB1', 'recA', 'mkt', 'svc'] as const;
type Who = (typeof WHO)[number];
const ROLE: Record<Who, string> = {
  admin: 'admin', mgrA: 'sales-manager', mgrB: 'sales-manager', salesA1: 'sales', salesA2: 'sales',
  salesB1: 'sales', recA: 'reception', mkt: 'marketing', svc: 'service',
};

/*
 * THE MATRIX: what each staff member gets for each seeded record, path by path.
 *   A allowed · H hidden (404, or absent from the list and its count) · R refused (403)
 * Seeded records are named by who owns (or logged) them: sA1 = salesA1's, rA = recA's, pool = a
 * customer in the pool (公海), admin = admin's; departments and staff by name; cfg = one record of
 * each configuration resource, created by admin.
 * Paths:
 *   list   the list read paths: plain list, q search, filter on a field, filter on the owner,
 *          the Content-Range total, getManyReference (a record's customer/opportunity), the
 *          calendar (interactions), and (a test of its own) sort by owner both ways; the ids of
 *          related records inside every listed record must be records the reader may see
 *   show   GET /:id and getMany (filter {"id":[…]}, checked as show)
 *   audit  the record's history: audit-events filtered by resource and recordId, and each event by id
 *   edit   PUT /:id sending back the record with its version and one changed field
 *   <act>  a named action the record's state refuses: allowed = 409 naming the allowed moves
 *          (the caller reached the record's rules), and nothing changes. (claim: the customers
 *          probed were never in the pool, so a caller who cannot see them learns nothing: 404)
 *   delete DELETE /:id, run last (the allowed ones really delete)
 */
const MATRIX = `
resource       path              records                             | admin mgrA mgrB salesA1 salesA2 salesB1 recA mkt svc
leads          list,show,audit   sA1                                 | A     A    H    A       H       H       H    R   R
leads          list,show,audit   sA2                                 | A     A    H    H       A       H       H    R   R
leads          list,show,audit   sB1                                 | A     H    A    H       H       A       H    R   R
leads          list,show,audit   rA                                  | A     A    H    H       H       H       A    R   R
leads          edit,reactivate   sA1                                 | A     A    H    A       H       H       R    R   R
leads          edit,reactivate   sA2                                 | A     A    H    H       A       H       R    R   R
leads          edit,reactivate   sB1                                 | A     H    A    H       H       A       R    R   R
leads          edit,reactivate   rA                                  | A     A    H    H       H       H       R    R   R
leads          delete            sA1                                 | A     R    R    R       R       R       R    R   R
customers      list,show         sA1                                 | A     A    H    A       H       H       R    A   A
customers      audit             sA1                                 | A     A    H    A       H       H       R    R   A
customers      list,show         sA2                                 | A     A    H    H       A       H       R    A   A
customers      audit             sA2                                 | A     A    H    H       A       H       R    R   A
customers      list,show         sB1                                 | A     H    A    H       H       A       R    A   A
customers      audit             sB1                                 | A     H    A    H       H       A       R    R   A
customers      list,show         pool                                | A     A    A    A       A       A       R    A   A
customers      audit             pool                                | A     A    A    A       A       A       R    R   A
customers      edit,claim        sA1                                 | A     A    H    A       H       H       R    R   R
customers      edit,claim        sA2                                 | A     A    H    H       A       H       R    R   R
customers      edit,claim        sB1                                 | A     H    A    H       H       A       R    R   R
customers      edit              pool                                | A     H    H    H       H       H       R    R   R
customers      delete            sA1,pool                            | R     R    R    R       R       R       R    R   R
opportunities  list,show,audit   sA1                                 | A     A    H    A       H       H       R    R   R
opportunities  list,show,audit   sA2                                 | A     A    H    H       A       H       R    R   R
opportunities  list,show,audit   sB1                                 | A     H    A    H       H       A       R    R   R
opportunities  edit,reactivate   sA1                                 | A     A    H    A       H       H       R    R   R
opportunities  edit,reactivate   sA2                                 | A     A    H    H       A       H       R    R   R
opportunities  edit,reactivate   sB1                                 | A     H    A    H       H       A       R    R   R
opportunities  approve-loss      sA1                                 | A     A    H    R       R       R       R    R   R
opportunities  approve-loss      sB1                                 | A     H    A    R       R       R       R    R   R
opportunities  delete            sA1                                 | R     R    R    R       R       R       R    R   R
interactions   list,show,audit   sA1                                 | A     A    H    A       H       H       R    R   R
interactions   list,show,audit   sA2                                 | A     A    H    H       A       H       R    R   R
interactions   list,show,audit   sB1                                 | A     H    A    H       H       A       R    R   R
interactions   edit              sA1                                 | A     A    H    A       H       H       R    R   R
interactions   edit              sA2                                 | A     A    H    H       A       H       R    R   R
interactions   edit              sB1                                 | A     H    A    H       H       A       R    R   R
interactions   delete            sA1                                 | R     R    R    R       R       R       R    R   R
visit-logs     list,show,audit   rA                                  | A     A    H    R       R       R       A    R   R
visit-logs     list,show,audit   admin                               | A     H    H    R       R       R       H    R   R
visit-logs     edit              rA                                  | A     R    R    R       R       R       A    R   R
visit-logs     edit              admin                               | A     R    R    R       R       R       H    R   R
visit-logs     delete            rA                                  | R     R    R    R       R       R       R    R   R
departments    list              company,storeA,teamA1,storeB,spare  | A     A    A    R       R       R       R    R   A
departments    show              company,storeA,teamA1,storeB,spare  | A     A    A    A       A       A       A    A   A
departments    audit             company,storeA,teamA1,storeB,spare  | A     A    A    A       A       A       A    R   A
departments    edit              company,storeA,teamA1,storeB,spare  | A     R    R    R       R       R       R    R   R
departments    delete            spare                               | A     R    R    R       R       R       R    R   R
staff          list              mgrA,salesA1,salesB1                | A     A    A    R       R       R       R    R   R
staff          show              mgrA,salesA1,salesB1                | A     A    A    A       A       A       A    A   A
staff          audit             mgrA,salesA1,salesB1                | A     A    A    A       A       A       A    R   A
staff          edit              mgrA,salesA1,salesB1                | A     R    R    R       R       R       R    R   R
staff          delete            salesB1                             | R     R    R    R       R       R       R    R   R
stages         list,show         cfg                                 | A     A    A    A       A       A       A    A   A
stages         edit              cfg                                 | A     R    R    R       R       R       R    R   R
stages         delete            cfg                                 | A     R    R    R       R       R       R    R   R
levels         list,show         cfg                                 | A     A    A    A       A       A       A    A   A
levels         edit              cfg                                 | A     R    R    R       R       R       R    R   R
levels         delete            cfg                                 | A     R    R    R       R       R       R    R   R
sources        list,show         cfg                                 | A     A    A    A       A       A       A    A   A
sources        edit              cfg                                 | A     R    R    R       R       R       R    R   R
sources        delete            cfg                                 | A     R    R    R       R       R       R    R   R
close-reasons  list,show         cfg                                 | A     A    A    A       A       A       A    A   A
close-reasons  edit              cfg                                 | A     R    R    R       R       R       R    R   R
close-reasons  delete            cfg                                 | A     R    R    R       R       R       R    R   R
custom-fields  list,show         cfg                                 | A     A    A    A       A       A       A    A   A
custom-fields  edit              cfg                                 | A     R    R    R       R       R       R    R   R
custom-fields  delete            cfg                                 | A     R    R    R       R       R       R    R   R
roles          list,show         cfg                                 | A     R    R    R       R       R       R    R   R
roles          edit              cfg                                 | A     R    R    R       R       R       R    R   R
roles          delete            cfg                                 | R     R    R    R       R       R       R    R   R
settings       list,show         cfg                                 | A     R    R    R       R       R       R    R   R
settings       edit              cfg                                 | A     R    R    R       R       R       R    R   R
settings       delete            cfg                                 | R     R    R    R       R       R       R    R   R
notifications  list,show         sA1                                 | H     H    H    A       H       H       H    H   H
notifications  list,show         mgrA                                | H     A    H    H       H       H       H    H   H
notifications  edit,delete       sA1                                 | R     R    R    R       R       R       R    R   R
messages       list,show         cfg                                 | A     A    H    A       H       H       R    R   R
messages       edit,delete       cfg                                 | R     R    R    R       R       R       R    R   R
job-runs       list,show         cfg                                 | A     R    R    R       R       R       R    R   R
job-runs       edit,delete       cfg                                 | R     R    R    R       R       R       R    R   R
holidays       list,show,edit    cfg                                 | A     R    R    R       R       R       R    A   R
holidays       delete            cfg                                 | A     R    R    R       R       R       R    R   R
complaints     list,show,audit   svc                                 | A     H    H    A       H       H       R    R   A
complaints     list,show,audit   dA                                  | A     A    H    H       A       H       R    R   H
complaints     edit,reopen       svc                                 | A     H    H    R       R       R       R    R   A
complaints     edit,reopen       dA                                  | A     A    H    R       R       R       R    R   H
complaints     delete            svc                                 | A     R    R    R       R       R       R    R   R
complaint-categories list,show   cfg                                 | A     A    A    A       A       A       A    A   A
complaint-categories edit        cfg                                 | A     R    R    R       R       R       R    R   R
complaint-categories delete      cfg                                 | A     R    R    R       R       R       R    R   R
questionnaires list,show         cfg                                 | A     A    A    A       A       A       R    A   R
questionnaires audit             cfg                                 | A     A    A    A       A       A       R    R   R
questionnaires edit,publish      cfg                                 | A     R    R    R       R       R       R    A   R
questionnaires delete            cfg                                 | R     R    R    R       R       R       R    R   R
questionnaire-responses list,show,audit sA1                          | A     A    H    A       H       H       R    R   R
questionnaire-responses list,show,audit sB1                          | A     H    A    H       H       A       R    R   R
questionnaire-responses edit,delete     sA1                          | R     R    R    R       R       R       R    R   R
campaigns      list,show,edit    cfg                                 | A     R    R    R       R       R       R    A   R
campaigns      unschedule        cfg                                 | A     R    R    R       R       R       R    A   R
campaigns      delete            cfg                                 | A     R    R    R       R       R       R    R   R
webhook-subscriptions list,show,edit cfg                            | A     R    R    R       R       R       R    R   R
webhook-subscriptions delete      cfg                                 | A     R    R    R       R       R       R    R   R
`;

interface Cell { resource: string; path: string; record: string; who: Who; outcome: Outcome }

function parseMatrix(text: string): Cell[] {
  const [header, ...rows] = text.trim().split('\n');
  const cols = header.split('|')[1].trim().split(/\s+/);
  expect(cols).toEqual([...WHO]);
  const cells: Cell[] = [];
  for (const row of rows) {
    const [left, right] = row.split('|');
    const [resource, paths, records] = left.trim().split(/\s+/);
    const codes = right.trim().split(/\s+/);
    if (codes.length !== WHO.length) throw new Error(`matrix row "${row}": ${codes.length} cells`);
    for (const path of paths.split(',')) {
      for (const record of records.split(',')) {
        WHO.forEach((who, i) => cells.push({ resource, path, record, who, outcome: CODE[codes[i]] }));
      }
    }
  }
  return cells;
}
const CELLS = parseMatrix(MATRIX);

/** How each resource is probed: the field q finds the record's token in, a unique field to filter on, … */
interface Probe {
  q: string;
  eq: string;
  by?: 'owner' | 'creator' | 'recipient' | 'assignee';
  sort: string;
  refs?: string[];
  edit: [string, (n: number) => unknown];
  audited?: boolean;
}
const PROBE: Record<string, Probe> = {
  leads: { q: 'subject', eq: 'mobile', by: 'owner', sort: 'owner', edit: ['description', (n) => `改 ${n}`], audited: true },
  customers: { q: 'name', eq: 'mobile', by: 'owner', sort: 'owner', edit: ['company', (n) => `公司 ${n}`], audited: true },
  opportunities: { q: 'name', eq: 'name', by: 'owner', sort: 'owner', refs: ['customer'], edit: ['product', (n) => `产品 ${n}`], audited: true },
  interactions: { q: 'subject', eq: 'subject', by: 'owner', sort: 'owner', refs: ['customer', 'opportunity'], edit: ['place', (n) => `地点 ${n}`], audited: true },
  'visit-logs': { q: 'name', eq: 'mobile', by: 'creator', sort: 'creator', edit: ['note', (n) => `备注 ${n}`], audited: true },
  departments: { q: 'name', eq: 'name', sort: 'name', edit: ['order', (n) => n], audited: true },
  staff: { q: 'displayName', eq: 'username', sort: 'username', edit: ['mobile', (n) => `1380013${String(n).padStart(4, '0')}`], audited: true },
  stages: { q: 'name', eq: 'name', sort: 'name', edit: ['order', (n) => 100 + n] },
  levels: { q: 'label', eq: 'code', sort: 'code', edit: ['order', (n) => 100 + n] },
  sources: { q: 'name', eq: 'name', sort: 'name', edit: ['order', (n) => 100 + n] },
  'close-reasons': { q: 'name', eq: 'name', sort: 'name', edit: ['order', (n) => 100 + n] },
  'custom-fields': { q: 'label', eq: 'label', sort: 'label', edit: ['order', (n) => 100 + n] },
  roles: { q: 'description', eq: 'type', sort: 'name', edit: ['description', (n) => `矩阵-roles-cfg 说明 ${n}`], audited: true },
  settings: { q: 'description', eq: 'key', sort: 'key', edit: ['description', (n) => `矩阵-settings-cfg 说明 ${n}`] },
  // written by the jobs (seeded here through the Document Service), read-only through the API
  notifications: { q: 'title', eq: 'title', by: 'recipient', sort: 'title', edit: ['title', (n) => `矩阵-notifications 改 ${n}`] },
  messages: { q: 'subject', eq: 'dedupeKey', sort: 'dedupeKey', edit: ['subject', (n) => `矩阵-messages 改 ${n}`] },
  'job-runs': { q: 'job', eq: 'slot', sort: 'job', edit: ['error', (n) => `矩阵 ${n}`] },
  holidays: { q: 'name', eq: 'name', sort: 'name', edit: ['greeting', (n) => `{{name}}，祝福 ${n}`], audited: true },
  complaints: { q: 'title', eq: 'title', by: 'assignee', sort: 'assignee', refs: ['customer'], edit: ['description', (n) => `说明 ${n}`], audited: true },
  'complaint-categories': { q: 'name', eq: 'name', sort: 'name', edit: ['order', (n) => 100 + n] },
  questionnaires: { q: 'title', eq: 'title', sort: 'title', edit: ['description', (n) => `说明 ${n}`], audited: true },
  'questionnaire-responses': { q: 'respondentName', eq: 'respondentName', by: 'creator', sort: 'creator', refs: ['opportunity'], edit: ['respondentName', (n) => `答 ${n}`], audited: true },
  campaigns: { q: 'name', eq: 'name', sort: 'name', edit: ['template', (n) => `{{name}}您好 ${n}`], audited: true },
  'webhook-subscriptions': { q: 'name', eq: 'name', sort: 'name', edit: ['description', (n) => `说明 ${n}`], audited: true },
};

/** Every seeded record carries this word (q finds them all) and a token of its own. */
const MARK = '矩阵';
const token = (resource: string, record: string) => `${MARK}-${resource}-${record}`;
/** which resource holds the records a relation field points to */
const TARGET: Record<string, string> = { customer: 'customers', opportunity: 'opportunities', lead: 'leads' };

let app: TestApp;
const as = {} as Record<Who, Client>;
const uid = {} as Record<Who, number>;
const dept: Record<string, number> = {};
/** resource → record name → the record as admin read it after seeding */
const seed: Record<string, Record<string, any>> = {};
/** resource → record name → id of one audit event about it */
const eventOf: Record<string, Record<string, number>> = {};

/** who reads a seeded record back for the checks: admin, except notifications (only their recipient sees one) */
const READER: Record<string, Record<string, Who>> = { notifications: { sA1: 'salesA1', mgrA: 'mgrA' } };
const readerOf = (resource: string, id: number): Client => {
  const name = Object.entries(seed[resource] ?? {}).find(([, r]) => r.id === id)?.[0];
  return as[(name && READER[resource]?.[name]) || 'admin'];
};
const url = (resource: string, p: Record<string, unknown> = {}) => `/api/crm/${resource}?${listQuery(p)}`;
const statusOutcome = (status: number): Outcome | string =>
  status === 200 ? 'allowed' : status === 404 ? 'hidden' : status === 403 ? 'refused' : `status ${status}`;

async function created(res: { status: number; body: any }, what: string) {
  if (res.status !== 201) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

beforeAll(async () => {
  app = await bootApp();
  uid.admin = await app.staff('admin', 'admin');
  as.admin = await app.as('admin');
  const admin = as.admin;
  const department = async (name: string, parent: number | null) =>
    (await created(await admin.post('/api/crm/departments', { name: token('departments', name), parent }), name)).id as number;
  dept.company = await department('company', null);
  dept.storeA = await department('storeA', dept.company);
  dept.teamA1 = await department('teamA1', dept.storeA);
  dept.storeB = await department('storeB', dept.company);
  dept.spare = await department('spare', dept.storeB);

  const placed: Record<Exclude<Who, 'admin'>, number | null> = {
    mgrA: dept.storeA, mgrB: dept.storeB, salesA1: dept.teamA1, salesA2: dept.storeA, salesB1: dept.storeB,
    recA: dept.storeA, mkt: null, svc: null,
  };
  const inMatrix = new Set(['mgrA', 'salesA1', 'salesB1']); // staff records of the matrix carry the token
  for (const [who, d] of Object.entries(placed) as [Exclude<Who, 'admin'>, number | null][]) {
    uid[who] = await app.staff(who, ROLE[who], {
      ...(d ? { department: d } : {}),
      ...(inMatrix.has(who) ? { displayName: token('staff', who) } : {}),
    });
  }
  for (const who of WHO) if (who !== 'admin') as[who] = await app.as(who);

  // Each consultant: a lead, a customer, an opportunity on that customer, a follow-up planned for tomorrow.
  const tomorrow = new Date(Date.now() + 86400000).toISOString();
  const mine: Record<string, string> = { salesA1: 'sA1', salesA2: 'sA2', salesB1: 'sB1' };
  let n = 0;
  const leadsOf: Record<string, any> = {};
  const customersOf: Record<string, any> = {};
  const oppsOf: Record<string, any> = {};
  const interactionsOf: Record<string, any> = {};
  for (const [who, r] of Object.entries(mine) as [Who, string][]) {
    n += 1;
    const c = as[who];
    leadsOf[r] = await created(await c.post('/api/crm/leads', { subject: token('leads', r), mobile: `1380000000${n}` }), `lead ${r}`);
    customersOf[r] = await created(await c.post('/api/crm/customers', { name: token('customers', r), mobile: `1390000000${n}` }), `customer ${r}`);
    oppsOf[r] = await created(await c.post('/api/crm/opportunities', { name: token('opportunities', r), customer: customersOf[r].id }), `opportunity ${r}`);
    interactionsOf[r] = await created(await c.post('/api/crm/interactions', {
      subject: token('interactions', r), start: tomorrow, customer: customersOf[r].id, opportunity: oppsOf[r].id,
    }), `interaction ${r}`);
  }
  leadsOf.rA = await created(await as.recA.post('/api/crm/leads', { subject: token('leads', 'rA'), mobile: '13800000009' }), 'lead rA');
  // the pool: created by admin, then released
  const pool = await created(await admin.post('/api/crm/customers', { name: token('customers', 'pool'), mobile: '13900000009' }), 'pool');
  const released = await admin.post(`/api/crm/customers/${pool.id}/release`);
  expect(released.status).toBe(200);
  customersOf.pool = released.body;
  const visitLogsOf: Record<string, any> = {
    rA: await created(await as.recA.post('/api/crm/visit-logs', { visitedAt: new Date().toISOString(), name: token('visit-logs', 'rA'), mobile: '13700000001' }), 'visit rA'),
    admin: await created(await admin.post('/api/crm/visit-logs', { visitedAt: new Date().toISOString(), name: token('visit-logs', 'admin'), mobile: '13700000002' }), 'visit admin'),
  };
  const config: Record<string, any> = {
    stages: await created(await admin.post('/api/crm/stages', { name: token('stages', 'cfg'), order: 99, probability: 5 }), 'stage'),
    levels: await created(await admin.post('/api/crm/levels', { code: 'MX', label: token('levels', 'cfg'), followUpDays: 3, order: 99 }), 'level'),
    sources: await created(await admin.post('/api/crm/sources', { name: token('sources', 'cfg'), order: 99 }), 'source'),
    'close-reasons': await created(await admin.post('/api/crm/close-reasons', { name: token('close-reasons', 'cfg'), kind: 'lead', order: 99 }), 'close reason'),
    'custom-fields': await created(await admin.post('/api/crm/custom-fields', { entity: 'lead', key: 'matrix_probe', label: token('custom-fields', 'cfg'), type: 'text', order: 99 }), 'custom field'),
    roles: await (async () => {
      const role = (await admin.get(url('roles', { filter: { type: 'marketing' } })).expect(200)).body[0];
      const res = await admin.put(`/api/crm/roles/${role.id}`, { ...role, description: token('roles', 'cfg') });
      if (res.status !== 200) throw new Error(JSON.stringify(res.body));
      return res.body;
    })(),
    settings: await created(await admin.post('/api/crm/settings', { key: 'matrixProbe', value: JSON.stringify({ on: true }), description: token('settings', 'cfg') }), 'setting'),
    holidays: await created(await admin.post('/api/crm/holidays', { date: '2031-01-01', name: token('holidays', 'cfg') }), 'holiday'),
    'complaint-categories': await created(await admin.post('/api/crm/complaint-categories', { name: token('complaint-categories', 'cfg'), order: 99 }), 'complaint category'),
    campaigns: await created(await admin.post('/api/crm/campaigns', { name: token('campaigns', 'cfg'), template: '{{name}}您好', channel: 'sms', filter: { level: 'A' } }), 'campaign'),
    // paused: the matrix's own writes queue no deliveries
    'webhook-subscriptions': await created(await admin.post('/api/crm/webhook-subscriptions', { name: token('webhook-subscriptions', 'cfg'), url: 'http://127.0.0.1:9/matrix', events: ['complaint.closed'], active: false }), 'webhook subscription'),
  };
  // complaints: one service holds (about salesA1's customer), one it handed to store A (about salesA2's)
  const complaintsOf: Record<string, any> = {
    svc: await created(await as.svc.post('/api/crm/complaints', { title: token('complaints', 'svc'), customer: customersOf.sA1.id }), 'complaint svc'),
    dA: await created(await as.svc.post('/api/crm/complaints', { title: token('complaints', 'dA'), customer: customersOf.sA2.id }), 'complaint dA'),
  };
  const survey = await created(await admin.post('/api/crm/questionnaires', {
    title: token('questionnaires', 'cfg'), questions: [{ key: 'q1', label: '满意吗', type: 'rating', required: true }],
  }), 'questionnaire');
  config.questionnaires = (await admin.post(`/api/crm/questionnaires/${survey.id}/publish`).expect(200)).body;
  const responsesOf: Record<string, any> = {};
  for (const [who, r] of [['salesA1', 'sA1'], ['salesB1', 'sB1']] as [Who, string][]) {
    responsesOf[r] = await created(await as[who].post('/api/crm/questionnaire-responses', {
      questionnaire: survey.id, opportunity: oppsOf[r].id, respondentName: token('questionnaire-responses', r), answers: { q1: 4 },
    }), `response ${r}`);
  }
  const handed = await as.svc.post(`/api/crm/complaints/${complaintsOf.dA.id}/transfer`, { department: dept.storeA });
  if (handed.status !== 200) throw new Error(`transfer: ${handed.status} ${JSON.stringify(handed.body)}`);
  // the jobs' own records: written by the Document Service as the jobs do, never by the API
  const docs = (uid: string, data: Record<string, unknown>) => app.strapi.documents(uid).create({ data });
  config.messages = await docs('api::message.message', {
    channel: 'sms', to: '13900000001', subject: token('messages', 'cfg'), body: '矩阵', purpose: 'notification',
    dedupeKey: token('messages', 'cfg'), customer: { set: [{ id: customersOf.sA1.id }] },
  });
  config['job-runs'] = await docs('api::job-run.job-run', { job: token('job-runs', 'cfg'), slot: token('job-runs', 'slot'), startedAt: new Date().toISOString() });
  const notificationsOf: Record<string, any> = {
    sA1: await docs('api::notification.notification', { title: token('notifications', 'sA1'), recipient: { set: [{ id: uid.salesA1 }] } }),
    mgrA: await docs('api::notification.notification', { title: token('notifications', 'mgrA'), recipient: { set: [{ id: uid.mgrA }] } }),
  };

  const ids: Record<string, Record<string, number>> = {
    leads: Object.fromEntries(Object.entries(leadsOf).map(([k, v]) => [k, v.id])),
    customers: Object.fromEntries(Object.entries(customersOf).map(([k, v]) => [k, v.id])),
    opportunities: Object.fromEntries(Object.entries(oppsOf).map(([k, v]) => [k, v.id])),
    interactions: Object.fromEntries(Object.entries(interactionsOf).map(([k, v]) => [k, v.id])),
    'visit-logs': Object.fromEntries(Object.entries(visitLogsOf).map(([k, v]) => [k, v.id])),
    complaints: Object.fromEntries(Object.entries(complaintsOf).map(([k, v]) => [k, v.id])),
    'questionnaire-responses': Object.fromEntries(Object.entries(responsesOf).map(([k, v]) => [k, v.id])),
    departments: { ...dept },
    notifications: Object.fromEntries(Object.entries(notificationsOf).map(([k, v]) => [k, v.id])),
    staff: { mgrA: uid.mgrA, salesA1: uid.salesA1, salesB1: uid.salesB1 },
    ...Object.fromEntries(Object.entries(config).map(([k, v]) => [k, { cfg: v.id }])),
  };
  for (const [resource, byName] of Object.entries(ids)) {
    seed[resource] = {};
    eventOf[resource] = {};
    for (const [name, id] of Object.entries(byName)) {
      seed[resource][name] = (await as[READER[resource]?.[name] ?? 'admin'].get(`/api/crm/${resource}/${id}`).expect(200)).body;
      if (PROBE[resource].audited) {
        const events = await admin.get(url('audit-events', { filter: { resource, recordId: id } })).expect(200);
        if (!events.body.length) throw new Error(`no audit event for ${resource} ${name}`);
        eventOf[resource][name] = events.body[0].id;
      }
    }
  }
}, 300000); // seeding every resource's records takes a few hundred requests: on a busy machine, more than the default 2 minutes
afterAll(() => app?.stop());

/** The matrix cells of one resource × path × reader, as record name → outcome. */
function expected(resource: string, path: string, who: Who): Record<string, Outcome> {
  return Object.fromEntries(
    CELLS.filter((c) => c.resource === resource && c.path === path && c.who === who).map((c) => [c.record, c.outcome]),
  );
}
/** [resource, who] pairs that have cells for `path`, in matrix order (admin last for deletes). */
function cases(path: string, adminLast = false) {
  const seen = new Set<string>();
  const out: [string, Who][] = [];
  const order = adminLast ? [...WHO.filter((w) => w !== 'admin'), 'admin' as Who] : [...WHO];
  const resources = [...new Set(CELLS.filter((c) => c.path === path).map((c) => c.resource))];
  for (const resource of resources) {
    for (const who of order) {
      const key = `${resource}/${who}`;
      if (!seen.has(key) && CELLS.some((c) => c.resource === resource && c.path === path && c.who === who)) {
        seen.add(key);
        out.push([resource, who]);
      }
    }
  }
  return out;
}
const ACTION_PATHS = [...new Set(CELLS.map((c) => c.path))].filter((p) => !['list', 'show', 'audit', 'edit', 'delete'].includes(p));

/** Which of the named records appear in `rows`. */
const presence = (rows: any[], records: Record<string, any>, names: string[]) =>
  Object.fromEntries(names.map((n) => [n, rows.some((r) => r.id === records[n].id) ? 'allowed' : 'hidden']));

/** Ids of related records inside `rows` that `client` itself cannot read (getMany of the target). */
async function unreadableLinks(client: Client, rows: any[], refs: string[]) {
  const out: string[] = [];
  for (const ref of refs) {
    const ids = [...new Set(rows.map((r) => r[ref]).filter((x) => x != null))];
    if (!ids.length) continue;
    const res = await client.get(url(TARGET[ref], { filter: { id: ids } }));
    const readable = new Set(res.status === 200 ? res.body.map((r: any) => r.id) : []);
    for (const id of ids) if (!readable.has(id)) out.push(`${ref} ${id}`);
  }
  return out;
}

describe('the matrix: read paths', () => {
  it('is complete: every resource of roles.json, every staff member, every path', () => {
    const roles = require('../../config/roles.json');
    const resources = new Set<string>(Object.values(roles.roles).flatMap((r: any) => Object.keys(r.resources)));
    // audit events are read through the record they are about: the `audit` rows
    expect(resources.delete('audit-events')).toBe(true);
    expect(CELLS.some((c) => c.path === 'audit')).toBe(true);
    expect([...resources].sort()).toEqual(Object.keys(PROBE).sort());
    for (const resource of resources) {
      for (const path of ['list', 'show', 'edit', 'delete']) {
        for (const who of WHO) expect([resource, path, who, Object.keys(expected(resource, path, who)).length > 0]).toEqual([resource, path, who, true]);
      }
    }
  });

  it('puts each staff member in the department the org says', async () => {
    const placed = await as.admin.get(url('staff', { filter: { id: [uid.mgrA, uid.salesA1, uid.salesA2, uid.salesB1, uid.recA] } })).expect(200);
    expect(Object.fromEntries(placed.body.map((s: any) => [s.username, s.department]))).toEqual({
      mgrA: dept.storeA, salesA1: dept.teamA1, salesA2: dept.storeA, salesB1: dept.storeB, recA: dept.storeA,
    });
    const me = await as.mgrA.get('/api/crm/me').expect(200);
    expect(me.body.department).toEqual({ id: dept.storeA, name: token('departments', 'storeA') });
  });

  it.each(cases('list'))('%s · list paths · as %s', async (resource, who) => {
    const want = expected(resource, 'list', who);
    const names = Object.keys(want);
    const records = seed[resource];
    const probe = PROBE[resource];
    const c = as[who];
    const first = records[names[0]];
    const queries: Record<string, Record<string, unknown>> = {
      'plain list': { range: [0, 999] },
      'q on the shared word': { filter: { q: MARK }, range: [0, 999] },
      [`filter ${probe.eq}`]: { filter: { [probe.eq]: first[probe.eq] } },
    };
    if (Object.values(want).every((o) => o === 'refused')) {
      for (const [name, q] of Object.entries(queries)) expect([name, (await c.get(url(resource, q))).status]).toEqual([name, 403]);
      if (resource === 'interactions') {
        const cal = await c.get(`/api/crm/calendar?from=${new Date().toISOString()}&to=${new Date(Date.now() + 3 * 86400000).toISOString()}`);
        expect(cal.status).toBe(403);
      }
      return;
    }
    const visibleCount = Object.values(want).filter((o) => o === 'allowed').length;
    const seen: Record<string, Record<string, string>> = {};
    const list = async (p: Record<string, unknown>) => {
      const res = await c.get(url(resource, p));
      expect([JSON.stringify(p), res.status]).toEqual([JSON.stringify(p), 200]);
      return res;
    };
    const plain = await list({ range: [0, 999] });
    seen['plain list'] = presence(plain.body, records, names);
    const marked = await list({ filter: { q: MARK }, range: [0, 999] });
    seen['q on the shared word'] = presence(marked.body, records, names);
    expect(marked.headers['content-range']).toBe(`${resource} 0-${Math.max(visibleCount - 1, 0)}/${visibleCount}`);
    const perRecord = (label: string, rows: any[], name: string) => {
      seen[label] ??= {};
      seen[label][name] = rows.some((r) => r.id === records[name].id) ? 'allowed' : 'hidden';
    };
    for (const name of names) {
      const rec = records[name];
      perRecord('q on its token', (await list({ filter: { q: rec[probe.q] } })).body, name);
      perRecord(`filter ${probe.eq}`, (await list({ filter: { [probe.eq]: rec[probe.eq] } })).body, name);
      if (probe.by && rec[probe.by] != null) perRecord(`filter ${probe.by}`, (await list({ filter: { [probe.by]: rec[probe.by] }, range: [0, 999] })).body, name);
      else if (resource === 'customers') perRecord('filter inPool', (await list({ filter: { inPool: true } })).body, name);
      else perRecord(`filter ${probe.by ?? 'id_gte'}`, (await list({ filter: { id_gte: rec.id, id_lte: rec.id } })).body, name);
      for (const ref of probe.refs ?? []) perRecord(`getManyReference ${ref}`, (await list({ filter: { [ref]: rec[ref] } })).body, name);
    }
    if (resource === 'interactions') {
      const cal = await c.get(`/api/crm/calendar?from=${new Date().toISOString()}&to=${new Date(Date.now() + 3 * 86400000).toISOString()}`);
      expect(cal.status).toBe(200);
      seen.calendar = presence(cal.body, records, names);
    }
    for (const [path, got] of Object.entries(seen)) {
      const sub = Object.fromEntries(Object.keys(got).map((k) => [k, want[k]]));
      expect({ path, got }).toEqual({ path, got: sub });
    }
    // related records named inside what the reader lists are records the reader may see
    expect(await unreadableLinks(c, plain.body, probe.refs ?? [])).toEqual([]);
  });

  // Sorting is a list path of its own: react-admin sorts by the column header the user clicks.
  it.each(cases('list'))('%s · sort by owner (or its sort field) · as %s', async (resource, who) => {
    const want = expected(resource, 'list', who);
    const names = Object.keys(want);
    const sort = PROBE[resource].sort;
    const got: Record<string, Record<string, string>> = {};
    for (const dir of ['ASC', 'DESC']) {
      const res = await as[who].get(url(resource, { sort: [sort, dir], range: [0, 999] }));
      got[`${sort} ${dir}`] = res.status === 200 ? presence(res.body, seed[resource], names)
        : Object.fromEntries(names.map((n) => [n, statusOutcome(res.status)]));
      if (res.status === 400) got[`${sort} ${dir}`].error = res.body.error.message;
    }
    expect(got).toEqual({ [`${sort} ASC`]: want, [`${sort} DESC`]: want });
  });

  it.each(cases('show'))('%s · single read and getMany · as %s', async (resource, who) => {
    const want = expected(resource, 'show', who);
    const names = Object.keys(want);
    const records = seed[resource];
    const c = as[who];
    const single: Record<string, Outcome | string> = {};
    for (const name of names) {
      const res = await c.get(`/api/crm/${resource}/${records[name].id}`);
      single[name] = statusOutcome(res.status);
      if (res.status === 200) expect(res.body.id).toBe(records[name].id);
      else expect(res.body.error.status).toBe(res.status);
    }
    expect({ path: 'GET /:id', got: single }).toEqual({ path: 'GET /:id', got: want });
    const many = await c.get(url(resource, { filter: { id: names.map((n) => records[n].id) } }));
    const got = many.status === 200 ? presence(many.body, records, names)
      : Object.fromEntries(names.map((n) => [n, statusOutcome(many.status)]));
    expect({ path: 'getMany', got }).toEqual({ path: 'getMany', got: want });
  });

  it.each(cases('audit'))('%s · audit trail of each record · as %s', async (resource, who) => {
    const want = expected(resource, 'audit', who);
    const c = as[who];
    const history: Record<string, Outcome | string> = {};
    const event: Record<string, Outcome | string> = {};
    for (const name of Object.keys(want)) {
      const recordId = seed[resource][name].id;
      const res = await c.get(url('audit-events', { filter: { resource, recordId } }));
      history[name] = statusOutcome(res.status);
      if (res.status === 200) {
        expect(res.body.length).toBeGreaterThan(0);
        for (const e of res.body) expect([e.resource, e.recordId]).toEqual([resource, recordId]);
      }
      event[name] = statusOutcome((await c.get(`/api/crm/audit-events/${eventOf[resource][name]}`)).status);
    }
    expect({ path: 'history', got: history }).toEqual({ path: 'history', got: want });
    expect({ path: 'GET /audit-events/:id', got: event }).toEqual({ path: 'GET /audit-events/:id', got: want });
  });

  it('lists every audit event to admin, and to the record-scoped roles only one record at a time', async () => {
    expect((await as.admin.get(url('audit-events', { range: [0, 999] })).expect(200)).body.length).toBeGreaterThan(20);
    for (const who of ['mgrA', 'salesA1', 'recA', 'svc'] as Who[]) {
      const res = await as[who].get(url('audit-events', { range: [0, 999] }));
      expect([who, res.status]).toEqual([who, 400]);
      expect(res.body.error.message).toMatch(/^filter/);
    }
    expect((await as.mkt.get('/api/crm/audit-events')).status).toBe(403);
  });

  it('lets nobody change or delete an audit event', async () => {
    const id = eventOf.leads.sA1;
    const before = (await as.admin.get(`/api/crm/audit-events/${id}`).expect(200)).body;
    for (const who of WHO) {
      const put = await as[who].put(`/api/crm/audit-events/${id}`, { ...before, actorName: '篡改' });
      const del = await as[who].del(`/api/crm/audit-events/${id}`);
      expect([who, [404, 405].includes(put.status), [404, 405].includes(del.status)]).toEqual([who, true, true]);
    }
    expect((await as.admin.get(`/api/crm/audit-events/${id}`).expect(200)).body).toEqual(before);
  });
});

describe('the matrix: write paths', () => {
  let n = 0;
  const adminRead = async (resource: string, id: number) => (await readerOf(resource, id).get(`/api/crm/${resource}/${id}`).expect(200)).body;

  it.each(cases('edit'))('%s · PUT with the version read · as %s', async (resource, who) => {
    const want = expected(resource, 'edit', who);
    const [field, value] = PROBE[resource].edit;
    const got: Record<string, Outcome | string> = {};
    for (const name of Object.keys(want)) {
      const before = await adminRead(resource, seed[resource][name].id);
      const v = value((n += 1));
      // react-admin sends the whole record back, with the version it read
      const res = await as[who].put(`/api/crm/${resource}/${before.id}`, { ...before, [field]: v });
      got[name] = statusOutcome(res.status);
      const after = await adminRead(resource, before.id);
      if (res.status === 200) {
        expect([name, res.body[field], after[field]]).toEqual([name, v, v]);
        if ('version' in before) expect(after.version).toBe(before.version + 1);
      } else {
        expect([name, after[field], after.version]).toEqual([name, before[field], before.version]);
      }
    }
    expect(got).toEqual(want);
  });

  it.each(ACTION_PATHS.flatMap((action) => cases(action).map(([r, w]) => [r, action, w] as const)))(
    '%s · %s (refused by the record state when allowed) · as %s',
    async (resource, action, who) => {
      const want = expected(resource, action, who);
      const got: Record<string, Outcome | string> = {};
      for (const name of Object.keys(want)) {
        const before = await adminRead(resource, seed[resource][name].id);
        const res = await as[who].post(`/api/crm/${resource}/${before.id}/${action}`, {});
        got[name] = res.status === 409 ? 'allowed' : statusOutcome(res.status);
        if (res.status === 409) expect(Array.isArray(res.body.error.details.allowed)).toBe(true);
        expect(await adminRead(resource, before.id)).toEqual(before);
      }
      expect(got).toEqual(want);
    },
  );
});

describe('assignment stays inside the manager subtree', () => {
  let leadA: any, leadB: any;
  beforeAll(async () => {
    leadA = (await as.salesA1.post('/api/crm/leads', { subject: '分配测试 A', mobile: '13800000101' }).expect(201)).body;
    leadB = (await as.salesB1.post('/api/crm/leads', { subject: '分配测试 B', mobile: '13800000102' }).expect(201)).body;
  });
  const ownerOf = async (id: number) => (await as.admin.get(`/api/crm/leads/${id}`).expect(200)).body.owner;

  it('lets mgrA hand a store-A lead to another store-A consultant, who then sees it', async () => {
    const res = await as.mgrA.post('/api/crm/leads/assign', { ids: [leadA.id], owner: uid.salesA2 }).expect(200);
    expect(res.body).toEqual({ updated: 1, owner: uid.salesA2 });
    expect((await as.salesA2.get(`/api/crm/leads/${leadA.id}`)).status).toBe(200);
    expect((await as.salesA1.get(`/api/crm/leads/${leadA.id}`)).status).toBe(404);
    const events = (await as.mgrA.get(url('audit-events', { filter: { resource: 'leads', recordId: leadA.id, action: 'assign' } })).expect(200)).body;
    expect(events).toEqual([expect.objectContaining({ field: 'owner', from: uid.salesA1, to: uid.salesA2, actor: uid.mgrA })]);
  });

  it('refuses handing it to store B (400 naming owner) and changes nothing', async () => {
    const res = await as.mgrA.post('/api/crm/leads/assign', { ids: [leadA.id], owner: uid.salesB1 });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^owner: .*salesB1/);
    expect(res.body.error.details.field).toBe('owner');
    expect(await ownerOf(leadA.id)).toBe(uid.salesA2);
  });

  it('refuses a receiver whose role cannot work the resource', async () => {
    const res = await as.mgrA.post('/api/crm/leads/assign', { ids: [leadA.id], owner: uid.recA });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^owner:/);
    expect(await ownerOf(leadA.id)).toBe(uid.salesA2);
  });

  it("answers 404 for the other store's records, and a mixed batch changes nothing", async () => {
    expect((await as.mgrA.post('/api/crm/leads/assign', { ids: [leadB.id], owner: uid.salesA1 })).status).toBe(404);
    const mixed = await as.mgrA.post('/api/crm/leads/assign', { ids: [leadA.id, leadB.id], owner: uid.salesA1 });
    expect(mixed.status).toBe(404);
    expect(mixed.body.error.message).toContain(`#${leadB.id}`);
    expect(await ownerOf(leadA.id)).toBe(uid.salesA2);
    expect(await ownerOf(leadB.id)).toBe(uid.salesB1);
  });

  it('refuses assignment to roles without it', async () => {
    for (const who of ['salesA1', 'recA', 'mkt', 'svc'] as Who[]) {
      const res = await as[who].post('/api/crm/leads/assign', { ids: [leadA.id], owner: uid.salesA1 });
      expect([who, res.status]).toEqual([who, 403]);
    }
    expect(await ownerOf(leadA.id)).toBe(uid.salesA2);
  });

  it('keeps opportunities and customers inside the subtree too', async () => {
    const customer = (await as.salesA1.post('/api/crm/customers', { name: '分配客户', mobile: '13900000101' }).expect(201)).body;
    const opp = (await as.salesA1.post('/api/crm/opportunities', { name: '分配商机', customer: customer.id }).expect(201)).body;
    expect((await as.mgrA.post('/api/crm/customers/assign', { ids: [customer.id], owner: uid.salesB1 })).status).toBe(400);
    expect((await as.mgrA.post('/api/crm/opportunities/assign', { ids: [opp.id], owner: uid.salesB1 })).status).toBe(400);
    expect((await as.mgrB.post('/api/crm/opportunities/assign', { ids: [opp.id], owner: uid.salesB1 })).status).toBe(404);
    // a loss request reassigned: only to the manager's own consultants
    await as.salesA1.post(`/api/crm/opportunities/${opp.id}/request-loss`, { reason: '价格原因' }).expect(200);
    const out = await as.mgrA.post(`/api/crm/opportunities/${opp.id}/reassign`, { owner: uid.salesB1 });
    expect(out.status).toBe(400);
    expect(out.body.error.message).toMatch(/^owner:/);
    const ok = await as.mgrA.post(`/api/crm/opportunities/${opp.id}/reassign`, { owner: uid.salesA2 }).expect(200);
    expect(ok.body).toMatchObject({ owner: uid.salesA2, status: 'open', lossRequested: false });
    expect((await as.admin.get(`/api/crm/customers/${customer.id}`)).body.owner).toBe(uid.salesA1);
  });
});

describe('the pool: readable by all who work customers, written only after a claim', () => {
  let p1: any, p2: any;
  beforeAll(async () => {
    const make = async (name: string, mobile: string) => {
      const c = (await as.admin.post('/api/crm/customers', { name, mobile }).expect(201)).body;
      return (await as.admin.post(`/api/crm/customers/${c.id}/release`).expect(200)).body;
    };
    p1 = await make('公海客户一', '13900000201');
    p2 = await make('公海客户二', '13900000202');
  });
  const read = async (id: number) => (await as.admin.get(`/api/crm/customers/${id}`).expect(200)).body;

  it('lets a consultant claim a pool customer, which leaves the pool for the others', async () => {
    expect(p1).toMatchObject({ inPool: true, owner: null });
    const seenBy = await as.salesB1.get(`/api/crm/customers/${p1.id}`).expect(200);
    expect(seenBy.body.actions).toEqual(['claim']);
    const claimed = await as.salesA1.post(`/api/crm/customers/${p1.id}/claim`).expect(200);
    expect(claimed.body).toMatchObject({ inPool: false, owner: uid.salesA1, actions: ['release'] });
    expect((await as.salesB1.get(`/api/crm/customers/${p1.id}`)).status).toBe(404);
    // salesB1 still had it on screen: a lost race is told so (409), not "not found"
    const late = await as.salesB1.post(`/api/crm/customers/${p1.id}/claim`);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/not in the pool/);
    expect(JSON.stringify(late.body)).not.toMatch(/salesA1/);
    expect((await as.salesB1.post(`/api/crm/customers/${p1.id}/release`)).status).toBe(404);
    const events = (await as.salesA1.get(url('audit-events', { filter: { resource: 'customers', recordId: p1.id, action: 'claim' } })).expect(200)).body;
    expect(events).toEqual([expect.objectContaining({ field: 'owner', from: null, to: uid.salesA1, actor: uid.salesA1 })]);
  });

  it('releases it back; the consultant who released it cannot take it straight back, another can', async () => {
    const back = await as.salesA1.post(`/api/crm/customers/${p1.id}/release`).expect(200);
    expect(back.body).toMatchObject({ inPool: true, owner: null });
    expect((await as.salesB1.get(`/api/crm/customers/${p1.id}`)).status).toBe(200);
    const again = await as.salesA1.post(`/api/crm/customers/${p1.id}/claim`);
    expect(again.status).toBe(409);
    expect(again.body.error.details.rule).toBe('reclaimAfterDays');
    await as.salesB1.post(`/api/crm/customers/${p1.id}/claim`).expect(200);
    expect(await read(p1.id)).toMatchObject({ owner: uid.salesB1, inPool: false });
  });

  it('lets a manager claim for themself; refuses roles without customers', async () => {
    for (const who of ['recA', 'mkt', 'svc'] as Who[]) {
      expect([who, (await as[who].post(`/api/crm/customers/${p2.id}/claim`)).status]).toEqual([who, 403]);
      // service looks customers up to record their complaints and marketing reads them for a
      // campaign's audience: both read them, and only read them
      expect([who, (await as[who].get(`/api/crm/customers/${p2.id}`)).status]).toEqual([who, who === 'svc' || who === 'mkt' ? 200 : 403]);
    }
    expect(await read(p2.id)).toMatchObject({ inPool: true, owner: null });
    await as.mgrA.post(`/api/crm/customers/${p2.id}/claim`).expect(200);
    expect(await read(p2.id)).toMatchObject({ owner: uid.mgrA, inPool: false });
  });

  it("never lets a consultant release a colleague's customer", async () => {
    const sB1 = seed.customers.sB1;
    expect((await as.salesA1.post(`/api/crm/customers/${sB1.id}/release`)).status).toBe(404);
    expect((await as.mgrA.post(`/api/crm/customers/${sB1.id}/release`)).status).toBe(404);
    expect(await read(sB1.id)).toMatchObject({ owner: uid.salesB1, inPool: false });
  });
});

describe('named actions and bulk follow the same scope', () => {
  it('completes a follow-up only for who may see it', async () => {
    const c = seed.customers.sA1;
    const plan = (await as.salesA1.post('/api/crm/interactions', { subject: '回访计划', start: new Date().toISOString(), customer: c.id }).expect(201)).body;
    expect((await as.salesB1.post(`/api/crm/interactions/${plan.id}/complete`, { outcome: '偷看' })).status).toBe(404);
    expect((await as.mgrB.post(`/api/crm/interactions/${plan.id}/cancel`)).status).toBe(404);
    for (const who of ['recA', 'mkt', 'svc'] as Who[]) {
      expect([who, (await as[who].post(`/api/crm/interactions/${plan.id}/complete`, { outcome: 'x' })).status]).toEqual([who, 403]);
    }
    expect((await as.admin.get(`/api/crm/interactions/${plan.id}`)).body.state).toBe('planned');
    const done = await as.mgrA.post(`/api/crm/interactions/${plan.id}/complete`, { outcome: '客户周六来看房' }).expect(200);
    expect(done.body).toMatchObject({ state: 'done', outcome: '客户周六来看房' });
  });

  it("runs a bulk action all or nothing: a colleague's record in the batch is a 404 and nothing changes", async () => {
    const mine = (await as.salesA1.post('/api/crm/leads', { subject: '批量关闭' }).expect(201)).body;
    const theirs = seed.leads.sA2;
    const res = await as.salesA1.post('/api/crm/leads/bulk/close', { ids: [mine.id, theirs.id], reason: '重复线索' });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain(`#${theirs.id}`);
    expect((await as.admin.get(`/api/crm/leads/${mine.id}`)).body.status).toBe('active');
    expect((await as.admin.get(`/api/crm/leads/${theirs.id}`)).body.status).toBe('active');
  });

  it('turns a visit log into a lead for reception only, on its own log', async () => {
    const own = (await as.recA.post('/api/crm/visit-logs', { visitedAt: new Date().toISOString(), name: '到访客人', mobile: '13700000101', product: '滨江壹号' }).expect(201)).body;
    const adminsLog = seed['visit-logs'].admin;
    for (const who of ['mgrA', 'salesA1', 'mkt', 'svc'] as Who[]) {
      expect([who, (await as[who].post(`/api/crm/visit-logs/${own.id}/to-lead`)).status]).toEqual([who, 403]);
    }
    expect((await as.recA.post(`/api/crm/visit-logs/${adminsLog.id}/to-lead`)).status).toBe(404);
    const res = await as.recA.post(`/api/crm/visit-logs/${own.id}/to-lead`).expect(200);
    expect(res.body.lead).toEqual(expect.any(Number));
    expect((await as.recA.get(`/api/crm/leads/${res.body.lead}`)).status).toBe(200);
    expect((await as.mgrA.get(`/api/crm/leads/${res.body.lead}`)).status).toBe(200);
    expect((await as.mgrB.get(`/api/crm/leads/${res.body.lead}`)).status).toBe(404);
    expect((await as.salesA1.get(`/api/crm/leads/${res.body.lead}`)).status).toBe(404);
  });
});

describe('the staff directory and Strapi user endpoints', () => {
  it('grants no role the users-permissions user endpoints, yet every CRM read is scoped', async () => {
    const perms = await app.strapi.db.query('plugin::users-permissions.permission').findMany({
      where: { action: { $startsWith: 'plugin::users-permissions.user' } }, populate: { role: { select: ['type'] } },
    });
    expect(perms.filter((p: any) => Object.values(ROLE).includes(p.role?.type)).map((p: any) => `${p.role.type} ${p.action}`)).toEqual([]);
    const sales = await app.strapi.db.query('plugin::users-permissions.permission').findMany({ where: { role: { type: 'sales' } } });
    expect(sales.map((p: any) => p.action)).not.toContain('plugin::users-permissions.user.find');
    // scoped all the same: salesB1 filtering on salesA1's records finds nothing
    for (const resource of ['leads', 'customers', 'opportunities', 'interactions']) {
      const res = await as.salesB1.get(url(resource, { filter: { owner: uid.salesA1 } })).expect(200);
      expect([resource, res.body, res.headers['content-range']]).toEqual([resource, [], `${resource} 0-0/0`]);
    }
  });

  it.each([...WHO])('refuses /api/users and /api/users/:id to %s', async (who) => {
    const c = as[who];
    for (const path of ['/api/users', `/api/users/${uid.salesA1}`, `/api/users/${uid[who]}`, '/api/users/me', '/api/users/count']) {
      const res = await c.get(path);
      expect([path, res.status]).toEqual([path, 403]);
      expect(JSON.stringify(res.body)).not.toContain('@test.local');
    }
  });

  // secrets as keys of any object, or the staff emails themselves
  const SECRET = /"(password|resetPasswordToken|confirmationToken|email)":|@test\.local/;

  it('never answers with passwords, reset tokens or staff emails', async () => {
    const bodies: [string, unknown][] = [];
    for (const who of WHO) {
      const c = as[who];
      bodies.push([`${who} /me`, (await c.get('/api/crm/me').expect(200)).body]);
      bodies.push([`${who} getMany staff`, (await c.get(url('staff', { filter: { id: Object.values(uid) } })).expect(200)).body]);
      bodies.push([`${who} staff/:id`, (await c.get(`/api/crm/staff/${uid.salesA1}`).expect(200)).body]);
      bodies.push([`${who} staff/:id populate`, (await c.get(`/api/crm/staff/${uid.salesA1}?populate=*&fields[0]=email&fields[1]=password`)).body]);
      for (const q of ['populate=*', 'populate[role]=*', 'fields[0]=email', 'fields=password', `${listQuery({ filter: { id: [uid.salesA1] } })}&populate=*`]) {
        const res = await c.get(`/api/crm/staff?${q}`);
        expect([who, q, res.status]).toEqual([who, q, 400]);
        bodies.push([`${who} staff?${q}`, res.body]);
      }
    }
    for (const who of ['admin', 'mgrA'] as Who[]) {
      const all = await as[who].get(url('staff', { range: [0, 99] })).expect(200);
      expect(all.body).toHaveLength(WHO.length);
      bodies.push([`${who} staff list`, all.body]);
      bodies.push([`${who} staff q`, (await as[who].get(url('staff', { filter: { q: 'test.local' } })).expect(200)).body]);
      for (const bad of [{ filter: { email: 'salesA1@test.local' } }, { filter: { password_neq: null } }, { sort: ['email', 'ASC'] }, { filter: { resetPasswordToken: null } }]) {
        expect([who, bad, (await as[who].get(url('staff', bad))).status]).toEqual([who, bad, 400]);
      }
    }
    expect((bodies.find(([k]) => k === 'admin staff q')![1] as unknown[]).length).toBe(0);
    for (const [where, body] of bodies) expect([where, SECRET.test(JSON.stringify(body))]).toEqual([where, false]);
  });

  it("keeps a staff member's email and password out of their history (changed in Strapi's admin panel, reset by admin)", async () => {
    const row = await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: uid.salesB1 } });
    await app.strapi.documents('plugin::users-permissions.user').update({ documentId: row.documentId, data: { email: 'wang.private@example.cn' } });
    await as.admin.post(`/api/crm/staff/${uid.salesB1}/reset-password`, { password: 'another-pass-2026' }).expect(200);
    // A reset ends every session of salesB1 (tests/api/security/sessions.test.ts): back to the
    // shared test password and a fresh login for the tests below.
    await as.admin.post(`/api/crm/staff/${uid.salesB1}/reset-password`, { password: PASSWORD }).expect(200);
    as.salesB1 = await app.as('salesB1');
    for (const who of ['admin', 'mgrB', 'salesA1', 'recA'] as Who[]) {
      const res = await as[who].get(url('audit-events', { filter: { resource: 'staff', recordId: uid.salesB1 }, range: [0, 99] })).expect(200);
      expect([who, JSON.stringify(res.body)]).toEqual([who, expect.not.stringMatching(/@example\.cn|@test\.local|"field":"(email|password|resetPasswordToken)"/)]);
    }
  });
});

describe('nobody changes their own role, department or active flag', () => {
  const roleOf = async (who: Who) => (await as.admin.get(`/api/crm/staff/${uid[who]}`).expect(200)).body;

  it('refuses admin changing itself (403 naming the field), also in one PUT with other fields', async () => {
    const me = await roleOf('admin');
    for (const [field, value] of [['role', 'sales'], ['department', dept.storeA], ['active', false]] as const) {
      const res = await as.admin.put(`/api/crm/staff/${uid.admin}`, { ...me, [field]: value, mobile: '13800138000' });
      expect([field, res.status]).toEqual([field, 403]);
      expect(res.body.error.message).toMatch(new RegExp(`^${field}:`));
    }
    expect((await as.admin.post(`/api/crm/staff/${uid.admin}/deactivate`, {})).status).toBe(403);
    expect(await roleOf('admin')).toEqual(me);
  });

  it('rolls back the hand-over when admin tries to deactivate itself', async () => {
    const lead = (await as.admin.post('/api/crm/leads', { subject: '管理员自己的线索' }).expect(201)).body;
    const res = await as.admin.post(`/api/crm/staff/${uid.admin}/deactivate`, { reassignTo: uid.salesA1 });
    expect(res.status).toBe(403);
    expect((await as.admin.get(`/api/crm/leads/${lead.id}`)).body.owner).toBe(uid.admin);
    expect((await as.admin.get('/api/crm/me')).status).toBe(200);
  });

  it('refuses everyone else changing their own staff record, through the CRM or Strapi', async () => {
    const adminRole = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'admin' } });
    for (const who of WHO.filter((w) => w !== 'admin')) {
      const me = await roleOf(who);
      const crm = await as[who].put(`/api/crm/staff/${uid[who]}`, { ...me, role: 'admin' });
      expect([who, crm.status]).toEqual([who, 403]);
      const dep = await as[who].put(`/api/crm/staff/${uid[who]}`, { department: dept.company });
      expect([who, dep.status]).toEqual([who, 403]);
      const strapiUsers = await as[who].put(`/api/users/${uid[who]}`, { role: adminRole.id, department: dept.company, blocked: false });
      expect([who, strapiUsers.status]).toEqual([who, 403]);
      expect(await roleOf(who)).toEqual(me);
      expect((await as[who].get('/api/crm/me')).body.role).toBe(ROLE[who]);
    }
  });

  it("lets admin change someone else's department and role", async () => {
    await app.staff('mover', 'sales', { department: dept.storeA });
    const id = (await as.admin.get(url('staff', { filter: { username: 'mover' } })).expect(200)).body[0].id;
    const moved = await as.admin.put(`/api/crm/staff/${id}`, { department: dept.storeB, role: 'reception' }).expect(200);
    expect(moved.body).toMatchObject({ department: dept.storeB, role: 'reception', active: true });
  });
});

describe('deactivating staff hands over their open records first', () => {
  let leaverId: number;
  let open: Record<string, number>;
  beforeAll(async () => {
    leaverId = await app.staff('leaver', 'sales', { department: dept.storeA });
    const c = await app.as('leaver');
    const lead = (await c.post('/api/crm/leads', { subject: '离职交接线索' }).expect(201)).body;
    const customer = (await c.post('/api/crm/customers', { name: '离职交接客户', mobile: '13900000301' }).expect(201)).body;
    const opp = (await c.post('/api/crm/opportunities', { name: '离职交接商机', customer: customer.id }).expect(201)).body;
    const plan = (await c.post('/api/crm/interactions', { subject: '离职交接回访', start: new Date(Date.now() + 86400000).toISOString(), customer: customer.id }).expect(201)).body;
    open = { leads: lead.id, customers: customer.id, opportunities: opp.id, interactions: plan.id };
  });
  const owners = async () => {
    const out: Record<string, number> = {};
    for (const [resource, id] of Object.entries(open)) out[resource] = (await as.admin.get(`/api/crm/${resource}/${id}`).expect(200)).body.owner;
    return out;
  };

  it('refuses (409) while they own open records, listing them, and the account keeps working', async () => {
    const res = await as.admin.post(`/api/crm/staff/${leaverId}/deactivate`, {});
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/^active:/);
    expect(res.body.error.details.open).toEqual({ leads: 1, customers: 1, opportunities: 1, interactions: 1 });
    expect((await as.admin.get(`/api/crm/staff/${leaverId}`)).body.active).toBe(true);
    expect((await app.http().post('/api/auth/local').send({ identifier: 'leaver', password: PASSWORD })).status).toBe(200);
  });

  it('refuses a receiver who cannot take them, and managers may not deactivate', async () => {
    const res = await as.admin.post(`/api/crm/staff/${leaverId}/deactivate`, { reassignTo: uid.recA });
    // the request's field is reassignTo: the message and details name it
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^reassignTo:/);
    expect(res.body.error.details.field).toBe('reassignTo');
    expect((await as.mgrA.post(`/api/crm/staff/${leaverId}/deactivate`, { reassignTo: uid.salesA2 })).status).toBe(403);
    expect(await owners()).toEqual({ leads: leaverId, customers: leaverId, opportunities: leaverId, interactions: leaverId });
    expect((await as.admin.get(`/api/crm/staff/${leaverId}`)).body.active).toBe(true);
  });

  it('moves every open record to the colleague, then blocks the login and the tokens already issued', async () => {
    const c = await app.as('leaver');
    const res = await as.admin.post(`/api/crm/staff/${leaverId}/deactivate`, { reassignTo: uid.salesA2 }).expect(200);
    expect(res.body).toMatchObject({ id: leaverId, active: false });
    expect(await owners()).toEqual({ leads: uid.salesA2, customers: uid.salesA2, opportunities: uid.salesA2, interactions: uid.salesA2 });
    for (const [resource, id] of Object.entries(open)) {
      expect([resource, (await as.salesA2.get(`/api/crm/${resource}/${id}`)).status]).toEqual([resource, 200]);
      const events = (await as.salesA2.get(url('audit-events', { filter: { resource, recordId: id, action: 'assign' } })).expect(200)).body;
      expect(events).toEqual([expect.objectContaining({ field: 'owner', from: leaverId, to: uid.salesA2 })]);
    }
    const login = await app.http().post('/api/auth/local').send({ identifier: 'leaver', password: PASSWORD });
    expect(login.status).toBe(400);
    expect(login.body.jwt).toBeUndefined();
    expect((await c.get('/api/crm/me')).status).toBe(401);
    expect((await c.get('/api/crm/leads')).status).toBe(401);
  });
});

describe('links to records the writer cannot see', () => {
  // salesB1 (store B) knows the id of salesA1's customer, opportunity and lead but may not see them.
  const theirs = () => ({ customer: seed.customers.sA1, opportunity: seed.opportunities.sA1, lead: seed.leads.sA1 });
  const untouched = async () => {
    const c = await as.admin.get(`/api/crm/customers/${theirs().customer.id}`).expect(200);
    const history = await as.admin.get(url('audit-events', { filter: { resource: 'customers', recordId: c.body.id, actor: uid.salesB1 } })).expect(200);
    return { lastFollowUpAt: c.body.lastFollowUpAt, byStranger: history.body.length };
  };
  const refusedNaming = (res: { status: number; body: any }, field: string) => {
    expect([field, res.status === 400 || res.status === 404]).toEqual([field, true]);
    expect(res.body.error.message).toMatch(new RegExp(field));
  };

  it("refuses a follow-up on a colleague's customer, opportunity or lead, which would write to their customer", async () => {
    const before = await untouched();
    for (const field of ['customer', 'opportunity', 'lead'] as const) {
      const res = await as.salesB1.post('/api/crm/interactions', {
        subject: `打探 ${field}`, start: new Date().toISOString(), state: 'done', outcome: '已联系', [field]: theirs()[field].id,
      });
      refusedNaming(res, field);
    }
    expect(await untouched()).toEqual(before);
  });

  it("refuses an opportunity on a colleague's customer, or with them as a visitor", async () => {
    refusedNaming(await as.salesB1.post('/api/crm/opportunities', { name: '抢单', customer: theirs().customer.id }), 'customer');
    refusedNaming(await as.salesB1.post('/api/crm/opportunities', { name: '抢单', customer: seed.customers.sB1.id, visitors: [theirs().customer.id] }), 'visitors');
  });

  it('refuses re-pointing an own record at theirs with PUT', async () => {
    const mine = (await as.salesB1.get(`/api/crm/interactions/${seed.interactions.sB1.id}`).expect(200)).body;
    refusedNaming(await as.salesB1.put(`/api/crm/interactions/${mine.id}`, { ...mine, customer: theirs().customer.id, opportunity: null }), 'customer');
    const opp = (await as.salesB1.get(`/api/crm/opportunities/${seed.opportunities.sB1.id}`).expect(200)).body;
    refusedNaming(await as.salesB1.put(`/api/crm/opportunities/${opp.id}`, { ...opp, customer: theirs().customer.id }), 'customer');
  });

  it("still lets a manager link records of the team, and the other store's lists name none of them", async () => {
    await as.mgrA.post('/api/crm/interactions', { subject: '经理回访', start: new Date().toISOString(), customer: theirs().customer.id }).expect(201);
    for (const who of ['mgrB', 'salesB1'] as Who[]) {
      for (const resource of ['opportunities', 'interactions']) {
        const rows = (await as[who].get(url(resource, { range: [0, 999] })).expect(200)).body;
        expect([who, resource, await unreadableLinks(as[who], rows, PROBE[resource].refs!)]).toEqual([who, resource, []]);
      }
    }
  });
});

describe('the matrix: DELETE (last: the allowed ones really delete)', () => {
  it.each(cases('delete', true))('%s · DELETE · as %s', async (resource, who) => {
    const want = expected(resource, 'delete', who);
    const got: Record<string, Outcome | string> = {};
    for (const name of Object.keys(want)) {
      const id = seed[resource][name].id;
      const res = await as[who].del(`/api/crm/${resource}/${id}`);
      got[name] = statusOutcome(res.status);
      expect([name, (await readerOf(resource, id).get(`/api/crm/${resource}/${id}`)).status]).toEqual([name, res.status === 200 ? 404 : 200]);
    }
    expect(got).toEqual(want);
  });
});
