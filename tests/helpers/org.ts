// A small sales org for pipeline tests: one store with a manager and two consultants.
import type { Client, TestApp } from './app';

export interface Org {
  admin: Client;
  manager: Client;
  sales1: Client;
  sales2: Client;
  ids: Record<'admin' | 'manager' | 'sales1' | 'sales2' | 'store', number>;
}

export async function salesOrg(app: TestApp): Promise<Org> {
  const adminId = await app.staff('admin', 'admin');
  const admin = await app.as('admin');
  const store = (await admin.post('/api/crm/departments', { name: '滨江店' }).expect(201)).body.id;
  const ids = {
    admin: adminId,
    store,
    manager: await app.staff('manager', 'sales-manager', { department: store }),
    sales1: await app.staff('sales1', 'sales', { department: store }),
    sales2: await app.staff('sales2', 'sales', { department: store }),
  };
  const [manager, sales1, sales2] = await Promise.all([app.as('manager'), app.as('sales1'), app.as('sales2')]);
  return { admin, manager, sales1, sales2, ids };
}

/** A customer owned by `client`, with a unique mobile. */
let seq = 0;
export async function newCustomer(client: Client, extra: Record<string, unknown> = {}) {
  seq += 1;
  const mobile = `139${String(Date.now() % 1e6).padStart(6, '0')}${String(seq).padStart(2, '0')}`;
  const res = await client.post('/api/crm/customers', { name: `客户${seq}`, mobile, level: 'A', ...extra });
  if (res.status !== 201) throw new Error(`customer: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function newOpportunity(client: Client, extra: Record<string, unknown> = {}) {
  const customer = await newCustomer(client);
  const res = await client.post('/api/crm/opportunities', { name: `${customer.name}对滨江壹号有意向`, customer: customer.id, product: '滨江壹号', ...extra });
  if (res.status !== 201) throw new Error(`opportunity: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
