// Low-code configuration changed by an admin at run time: configuration in use merged rather than
// deleted, every configuration change audited, a custom field with values deleted only on an
// explicit confirmation (its values exported first), the role editor's catalogue of actions.
import fs from 'fs';
import path from 'path';
import { bootApp, listQuery, type Client, type TestApp } from '../helpers/app';
import { newOpportunity } from '../helpers/org';

let app: TestApp;
let admin: Client, sales1: Client;

beforeAll(async () => {
  app = await bootApp();
  await app.staff('admin', 'admin');
  await app.staff('sales1', 'sales');
  [admin, sales1] = await Promise.all([app.as('admin'), app.as('sales1')]);
});
afterAll(() => app?.stop());

const audit = async (resource: string, recordId: number) =>
  (await admin.get(`/api/crm/audit-events?${listQuery({ filter: { resource, recordId }, sort: ['id', 'ASC'], range: [0, 99] })}`).expect(200)).body;

describe('configuration in use: merge, not delete', () => {
  it('moves every record naming a source to another one, archives it, and audits the moves', async () => {
    const old = (await admin.post('/api/crm/sources', { name: '老渠道', order: 90 }).expect(201)).body;
    const keep = (await admin.post('/api/crm/sources', { name: '新渠道', order: 91 }).expect(201)).body;
    const leads = await Promise.all([1, 2, 3].map((i) => sales1.post('/api/crm/leads', { subject: `渠道线索${i}`, source: '老渠道' }).expect(201)));
    const del = await admin.del(`/api/crm/sources/${old.id}`);
    expect(del.status).toBe(409);
    expect(del.body.error.details).toMatchObject({ code: 'in_use', count: 3 });

    expect((await sales1.post(`/api/crm/sources/${old.id}/merge`, { into: keep.id })).status).toBe(403);
    expect((await admin.post(`/api/crm/sources/${old.id}/merge`, { into: old.id })).body.error.details).toMatchObject({ field: 'into', code: 'merge_into_self' });
    expect((await admin.post(`/api/crm/sources/${old.id}/merge`, { into: 999999 })).body.error.details).toMatchObject({ field: 'into', code: 'not_found' });
    expect((await admin.post(`/api/crm/sources/${old.id}/merge`, {})).body.error.details).toMatchObject({ field: 'into', code: 'invalid_id' });

    const res = await admin.post(`/api/crm/sources/${old.id}/merge`, { into: keep.id }).expect(200);
    expect(res.body).toMatchObject({ moved: 3, from: { id: old.id, active: false }, into: { id: keep.id, active: true } });
    for (const l of leads) expect((await sales1.get(`/api/crm/leads/${l.body.id}`)).body.source).toBe('新渠道');
    const moves = (await audit('leads', leads[0].body.id)).filter((e: any) => e.field === 'source');
    expect(moves).toMatchObject([{ intent: 'merge', from: '老渠道', to: '新渠道' }]);
    // archived: no longer offered to new records, and no record left naming it
    expect((await sales1.post('/api/crm/leads', { subject: 'x', source: '老渠道' })).body.error.details).toMatchObject({ field: 'source', code: 'not_in_list' });
    await admin.del(`/api/crm/sources/${old.id}`).expect(200);
  });

  it('merges into an archived entry or a reason of another kind: refused, nothing moved', async () => {
    const reasons = (await admin.get(`/api/crm/close-reasons?${listQuery({ range: [0, 99] })}`)).body;
    const lead = reasons.find((r: any) => r.kind === 'lead');
    const opp = reasons.find((r: any) => r.kind === 'opportunity');
    expect((await admin.post(`/api/crm/close-reasons/${lead.id}/merge`, { into: opp.id })).body.error.details).toMatchObject({ code: 'merge_kind_mismatch' });
    const archived = (await admin.post('/api/crm/stages', { name: '已停用阶段', order: 99, probability: 5, active: false }).expect(201)).body;
    const stages = (await admin.get(`/api/crm/stages?${listQuery({ range: [0, 99] })}`)).body;
    expect((await admin.post(`/api/crm/stages/${stages[0].id}/merge`, { into: archived.id })).body.error.details).toMatchObject({ code: 'merge_into_archived' });
    expect((await admin.get(`/api/crm/close-reasons/${lead.id}`)).body.active).not.toBe(false);
  });
});

