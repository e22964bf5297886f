// Complaint actions. Each locks the complaint, reads it through the caller's scope, takes the move
// from the pure table and writes through the Document Service (where the table is checked again,
// and the audit trail records every status, assignee and department change: the timeline).
import type { Core } from '@strapi/strapi';
import { records } from '../../../crm/registry';
import { relationData } from '../../../crm/records';
import { badRequest, conflict } from '../../../crm/errors';
import type { Actor } from '../../../crm/access';
import { complaintSettings } from '../settings';
import { idOf } from '../../../crm/fields';
import { withWrite } from '../../../crm/write-context';
import { assertReopenable, complaintMove, TRANSFERABLE, type ComplaintAction, type ComplaintStatus } from '../transitions';
import { transferTarget } from './transfer';

const text = (v: unknown, max: number) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : null);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** The first handler action answers the complaint: its first response time. */
  const responded = (rec: Record<string, unknown>, now: Date) => (rec.firstResponseAt ? {} : { firstResponseAt: now });

  const move = (actor: Actor, id: unknown, action: ComplaintAction, extra: (rec: any, now: Date) => Record<string, unknown> | Promise<Record<string, unknown>>) =>
    withWrite({ intent: action }, () =>
      records('complaints').act(actor, id, action, async (rec) => {
        const now = new Date();
        const status = complaintMove(rec.status as ComplaintStatus, action);
        return { complaintStatus: status, ...responded(rec, now), ...(await extra(rec, now)) };
      }),
    );

  const actions = {
    process: (actor: Actor, id: unknown) => move(actor, id, 'process', () => ({})),

    // Input is checked inside the move, after the record's visibility and state: a caller who
    // cannot see the complaint learns nothing from a 400.
    resolve(actor: Actor, id: unknown, body: Record<string, any>) {
      return move(actor, id, 'resolve', (_, now) => {
        const resolution = text(body.resolution, 5000);
        if (!resolution) throw badRequest('resolution: is required to resolve a complaint', { field: 'resolution', code: 'required' });
        return { resolution, resolvedAt: now };
      });
    },

    /** resolved → closed with the customer's satisfaction; open → closed is answered on the spot. */
    close(actor: Actor, id: unknown, body: Record<string, any>) {
      const s = body.satisfaction;
      return move(actor, id, 'close', (rec, now) => {
        if (s !== undefined && s !== null && (!Number.isInteger(s) || s < 1 || s > 5)) {
          throw badRequest('satisfaction: must be a whole number from 1 to 5', { field: 'satisfaction', code: 'out_of_range', min: 1, max: 5 });
        }
        const onTheSpot = rec.status === 'open';
        const resolution = text(body.resolution, 5000) ?? (onTheSpot ? null : rec.resolution);
        if (!resolution) throw badRequest('resolution: is required to close a complaint answered on the spot', { field: 'resolution', code: 'required' });
        return { resolution, closedAt: now, satisfaction: s ?? null, ...(onTheSpot ? { resolvedAt: now } : {}) };
      });
    },

    async reopen(actor: Actor, id: unknown, body: Record<string, any>) {
      const { reopenDays } = await complaintSettings();
      return move(actor, id, 'reopen', (rec) => {
        const reason = text(body.reason, 500);
        if (!reason) throw badRequest('reason: is required to reopen a complaint', { field: 'reason', code: 'required' });
        assertReopenable({ complaintStatus: rec.status, resolvedAt: rec.resolvedAt, closedAt: rec.closedAt }, reopenDays);
        return { reopenReason: reason, resolvedAt: null, closedAt: null, satisfaction: null };
      });
    },

    /**
     * Hands the complaint to a person whose role may read and write complaints (it joins their
     * department), or to a department with complaint handlers (nobody in particular holds it
     * then). Any other target is refused before anything is written. The caller may lose sight
     * of it: the answer is the record as it was handed over.
     */
    async transfer(actor: Actor, id: unknown, body: Record<string, any>) {
      const complaints = records('complaints');
      return strapi.db.transaction(() =>
        withWrite({ intent: 'transfer' }, async () => {
          const { row, rec } = await complaints.load(actor, id, 'transfer', undefined, true);
          if (!TRANSFERABLE.includes(rec.status as ComplaintStatus)) {
            throw conflict(`complaint is ${rec.status}: only an open or processing complaint is transferred`, {
              status: rec.status, action: 'transfer', allowed: [], code: 'transition_not_allowed',
            });
          }
          const target = await transferTarget(strapi, body);
          if (target.assignee === rec.assignee && target.department === rec.department) {
            throw badRequest(`${target.field}: the complaint is already there`, { field: target.field, code: 'same_target' });
          }
          await complaints.write(row, {
            assignee: relationData(target.assignee), department: relationData(target.department), ...responded(rec, new Date()),
          }, 'transfer');
          return complaints.get(actor, idOf(rec.id), 'show', true);
        }),
      );
    },
  };
  return { actions };
};
