// The owner copied into each record's row (backend/src/crm/relation-copy.ts) equals the owner
// link on every path that moves an owner — create, the assign action, bulk assign, claim and
// release of the pool, import, Strapi's own Document Service (what the admin panel calls), a
// staff member deleted — and a member's lists follow it. A database from before the copy (no
// triggers, the column empty) is filled at its next boot.
import { listQuery, bootApp, type TestApp } from '../helpers/app';
import { newCustomer, newOpportunity, salesOrg, type Org } from '../helpers/org';
import { usesPostgres } from '../helpers/database';

const TABLES = [
  { table: 'leads', link: 'leads_owner_lnk', fk: 'lead_id', resource: 'leads' },
  { table: 'customers', link: 'customers_owner_lnk', fk: 'customer_id', resource: 'customers' },
  { table: 'opportunities', link: 'opportunities_owner_lnk', fk: 'opportunity_id', resource: 'opportunities' },
  { table: 'interactions', link: 'interactions_owner_lnk', fk: 'interaction_id', resource: 'interactions' },
];

let app: TestApp;
let org: Org;

const rowsOf = (r: any) => (Array.isArray(r) ? r : r.rows);
const knex = () => app.strapi.db.connection;

/** Rows whose copy differs from their owner link, per table (empty when all agree), and how many have an owner. */
async function drift() {
  const out: Record<string, unknown[]> = {};
  let owned = 0;
  for (const t of TABLES) {
    const rows = rowsOf(await knex().raw(
      `SELECT t.id, t.owner_key AS copy, l.user_id AS link FROM ${t.table} t LEFT JOIN ${t.link} l ON l.${t.fk} = t.id`,
    ));
    out[t.table] = rows.filter((r: any) => (r.copy === null ? null : Number(r.copy)) !== (r.link === null ? null : Number(r.link)));
    owned += rows.filter((r: any) => r.link !== null).length;
  }
  return { out, owned };
}

async function expectInSync() {
  const { out, owned } = await drift();
  expect(out).toEqual({ leads: [], customers: [], opportunities: [], interactions: [] });
  expect(owned).toBeGreaterThan(0);
}

const ids = async (client: Org['admin'], resource: string) =>
  (await client.get(`/api/crm/${resource}?${listQuery({ range: [0, 999] })}`).expect(200)).body.map((r: any) => r.id).sort((a: number, b: number) => a - b);

beforeAll(async () => {
  app = await bootApp();
  org = await salesOrg(app);
});
afterAll(() => app?.stop());

test('the copy follows the owner on every path, and lists follow the copy', async () => {
  const lead = (await org.sales1.post('/api/crm/leads', { subject: '滨江壹号来电', source: '网络', level: 'A' }).expect(201)).body;
  const lead2 = (await org.sales1.post('/api/crm/leads', { subject: '学区房咨询', source: '网络', level: 'B' }).expect(201)).body;
  const customer = await newCustomer(org.sales1);
  const opportunity = await newOpportunity(org.sales2);
  await org.sales1.post('/api/crm/interactions', { kind: 'phone', subject: '回访', customer: customer.id, start: '2026-12-03T02:00:00.000Z' }).expect(201);
  await expectInSync();
  expect(await ids(org.sales2, 'leads')).toEqual([]);

  // the assign action, one record and several
  await org.manager.post('/api/crm/leads/assign', { ids: [lead.id], owner: org.ids.sales2 }).expect(200);
  await expectInSync();
  expect(await ids(org.sales2, 'leads')).toEqual([lead.id]);
  await org.manager.post('/api/crm/leads/assign', { ids: [lead.id, lead2.id], owner: org.ids.sales1 }).expect(200);
  expect(await ids(org.sales2, 'leads')).toEqual([]);
  expect(await ids(org.sales1, 'leads')).toEqual([lead.id, lead2.id]);

  // the pool: released, the record has no owner; claimed, the claimer's
  await org.sales1.post(`/api/crm/customers/${customer.id}/release`, {}).expect(200);
  await expectInSync();
  expect((await knex()('customers').where({ id: customer.id }).first()).owner_key).toBeNull();
  await org.sales2.post(`/api/crm/customers/${customer.id}/claim`, {}).expect(200);
  await expectInSync();
  expect(await ids(org.sales2, 'customers')).toContain(customer.id);

  // import (the bulk write path fills the copy with the row)
  const file = ['主题,认知途径,跟进级别,手机', '导入线索一,网络,A,13600136101', '导入线索二,网络,A,13600136102'].join('\n');
  const imported = await org.sales2.post('/api/crm/leads/import?dryRun=false', { file });
  expect([200, 201]).toContain(imported.status);
  await expectInSync();
  expect((await ids(org.sales2, 'leads')).length).toBe(2);

  // Strapi's Document Service (the admin panel's path): connect a new owner, then disconnect it
  await app.strapi.documents('api::opportunity.opportunity').update({ documentId: opportunity.documentId ?? (await knex()('opportunities').where({ id: opportunity.id }).first()).document_id, data: { owner: { connect: [{ id: org.ids.sales1 }] } } as any });
  await expectInSync();
  expect(await ids(org.sales1, 'opportunities')).toContain(opportunity.id);
  expect(await ids(org.sales2, 'opportunities')).not.toContain(opportunity.id);
  const docId = (await knex()('leads').where({ id: lead2.id }).first()).document_id;
  await app.strapi.documents('api::lead.lead').update({ documentId: docId, data: { owner: null } as any });
  await expectInSync();
  expect((await knex()('leads').where({ id: lead2.id }).first()).owner_key).toBeNull();

  // a member deleted: the links go by cascade, and the copies with them
  const temp = await app.staff('temp1', 'sales', { department: org.ids.store });
  await org.manager.post('/api/crm/leads/assign', { ids: [lead.id], owner: temp }).expect(200);
  expect(Number((await knex()('leads').where({ id: lead.id }).first()).owner_key)).toBe(temp);
  await app.strapi.db.query('plugin::users-permissions.user').delete({ where: { id: temp } });
  await expectInSync();
});

test('a database from before the copy gets it filled at the next boot', async () => {
  const pg = usesPostgres();
  for (const t of TABLES) {
    if (pg) await knex().raw(`DROP TRIGGER IF EXISTS "${t.link}_copy" ON "${t.link}"`);
    else for (const s of ['ins', 'upd', 'del']) await knex().raw(`DROP TRIGGER IF EXISTS "${t.link}_copy_${s}"`);
    await knex()(t.table).update({ owner_key: null });
  }
  expect((await drift()).out.leads).not.toEqual([]);
  const database = app.database;
  await app.stop({ keepDatabase: true });
  app = await bootApp({ database });
  await expectInSync();
  // and the triggers are back: a new assignment is copied
  const admin = await app.as('admin');
  const lead = (await admin.get(`/api/crm/leads?${listQuery({ range: [0, 0] })}`).expect(200)).body[0];
  await admin.post('/api/crm/leads/assign', { ids: [lead.id], owner: org.ids.sales2 }).expect(200);
  await expectInSync();
});
