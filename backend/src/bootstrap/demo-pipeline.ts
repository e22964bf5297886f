// Demo mode: a living pipeline on top of the demo leads, made through the same services the
// API uses (so every record obeys the rules and has its audit timeline): an org tree,
// conversions, opportunities spread over the stages, loss requests waiting for the manager,
// follow-ups over the calendar weeks (some overdue), a pool and reception's visit log.
import type { Core } from '@strapi/strapi';
import type { Actor } from '../crm/access';
import { loadActor } from '../crm/org';
import { roleTable } from '../crm/roles';
import { records } from '../crm/registry';
import { withWrite } from '../crm/write-context';
import { startOfDay } from '../crm/settings';
import { crmZone } from '../crm/time';

const DAY = 86400000;
const OUTCOMES = ['客户有意向，约周末看房', '已发户型图，客户比较满意', '客户在比较竞品，需再跟进', '已报价，客户考虑中', '客户家人一起来看了样板间', '电话未接通，稍后再打'];
const SUBJECTS = ['电话回访', '邀约看房', '发送价格表', '样板间参观', '贷款方案沟通', '节日问候'];
const KINDS = ['phone', 'appointment', 'sms', 'visit', 'email', 'phone'] as const;
const LOSS = ['已购竞品', '价格原因', '贷款未批', '放弃购买'];

