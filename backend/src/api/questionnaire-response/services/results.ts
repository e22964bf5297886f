// Results of one questionnaire revision: each question's answer distribution, counted in the
// database (GROUP BY over the JSON answers) among the responses the caller's scope lets it count,
// and the responses as CSV (through the same scoped list as every read).
import type { Core } from '@strapi/strapi';
import { assertCan, scopeFilter, type Actor } from '../../../crm/access';
import { roleTable } from '../../../crm/roles';
import { records } from '../../../crm/registry';
import { badRequest } from '../../../crm/errors';
import { dialectOf, valueSql } from '../../../crm/custom-fields';
import { KEY } from '../../../crm/custom-values';
import { questionsOf, type Question } from '../../questionnaire/transitions';
import { MAX_PAGE } from '../../../crm/list-query';

const UID = 'api::questionnaire-response.questionnaire-response';
const MAX_EXPORT = 10000;

async function target(actor: Actor, id: unknown, revision: unknown) {
  const q = await records('questionnaires').get(actor, id);
  const n = revision === undefined || revision === '' ? (q.revision as number) : Number(revision);
  const questions = Number.isInteger(n) ? questionsOf(q as any, n) : null;
  if (!questions) throw badRequest(`revision: questionnaire ${q.id} has no revision ${String(revision)}`, { field: 'revision', code: 'unknown_revision' });
  return { q, revision: n, questions };
}

const when = (name: string, v: unknown) => {
  if (v === undefined || v === '') return undefined;
  const d = new Date(String(v));
  if (Number.isNaN(d.getTime())) throw badRequest(`${name}: must be a date-time`, { field: name, code: 'invalid_datetime' });
  return d.toISOString();
};

const CHANNELS = ['staff', 'public'];

/** The filters results and export share: the date range (submission time) and the channel (员工填写 / 公开表单). */
function narrowing(query: Record<string, unknown>) {
  const [from, to] = [when('from', query.from), when('to', query.to)];
  const channel = query.channel === undefined || query.channel === '' ? undefined : String(query.channel);
  if (channel !== undefined && !CHANNELS.includes(channel)) {
    throw badRequest(`channel: must be one of ${CHANNELS.join(', ')}`, { field: 'channel', code: 'not_an_option' });
  }
  return [
    from ? { createdAt: { $gte: from } } : null, to ? { createdAt: { $lt: to } } : null,
    channel ? { channel: { $eq: channel } } : null,
  ].filter(Boolean) as Record<string, unknown>[];
}

export async function results(strapi: Core.Strapi, actor: Actor, id: unknown, query: Record<string, unknown>) {
  assertCan(roleTable(), actor, 'questionnaire-responses', 'results');
  const { q, revision, questions } = await target(actor, id, query.revision);
  const scope = scopeFilter(roleTable(), actor, 'questionnaire-responses', { creator: 'creator' }, 'results');
  const where = [scope, { questionnaire: { id: { $eq: q.id } } }, { revision: { $eq: revision } }, ...narrowing(query)].filter(Boolean);
  const table = strapi.db.metadata.get(UID as any).tableName;
  const matching = () => (strapi.db as any).queryBuilder(UID).init({ where: { $and: where }, select: ['id'] }).getKnexQuery();
  const conn = () => strapi.db.connection(table);
  const dialect = dialectOf(strapi);
  const total = Number(((await conn().whereIn(`${table}.id`, matching()).count({ n: '*' })) as any[])[0].n);
  const out = [];
  for (const question of questions as Question[]) {
    if (!KEY.test(question.key)) continue;
    let rows: { v: unknown; n: unknown }[];
    if (question.type === 'multiple') {
      rows = dialect === 'sqlite'
        ? await conn().joinRaw(`, json_each(${table}.answers, '$.${question.key}') AS je`).whereIn(`${table}.id`, matching())
          .select(strapi.db.connection.raw('je.value AS v'), strapi.db.connection.raw('COUNT(*) AS n')).groupBy('je.value')
        : await strapi.db.connection.raw(
          `SELECT e.v, COUNT(*) AS n FROM "${table}" t, jsonb_array_elements_text(t.answers::jsonb -> ?) AS e(v) WHERE t.id IN (${matching().toQuery()}) GROUP BY e.v`,
          [question.key],
        ).then((r: any) => r.rows);
    } else {
      const expr = dialect === 'postgres' ? `(${table}.answers::jsonb ->> '${question.key}')` : valueSql(dialect, `${table}.answers`, question.key, 'text');
      rows = await conn().whereIn(`${table}.id`, matching()).whereRaw(`${expr} IS NOT NULL`)
        .select(strapi.db.connection.raw(`${expr} AS v`), strapi.db.connection.raw('COUNT(*) AS n')).groupByRaw(expr);
    }
    const counts = new Map(rows.map((r) => [String(r.v), Number(r.n)]));
    const answered = question.type === 'multiple'
      ? Number(((await conn().whereIn(`${table}.id`, matching()).whereRaw(dialect === 'postgres' ? `jsonb_array_length(COALESCE(${table}.answers::jsonb -> '${question.key}', '[]'::jsonb)) > 0` : `json_array_length(${table}.answers, '$.${question.key}') > 0`).count({ n: '*' })) as any[])[0].n)
      : [...counts.values()].reduce((a, b) => a + b, 0);
    const values = question.options
      ? question.options.map((o) => ({ value: o, count: counts.get(o) ?? 0 }))
      : question.type === 'text' ? [] // free text is read in the export, not charted
        : [...counts.entries()].map(([value, count]) => ({ value, count })).sort((a, b) => (Number(a.value) - Number(b.value)) || a.value.localeCompare(b.value));
    out.push({ key: question.key, label: question.label, type: question.type, answered, counts: values });
  }
  return { questionnaire: q.id, title: q.title, revision, total, questions: out };
}

/** A cell safe for spreadsheets: quoted, and never read as a formula. */
const cell = (v: unknown) => {
  let s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join('；') : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
};

export async function exportCsv(actor: Actor, id: unknown, query: Record<string, unknown>) {
  const { q, revision, questions } = await target(actor, id, query.revision);
  const narrow = narrowing(query);
  const rows: any[] = [];
  for (let start = 0; start < MAX_EXPORT; start += MAX_PAGE) {
    const page = await records('questionnaire-responses').list(
      actor,
      { sort: JSON.stringify(['id', 'ASC']), range: JSON.stringify([start, start + MAX_PAGE - 1]) },
      { $and: [{ questionnaire: { id: { $eq: q.id } } }, { revision: { $eq: revision } }, ...narrow] },
    );
    rows.push(...page.rows);
    if (rows.length >= page.total) break;
  }
  const head = ['编号', '提交时间', '商机', '线索', '渠道', ...questions.map((x) => x.label)];
  const lines = rows.map((r: any) => [r.id, r.createdAt, r.opportunity, r.lead, r.channel === 'public' ? '公开表单' : '员工填写',
    ...questions.map((x) => (r.answers ?? {})[x.key])]);
  return { filename: `questionnaire-${q.id}-r${revision}.csv`, body: `\uFEFF${[head, ...lines].map((l) => l.map(cell).join(',')).join('\r\n')}\r\n` };
}
