// Questionnaires for every writer: the status table; questions checked; an archived one is
// frozen; editing the questions of an answered revision makes a new revision; `public` needs a
// published questionnaire and issues the token of its link (switching it off retires the link);
// the source given to public-form leads must be a configured source.
import type { WriteRule } from '../../crm/rules';
import { conflict } from '../../crm/errors';
import { assertInList } from '../../crm/config-usage';
import { allowedQuestionnaireActions, checkQuestions, newPublicToken, QUESTIONNAIRE_MOVES, revise, type QuestionnaireStatus } from './transitions';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export const questionnaireRule: WriteRule = {
  check: async (e) => {
    const { before, after, data } = e;
    if (!after) return;
    const from = before?.questionnaireStatus as QuestionnaireStatus | undefined;
    const to = (after.questionnaireStatus ?? 'draft') as QuestionnaireStatus;
    if (!before && to !== 'draft') throw conflict('a new questionnaire starts as a draft', { status: null, allowed: ['draft'], code: 'transition_not_allowed' });
    if (from && from !== to && !Object.values(QUESTIONNAIRE_MOVES[from]).includes(to)) {
      throw conflict(`questionnaire is ${from}: cannot become ${to}`, { status: from, allowed: allowedQuestionnaireActions(from), code: 'transition_not_allowed' });
    }
    const questionsChanged = !before || !same(before.questions, after.questions);
    if (questionsChanged) {
      if (from === 'archived') throw conflict('questionnaire is archived: its questions no longer change', { status: from, field: 'questions', allowed: ['publish'], code: 'questionnaire_archived' });
      data.questions = after.questions = checkQuestions(after.questions ?? []);
      if (before && !same(before.questions, after.questions)) {
        const answered = await e.strapi.db.query('api::questionnaire-response.questionnaire-response' as any).count({
          where: { questionnaire: { id: before.id }, revision: before.revision ?? 1 },
        });
        Object.assign(data, revise(before as any, answered > 0));
      }
    }
    if (to === 'published' && !(after.questions as unknown[])?.length) {
      throw conflict('questions: a questionnaire needs at least one question to be published', { field: 'questions', code: 'no_questions', status: from ?? null, allowed: [] });
    }
    if (after.public && !before?.public && to !== 'published') {
      throw conflict('public: only a published questionnaire becomes a public form', { field: 'public', code: 'not_published', status: to, allowed: [] });
    }
    if (to !== 'published' && after.public) data.public = after.public = false; // archiving retires the form
    if (after.public && !after.publicToken) data.publicToken = newPublicToken();
    if (!after.public && after.publicToken) data.publicToken = null;
    await assertInList(e, 'source', 'api::source.source', 'name');
  },
};