describe('a stage\'s probability', () => {
  it('changes no opportunity already in the stage, unless the admin applies it explicitly', async () => {
    const stage = (await admin.post('/api/crm/stages', { name: '概率阶段', order: 60, probability: 40 }).expect(201)).body;
    const open = await newOpportunity(sales1, { stage: stage.id });
    const won = await newOpportunity(sales1, { stage: stage.id });
    await sales1.post(`/api/crm/opportunities/${won.id}/win`, {}).expect(200);
    expect(open.probability).toBe(40);
    await admin.put(`/api/crm/stages/${stage.id}`, { ...stage, probability: 60 }).expect(200);
    expect((await sales1.get(`/api/crm/opportunities/${open.id}`)).body.probability).toBe(40);

    expect((await sales1.post(`/api/crm/stages/${stage.id}/apply-probability`)).status).toBe(403);
    expect((await admin.post(`/api/crm/stages/${stage.id}/apply-probability`).expect(200)).body).toMatchObject({ updated: 1 });
    expect((await sales1.get(`/api/crm/opportunities/${open.id}`)).body.probability).toBe(60);
    expect((await sales1.get(`/api/crm/opportunities/${won.id}`)).body.probability).not.toBe(60);
    expect((await audit('opportunities', open.id)).at(-1)).toMatchObject({ field: 'probability', from: 40, to: 60, intent: 'apply-probability' });
  });
});

describe('every configuration change is an audit event', () => {
  it.each([
    ['stages', { name: '审计阶段', order: 50, probability: 20 }, { probability: 30 }],
    ['levels', { code: 'Z', label: '审计级', color: '#123456', followUpDays: 3, order: 50 }, { followUpDays: 4 }],
    ['sources', { name: '审计来源', order: 50 }, { order: 51 }],
    ['close-reasons', { name: '审计原因', kind: 'lead', order: 50 }, { order: 51 }],
  ])('%s: create and each changed field, with who did it', async (resource, body, change) => {
    const rec = (await admin.post(`/api/crm/${resource}`, body).expect(201)).body;
    await admin.put(`/api/crm/${resource}/${rec.id}`, { ...rec, ...change }).expect(200);
    const events = await audit(resource, rec.id);
    const [field, to] = Object.entries(change)[0];
    expect(events[0]).toMatchObject({ action: 'create' });
    expect(events).toContainEqual(expect.objectContaining({ action: 'update', field, from: (rec as any)[field], to: to }));
  });

  it('settings too', async () => {
    const row = (await admin.get(`/api/crm/settings?${listQuery({ filter: { key: 'reminderTime' } })}`)).body[0];
    await admin.put(`/api/crm/settings/${row.id}`, { ...row, value: '"07:45"' }).expect(200);
    expect((await audit('settings', row.id)).map((e: any) => e.field)).toContain('value');
  });
});

