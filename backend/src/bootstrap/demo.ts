// Demo mode (CRM_DEMO=true): demo staff, a Strapi super admin and a living pipeline, created
// once. Never runs otherwise, so demo passwords never exist outside demo mode.
import type { Core } from '@strapi/strapi';
import { seedDemoPipeline } from './demo-pipeline';

export const DEMO_STAFF = [
  { username: 'admin', displayName: '王建国', role: 'admin' },
  { username: 'manager', displayName: '李明华', role: 'sales-manager' },
  { username: 'sales1', displayName: '张伟', role: 'sales' },
  { username: 'sales2', displayName: '刘芳', role: 'sales' },
  { username: 'reception', displayName: '陈静', role: 'reception' },
  { username: 'marketing', displayName: '杨帆', role: 'marketing' },
  { username: 'service', displayName: '赵丽', role: 'service' },
] as const;

export const DEMO_ADMIN_EMAIL = 'admin@demo.crm.local';
export const demoPassword = () => process.env.CRM_DEMO_PASSWORD || 'crm-demo-2026';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '志强', '建华', '晓东', '海燕', '子轩', '雨涵', '浩然', '欣怡'];
const SOURCES = ['来电', '到访', '网络', '老客户推荐', '展会', '户外广告'];
const LEVELS = ['O', 'H', 'A', 'B', 'C'];
const PRODUCTS = ['滨江壹号 三居', '翠湖花园 两居', '金融中心 写字楼', '万科城 洋房', '绿地公园 别墅', '中海国际 公寓'];
const CLOSE_REASONS = ['预算不足', '已购竞品', '联系不上', '需求不匹配'];

/** Deterministic pseudo-random numbers so every demo install looks the same. */
function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

export async function seedDemo(strapi: Core.Strapi) {
  const store = strapi.store({ type: 'plugin', name: 'crm' });
  const users = await ensureDemoStaff(strapi);
  await ensureDemoSuperAdmin(strapi);
  if (await store.get({ key: 'demo-seeded' })) return { created: await seedDemoPipelineOnce(strapi, users), users };

  const rand = rng(20261123);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const owners = [users.sales1, users.sales2, users.manager];
  const leads = strapi.documents('api::lead.lead' as any);
  const now = Date.now();
  for (let i = 0; i < 300; i++) {
    const name = pick(SURNAMES) + pick(GIVEN);
    const product = pick(PRODUCTS);
    const r = rand();
    // Leads start active; some were closed since, others are converted by the pipeline seed.
    const closed = r > 0.85;
    const owner = pick(owners);
    const createdAt = new Date(now - Math.floor(rand() * 90) * 86400000 - Math.floor(rand() * 36000000));
    const lead: any = await leads.create({
      data: {
        subject: `${name}咨询${product}`,
        source: pick(SOURCES),
        level: pick(LEVELS),
        description: `${pick(['首次来电', '周末到访', '网上留言', '朋友介绍'])}，关注${product}，${pick(['预算充足', '看重学区', '考虑贷款', '希望尽快入住'])}。`,
        targetCustomer: name,
        targetContact: name,
        mobile: `1${pick(['38', '39', '58', '86', '35'])}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`,
        owner: { set: [{ id: owner }] },
        creator: { set: [{ id: i % 10 === 0 ? users.reception : owner }] },
        createdAt,
      },
    } as any);
    if (closed) {
      await leads.update({ documentId: lead.documentId, data: { leadStatus: 'disqualified', closeReason: pick(CLOSE_REASONS) } } as any);
    }
  }
  await store.set({ key: 'demo-seeded', value: new Date().toISOString() });
  await seedDemoPipelineOnce(strapi, users);
  return { created: true, users };
}

/** The pipeline on top of the demo leads, once (also for a demo database from before the pipeline). */
export async function seedDemoPipelineOnce(strapi: Core.Strapi, users: Record<string, number>) {
  const store = strapi.store({ type: 'plugin', name: 'crm' });
  if (await store.get({ key: 'demo-pipeline-seeded' })) return false;
  await seedDemoPipeline(strapi, users, rng(20261124));
  await store.set({ key: 'demo-pipeline-seeded', value: new Date().toISOString() });
  return true;
}

async function ensureDemoStaff(strapi: Core.Strapi): Promise<Record<string, number>> {
  const ids: Record<string, number> = {};
  const userService = strapi.plugin('users-permissions').service('user');
  for (const s of DEMO_STAFF) {
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: s.role } });
    let user = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { username: s.username } });
    if (!user) {
      user = await userService.add({
        username: s.username,
        email: `${s.username}@demo.crm.local`,
        password: demoPassword(),
        provider: 'local',
        confirmed: true,
        blocked: false,
        role: role.id,
        displayName: s.displayName,
        mobile: null,
      });
    }
    ids[s.username] = user.id;
  }
  return ids;
}

async function ensureDemoSuperAdmin(strapi: Core.Strapi) {
  const existing = await strapi.db.query('admin::user').findOne({ where: { email: DEMO_ADMIN_EMAIL } });
  if (existing) return;
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  if (!superAdmin) return;
  await strapi.service('admin::user').create({
    email: DEMO_ADMIN_EMAIL,
    firstname: 'Demo',
    lastname: 'Admin',
    password: process.env.CRM_DEMO_ADMIN_PASSWORD || 'CrmDemo-2026',
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
}
