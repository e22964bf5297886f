// Webhook subscription actions: `redeliver` queues a failed delivery of the subscription again
// (its attempts start over; the attempt log keeps the earlier ones).
import { records } from '../../../crm/registry';
import { badRequest, conflict, notFound } from '../../../crm/errors';
import type { Actor } from '../../../crm/access';
import { isRecordId } from '../../../crm/fields';
import { deliveryTarget } from '../deliveries';

const MESSAGE = 'api::message.message';

export default () => ({
  actions: {
    async redeliver(actor: Actor, id: unknown, body: Record<string, unknown>) {
      const { rec } = await records('webhook-subscriptions').load(actor, id, 'redeliver', 'show');
      const delivery = Number(body.delivery);
      if (!isRecordId(delivery)) throw badRequest('delivery: must be the id of a delivery', { field: 'delivery', code: 'invalid_id' });
      const row: any = await strapi.db.query(MESSAGE as any).findOne({ where: { id: delivery, to: deliveryTarget(rec.id) } });
      if (!row) throw notFound(`delivery ${delivery} not found`, { field: 'delivery', code: 'not_found', id: delivery });
      if (row.messageStatus !== 'failed') {
        throw conflict(`delivery is ${row.messageStatus}: only a failed one is sent again`, { field: 'delivery', code: 'delivery_not_failed', status: row.messageStatus });
      }
      await strapi.documents(MESSAGE as any).update({
        documentId: row.documentId, data: { messageStatus: 'queued', attempts: 0, nextAttemptAt: null, leaseOwner: null, leaseUntil: null },
      } as any);
      return { delivery, status: 'queued' };
    },
  },
});
