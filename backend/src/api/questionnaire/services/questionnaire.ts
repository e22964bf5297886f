// Questionnaire actions: publish (a draft or an archived one) and archive, along the pure table;
// the write rule checks the same table for every writer.
import type { Core } from '@strapi/strapi';
import { records } from '../../../crm/registry';
import type { Actor } from '../../../crm/access';
import { questionnaireMove, type QuestionnaireAction, type QuestionnaireStatus } from '../transitions';

export default (_: { strapi: Core.Strapi }) => {
  const move = (actor: Actor, id: unknown, action: QuestionnaireAction) =>
    records('questionnaires').act(actor, id, action, (q) => ({ questionnaireStatus: questionnaireMove(q.status as QuestionnaireStatus, action) }));
  return { actions: { publish: (a: Actor, id: unknown) => move(a, id, 'publish'), archive: (a: Actor, id: unknown) => move(a, id, 'archive') } };
};
