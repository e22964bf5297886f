// `q` is exact (issue #16): on PostgreSQL a one-word `q` of 2–3 characters on leads, customers and
// opportunities is read from
// the search token table (crm/search-tokens.ts), longer words from the bigram index, on SQLite by
// LIKE; on both, the page and the total equal `$containsi` on each search column — computed here
// from the records themselves — for 2-, 3- and 4-character words and mixed-case ASCII, as admin
// and as a manager (subtree), after create, update, reassign, delete and import; on customers as
// a consultant too (own customers and the pool), through release and claim.
import { bootApp, listQuery, type TestApp } from '../helpers/app';
import { newCustomer, salesOrg, type Org } from '../helpers/org';

let app: TestApp;
let org: Org;
const SEARCH = ['subject', 'targetCustomer', 'targetContact', 'mobile', 'email'];
const WORDS = ['别墅', '学区房', '上海别墅', 'zh', 'ZHANG', 'Wei@ex', '138', '0013', '别', 'xx'];

beforeAll(async () => {
  app = await bootApp();
  org = await salesOrg(app);
}, 600000);
afterAll(() => app?.stop());

const lead = async (who: keyof Org, data: Record<string, unknown>) =>
  (await (org[who] as any).post('/api/crm/leads', data).expect(201)).body;

/** Every lead in list order (newest first), as the admin sees them. */
async function everyLead() {
  const res = await org.admin.get(`/api/crm/leads?${listQuery({ sort: ['createdAt', 'DESC'], range: [0, 999] })}`).expect(200);
  return res.body as Record<string, any>[];
}

/** The ids and total a `q` list answers, and the same from the records by `$containsi`'s rule. */
async function compare() {
  const all = await everyLead();
  const team = new Set([org.ids.manager, org.ids.sales1, org.ids.sales2]);
  const wrong: string[] = [];
  for (const [who, visible] of [['admin', () => true], ['manager', (r: any) => team.has(r.owner)]] as const) {
    for (const word of WORDS) {
      const w = word.toLowerCase();
      const want = all.filter((r) => visible(r) && SEARCH.some((f) => String(r[f] ?? '').toLowerCase().includes(w))).map((r) => r.id);
      for (const dir of ['DESC', 'ASC'] as const) {
        const res = await org[who].get(`/api/crm/leads?${listQuery({ filter: { q: word }, sort: ['createdAt', dir], range: [0, 999] })}`).expect(200);
        const ids = res.body.map((r: any) => r.id);
        const expected = dir === 'DESC' ? want : [...want].reverse();
        if (JSON.stringify(ids) !== JSON.stringify(expected)) wrong.push(`${who} ${word} ${dir}: ${ids} ≠ ${expected}`);
        if (Number(res.headers['content-range'].split('/')[1]) !== want.length) wrong.push(`${who} ${word} ${dir}: total ${res.headers['content-range']} ≠ ${want.length}`);
      }
      // a later page of one, with its total
      const second = await org[who].get(`/api/crm/leads?${listQuery({ filter: { q: word }, sort: ['createdAt', 'DESC'], range: [1, 1] })}`).expect(200);
      if (JSON.stringify(second.body.map((r: any) => r.id)) !== JSON.stringify(want.slice(1, 2))) wrong.push(`${who} ${word} page 2`);
      if (Number(second.headers['content-range'].split('/')[1]) !== want.length) wrong.push(`${who} ${word} page 2 total`);
    }
  }
  expect(wrong).toEqual([]);
  return all;
}

