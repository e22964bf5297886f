// Questionnaires: marketing defines (sales cannot), draft → published ⇄ archived; every answer is
// checked against the revision it answers; editing an answered questionnaire makes a new revision
// and old responses keep theirs; closed or lost opportunities take none; results counted in the
// database through the caller's scope; the CSV export; the public form (public-form block below).
import { bootApp, listQuery, type Client, type TestApp } from '../helpers/app';
import { newOpportunity, salesOrg, type Org } from '../helpers/org';

let app: TestApp;
let org: Org;
let mkt: Client;

const QUESTIONS = [
  { key: 'budget', label: '购房预算', type: 'single', options: ['200万以下', '200-400万', '400万以上'], required: true },
  { key: 'focus', label: '关注点', type: 'multiple', options: ['学区', '交通', '户型', '价格'] },
  { key: 'note', label: '其他想法', type: 'text' },
  { key: 'area', label: '面积（㎡）', type: 'number', min: 30, max: 500 },
  { key: 'score', label: '看房体验', type: 'rating', required: true },
  { key: 'movein', label: '预计入住', type: 'date' },
];

beforeAll(async () => {
  app = await bootApp();
  org = await salesOrg(app);
  await app.staff('mkt', 'marketing');
  mkt = await app.as('mkt');
});
afterAll(() => app?.stop());

const define = async (extra: Record<string, unknown> = {}) =>
  (await mkt.post('/api/crm/questionnaires', { title: '到访客户调查', description: '请花一分钟', questions: QUESTIONS, ...extra }).expect(201)).body;
const published = async (extra: Record<string, unknown> = {}) => {
  const q = await define(extra);
  return (await mkt.post(`/api/crm/questionnaires/${q.id}/publish`).expect(200)).body;
};
const answer = (who: Client, body: Record<string, unknown>) => who.post('/api/crm/questionnaire-responses', body);
const GOOD = { budget: '200-400万', focus: ['学区', '交通'], note: '想要南向', area: 120, score: 4, movein: '2027-06-01' };
const fieldOf = (res: any) => [res.status, res.body.error?.details?.field, res.body.error?.details?.code];

describe('defining', () => {
  it('marketing defines and publishes; sales, reception and service may not', async () => {
    const q = await define();
    expect(q).toMatchObject({ status: 'draft', revision: 1, public: false, actions: ['publish'] });
    expect(q.questions.map((x: any) => x.key)).toEqual(QUESTIONS.map((x) => x.key));
    expect(q.questions[4]).toEqual({ key: 'score', label: '看房体验', type: 'rating', required: true, min: 1, max: 5 });
    for (const who of [org.sales1, org.manager]) {
      expect((await who.post('/api/crm/questionnaires', { title: 'x', questions: QUESTIONS })).status).toBe(403);
      expect((await who.put(`/api/crm/questionnaires/${q.id}`, { ...q, title: '改' })).status).toBe(403);
      expect((await who.post(`/api/crm/questionnaires/${q.id}/publish`)).status).toBe(403);
    }
    const p = await mkt.post(`/api/crm/questionnaires/${q.id}/publish`).expect(200);
    expect(p.body).toMatchObject({ status: 'published', actions: ['archive'] });
    expect((await org.sales1.get(`/api/crm/questionnaires/${q.id}`).expect(200)).body.status).toBe('published');
  });

  it('refuses malformed questions, naming the question', async () => {
    const bad = async (questions: unknown) => fieldOf(await mkt.post('/api/crm/questionnaires', { title: '坏问卷', questions }));
    expect(await bad([{ key: 'Budget', label: 'x', type: 'text' }])).toEqual([400, 'questions.0.key', 'invalid_key']);
    expect(await bad([{ key: 'a', label: 'x', type: 'text' }, { key: 'a', label: 'y', type: 'text' }])).toEqual([400, 'questions.1.key', 'duplicate_key']);
    expect(await bad([{ key: 'a', label: 'x', type: 'slider' }])).toEqual([400, 'questions.0.type', 'invalid_type']);
    expect(await bad([{ key: 'a', label: 'x', type: 'single', options: ['只有一个'] }])).toEqual([400, 'questions.0.options', 'invalid_options']);
    expect(await bad([{ key: 'a', label: ' ', type: 'text' }])).toEqual([400, 'questions.0.label', 'required']);
    expect(await bad([{ key: 'a', label: 'x', type: 'number', min: 10, max: 5 }])).toEqual([400, 'questions.0.max', 'invalid_range']);
    expect(await bad('not a list')).toEqual([400, 'questions', 'invalid_type']);
    const empty = (await mkt.post('/api/crm/questionnaires', { title: '空问卷', questions: [] }).expect(201)).body;
    expect(fieldOf(await mkt.post(`/api/crm/questionnaires/${empty.id}/publish`))).toEqual([409, 'questions', 'no_questions']);
  });
});

