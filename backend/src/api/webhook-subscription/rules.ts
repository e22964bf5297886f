// A subscription posts to an http(s) URL, for events of the catalog (config/webhooks.json), and
// has a secret from its first write on, whoever creates it (the API, Strapi's admin panel).
import type { WriteRule } from '../../crm/rules';
import { badRequest } from '../../crm/errors';
import { eventCatalog, eventNames } from '../../crm/events';
import { newSecret } from './signing';

export function checkUrl(url: unknown): void {
  let ok = false;
  try {
    const u = new URL(String(url ?? ''));
    ok = ['http:', 'https:'].includes(u.protocol) && !!u.hostname && !u.username && !u.password;
  } catch { /* not a URL */ }
  if (!ok) throw badRequest('url: not an http(s) URL', { field: 'url', code: 'invalid_webhook_url' });
}

export function checkEvents(events: unknown, catalog: string[]): void {
  if (!Array.isArray(events) || !events.length) {
    throw badRequest('events: pick at least one event', { field: 'events', code: 'events_required', allowed: catalog });
  }
  const unknown = events.filter((e) => typeof e !== 'string' || !catalog.includes(e));
  if (unknown.length) throw badRequest(`events: unknown event ${String(unknown[0])}`, { field: 'events', code: 'unknown_event', unknown, allowed: catalog });
  if (new Set(events).size !== events.length) throw badRequest('events: an event is listed twice', { field: 'events', code: 'duplicate_event' });
}

export const webhookRule: WriteRule = {
  check({ strapi, op, after, data }) {
    if (!after) return;
    if (op === 'create' || 'url' in data) checkUrl(after.url);
    if (op === 'create' || 'events' in data) checkEvents(after.events, eventNames(eventCatalog(strapi.dirs.app.root)));
    if (op === 'create' && !after.secret) data.secret = newSecret();
  },
};
