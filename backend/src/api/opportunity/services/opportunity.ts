// Opportunity actions: each reads the record through the caller's scope, takes the move from
// the pure table and writes it with the version it read (a concurrent change is a 409).
import type { Core } from '@strapi/strapi';
import { records } from '../../../crm/registry';
import { relationData } from '../../../crm/records';
import { badRequest } from '../../../crm/errors';
import type { Actor } from '../../../crm/access';
import { assignableOwner } from '../../../crm/assignment';
import { opportunityMove, type OpportunityAction, type OpportunityStatus } from '../transitions';

const text = (v: unknown, max: number) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : null);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  function move(actor: Actor, id: unknown, action: OpportunityAction, data: (rec: any) => Record<string, unknown> | Promise<Record<string, unknown>> = () => ({}), version?: unknown) {
    if (version !== undefined && !Number.isSafeInteger(version)) throw badRequest('version: must be the version you read', { field: 'version', code: 'version_required' });
    return records('opportunities').act(actor, id, action, async (o) => {
      const to = opportunityMove({ status: o.status as OpportunityStatus, lossRequested: !!o.lossRequested }, action);
      return { opportunityStatus: to.status, lossRequested: to.lossRequested, ...(await data(o)) };
    }, version as number | undefined);
  }

  const actions = {
    win: (actor: Actor, id: unknown) => move(actor, id, 'win'),
    'request-loss': (actor: Actor, id: unknown, body: Record<string, any>) => {
      const reason = text(body.reason, 200);
      if (!reason) throw badRequest('reason: is required to request a loss', { field: 'reason', code: 'required' });
      return move(actor, id, 'request-loss', () => ({ lossReason: reason, competitor: text(body.competitor, 100), lossNote: null }));
    },
    'approve-loss': (actor: Actor, id: unknown) => move(actor, id, 'approve-loss'),
    'reject-loss': (actor: Actor, id: unknown, body: Record<string, any>) =>
      move(actor, id, 'reject-loss', () => ({ lossNote: text(body.note, 500) })),
    reassign: async (actor: Actor, id: unknown, body: Record<string, any>) => {
      const to = await assignableOwner('opportunities', actor, body.owner);
      return move(actor, id, 'reassign', () => ({ owner: relationData(to.id), lossNote: text(body.note, 500) }));
    },
    close: (actor: Actor, id: unknown) => move(actor, id, 'close'),
    reactivate: (actor: Actor, id: unknown) => move(actor, id, 'reactivate', () => ({ lossReason: null, competitor: null })),
    /** The Kanban drop: one rule-checked write of the stage (probability follows it). */
    move: async (actor: Actor, id: unknown, body: Record<string, any>) => {
      const stageId = Number(body.stage);
      if (!Number.isSafeInteger(stageId) || stageId <= 0) throw badRequest('stage: must be a stage id', { field: 'stage', code: 'invalid' });
      const stage = await strapi.db.query('api::stage.stage' as any).findOne({ where: { id: stageId } });
      if (!stage) throw badRequest('stage: no such stage', { field: 'stage', code: 'invalid' });
      return move(actor, id, 'move', () => ({ stage: relationData(stageId) }), body.version);
    },
  };
  return { actions };
};