describe('deleting a custom field that holds values', () => {
  it('needs an explicit confirmation, exports the values first, then removes them from the records', async () => {
    const field = (await admin.post('/api/crm/custom-fields', { entity: 'lead', key: 'house_type', label: '户型', type: 'select', options: ['两房', '三房'] }).expect(201)).body;
    // a required field added later must not stop the removal on records created before it
    await admin.post('/api/crm/custom-fields', { entity: 'lead', key: 'wechat_group', label: '微信群', type: 'text' }).expect(201);
    const a = (await sales1.post('/api/crm/leads', { subject: '两房客户', custom: { house_type: '两房', wechat_group: 'G1' } }).expect(201)).body;
    const b = (await sales1.post('/api/crm/leads', { subject: '三房客户', custom: { house_type: '三房' } }).expect(201)).body;
    await sales1.post('/api/crm/leads', { subject: '没填户型' }).expect(201);
    const late = (await admin.post('/api/crm/custom-fields', { entity: 'lead', key: 'late_required', label: '后加必填', type: 'text', required: true }).expect(201)).body;

    const refused = await admin.del(`/api/crm/custom-fields/${field.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toMatchObject({ code: 'custom_field_in_use', count: 2 });
    expect((await admin.del(`/api/crm/custom-fields/${field.id}?confirm=yes`)).status).toBe(409);

    expect((await sales1.get(`/api/crm/custom-fields/${field.id}/values`)).status).toBe(403);
    const exported = (await admin.get(`/api/crm/custom-fields/${field.id}/values`).expect(200)).body;
    expect(exported).toEqual({ entity: 'lead', key: 'house_type', label: '户型', type: 'select', count: 2, values: { [a.id]: '两房', [b.id]: '三房' } });

    await admin.del(`/api/crm/custom-fields/${field.id}?confirm=true`).expect(200);
    expect((await admin.get(`/api/crm/custom-fields/${field.id}`)).status).toBe(404);
    expect((await sales1.get(`/api/crm/leads/${a.id}`)).body.custom).toEqual({ wechat_group: 'G1' });
    expect((await sales1.get(`/api/crm/leads/${b.id}`)).body.custom).toEqual({});
    const removal = (await audit('leads', a.id)).filter((e: any) => e.field === 'custom.house_type');
    expect(removal.at(-1)).toMatchObject({ intent: 'custom-field-deleted', from: '两房', to: null });
    // a new field with the same key starts empty
    await admin.post('/api/crm/custom-fields', { entity: 'lead', key: 'house_type', label: '户型', type: 'number' }).expect(201);
    expect((await admin.get(`/api/crm/leads?${listQuery({ filter: { 'custom.house_type_gte': 0 } })}`)).status).toBe(400); // not filterable
    await admin.del(`/api/crm/custom-fields/${late.id}`).expect(200); // no values: no confirmation needed
  });
});

describe('the role editor', () => {
  it('lists every action each resource offers, beside the role\'s grants', async () => {
    const roles = (await admin.get(`/api/crm/roles?${listQuery({ range: [0, 20] })}`).expect(200)).body;
    const sales = roles.find((r: any) => r.type === 'sales');
    expect(sales.offered.leads).toEqual(expect.arrayContaining(['list', 'show', 'create', 'edit', 'delete', 'assign', 'convert', 'close', 'reactivate']));
    expect(sales.offered['custom-fields']).toEqual(expect.arrayContaining(['list', 'delete']));
    expect(sales.grants.leads.actions).toContain('close');
    // the catalogue comes back with the form and is ignored, like other derived fields
    const saved = (await admin.put(`/api/crm/roles/${sales.id}`, { ...sales, description: '一线销售' }).expect(200)).body;
    expect(saved.description).toBe('一线销售');
  });
});

const CONFIG = path.join(__dirname, '../../config');
const all = async (resource: string) => (await admin.get(`/api/crm/${resource}?${listQuery({ range: [0, 199], sort: ['id', 'ASC'] })}`).expect(200)).body;

describe('the whole configuration as one file', () => {
  it('exports every part; importing it back changes nothing', async () => {
    expect((await sales1.get('/api/crm/config/export')).status).toBe(403);
    const doc = (await admin.get('/api/crm/config/export').expect(200)).body;
    expect(doc.format).toBe('crm-config');
    for (const part of ['stages', 'levels', 'sources', 'close-reasons', 'custom-fields', 'roles', 'settings']) expect(Array.isArray(doc[part])).toBe(true);
    expect(doc.roles.map((r: any) => r.type).sort()).toEqual(['admin', 'marketing', 'reception', 'sales', 'sales-manager', 'service']);
    expect(doc.settings.find((x: any) => x.key === 'pool').value).toMatchObject({ claimsPerDay: 20 });
    const again = (await admin.post('/api/crm/config/import?dryRun=true', doc).expect(200)).body;
    for (const c of Object.values<any>(again.changes)) expect(c).toEqual({ created: [], updated: [], archived: [], merged: [] });
  });

  it('previews an import (dry run), applies it in one go, audited', async () => {
    const doc = (await admin.get('/api/crm/config/export').expect(200)).body;
    const stage = doc.stages.find((x: any) => x.name === '认购');
    stage.probability = 85;
    doc.sources.push({ name: '抖音', order: 20 });
    doc.settings.find((x: any) => x.key === 'returnVisitDays').value = 14;
    doc.roles.find((r: any) => r.type === 'sales').grants.leads.actions = ['list', 'show', 'create', 'edit', 'convert', 'reactivate'];
    const preview = (await admin.post('/api/crm/config/import?dryRun=true', doc).expect(200)).body;
    expect(preview).toMatchObject({ dryRun: true, changes: { stages: { updated: ['认购'] }, sources: { created: ['抖音'] }, settings: { updated: ['returnVisitDays'] }, roles: { updated: ['sales'] } } });
    expect((await all('sources')).some((x: any) => x.name === '抖音')).toBe(false);
    expect((await all('stages')).find((x: any) => x.name === '认购').probability).toBe(80);

    const lead = (await sales1.post('/api/crm/leads', { subject: '导入前的线索' }).expect(201)).body;
    expect(lead.actions).toContain('close');
    await admin.post('/api/crm/config/import', doc).expect(200);
    const after = (await all('stages')).find((x: any) => x.name === '认购');
    expect(after.probability).toBe(85);
    expect((await all('sources')).some((x: any) => x.name === '抖音')).toBe(true);
    expect((await audit('stages', after.id)).at(-1)).toMatchObject({ field: 'probability', from: 80, to: 85, intent: 'config-import' });
    // the roles' grants count at once
    expect((await sales1.get(`/api/crm/leads/${lead.id}`)).body.actions).not.toContain('close');
    expect((await sales1.post(`/api/crm/leads/${lead.id}/close`, { reason: '联系不上' })).status).toBe(403);
  });

  it('refuses a document with a bad entry, naming it, and changes nothing', async () => {
    const doc = (await admin.get('/api/crm/config/export').expect(200)).body;
    doc.sources.push({ name: '不该出现的来源', order: 30 });
    doc.stages[1].probability = 150;
    const res = await admin.post('/api/crm/config/import', doc);
    expect(res.status).toBe(400);
    expect(res.body.error.details.field).toBe('stages[1].probability');
    expect((await all('sources')).some((x: any) => x.name === '不该出现的来源')).toBe(false);
    const bad = await admin.post('/api/crm/config/import', { ...doc, stages: [], settings: [{ key: 'timezone', value: 'Mars/Olympus' }] });
    expect(bad.body.error.details).toMatchObject({ field: 'settings[0].value', code: 'invalid_timezone' });
    expect((await admin.post('/api/crm/config/import', { format: 'crm-config', widgets: [] })).body.error.details).toMatchObject({ field: 'widgets', code: 'invalid_config' });
    expect((await admin.post('/api/crm/config/import', { roles: [{ type: 'pirate', grants: {} }] })).body.error.details).toMatchObject({ field: 'roles[0]', code: 'unknown_entry' });
    expect((await sales1.post('/api/crm/config/import', { sources: [] })).status).toBe(403);
  });
});

describe('pipeline presets', () => {
  it('ships the real-estate one as the first-start configuration', () => {
    const pipeline = JSON.parse(fs.readFileSync(path.join(CONFIG, 'pipeline.json'), 'utf8'));
    const preset = JSON.parse(fs.readFileSync(path.join(CONFIG, 'presets/real-estate.json'), 'utf8'));
    for (const part of ['stages', 'levels', 'sources', 'close-reasons']) expect(preset[part]).toEqual(pipeline[part]);
  });

  it('previews, then applies 汽车4S to a database with records: mapped or kept, archived not deleted, nothing orphaned', async () => {
    expect((await admin.get('/api/crm/presets').expect(200)).body.map((p: any) => [p.name, p.label])).toEqual([['auto-4s', '汽车4S'], ['b2b', 'B2B'], ['real-estate', '房地产']]);
    expect((await admin.post('/api/crm/presets/nope/apply')).body.error.details).toMatchObject({ code: 'unknown_preset' });
    expect((await sales1.post('/api/crm/presets/auto-4s/apply?dryRun=true')).status).toBe(403);
    const first = (await all('stages')).find((x: any) => x.name === '首次来访');
    const opp = await newOpportunity(sales1, { stage: first.id, level: 'H' });
    const lead = (await sales1.post('/api/crm/leads', { subject: '来电线索', source: '来电', level: 'A' }).expect(201)).body;

    const preview = (await admin.post('/api/crm/presets/auto-4s/apply?dryRun=true').expect(200)).body;
    expect(preview.changes.stages.created).toEqual(['意向建卡', '邀约到店', '试乘试驾', '订单', '成交']);
    expect(preview.changes.stages.archived).toEqual(expect.arrayContaining(['首次来访', '签约']));
    expect(preview.changes.stages.merged).toContain('首次来访 → 意向建卡 (1)');
    expect(preview.changes.levels.updated).toEqual(expect.arrayContaining(['O', 'H', 'A', 'B', 'C']));
    expect((await sales1.get(`/api/crm/opportunities/${opp.id}`)).body.stage).toBe(first.id);

    await admin.post('/api/crm/presets/auto-4s/apply').expect(200);
    const stages = await all('stages');
    const intake = stages.find((x: any) => x.name === '意向建卡');
    expect((await sales1.get(`/api/crm/opportunities/${opp.id}`)).body).toMatchObject({ stage: intake.id, level: 'H' });
    expect(stages.find((x: any) => x.name === '首次来访')).toMatchObject({ active: false });
    expect((await sales1.get(`/api/crm/leads/${lead.id}`)).body).toMatchObject({ source: '展厅来电', level: 'A' });
    expect((await all('levels')).find((x: any) => x.code === 'H')).toMatchObject({ label: 'H级 1周内可能购车', followUpDays: 2 });

    // B2B's maturity levels: O/H/A/B/C records move to A+…D, the old levels stay archived
    await admin.post('/api/crm/presets/b2b/apply').expect(200);
    expect((await sales1.get(`/api/crm/leads/${lead.id}`)).body.level).toBe('B+');
    expect((await sales1.get(`/api/crm/opportunities/${opp.id}`)).body.level).toBe('A-');
    const levels = await all('levels');
    expect(levels.filter((x: any) => x.active !== false).map((x: any) => x.code)).toEqual(['A+', 'A-', 'B+', 'B-', 'C+', 'C-', 'D', 'E', 'F']);
    expect(levels.find((x: any) => x.code === 'O')).toMatchObject({ active: false });

    // and back: the real-estate entries are active again, the records follow
    await admin.post('/api/crm/presets/real-estate/apply').expect(200);
    expect((await sales1.get(`/api/crm/opportunities/${opp.id}`)).body.stage).toBe(first.id);
    expect((await all('stages')).filter((x: any) => x.active !== false).map((x: any) => x.name)).toEqual(['首次来访', '二次来访', '三次来访', '认购', '签约']);
  });
});