describe('answering', () => {
  it('takes valid answers on an own opportunity, normalized, at the current revision', async () => {
    const q = await published();
    const o = await newOpportunity(org.sales1);
    const res = await answer(org.sales1, { questionnaire: q.id, opportunity: o.id, answers: { ...GOOD, area: '120', focus: ['学区', '学区', '交通'] } }).expect(201);
    expect(res.body).toMatchObject({ questionnaire: q.id, opportunity: o.id, revision: 1, channel: 'staff', creator: org.ids.sales1 });
    expect(res.body.answers).toEqual({ ...GOOD, area: 120 });
  });

  it('refuses every bad answer with the question named, writing nothing', async () => {
    const q = await published();
    const o = await newOpportunity(org.sales1);
    const bad = async (answers: Record<string, unknown>) => fieldOf(await answer(org.sales1, { questionnaire: q.id, opportunity: o.id, answers }));
    expect(await bad({ score: 3 })).toEqual([400, 'answers.budget', 'required']);
    expect(await bad({ ...GOOD, budget: '1000万' })).toEqual([400, 'answers.budget', 'not_an_option']);
    expect(await bad({ ...GOOD, budget: ['200万以下'] })).toEqual([400, 'answers.budget', 'not_an_option']);
    expect(await bad({ ...GOOD, focus: '学区' })).toEqual([400, 'answers.focus', 'invalid_type']);
    expect(await bad({ ...GOOD, focus: ['学区', '风水'] })).toEqual([400, 'answers.focus', 'not_an_option']);
    expect(await bad({ ...GOOD, note: { x: 1 } })).toEqual([400, 'answers.note', 'invalid_type']);
    expect(await bad({ ...GOOD, area: 'big' })).toEqual([400, 'answers.area', 'invalid_type']);
    expect(await bad({ ...GOOD, area: 10 })).toEqual([400, 'answers.area', 'out_of_range']);
    expect(await bad({ ...GOOD, area: 501 })).toEqual([400, 'answers.area', 'out_of_range']);
    expect(await bad({ ...GOOD, score: 6 })).toEqual([400, 'answers.score', 'out_of_range']);
    expect(await bad({ ...GOOD, score: 3.5 })).toEqual([400, 'answers.score', 'invalid_type']);
    expect(await bad({ ...GOOD, score: null })).toEqual([400, 'answers.score', 'required']);
    expect(await bad({ ...GOOD, movein: '2027/06/01' })).toEqual([400, 'answers.movein', 'invalid_type']);
    expect(await bad({ ...GOOD, color: '红' })).toEqual([400, 'answers.color', 'unknown_question']);
    expect(fieldOf(await answer(org.sales1, { questionnaire: q.id, opportunity: o.id, answers: 'yes' }))).toEqual([400, 'answers', 'invalid_type']);
    expect(fieldOf(await answer(org.sales1, { questionnaire: q.id, answers: GOOD }))).toEqual([400, 'opportunity', 'required']);
    const mine = await org.sales1.get(`/api/crm/questionnaire-responses?${listQuery({ filter: { questionnaire: q.id } })}`).expect(200);
    expect(mine.body).toEqual([]);
  });

  it('refuses drafts, archived questionnaires, colleagues\' opportunities and closed or lost ones', async () => {
    const draft = await define();
    const o = await newOpportunity(org.sales1);
    expect(fieldOf(await answer(org.sales1, { questionnaire: draft.id, opportunity: o.id, answers: GOOD }))).toEqual([409, 'questionnaire', 'questionnaire_not_published']);
    const q = await published();
    const theirs = await newOpportunity(org.sales2);
    expect(fieldOf(await answer(org.sales1, { questionnaire: q.id, opportunity: theirs.id, answers: GOOD }))).toEqual([400, 'opportunity', 'link_not_visible']);
    const won = await newOpportunity(org.sales1);
    await org.sales1.post(`/api/crm/opportunities/${won.id}/win`, {}).expect(200);
    await org.sales1.post(`/api/crm/opportunities/${won.id}/close`, {}).expect(200);
    const frozen = await answer(org.sales1, { questionnaire: q.id, opportunity: won.id, answers: GOOD });
    expect(fieldOf(frozen)).toEqual([409, 'opportunity', 'opportunity_frozen']);
    await mkt.post(`/api/crm/questionnaires/${q.id}/archive`).expect(200);
    expect(fieldOf(await answer(org.sales1, { questionnaire: q.id, opportunity: o.id, answers: GOOD }))).toEqual([409, 'questionnaire', 'questionnaire_not_published']);
    expect(fieldOf(await mkt.put(`/api/crm/questionnaires/${q.id}`, { ...(await mkt.get(`/api/crm/questionnaires/${q.id}`)).body, questions: QUESTIONS.slice(0, 2) })))
      .toEqual([409, 'questions', 'questionnaire_archived']);
  });

  it('keeps a response as given: no edits, no deletes', async () => {
    const q = await published();
    const o = await newOpportunity(org.sales1);
    const r = (await answer(org.sales1, { questionnaire: q.id, opportunity: o.id, answers: GOOD }).expect(201)).body;
    expect((await org.sales1.put(`/api/crm/questionnaire-responses/${r.id}`, { ...r, answers: { ...GOOD, score: 1 } })).status).toBe(403);
    expect((await org.admin.del(`/api/crm/questionnaire-responses/${r.id}`)).status).toBe(403);
  });
});