describe('q on leads', () => {
  it('equals $containsi on each search column through create, update, reassign, delete and import', async () => {
    await lead('sales1', { subject: '上海别墅咨询', targetCustomer: '张伟', email: 'Zhang.Wei@Example.CN', mobile: '13800138000' });
    await lead('sales2', { subject: '学区房看房', targetContact: '李别墅', mobile: '13900139000' });
    const theirs = await lead('admin', { subject: '北京别墅来电', targetCustomer: '赵学区房', email: 'zh@EXAMPLE.cn' });
    const moved = await lead('admin', { subject: '上海别墅学区房', mobile: '13700137000' });
    const gone = await lead('manager', { subject: '别墅 学区房', email: 'ZHANG@example.cn' });
    await compare();

    // update: the word leaves one record and reaches another
    const edited = await org.admin.put(`/api/crm/leads/${theirs.id}`, { ...theirs, subject: '北京公寓来电', targetContact: '上海别墅业主' });
    expect(edited.status).toBe(200);
    await compare();

    // reassign: the manager now sees a lead of the admin's
    await org.admin.post('/api/crm/leads/assign', { ids: [moved.id], owner: org.ids.sales2 }).expect(200);
    const all = await compare();
    expect(all.find((r) => r.id === moved.id)!.owner).toBe(org.ids.sales2);

    // delete
    await org.admin.del(`/api/crm/leads/${gone.id}`).expect(200);
    await compare();

    // import (bulk write)
    const file = ['主题,认知途径,跟进级别,手机', '杭州别墅导入,网络,A,13600136001', '学区房导入二,网络,A,13600136002'].join('\n');
    const res = await org.sales1.post('/api/crm/leads/import?dryRun=false', { file });
    if (![200, 201].includes(res.status)) throw new Error(`import: ${res.status} ${JSON.stringify(res.body)}`);
    const after = await compare();
    expect(after.filter((r) => /导入/.test(r.subject))).toHaveLength(2);
  }, 300000);

  it('a list that is more than one word or has other filters still answers exactly', async () => {
    const all = await everyLead();
    const res = await org.admin.get(`/api/crm/leads?${listQuery({ filter: { q: '别墅 上海' }, sort: ['createdAt', 'DESC'], range: [0, 999] })}`).expect(200);
    const want = all.filter((r) => ['别墅', '上海'].every((w) => SEARCH.some((f) => String(r[f] ?? '').toLowerCase().includes(w)))).map((r) => r.id);
    expect(res.body.map((r: any) => r.id)).toEqual(want);
    const sorted = await org.admin.get(`/api/crm/leads?${listQuery({ filter: { q: '别墅' }, sort: ['subject', 'ASC'], range: [0, 999] })}`).expect(200);
    expect(sorted.body.map((r: any) => r.id).sort()).toEqual(all.filter((r) => SEARCH.some((f) => String(r[f] ?? '').includes('别墅'))).map((r) => r.id).sort());
  });
});

describe('q on customers', () => {
  const FIELDS = ['name', 'mobile', 'email', 'wechat', 'company'];
  const words = ['万科', '王子轩', '139', 'Vk'];
  /** Each viewer's `q` list equals `$containsi` over the records it sees in the admin's list. */
  async function compareCustomers() {
    const all = (await org.admin.get(`/api/crm/customers?${listQuery({ sort: ['createdAt', 'DESC'], range: [0, 999] })}`).expect(200)).body as any[];
    const team = new Set([org.ids.manager, org.ids.sales1, org.ids.sales2]);
    const viewers = [['admin', () => true], ['manager', (r: any) => r.inPool || team.has(r.owner)], ['sales1', (r: any) => r.inPool || r.owner === org.ids.sales1]] as const;
    const wrong: string[] = [];
    for (const [who, visible] of viewers) {
      for (const word of words) {
        const want = all.filter((r) => visible(r) && FIELDS.some((f) => String(r[f] ?? '').toLowerCase().includes(word.toLowerCase()))).map((r) => r.id);
        const res = await org[who].get(`/api/crm/customers?${listQuery({ filter: { q: word }, sort: ['createdAt', 'DESC'], range: [0, 999] })}`).expect(200);
        if (JSON.stringify(res.body.map((r: any) => r.id)) !== JSON.stringify(want)) wrong.push(`${who} ${word}: ${res.body.map((r: any) => r.id)} ≠ ${want}`);
        if (Number(res.headers['content-range'].split('/')[1]) !== want.length) wrong.push(`${who} ${word}: total ${res.headers['content-range']} ≠ ${want.length}`);
      }
    }
    expect(wrong).toEqual([]);
    return all;
  }

  it('equals $containsi for admin, manager and consultant through create, update, release and claim', async () => {
    const mine = await newCustomer(org.sales1, { name: '王子轩', company: '万科物业' });
    const theirs = await newCustomer(org.sales2, { name: '李万科', email: 'li@VK.cn' });
    await newCustomer(org.sales2, { name: '周先生', wechat: 'vk_zhou' });
    await compareCustomers();
    expect((await org.sales1.get(`/api/crm/customers?${listQuery({ filter: { q: '万科' } })}`).expect(200)).body.map((r: any) => r.id)).toEqual([mine.id]);

    // released to the pool: now every consultant finds it
    await org.sales2.post(`/api/crm/customers/${theirs.id}/release`).expect(200);
    await compareCustomers();
    expect((await org.sales1.get(`/api/crm/customers?${listQuery({ filter: { q: '万科' } })}`).expect(200)).body.map((r: any) => r.id).sort()).toEqual([mine.id, theirs.id].sort());

    // claimed by sales1, then renamed: the word leaves it
    await org.sales1.post(`/api/crm/customers/${theirs.id}/claim`).expect(200);
    const claimed = (await org.sales1.get(`/api/crm/customers/${theirs.id}`).expect(200)).body;
    await org.sales1.put(`/api/crm/customers/${theirs.id}`, { ...claimed, name: '李先生' }).expect(200);
    const all = await compareCustomers();
    expect(all.find((r) => r.id === theirs.id)).toMatchObject({ owner: org.ids.sales1, inPool: false, name: '李先生' });
  }, 300000);
});
