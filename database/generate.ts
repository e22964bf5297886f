// Bulk data for benchmarks and index tests: fills a PostgreSQL database whose schema Strapi has
// already created (boot the app once on it) with a seeded, reproducible, realistic CRM: a 3-level
// tree of 21 departments, 50 staff, and at scale 1 one million leads, 200k customers, 200k
// opportunities and 2M interactions with Chinese names and text, stored the way Strapi stores
// them (document_id, published_at, `*_lnk` link tables, the owner's copy `owner_key` in the row). Set-based SQL (INSERT … SELECT over
// generate_series), never one call per row: scaffolding, not business writes, so the write rules
// are not involved (foreign-key triggers are skipped; the rows are consistent by construction).
//   npx tsx database/generate.ts --database-url postgres://…/db [--scale 0.2] [--seed 1]
import { Client } from 'pg';
import { refillSearchTokens } from './search-tokens';

export interface GenerateOptions {
  /** 1 = 1,000,000 leads; 0.05 = 50,000 */
  scale?: number;
  seed?: number;
  /** bcrypt hash stored for every generated staff member */
  passwordHash: string;
  log?: (s: string) => void;
}

export interface Generated {
  counts: Record<'leads' | 'customers' | 'opportunities' | 'interactions', number>;
  /** usernames of the generated staff by kind, for benchmarks */
  staff: { admin: string; manager: string; consultant: string; managerTeam: number };
  /** words for `q`: frequent 2-character, rare 2-character, 3-character */
  words: { frequent: string; rare: string; three: string };
  seconds: number;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红玲建国志海燕文斌鹏辉宇浩然子轩梓涵一诺欣怡晨阳佳琪思远雨婷俊凯';
const CITIES = ['上海', '北京', '广州', '深圳', '杭州', '南京', '成都', '重庆', '武汉', '西安', '苏州', '天津'];
const PROVINCES = ['上海', '北京', '广东', '广东', '浙江', '江苏', '四川', '重庆', '湖北', '陕西', '江苏', '天津'];
const PROJECTS = ['绿地', '万科', '保利', '碧桂园', '龙湖', '华润', '招商', '融创', '中海', '金地'];
// 别墅 is the frequent 2-character search word (~1 row in 6)
const PRODUCTS = ['别墅', '公寓', '学区房', '商铺', '写字楼', '洋房', '车位', '叠拼', '别墅', '精装房', '大平层', '小户型'];
const SOURCES = ['网络', '电话', '展会', '转介绍', '门店', '广告', '网络', '电话'];
const LEVELS = ['A', 'B', 'C', 'C', 'D'];
const INDUSTRIES = ['制造', '金融', '教育', '医疗', '互联网', '零售', '地产', '物流'];
const PHRASES = ['客户对户型很满意', '希望周末再来看房', '预算有限需要贷款', '关注学区和交通', '已比较三个楼盘', '想要南北通透', '家人意见不统一', '催促尽快报价'];
const GRADES = ['A', 'B', 'C', 'D'];
export const RARE_WORD = '翡翠';

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const arr = (xs: readonly string[]) => `ARRAY[${xs.map(lit).join(',')}]`;
const chars = (s: string) => [...s];

/** SQL helpers over the series variable `g`: reproducible pseudo-random numbers per (row, stream). */
function sqlRandom(seed: number) {
  const r = (k: number, n: number) => `(abs(hashint8extended(g, ${seed * 1000 + k})) % ${n})`;
  const pick = (k: number, xs: readonly string[]) => `(${arr(xs)})[1 + ${r(k, xs.length)}]`;
  const name = (k: number) =>
    `(${pick(k, chars(SURNAMES))} || ${pick(k + 1, chars(GIVEN))} || CASE WHEN ${r(k + 2, 3)} = 0 THEN '' ELSE ${pick(k + 3, chars(GIVEN))} END)`;
  // the last three years before a fixed instant, so runs on different days store the same rows
  const past = (k: number) => `(TIMESTAMP '2026-11-30 12:00:00' - ${r(k, 3 * 365 * 86400)} * INTERVAL '1 second')`;
  const doc = (tag: string) => `substr(md5(${lit(tag)} || g), 1, 24)`;
  return { r, pick, name, past, doc };
}

export async function generate(client: Client, opts: GenerateOptions): Promise<Generated> {
  const scale = opts.scale ?? 1;
  const seed = opts.seed ?? 1;
  const log = opts.log ?? (() => {});
  const t0 = Date.now();
  const n = {
    leads: Math.round(1_000_000 * scale),
    customers: Math.round(200_000 * scale),
    opportunities: Math.round(200_000 * scale),
    interactions: Math.round(2_000_000 * scale),
  };
  const { r, pick, name, past, doc } = sqlRandom(seed);
  const q = async (label: string, sql: string) => {
    const s = Date.now();
    const res = await client.query(sql);
    log(`[generate] ${label}: ${res.rowCount ?? ''} rows in ${((Date.now() - s) / 1000).toFixed(1)} s`);
    return res;
  };
  const maxId = async (table: string) => Number((await client.query(`SELECT coalesce(max(id), 0) AS m FROM "${table}"`)).rows[0].m);
  const fixSeq = (table: string) => client.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT coalesce(max(id), 1) FROM "${table}"))`);
  const roleId = async (type: string) => Number((await client.query('SELECT id FROM up_roles WHERE type = $1', [type])).rows[0].id);

  await client.query('SET session_replication_role = replica'); // no FK triggers: consistent by construction
  await client.query('SET synchronous_commit = off');

  // Departments: 总部 → 4 regions → 4 teams each (21).
  const regions = ['华东', '华南', '华北', '西南'];
  const dBase = await maxId('departments');
  const depts: { id: number; name: string; parent: number | null }[] = [{ id: dBase + 1, name: '总部', parent: null }];
  regions.forEach((reg, i) => {
    const rid = dBase + 2 + i * 5;
    depts.push({ id: rid, name: `${reg}大区`, parent: dBase + 1 });
    for (let t = 1; t <= 4; t += 1) depts.push({ id: rid + t, name: `${reg}${t}组`, parent: rid });
  });
  for (const d of depts) {
    await client.query(
      `INSERT INTO departments (id, document_id, name, "order", version, created_at, updated_at, published_at) VALUES ($1, $2, $3, $4, 1, now(), now(), now())`,
      [d.id, `bench${seed}dept${d.id}`.padEnd(24, '0').slice(0, 24), d.name, d.id - dBase],
    );
    if (d.parent) await client.query('INSERT INTO departments_parent_lnk (department_id, inv_department_id) VALUES ($1, $2)', [d.id, d.parent]);
  }
  await fixSeq('departments');

  // Staff: 2 admins at 总部, a manager per region, 2 each of reception/marketing/service, 38 consultants in the teams.
  const staff: { username: string; role: string; dept: number }[] = [
    { username: 'bench_admin1', role: 'admin', dept: dBase + 1 },
    { username: 'bench_admin2', role: 'admin', dept: dBase + 1 },
    ...regions.map((_, i) => ({ username: `bench_mgr${i + 1}`, role: 'sales-manager', dept: dBase + 2 + i * 5 })),
    ...['reception', 'marketing', 'service'].flatMap((role) => [1, 2].map((k) => ({ username: `bench_${role}${k}`, role, dept: dBase + 1 }))),
  ];
  for (let i = 0; i < 38; i += 1) {
    const region = i % 4;
    const team = 1 + (Math.floor(i / 4) % 4);
    staff.push({ username: `bench_sales${String(i + 1).padStart(2, '0')}`, role: 'sales', dept: dBase + 2 + region * 5 + team });
  }
  const uBase = await maxId('up_users');
  const roleIds = new Map<string, number>();
  for (const [i, s] of staff.entries()) {
    const id = uBase + 1 + i;
    if (!roleIds.has(s.role)) roleIds.set(s.role, await roleId(s.role));
    const display = `${[...SURNAMES][i % 100]}${[...GIVEN][(i * 7) % [...GIVEN].length]}`;
    await client.query(
      `INSERT INTO up_users (id, document_id, username, email, provider, password, confirmed, blocked, display_name, created_at, updated_at, published_at)
       VALUES ($1, $2, $3, $4, 'local', $5, true, false, $6, now(), now(), now())`,
      [id, `bench${seed}user${id}`.padEnd(24, '0').slice(0, 24), s.username, `${s.username}@bench.local`, opts.passwordHash, display],
    );
    await client.query('INSERT INTO up_users_role_lnk (user_id, role_id, user_ord) VALUES ($1, $2, 1)', [id, roleIds.get(s.role)]);
    await client.query('INSERT INTO up_users_department_lnk (user_id, department_id) VALUES ($1, $2)', [id, s.dept]);
  }
  await fixSeq('up_users');
  const owners = staff.map((s, i) => ({ ...s, id: uBase + 1 + i })).filter((s) => s.role === 'sales' || s.role === 'sales-manager');
  const ownerIds = `ARRAY[${owners.map((o) => o.id).join(',')}]`;
  const owner = (k: number) => `(${ownerIds})[1 + ${r(k, owners.length)}]`;
  const creatorOf = (k: number, ownerExpr: string) => `CASE WHEN ${r(k, 10)} = 0 THEN ${uBase + 1} ELSE ${ownerExpr} END`;

  // A filterable select custom field on each record kind (the benchmark filters on it).
  for (const entity of ['lead', 'customer', 'opportunity', 'interaction']) {
    await client.query(
      `INSERT INTO custom_fields (document_id, entity, key, label, label_en, type, options, required, filterable, show_in_list, "order", active, version, created_at, updated_at, published_at)
       VALUES ($1, $2, 'grade', '评级', 'Grade', 'select', $3, false, true, true, 1, true, 1, now(), now(), now()) ON CONFLICT DO NOTHING`,
      [`bench${seed}cf${entity}`.padEnd(24, '0').slice(0, 24), entity, JSON.stringify(GRADES)],
    );
  }
  const custom = (k: number) => `jsonb_build_object('grade', ${pick(k, GRADES)})`;
  const mobile = (k: number) => `('1' || (ARRAY['38','39','58','86','36','52'])[1 + ${r(k, 6)}] || lpad(${r(k + 1, 100000000)}::text, 8, '0'))`;

  // Customers (the mobile is unique: a bijection of the row number).
  const cBase = await maxId('customers');
  await q('customers', `INSERT INTO customers (id, document_id, name, gender, mobile, email, wechat, birthday, province, city, industry, company, address, source, level, type, hot, tags, in_pool, sms_opt_out, email_opt_out, last_follow_up_at, next_follow_up_at, custom, owner_key, version, created_at, updated_at, published_at)
    SELECT ${cBase} + g, ${doc('c')}, ${name(10)}, (ARRAY['male','female','unknown'])[1 + ${r(14, 3)}],
      '13' || lpad(((g::bigint * 7919 + ${seed}) % 1000000000)::text, 9, '0'),
      CASE WHEN ${r(15, 2)} = 0 THEN 'c' || g || '@example.cn' END, 'wx_' || g,
      DATE '1960-01-01' + ${r(16, 16000)}::int, p.province, p.city, ${pick(19, INDUSTRIES)},
      p.city || ${pick(20, PROJECTS)} || ${pick(21, ['科技', '贸易', '实业', '咨询'])} || '有限公司', p.city || '市' || ${r(22, 999)} || '号',
      ${pick(23, SOURCES)}, ${pick(24, LEVELS)}, (ARRAY['target','potential','potential','deal','inactive'])[1 + ${r(25, 5)}],
      ${r(26, 10)} = 0, '[]'::jsonb, false, false, false, ts - INTERVAL '1 day' * ${r(27, 30)}, NULL, ${custom(28)}, CASE WHEN g % 20 <> 0 THEN ${owner(30)} END, 1, ts, ts, ts
    FROM generate_series(1, ${n.customers}) g,
      LATERAL (SELECT ${past(29)} AS ts, ${r(17, CITIES.length)} AS ci) t,
      LATERAL (SELECT (${arr(CITIES)})[1 + t.ci] AS city, (${arr(PROVINCES)})[1 + t.ci] AS province) p`);
  // 5% in the pool (公海), without an owner
  await client.query(`UPDATE customers SET in_pool = true WHERE id > ${cBase} AND (id - ${cBase}) % 20 = 0`);
  await q('customers owner', `INSERT INTO customers_owner_lnk (customer_id, user_id) SELECT ${cBase} + g, ${owner(30)} FROM generate_series(1, ${n.customers}) g WHERE g % 20 <> 0`);
  await q('customers creator', `INSERT INTO customers_creator_lnk (customer_id, user_id) SELECT ${cBase} + g, ${creatorOf(31, owner(30))} FROM generate_series(1, ${n.customers}) g`);

  // Leads
  const lBase = await maxId('leads');
  await q('leads', `INSERT INTO leads (id, document_id, subject, source, level, description, target_customer, target_contact, mobile, email, lead_status, close_reason, version, custom, owner_key, created_at, updated_at, published_at)
    SELECT ${lBase} + g, ${doc('l')},
      ${pick(40, CITIES)} || ${pick(41, PROJECTS)} || CASE WHEN ${r(42, 3000)} = 0 THEN ${lit(RARE_WORD)} ELSE '' END || ${pick(43, PRODUCTS)} || ${pick(44, ['咨询', '看房', '来电', '预约'])},
      ${pick(45, SOURCES)}, ${pick(46, LEVELS)}, ${pick(47, PHRASES)} || '，' || ${pick(48, PHRASES)},
      ${name(50)}, ${name(54)}, ${mobile(58)}, CASE WHEN ${r(60, 3)} = 0 THEN 'l' || g || '@example.cn' END,
      (ARRAY['active','active','active','qualified','disqualified'])[1 + ${r(61, 5)}], NULL, 1, ${custom(62)}, ${owner(64)}, ts, ts, ts
    FROM generate_series(1, ${n.leads}) g, LATERAL (SELECT ${past(63)} AS ts) t`);
  await q('leads owner', `INSERT INTO leads_owner_lnk (lead_id, user_id) SELECT ${lBase} + g, ${owner(64)} FROM generate_series(1, ${n.leads}) g`);
  await q('leads creator', `INSERT INTO leads_creator_lnk (lead_id, user_id) SELECT ${lBase} + g, ${creatorOf(65, owner(64))} FROM generate_series(1, ${n.leads}) g`);

  // Opportunities, each on a customer, at a stage
  const oBase = await maxId('opportunities');
  const stages = (await client.query('SELECT id FROM stages ORDER BY "order"')).rows.map((x) => Number(x.id));
  await q('opportunities', `INSERT INTO opportunities (id, document_id, name, product, level, estimated_value, probability, expected_close_date, opportunity_status, loss_requested, competitor, custom, owner_key, version, created_at, updated_at, published_at)
    SELECT ${oBase} + g, ${doc('o')}, ${name(70)} || '·' || ${pick(74, PROJECTS)} || ${pick(75, PRODUCTS)}, ${pick(75, PRODUCTS)}, ${pick(76, LEVELS)},
      (${r(77, 5000)} + 50) * 10000, ${r(78, 11)} * 10, DATE '2026-12-01' + ${r(79, 365)}::int,
      (ARRAY['open','open','open','won','lost','closed'])[1 + ${r(80, 6)}], false,
      CASE WHEN ${r(81, 4)} = 0 THEN ${pick(82, PROJECTS)} END, ${custom(83)}, ${owner(85)}, 1, ts, ts, ts
    FROM generate_series(1, ${n.opportunities}) g, LATERAL (SELECT ${past(84)} AS ts) t`);
  await q('opportunities owner', `INSERT INTO opportunities_owner_lnk (opportunity_id, user_id) SELECT ${oBase} + g, ${owner(85)} FROM generate_series(1, ${n.opportunities}) g`);
  await q('opportunities creator', `INSERT INTO opportunities_creator_lnk (opportunity_id, user_id) SELECT ${oBase} + g, ${creatorOf(86, owner(85))} FROM generate_series(1, ${n.opportunities}) g`);
  await q('opportunities customer', `INSERT INTO opportunities_customer_lnk (opportunity_id, customer_id) SELECT ${oBase} + g, ${cBase} + 1 + ${r(87, n.customers)} FROM generate_series(1, ${n.opportunities}) g`);
  if (stages.length) {
    await q('opportunities stage', `INSERT INTO opportunities_stage_lnk (opportunity_id, stage_id) SELECT ${oBase} + g, (ARRAY[${stages.join(',')}])[1 + ${r(88, stages.length)}] FROM generate_series(1, ${n.opportunities}) g`);
  }

  // Interactions: follow-ups on customers, some on a lead or an opportunity
  const iBase = await maxId('interactions');
  await q('interactions', `INSERT INTO interactions (id, document_id, kind, subject, content, place, attendee, state, start, "end", priority, outcome, version, custom, owner_key, created_at, updated_at, published_at)
    SELECT ${iBase} + g, ${doc('i')}, (ARRAY['email','sms','phone','phone','letter','appointment','visit'])[1 + ${r(90, 7)}],
      ${pick(91, ['回访', '邀约看房', '电话沟通', '发送资料', '面谈', '签约准备'])} || ' ' || ${name(92)},
      ${pick(96, PHRASES)} || '；' || ${pick(97, PHRASES)} || '；' || ${pick(98, PRODUCTS)},
      CASE WHEN ${r(99, 3)} = 0 THEN ${pick(100, CITIES)} || ${pick(101, PROJECTS)} || '售楼处' END, ${name(102)},
      (ARRAY['planned','done','done','done','cancelled'])[1 + ${r(106, 5)}], ts + INTERVAL '1 day', ts + INTERVAL '1 day 1 hour',
      (ARRAY['low','normal','normal','high'])[1 + ${r(107, 4)}], NULL, 1, ${custom(108)}, ${owner(110)}, ts, ts, ts
    FROM generate_series(1, ${n.interactions}) g, LATERAL (SELECT ${past(109)} AS ts) t`);
  await q('interactions owner', `INSERT INTO interactions_owner_lnk (interaction_id, user_id) SELECT ${iBase} + g, ${owner(110)} FROM generate_series(1, ${n.interactions}) g`);
  await q('interactions creator', `INSERT INTO interactions_creator_lnk (interaction_id, user_id) SELECT ${iBase} + g, ${creatorOf(111, owner(110))} FROM generate_series(1, ${n.interactions}) g`);
  await q('interactions customer', `INSERT INTO interactions_customer_lnk (interaction_id, customer_id) SELECT ${iBase} + g, ${cBase} + 1 + ${r(112, n.customers)} FROM generate_series(1, ${n.interactions}) g WHERE ${r(113, 5)} <> 0`);
  await q('interactions lead', `INSERT INTO interactions_lead_lnk (interaction_id, lead_id) SELECT ${iBase} + g, ${lBase} + 1 + ${r(114, n.leads)} FROM generate_series(1, ${n.interactions}) g WHERE ${r(113, 5)} = 0`);

  for (const t of ['customers', 'leads', 'opportunities', 'interactions']) await fixSeq(t);
  for (const t of ['customers_owner_lnk', 'customers_creator_lnk', 'leads_owner_lnk', 'leads_creator_lnk', 'opportunities_owner_lnk', 'opportunities_creator_lnk',
    'opportunities_customer_lnk', 'opportunities_stage_lnk', 'interactions_owner_lnk', 'interactions_creator_lnk', 'interactions_customer_lnk', 'interactions_lead_lnk']) await fixSeq(t);
  await client.query('SET session_replication_role = origin');
  // the rows went in beside the write paths: their search tokens in one INSERT … SELECT per table
  await refillSearchTokens(client, log);
  // Visibility maps and statistics, as autovacuum would leave them on a live system.
  await q('vacuum analyze', 'VACUUM ANALYZE');
  const mgr = owners.filter((o) => o.role === 'sales-manager')[0];
  const team = staff.filter((s) => s.dept === mgr.dept || depts.find((d) => d.id === s.dept)?.parent === mgr.dept).length;
  return {
    counts: n,
    staff: { admin: 'bench_admin1', manager: mgr.username, consultant: 'bench_sales01', managerTeam: team },
    words: { frequent: '别墅', rare: RARE_WORD, three: '学区房' },
    seconds: (Date.now() - t0) / 1000,
  };
}

async function main() {
  const args = process.argv.slice(2);
  const flag = (k: string) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : undefined; };
  const url = flag('--database-url') ?? process.env.DATABASE_URL;
  if (!url) throw new Error('--database-url postgres://… (a database Strapi has booted on once) is required');
  const bcrypt = require('bcryptjs');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const out = await generate(client, {
      scale: Number(flag('--scale') ?? 1), seed: Number(flag('--seed') ?? 1),
      passwordHash: await bcrypt.hash(flag('--password') ?? 'bench-pass-2026', 10), log: (s) => console.error(s),
    });
    console.log(JSON.stringify(out, null, 2));
  } finally {
    await client.end();
  }
}

if (require.main === module) main().catch((e) => { console.error(e); process.exit(1); });