export async function seedDemoPipeline(strapi: Core.Strapi, users: Record<string, number>, rand: () => number) {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const actors: Record<string, Actor> = {};
  const as = async (username: string) => (actors[username] ??= (await loadActor(strapi, roleTable(), users[username]))!);
  const run = async <T>(username: string, fn: (a: Actor) => Promise<T>) => {
    const actor = await as(username);
    return withWrite({ actor: { id: actor.id, name: actor.name ?? username } }, () => fn(actor));
  };
  const service = (uid: string) => (strapi.service(uid as any) as any).actions;

  // The org: a group with two stores; the demo team works in the first one.
  const depts = records('departments');
  const group = await run('admin', (a) => depts.create(a, { name: '恒信地产集团', order: 1 }));
  const store = await run('admin', (a) => depts.create(a, { name: '滨江店', parent: group.id, order: 1 }));
  await run('admin', (a) => depts.create(a, { name: '城西店', parent: group.id, order: 2 }));
  for (const u of ['manager', 'sales1', 'sales2', 'reception']) {
    await run('admin', (a) => (strapi.service('api::staff.staff') as any).update(a, users[u], { department: store.id }));
  }
  for (const u of ['manager', 'sales1', 'sales2', 'reception']) delete actors[u]; // their team changed

  // Conversions: some active leads of each consultant become customers and opportunities.
  const stages: any[] = await strapi.db.query('api::stage.stage' as any).findMany({ orderBy: { order: 'asc' } });
  const leads: any[] = await strapi.db.query('api::lead.lead' as any).findMany({
    where: { leadStatus: 'active' }, populate: { owner: { select: ['id', 'username'] } }, orderBy: { id: 'asc' }, limit: 70,
  });
  const opportunities: { id: number; owner: string; customer: number }[] = [];
  for (const lead of leads) {
    const owner = lead.owner?.username;
    if (!owner || !['sales1', 'sales2', 'manager'].includes(owner)) continue;
    const product = lead.subject.replace(/^.*咨询/, '') || '滨江壹号';
    const res: any = await run(owner, (a) => service('api::lead.lead').convert(a, lead.id, { product })).catch(() => null);
    if (res) opportunities.push({ id: res.opportunity.id, owner, customer: res.customer.id });
  }

  // Spread them over the Kanban, win some, and leave loss requests for the manager.
  const opp = service('api::opportunity.opportunity');
  for (const [i, o] of opportunities.entries()) {
    const stage = stages[Math.min(stages.length - 1, Math.floor(rand() * stages.length))];
    await run(o.owner, (a) => opp.move(a, o.id, { stage: stage.id }));
    await run(o.owner, (a) => records('opportunities').load(a, o.id, 'edit').then(({ row }) => records('opportunities').write(row, {
      estimatedValue: Math.round(80 + rand() * 400) * 10000, expectedCloseDate: new Date(Date.now() + (10 + rand() * 80) * DAY).toISOString().slice(0, 10),
    })));
    if (i % 9 === 0 && stage.order >= 4) await run(o.owner, (a) => opp.win(a, o.id));
    else if (i % 11 === 1) await run(o.owner, (a) => opp['request-loss'](a, o.id, { reason: pick(LOSS), competitor: pick(['万科', '碧桂园', '龙湖', null]) }));
    else if (i % 13 === 2) {
      await run(o.owner, (a) => opp['request-loss'](a, o.id, { reason: pick(LOSS) }));
      await run('manager', (a) => opp['approve-loss'](a, o.id));
    }
  }

  // Follow-ups over the calendar: history, overdue plans and the coming two weeks.
  const interactions = records('interactions');
  const shanghaiMidnight = startOfDay(crmZone()).getTime();
  for (const o of opportunities) {
    const status = (await strapi.db.query('api::opportunity.opportunity' as any).findOne({ where: { id: o.id }, select: ['opportunityStatus'] })).opportunityStatus;
    if (status === 'lost') continue;
    const n = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < n; k++) {
      // a working hour (09:00–18:30, Shanghai) on a day from three weeks ago to two weeks ahead
      const day = Math.floor(rand() * 35) - 20;
      const start = new Date(shanghaiMidnight + day * DAY + (9 + Math.floor(rand() * 19) / 2) * 3600000);
      const past = start.getTime() < Date.now();
      const done = past && rand() < 0.75;
      const i = pick([0, 1, 2, 3, 4, 5]);
      await run(o.owner, (a) => interactions.create(a, {
        kind: KINDS[i], subject: SUBJECTS[i], customer: o.customer, opportunity: o.id, start: start.toISOString(),
        end: new Date(start.getTime() + 3600000).toISOString(), priority: pick(['low', 'normal', 'normal', 'high']),
        state: done ? 'done' : 'planned', outcome: done ? pick(OUTCOMES) : null,
        place: KINDS[i] === 'appointment' || KINDS[i] === 'visit' ? '滨江店售楼处' : null,
      }));
    }
  }

  // Hot customers, and a pool of released ones.
  const customers = records('customers');
  for (const [i, o] of opportunities.entries()) {
    if (i % 5 === 0) await run(o.owner, (a) => customers.load(a, o.customer, 'edit').then(({ row }) => customers.write(row, { hot: true })));
  }
  for (let i = 0; i < 12; i++) {
    const owner = pick(['sales1', 'sales2']);
    const c = await run(owner, (a) => customers.create(a, {
      name: `${pick(['赵', '钱', '孙', '周', '吴', '郑'])}${pick(['先生', '女士'])}${i + 1}`,
      mobile: `137${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`, level: pick(['B', 'C']), source: pick(['网络', '展会', '户外广告']), type: 'potential',
    })).catch(() => null);
    if (c) await run(owner, (a) => service('api::customer.customer').release(a, c.id));
  }

  // Reception's visit log for the last two weeks; some entries became leads.
  const logs = records('visit-logs');
  for (let i = 0; i < 40; i++) {
    const at = new Date(Date.now() - rand() * 14 * DAY);
    const left = rand() < 0.6;
    const log = await run('reception', (a) => logs.create(a, {
      kind: rand() < 0.7 ? 'walk-in' : 'call', visitedAt: at.toISOString(), partySize: 1 + Math.floor(rand() * 4),
      product: pick(['滨江壹号 三居', '翠湖花园 两居', '金融中心 写字楼', '万科城 洋房']), contactLeft: left,
      name: left ? `${pick(['陈', '林', '黄', '何'])}${pick(['先生', '女士'])}` : null,
      mobile: left ? `136${String(Math.floor(rand() * 1e8)).padStart(8, '0')}` : null,
    }));
    if (left && i % 3 === 0) await run('reception', (a) => service('api::visit-log.visit-log')['to-lead'](a, log.id));
  }
  return { opportunities: opportunities.length };
}
