// Follow-ups per consultant (跟进及时率): planned in the range, done, done on time, done late,
// and still planned past their start (overdue now). Cancelled ones do not count.
import { readConfig } from '../../../crm/roles';
import { USER_UID } from '../../../crm/org';
import { num, rate, type ReportContext } from '../context';

const onTimeHours = (c: ReportContext) =>
  Number(readConfig<{ followUpOnTimeHours?: number }>(c.strapi.dirs.app.root, 'reports.json').followUpOnTimeHours ?? 24);

export default async function followUps(c: ReportContext) {
  const { knex } = c;
  const state = `i.${c.col('interactions', 'state')}`;
  const start = `i.${c.col('interactions', 'start')}`;
  const done = `i.${c.col('interactions', 'completedAt')}`;
  const link = c.link('interactions', 'owner');
  const users = (c.strapi.db.metadata.get(USER_UID as any) as any).tableName;
  const onTime = `${state} = 'done' and ${done} <= ${c.plusHours(start, onTimeHours(c))}`;
  const rows: any[] = await knex(`${c.table('interactions')} as i`)
    .join(`${link.table} as k`, `k.${link.own}`, 'i.id')
    .join(`${users} as u`, 'u.id', `k.${link.other}`)
    .whereIn('i.id', c.ids('interactions', 'start')).whereNot(state, 'cancelled')
    .groupBy('u.id', 'u.username', 'u.display_name')
    .select('u.id as owner', 'u.username', 'u.display_name as displayName', knex.raw('count(*) as planned'),
      knex.raw(`sum(case when ${state} = 'done' then 1 else 0 end) as done`),
      knex.raw(`sum(case when ${onTime} then 1 else 0 end) as "onTime"`),
      knex.raw(`sum(case when ${state} = 'planned' and ${start} < ? then 1 else 0 end) as overdue`, [c.instant(new Date())]));
  const out = rows.map((r) => {
    const [planned, doneN, onTimeN, overdue] = [num(r.planned), num(r.done), num(r.onTime), num(r.overdue)];
    return {
      owner: r.owner, name: r.displayName || r.username, planned, done: doneN, onTime: onTimeN,
      late: doneN - onTimeN, overdue, onTimeRate: rate(onTimeN, planned),
    };
  }).sort((a, b) => b.planned - a.planned || a.owner - b.owner);
  const sum = (k: 'planned' | 'done' | 'onTime' | 'late' | 'overdue') => out.reduce((n, r) => n + r[k], 0);
  return {
    rows: out,
    totals: { planned: sum('planned'), done: sum('done'), onTime: sum('onTime'), late: sum('late'), overdue: sum('overdue'), onTimeRate: rate(sum('onTime'), sum('planned')) },
  };
}