describe('revisions', () => {
  it('edits an unanswered questionnaire in place; an answered one moves to a new revision, old responses keep theirs', async () => {
    const q = await published();
    const edited = await mkt.put(`/api/crm/questionnaires/${q.id}`, { ...q, questions: [...QUESTIONS, { key: 'extra', label: '补充', type: 'text' }] }).expect(200);
    expect(edited.body.revision).toBe(1);
    const o = await newOpportunity(org.sales1);
    const old = (await answer(org.sales1, { questionnaire: q.id, opportunity: o.id, answers: { ...GOOD, extra: '旧版' } }).expect(201)).body;
    // the new revision drops `budget` and `extra`, adds `channel`
    const next = [{ key: 'heard', label: '从哪里得知', type: 'single', options: ['朋友', '广告'], required: true }, ...QUESTIONS.slice(1, 6)];
    const v2 = await mkt.put(`/api/crm/questionnaires/${q.id}`, { ...edited.body, questions: next }).expect(200);
    expect(v2.body).toMatchObject({ revision: 2 });
    expect(v2.body.history).toEqual([{ revision: 1, questions: edited.body.questions }]);
    // the old response is intact and still answers revision 1
    expect((await org.sales1.get(`/api/crm/questionnaire-responses/${old.id}`).expect(200)).body).toMatchObject({ revision: 1, answers: { ...GOOD, extra: '旧版' } });
    // answers valid only in revision 1 are refused now, and so is a client still at revision 1
    expect(fieldOf(await answer(org.sales1, { questionnaire: q.id, opportunity: o.id, answers: { ...GOOD } }))).toEqual([400, 'answers.budget', 'unknown_question']);
    expect(fieldOf(await answer(org.sales1, { questionnaire: q.id, opportunity: o.id, revision: 1, answers: { heard: '朋友', score: 3 } }))).toEqual([409, 'revision', 'stale_revision']);
    const fresh = await answer(org.sales1, { questionnaire: q.id, opportunity: o.id, answers: { heard: '朋友', score: 3 } }).expect(201);
    expect(fresh.body.revision).toBe(2);
    // a description change is no new revision
    const desc = await mkt.put(`/api/crm/questionnaires/${q.id}`, { ...v2.body, description: '新说明' }).expect(200);
    expect(desc.body.revision).toBe(2);
  });
});

