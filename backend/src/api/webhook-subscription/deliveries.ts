// Deliveries are outbox rows (channel `webhook`, `to` = `webhook-subscription:<id>`): queued by
// `queueDeliveries` in the transaction of the change that raised the event, sent by dispatch
// (message/channels/webhook.ts), retried with its backoff; each attempt is in the row's attemptLog.
import type { CrmEvent } from '../../crm/events';
import { enqueue } from '../message/outbox';
import { payloadBody } from './signing';

export const UID = 'api::webhook-subscription.webhook-subscription';

/** The outbox `to` of a subscription's deliveries. */
export const deliveryTarget = (subscriptionId: number) => `webhook-subscription:${subscriptionId}`;

export const subscriptionOf = (to: string | null | undefined) => Number(/^webhook-subscription:(\d+)$/.exec(to ?? '')?.[1]) || null;

/**
 * One delivery per active subscription to each event; a replayed write queues nothing more.
 * The subscriptions are read once for all `events` (an import's chunk raises a thousand).
 */
export async function queueDeliveries(events: CrmEvent[]): Promise<void> {
  if (!events.length) return;
  // few rows: filtering inside the JSON list is done here, not in SQL (see platform notes)
  const subs: any[] = await strapi.db.query(UID as any).findMany({ where: { active: true }, select: ['id', 'events'] });
  for (const e of events) for (const s of subs) {
    if (!Array.isArray(s.events) || !s.events.includes(e.name)) continue;
    await enqueue({
      channel: 'webhook', to: deliveryTarget(s.id), subject: e.name, purpose: 'webhook',
      body: payloadBody({ event: e.name, occurredAt: e.occurredAt, data: e.data as CrmEvent['data'] & { id: number } }),
      // subscription + event + record + transition
      dedupeKey: `webhook:${s.id}:${e.name}:${e.recordId}:${e.occurrence}`,
      linkResource: e.resource, linkId: e.recordId,
    });
  }
}
