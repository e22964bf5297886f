// A visitor's submission: the answers checked against the current revision before anything is
// written, then, in one transaction, the lead (or the existing lead or customer of that mobile)
// and its response, both through the Document Service (the write rules and the audit trail run).
import type { Core } from '@strapi/strapi';
import { badRequest, CrmError } from '../../../crm/errors';
import { normalizeMobile } from '../../../crm/phone';
import { hasControlCharacters } from '../../../crm/fields';
import { checkAnswers } from '../../../crm/custom-values';
import { withWrite } from '../../../crm/write-context';
import { questionsOf } from '../../questionnaire/transitions';

const Q_UID = 'api::questionnaire.questionnaire';
const WHO = { actor: { id: null, name: '公开表单' }, intent: 'public-form' };

/** The published, public questionnaire behind `token`, or a 404 that says nothing more. */
export async function formOf(strapi: Core.Strapi, token: unknown) {
  const q: any = typeof token === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(token)
    ? await strapi.db.query(Q_UID as any).findOne({ where: { publicToken: token, public: true, questionnaireStatus: 'published' } })
    : null;
  if (!q) throw new CrmError(404, 'NotFoundError', 'form not found', { code: 'form_not_found' });
  return q;
}

/** What a visitor may see of the form: no ids, no staff, no token. */
export const publicView = (q: any) => ({
  title: q.title,
  description: q.description ?? null,
  questions: (questionsOf(q, q.revision ?? 1) ?? []).map(({ key, label, type, options, min, max, required }) => ({
    key, label, type, required: !!required, ...(options ? { options } : {}), ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}),
  })),
});

export async function submit(strapi: Core.Strapi, q: any, body: Record<string, unknown>) {
  const name = typeof body.name === 'string' ? body.name.trim() : '';
  if (!name || name.length > 50 || hasControlCharacters(name)) throw badRequest('name: is required (at most 50 characters)', { field: 'name', code: 'required' });
  const mobile = normalizeMobile(body.mobile);
  if (!mobile || !/^1\d{10}$/.test(mobile)) throw badRequest('mobile: is not a mobile number', { field: 'mobile', code: 'invalid_mobile' });
  const revision = q.revision ?? 1;
  const answers = checkAnswers(questionsOf(q, revision) ?? [], body.answers ?? {});
  return strapi.db.transaction(({ trx }) => withWrite(WHO, async () => {
    // one submitter per mobile at a time (PostgreSQL; SQLite has one writer anyway): two sends of
    // a new mobile make one lead, the second finding the first
    if (strapi.db.dialect.client === 'postgres') await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`form-mobile:${mobile}`]);
    const lead: any = await strapi.db.query('api::lead.lead' as any).findOne({ where: { mobile }, orderBy: { id: 'desc' }, select: ['id'] });
    const customer: any = lead ? null : await strapi.db.query('api::customer.customer' as any).findOne({ where: { mobile }, select: ['id'] });
    let leadId: number | null = lead?.id ?? null;
    if (!lead && !customer) {
      const created: any = await strapi.documents('api::lead.lead' as any).create({
        data: { subject: `问卷：${q.title}`.slice(0, 200), source: q.source || null, targetContact: name, mobile, description: `来自公开问卷「${q.title}」` },
      } as any);
      leadId = created.id;
    }
    await strapi.documents('api::questionnaire-response.questionnaire-response' as any).create({
      data: {
        questionnaire: { set: [{ id: q.id }] }, revision, answers, channel: 'public', respondentName: name, respondentMobile: mobile,
        ...(leadId ? { lead: { set: [{ id: leadId }] } } : {}), ...(customer ? { customer: { set: [{ id: customer.id }] } } : {}),
      },
    } as any);
    return { ok: true, message: '提交成功，感谢您的参与！' };
  }));
}