describe('results and export', () => {
  it('counts each answer in the database, per revision, within the caller\'s scope; marketing sees counts, not answers', async () => {
    const q = await published({ title: '统计问卷' });
    const fill = async (who: Client, answers: Record<string, unknown>) => {
      const o = await newOpportunity(who);
      await answer(who, { questionnaire: q.id, opportunity: o.id, answers }).expect(201);
    };
    await fill(org.sales1, { budget: '200万以下', focus: ['学区', '交通'], score: 5, area: 90 });
    await fill(org.sales1, { budget: '200万以下', focus: ['学区'], score: 4, area: 90 });
    await fill(org.sales2, { budget: '400万以上', focus: ['价格'], score: 4, note: '=HYPERLINK("x")' });
    const of = (body: any, key: string) => body.questions.find((x: any) => x.key === key);
    const all = (await mkt.get(`/api/crm/questionnaire-results/${q.id}`).expect(200)).body;
    expect(all).toMatchObject({ questionnaire: q.id, revision: 1, total: 3 });
    expect(of(all, 'budget')).toMatchObject({ answered: 3, counts: [{ value: '200万以下', count: 2 }, { value: '200-400万', count: 0 }, { value: '400万以上', count: 1 }] });
    expect(of(all, 'focus')).toMatchObject({ answered: 3, counts: [{ value: '学区', count: 2 }, { value: '交通', count: 1 }, { value: '户型', count: 0 }, { value: '价格', count: 1 }] });
    expect(of(all, 'score').counts).toEqual([{ value: '4', count: 2 }, { value: '5', count: 1 }]);
    expect(of(all, 'area').counts).toEqual([{ value: '90', count: 2 }]);
    expect(of(all, 'note')).toMatchObject({ answered: 1, counts: [] });
    // a consultant counts their own responses only
    const mine = (await org.sales1.get(`/api/crm/questionnaire-results/${q.id}`).expect(200)).body;
    expect([mine.total, of(mine, 'budget').counts[2].count]).toEqual([2, 0]);
    // marketing reads no single response and exports nothing
    expect((await mkt.get('/api/crm/questionnaire-responses')).status).toBe(403);
    expect((await mkt.get(`/api/crm/questionnaire-export/${q.id}`)).status).toBe(403);
    expect(fieldOf(await mkt.get(`/api/crm/questionnaire-results/${q.id}?revision=7`))).toEqual([400, 'revision', 'unknown_revision']);
    // the export follows the scope too, and disarms formulas
    const csv = await org.manager.get(`/api/crm/questionnaire-export/${q.id}`).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('"编号","提交时间","商机","线索","渠道","购房预算","关注点","其他想法","面积（㎡）","看房体验","预计入住"');
    expect(lines).toHaveLength(4);
    expect(csv.text).toContain('"\'=HYPERLINK(""x"")"');
    const own = await org.sales1.get(`/api/crm/questionnaire-export/${q.id}`).expect(200);
    expect(own.text.trim().split('\r\n')).toHaveLength(3);
  });
  it('narrows results and the export by channel (员工填写 / 公开表单) and by submission time', async () => {
    const q = await published({ title: '渠道问卷', questions: QUESTIONS.slice(0, 1) });
    const on = (await mkt.put(`/api/crm/questionnaires/${q.id}`, { ...q, public: true }).expect(200)).body;
    await app.http().post(`/api/public/forms/${on.publicToken}`).send({ name: '孙', mobile: '13500005555', answers: { budget: '400万以上' } }).expect(200);
    const o = await newOpportunity(org.sales1);
    await answer(org.sales1, { questionnaire: q.id, opportunity: o.id, answers: { budget: '200万以下' } }).expect(201);
    const counts = async (who: Client, query: string) => {
      const body = (await who.get(`/api/crm/questionnaire-results/${q.id}?${query}`).expect(200)).body;
      return [body.total, ...body.questions[0].counts.map((c: any) => c.count)];
    };
    expect(await counts(mkt, '')).toEqual([2, 1, 0, 1]);
    expect(await counts(mkt, 'channel=public')).toEqual([1, 0, 0, 1]);
    expect(await counts(mkt, 'channel=staff')).toEqual([1, 1, 0, 0]);
    const soon = new Date(Date.now() + 60_000).toISOString();
    const past = new Date(Date.now() - 3600_000).toISOString();
    expect(await counts(mkt, `from=${encodeURIComponent(soon)}`)).toEqual([0, 0, 0, 0]);
    expect(await counts(mkt, `from=${encodeURIComponent(past)}&to=${encodeURIComponent(soon)}&channel=staff`)).toEqual([1, 1, 0, 0]);
    expect(fieldOf(await mkt.get(`/api/crm/questionnaire-results/${q.id}?channel=wechat`))).toEqual([400, 'channel', 'not_an_option']);
    expect(fieldOf(await mkt.get(`/api/crm/questionnaire-results/${q.id}?from=yesterday`))).toEqual([400, 'from', 'invalid_datetime']);
    // the export takes the same narrowing (the admin sees both responses)
    const csv = async (query: string) => (await org.admin.get(`/api/crm/questionnaire-export/${q.id}?${query}`).expect(200)).text.trim().split('\r\n');
    expect(await csv('')).toHaveLength(3);
    const pub = await csv('channel=public');
    expect(pub).toHaveLength(2);
    expect(pub[1]).toContain('"公开表单","400万以上"');
    expect(await csv(`from=${encodeURIComponent(soon)}`)).toHaveLength(1);
  });
});

