import type { ResourceDef } from '../../crm/resource';
import { grantsOf } from '../../crm/access';
import { roleTable } from '../../crm/roles';
import { allowedQuestionnaireActions, type QuestionnaireStatus } from './transitions';
import { questionnaireRule } from './rules';

const questionnaire: ResourceDef = {
  name: 'questionnaires',
  uid: 'api::questionnaire.questionnaire',
  status: 'questionnaireStatus',
  audited: true,
  versioned: true,
  rule: questionnaireRule,
  actions: ['publish', 'archive'],
  rename: { status: 'questionnaireStatus' },
  viaAction: ['status', 'creator'],
  readOnly: ['revision', 'history', 'publicToken'],
  search: ['title', 'description'],
  creator: 'creator',
  initial: () => ({ questionnaireStatus: 'draft' }),
  // the form's link is for who defines questionnaires; consultants only fill them in
  present: (rec, _row, actor) => {
    const out: Record<string, unknown> = { ...rec };
    if (!actor || !grantsOf(roleTable(), actor.role, 'questionnaires').actions.includes('edit')) delete out.publicToken;
    return out;
  },
  allowedActions: (q) => allowedQuestionnaireActions(q.status as QuestionnaireStatus),
};
export default questionnaire;
