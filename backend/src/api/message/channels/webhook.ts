// Webhook deliveries: the row's body (the event JSON, queued with the change) POSTed to the
// subscription's URL, signed with its secret at send time (webhook-subscription/signing.ts). The URL
// and secret are read when sent, so an edited subscription applies to queued deliveries too.
// Redirects are followed only on the same host (a receiver must not bounce our signed events
// elsewhere); a non-2xx answer or a timeout is a failed attempt, retried by dispatch.
import { NotConfigured, SendError, type Channel } from './types';
import { deliveryHeaders } from '../../webhook-subscription/signing';
import { subscriptionOf, UID } from '../../webhook-subscription/deliveries';
import { eventCatalog } from '../../../crm/events';

const MAX_REDIRECTS = 3;

export const webhook: Channel = {
  async send(msg) {
    const id = subscriptionOf(msg.to);
    const sub: any = id ? await strapi.db.query(UID as any).findOne({ where: { id }, select: ['id', 'url', 'secret', 'active'] }) : null;
    if (!sub?.url || !sub.secret) throw new NotConfigured(`webhook subscription ${id ?? msg.to} does not exist`);
    if (!sub.active) throw new NotConfigured(`webhook subscription ${id} is paused`);
    const body = msg.body ?? '';
    const timeoutMs = eventCatalog(strapi.dirs.app.root).timeoutMs ?? 5000;
    let url = new URL(sub.url);
    for (let hop = 0; ; hop++) {
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST', body, redirect: 'manual',
          headers: deliveryHeaders(sub.secret, msg.subject ?? '', msg.id, body),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (e: any) {
        const timedOut = e?.name === 'TimeoutError' || e?.name === 'AbortError';
        throw new SendError(timedOut ? `no answer within ${timeoutMs} ms` : `request failed: ${e?.cause?.code ?? e?.message ?? e}`);
      }
      const text = await res.text().catch(() => '');
      if (res.status >= 300 && res.status < 400) {
        const to = res.headers.get('location');
        const next = to ? new URL(to, url) : null;
        if (!next || next.hostname !== url.hostname || !['http:', 'https:'].includes(next.protocol) || hop >= MAX_REDIRECTS) {
          throw new SendError(`answered ${res.status}: redirect to ${next?.host ?? 'nowhere'} not followed`, res.status);
        }
        url = next;
        continue;
      }
      if (res.status < 200 || res.status >= 300) throw new SendError(`answered ${res.status}: ${text.slice(0, 200)}`.trim(), res.status);
      return { providerId: `webhook:${sub.id}:${msg.id}`, code: res.status };
    }
  },
};