describe('public form', () => {
  let q: any;
  const anon = () => app.http();
  beforeAll(async () => {
    await org.admin.post('/api/crm/sources', { name: '展会扫码', order: 50 }).expect(201);
    q = await published({ title: '车展客户登记', source: '展会扫码', questions: QUESTIONS.slice(0, 2) });
  });

  it('needs a published questionnaire, and only who defines questionnaires reads its token', async () => {
    const draft = await define();
    expect(fieldOf(await mkt.put(`/api/crm/questionnaires/${draft.id}`, { ...draft, public: true }))).toEqual([409, 'public', 'not_published']);
    const on = await mkt.put(`/api/crm/questionnaires/${q.id}`, { ...q, public: true }).expect(200);
    expect(on.body.publicToken).toMatch(/^[A-Za-z0-9_-]{24}$/);
    q = on.body;
    expect((await org.sales1.get(`/api/crm/questionnaires/${q.id}`).expect(200)).body.publicToken).toBeUndefined();
    const list = (await org.sales1.get(`/api/crm/questionnaires?${listQuery({ range: [0, 99] })}`).expect(200)).body;
    expect(JSON.stringify(list)).not.toContain(q.publicToken);
  });

  it('shows the form without login: questions only, no ids, no staff, no token', async () => {
    const res = await anon().get(`/api/public/forms/${q.publicToken}`).expect(200);
    expect(res.body).toEqual({
      title: '车展客户登记', description: '请花一分钟',
      questions: [
        { key: 'budget', label: '购房预算', type: 'single', required: true, options: ['200万以下', '200-400万', '400万以上'] },
        { key: 'focus', label: '关注点', type: 'multiple', required: false, options: ['学区', '交通', '户型', '价格'] },
      ],
    });
    expect((await anon().get('/api/public/forms/nope-nope-nope-nope-nope')).status).toBe(404);
    const draft = await define();
    expect((await anon().get(`/api/public/forms/${draft.id}`)).status).toBe(404);
    const page = await anon().get(`/api/public/forms/${q.publicToken}/page`).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('lang="zh-CN"');
    expect(page.text).not.toContain(q.publicToken);
    const qr = await anon().get(`/api/public/forms/${q.publicToken}/qr.svg`).expect(200);
    expect(qr.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect(String(qr.body ?? qr.text)).toContain('<svg');
  });

  it('creates one unassigned lead with the source and its response; refuses bad input naming the field; leaks nothing', async () => {
    const post = (body: Record<string, unknown>) => anon().post(`/api/public/forms/${q.publicToken}`).send(body);
    expect(fieldOf(await post({ mobile: '13912345678', answers: { budget: '200万以下' } }))).toEqual([400, 'name', 'required']);
    expect(fieldOf(await post({ name: '李女士', mobile: '12345', answers: { budget: '200万以下' } }))).toEqual([400, 'mobile', 'invalid_mobile']);
    expect(fieldOf(await post({ name: '李女士', mobile: '13912345678', answers: {} }))).toEqual([400, 'answers.budget', 'required']);
    expect(fieldOf(await post({ name: '李女士', mobile: '13912345678', answers: { budget: '免费' } }))).toEqual([400, 'answers.budget', 'not_an_option']);
    const leadsBefore = (await org.admin.get(`/api/crm/leads?${listQuery({ filter: { mobile: '13912345678' } })}`).expect(200)).body;
    expect(leadsBefore).toEqual([]);
    const ok = await post({ name: '李女士', mobile: '139 1234 5678', answers: { budget: '200万以下', focus: ['学区'] } }).expect(200);
    expect(ok.body).toEqual({ ok: true, message: '提交成功，感谢您的参与！' });
    const leads = (await org.admin.get(`/api/crm/leads?${listQuery({ filter: { mobile: '13912345678' } })}`).expect(200)).body;
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ source: '展会扫码', owner: null, targetContact: '李女士', status: 'active', subject: '问卷：车展客户登记' });
    const responses = (await org.admin.get(`/api/crm/questionnaire-responses?${listQuery({ filter: { lead: leads[0].id } })}`).expect(200)).body;
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ channel: 'public', creator: null, revision: 1, answers: { budget: '200万以下', focus: ['学区'] } });
    // again with the same mobile: the response joins the known lead, no second lead
    await post({ name: '李女士', mobile: '13912345678', answers: { budget: '400万以上' } }).expect(200);
    expect((await org.admin.get(`/api/crm/leads?${listQuery({ filter: { mobile: '13912345678' } })}`).expect(200)).body).toHaveLength(1);
    expect((await org.admin.get(`/api/crm/questionnaire-responses?${listQuery({ filter: { lead: leads[0].id } })}`).expect(200)).body).toHaveLength(2);
    // a known customer's mobile: attached to the customer, no lead
    const c = (await org.sales1.post('/api/crm/customers', { name: '老客户张', mobile: '13700001111' }).expect(201)).body;
    await post({ name: '张', mobile: '13700001111', answers: { budget: '200-400万' } }).expect(200);
    expect((await org.admin.get(`/api/crm/leads?${listQuery({ filter: { mobile: '13700001111' } })}`).expect(200)).body).toEqual([]);
    expect((await org.admin.get(`/api/crm/questionnaire-responses?${listQuery({ filter: { customer: c.id } })}`).expect(200)).body).toHaveLength(1);
    // nothing staff-side in any public answer
    const answersSeen = [ok.text, (await anon().get(`/api/public/forms/${q.publicToken}`)).text].join();
    for (const secret of ['sales1', 'mkt', 'admin']) expect(answersSeen).not.toContain(secret);
    // ids as whole numbers (a short id is also a digit of "200万")
    for (const id of [leads[0].id, q.id]) expect(answersSeen).not.toMatch(new RegExp(`(^|\\D)${id}(\\D|$)`));
  });

  it('stops taking answers once switched off or archived', async () => {
    const other = await published({ title: '临时问卷', questions: QUESTIONS.slice(0, 1) });
    const on = (await mkt.put(`/api/crm/questionnaires/${other.id}`, { ...other, public: true }).expect(200)).body;
    const token = on.publicToken;
    const off = (await mkt.put(`/api/crm/questionnaires/${other.id}`, { ...on, public: false }).expect(200)).body;
    expect(off.publicToken).toBeNull();
    expect((await anon().get(`/api/public/forms/${token}`)).status).toBe(404);
    const again = (await mkt.put(`/api/crm/questionnaires/${other.id}`, { ...off, public: true }).expect(200)).body;
    expect(again.publicToken).not.toBe(token);
    await mkt.post(`/api/crm/questionnaires/${other.id}/archive`).expect(200);
    expect((await anon().post(`/api/public/forms/${again.publicToken}`).send({ name: '王', mobile: '13800002222', answers: { budget: '200万以下' } })).status).toBe(404);
  });
});

