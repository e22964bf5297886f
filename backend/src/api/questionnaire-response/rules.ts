// Responses for every writer: only a published questionnaire takes them; each answers the current
// revision (set here, never by the client) and every answer is checked against that revision's
// questions by the shared value checker; a closed or lost opportunity takes none; answers given
// stay as they were (a response is not edited: its questions may have changed since).
import type { WriteRule } from '../../crm/rules';
import { badRequest, conflict } from '../../crm/errors';
import { checkAnswers } from '../../crm/custom-values';
import { questionsOf } from '../questionnaire/transitions';

export const responseRule: WriteRule = {
  check: async ({ strapi, before, after, data }) => {
    if (!after) return;
    if (before) {
      for (const k of ['questionnaire', 'revision', 'answers', 'opportunity', 'lead', 'customer']) {
        if (k in data && JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)) {
          throw conflict(`${k}: a response is not changed once given`, { field: k, code: 'response_final', status: null, allowed: [] });
        }
      }
      return;
    }
    if (!after.questionnaire) throw badRequest('questionnaire: is required', { field: 'questionnaire', code: 'required' });
    const q: any = await strapi.db.query('api::questionnaire.questionnaire' as any).findOne({ where: { id: after.questionnaire } });
    if (!q) throw badRequest('questionnaire: no such questionnaire', { field: 'questionnaire', code: 'link_not_visible' });
    if (q.questionnaireStatus !== 'published') {
      throw conflict(`questionnaire is ${q.questionnaireStatus}: it takes no responses`, { field: 'questionnaire', status: q.questionnaireStatus, code: 'questionnaire_not_published', allowed: [] });
    }
    // staff answer on an opportunity or a lead; a public form also attaches to a known customer
    if (!after.opportunity && !after.lead && !after.customer) throw badRequest('opportunity: a response is given on an opportunity or a lead', { field: 'opportunity', code: 'required' });
    if (after.opportunity) {
      const o: any = await strapi.db.query('api::opportunity.opportunity' as any).findOne({ where: { id: after.opportunity }, select: ['opportunityStatus'] });
      if (o && (o.opportunityStatus === 'closed' || o.opportunityStatus === 'lost')) {
        throw conflict(`opportunity is ${o.opportunityStatus}: it takes no responses`, { field: 'opportunity', status: o.opportunityStatus, code: 'opportunity_frozen', allowed: [] });
      }
    }
    const revision = q.revision ?? 1;
    if (after.revision !== undefined && after.revision !== null && after.revision !== revision) {
      throw conflict(`revision: the questionnaire is at revision ${revision} now; reload it`, { field: 'revision', code: 'stale_revision', revision, yours: after.revision });
    }
    data.revision = after.revision = revision;
    data.answers = after.answers = checkAnswers(questionsOf(q, revision) ?? [], after.answers ?? {});
  },
};
