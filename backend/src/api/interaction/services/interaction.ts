// Follow-up actions: complete with an outcome (the customer's follow-up times move, see
// rules.ts) or cancel a plan.
import type { Core } from '@strapi/strapi';
import { records } from '../../../crm/registry';
import { badRequest } from '../../../crm/errors';
import type { Actor } from '../../../crm/access';
import { interactionMove, type InteractionAction, type InteractionState } from '../transitions';

export default (_: { strapi: Core.Strapi }) => {
  const move = (actor: Actor, id: unknown, action: InteractionAction, data: Record<string, unknown> = {}) =>
    records('interactions').act(actor, id, action, (i) => ({ state: interactionMove(i.state as InteractionState, action), ...data }));

  const actions = {
    complete(actor: Actor, id: unknown, body: Record<string, any>) {
      const outcome = typeof body.outcome === 'string' ? body.outcome.trim().slice(0, 2000) : '';
      if (!outcome) throw badRequest('outcome: is required to complete a follow-up', { field: 'outcome', code: 'required' });
      return move(actor, id, 'complete', { outcome });
    },
    cancel: (actor: Actor, id: unknown) => move(actor, id, 'cancel'),
  };
  return { actions };
};