describe('public form under load', () => {
  let token: string;
  beforeAll(async () => {
    const q = await published({ title: '并发问卷', questions: QUESTIONS.slice(0, 1) });
    token = (await mkt.put(`/api/crm/questionnaires/${q.id}`, { ...q, public: true }).expect(200)).body.publicToken;
  });
  afterEach(() => { delete process.env.CRM_PUBLIC_FORM_PER_10MIN; });

  it('makes one lead of one new mobile sent several times at once', async () => {
    const send = () => app.http().post(`/api/public/forms/${token}`).send({ name: '赵', mobile: '13600003333', answers: { budget: '200万以下' } });
    const all = await Promise.all([send(), send(), send()]);
    expect(all.map((r) => r.status)).toEqual([200, 200, 200]);
    const leads = (await org.admin.get(`/api/crm/leads?${listQuery({ filter: { mobile: '13600003333' } })}`).expect(200)).body;
    expect(leads).toHaveLength(1);
    expect((await org.admin.get(`/api/crm/questionnaire-responses?${listQuery({ filter: { lead: leads[0].id } })}`).expect(200)).body).toHaveLength(3);
  });

  it('throttles an address past the limit (429 with Retry-After), writing nothing', async () => {
    process.env.CRM_PUBLIC_FORM_PER_10MIN = '30';
    const statuses: number[] = [];
    for (let i = 0; i < 31 && !statuses.includes(429); i++) {
      statuses.push((await app.http().post(`/api/public/forms/${token}`).send({ name: '', mobile: 'x', answers: {} })).status);
    }
    expect(statuses[statuses.length - 1]).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 400)).toBe(true);
    const refused = await app.http().post(`/api/public/forms/${token}`).send({ name: '钱', mobile: '13600004444', answers: { budget: '200万以下' } });
    expect([refused.status, refused.body.error.details.code]).toEqual([429, 'form_throttled']);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await org.admin.get(`/api/crm/leads?${listQuery({ filter: { mobile: '13600004444' } })}`).expect(200)).body).toEqual([]);
  });
});
