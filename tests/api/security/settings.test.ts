// #9: settings are checked by meaning, not only by JSON type: a time zone must exist, times are
// HH:MM, counts are whole numbers within sane bounds. A refused value changes nothing, so the
// pool keeps working.
import { bootApp, listQuery, type TestApp } from '../../helpers/app';
import { newCustomer, salesOrg, type Org } from '../../helpers/org';

let app: TestApp;
let org: Org;

beforeAll(async () => {
  app = await bootApp();
  org = await salesOrg(app);
});
afterAll(() => app?.stop());

const rowOf = async (key: string) => (await org.admin.get(`/api/crm/settings?${listQuery({ filter: { key } })}`).expect(200)).body[0];
const put = async (key: string, value: unknown) => {
  const row = await rowOf(key);
  return org.admin.put(`/api/crm/settings/${row.id}`, { ...row, value: JSON.stringify(value) });
};

function expectRefused(res: any, key: string, code: string) {
  expect([key, code, res.status]).toEqual([key, code, 400]);
  expect(res.body.error.details).toMatchObject({ field: 'value', key, code });
  expect(res.body.error.message).toContain('value');
  expect(res.body.error.message).toContain(key);
}

describe('settings are validated by meaning', () => {
  it('refuses a time zone that does not exist, and claims keep working', async () => {
    expectRefused(await put('timezone', 'Mars/Olympus'), 'timezone', 'invalid_timezone');
    expectRefused(await put('timezone', ''), 'timezone', 'invalid_timezone');
    expect(JSON.parse((await rowOf('timezone')).value)).toBe('Asia/Shanghai');
    const c = await newCustomer(org.sales1);
    await org.sales1.post(`/api/crm/customers/${c.id}/release`).expect(200);
    const claimed = await org.sales2.post(`/api/crm/customers/${c.id}/claim`);
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ inPool: false, owner: org.ids.sales2 });
  });

  it('accepts a real time zone', async () => {
    expect((await put('timezone', 'Asia/Urumqi')).status).toBe(200);
    expect((await put('timezone', 'Asia/Shanghai')).status).toBe(200);
  });

  it('refuses pool numbers that are not positive whole numbers within bounds, naming the sub-key', async () => {
    expectRefused(await put('pool', { claimsPerDay: -1 }), 'pool.claimsPerDay', 'out_of_range');
    expectRefused(await put('pool', { claimsPerDay: 2.5 }), 'pool.claimsPerDay', 'not_an_integer');
    expectRefused(await put('pool', { maxCustomersPerOwner: 1e9 }), 'pool.maxCustomersPerOwner', 'out_of_range');
    expectRefused(await put('pool', { reclaimAfterDays: '30' }), 'pool.reclaimAfterDays', 'not_an_integer');
    expectRefused(await put('pool', { claimPerDay: 3 }), 'pool.claimPerDay', 'unknown_key');
    expect((await put('pool', { claimsPerDay: 50 })).status).toBe(200);
  });

  it('refuses day counts out of bounds and times that are not HH:MM', async () => {
    expectRefused(await put('poolReturnDays', 0), 'poolReturnDays', 'out_of_range');
    expectRefused(await put('returnVisitDays', 100000), 'returnVisitDays', 'out_of_range');
    expectRefused(await put('assignmentDeadlineDays', -2), 'assignmentDeadlineDays', 'out_of_range');
    expectRefused(await put('reminderTime', '25:00'), 'reminderTime', 'invalid_time');
    expectRefused(await put('reminderTime', '8:30'), 'reminderTime', 'invalid_time');
    expectRefused(await put('quietHours', { from: '21:00', to: 'morning' }), 'quietHours.to', 'invalid_time');
    expect((await put('quietHours', { from: '22:00' })).status).toBe(200);
    expect((await put('reminderTime', '09:15')).status).toBe(200);
  });
});
