// The record reader (backend/src/crm/row-read.ts) answers what the Document Service's populate
// would: for every registered resource, the same rows and the same related ids (many-links in
// their stored order), and the named fields some resources show of a related record.
import { backendModule, bootApp, type TestApp } from '../helpers/app';
import { seedSuiteOrg, type SuiteOrg } from '../helpers/suite-org';

let app: TestApp;
let org: SuiteOrg;

beforeAll(async () => {
  app = await bootApp();
  org = await seedSuiteOrg(app);
  const admin = org.as.admin;
  const customers = [...org.tokens.customers.keys()];
  // a many-link in an order that is not the ids' order, and a resource showing a related record's name
  await admin.post('/api/crm/opportunities', { name: '看房', customer: customers[0], visitors: [customers[2], customers[0], customers[1]] }).expect(201);
  await org.as.svc.post('/api/crm/complaints', {
    title: '投诉', description: '物业态度差', channel: 'phone', category: '服务态度', severity: 'high', customer: customers[1],
  }).expect(201);
});
afterAll(() => app?.stop());

test('every resource reads the same rows and related ids as the Document Service populates', async () => {
  const { strapi } = app;
  const { resources, records } = backendModule('crm/registry');
  const { rowReader } = backendModule('crm/row-read');
  let compared = 0;
  for (const def of resources() as any[]) {
    // the relations the resource serves
    const relations: { attr: string; many: boolean; fields?: string[] }[] = records(def.name).fields()
      .filter((f: any) => f.kind === 'relation').map((f: any) => ({ attr: f.attr, many: !!f.many, fields: def.populateFields?.[f.attr] }));
    const populate = Object.fromEntries(relations.map((r) => [r.attr, { fields: ['id', ...(r.fields ?? [])] }]));
    const stock: any[] = await strapi.documents(def.uid).findMany({ sort: [{ id: 'asc' }], populate, limit: 500 });
    const ours: any[] = await rowReader(strapi, def.uid, () => relations).many({ where: {}, orderBy: [{ id: 'asc' }], limit: 500 });
    const shape = (rows: any[]) => rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => {
      const rel = relations.find((r) => r.attr === k);
      if (!rel) return [k, v];
      const pick = (x: any) => (x ? { id: x.id, ...Object.fromEntries((rel.fields ?? []).map((f) => [f, x[f]])) } : null);
      return [k, rel.many ? (v as any[] ?? []).map(pick) : pick(v)];
    })));
    expect({ resource: def.name, rows: shape(ours) }).toEqual({ resource: def.name, rows: shape(stock) });
    // the total, as the Document Service counts it, unfiltered and through a relation (joins: DISTINCT)
    const reader = rowReader(strapi, def.uid, () => relations);
    expect([def.name, await reader.count({})]).toEqual([def.name, await strapi.documents(def.uid).count({})]);
    for (const r of relations.filter((x) => !x.many).slice(0, 1)) {
      const where = { [r.attr]: { id: { $notNull: true } } };
      expect([def.name, r.attr, await reader.count(where)]).toEqual([def.name, r.attr, await strapi.documents(def.uid).count({ filters: where })]);
    }
    compared += stock.length;
  }
  expect(compared).toBeGreaterThan(30);
});

test('a many-link keeps the order it was written in, through the API', async () => {
  const customers = [...org.tokens.customers.keys()];
  const list = (await org.as.admin.get('/api/crm/opportunities?filter=' + encodeURIComponent(JSON.stringify({ q: '看房' }))).expect(200)).body;
  expect(list.map((o: any) => o.visitors)).toEqual([[customers[2], customers[0], customers[1]]]);
  const complaints = (await org.as.admin.get('/api/crm/complaints').expect(200)).body;
  expect(complaints.map((c: any) => c.customerName)).toEqual([org.tokens.customers.get(customers[1])]);
});
