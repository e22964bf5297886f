// What a webhook receiver gets: the body as queued, the signature over "<timestamp>.<body>", the
// events a write raises by the catalog, and the subscription checks. Pure, no server.
import crypto from 'crypto';
import path from 'path';
import fs from 'fs';
import { deliveryHeaders, newSecret, payloadBody, signature, verify } from '../../../backend/src/api/webhook-subscription/signing';
import { checkEvents, checkUrl } from '../../../backend/src/api/webhook-subscription/rules';
import { eventsOf, eventNames, triggersFor, type EventCatalog } from '../../../backend/src/crm/events';

const catalog: EventCatalog = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../config/webhooks.json'), 'utf8'));
const secret = 'whsec_test';

describe('signature', () => {
  it('is the hex HMAC-SHA256 of "<timestamp>.<raw body>" with the secret, as a receiver computes it', () => {
    const body = payloadBody({ event: 'lead.converted', occurredAt: '2026-12-01T08:00:00.000Z', data: { id: 7, subject: '王先生' } });
    const mine = crypto.createHmac('sha256', secret).update(`1764576000.${body}`).digest('hex');
    expect(signature(secret, 1764576000, body)).toBe(`sha256=${mine}`);
    expect(verify(secret, '1764576000', body, `sha256=${mine}`)).toBe(true);
  });

  it('fails for another body, another timestamp, another secret or no header', () => {
    const body = '{"event":"x"}';
    const sig = signature(secret, 100, body);
    expect(verify(secret, 100, '{"event":"y"}', sig)).toBe(false);
    expect(verify(secret, 101, body, sig)).toBe(false);
    expect(verify('other', 100, body, sig)).toBe(false);
    expect(verify(secret, 100, body, undefined)).toBe(false);
    expect(verify(secret, 100, body, 'sha256=00')).toBe(false);
  });

  it('comes with the event, the delivery id and the signed timestamp as headers', () => {
    const body = '{"event":"opportunity.won"}';
    const h = deliveryHeaders(secret, 'opportunity.won', 42, body, Date.parse('2026-12-01T08:00:00.500Z'));
    expect(h).toEqual({
      'content-type': 'application/json; charset=utf-8',
      'X-CRM-Event': 'opportunity.won', 'X-CRM-Delivery': '42', 'X-CRM-Timestamp': '1796112000',
      'X-CRM-Signature': signature(secret, 1796112000, body),
    });
  });

  it('secrets are new each time and long', () => {
    const [a, b] = [newSecret(), newSecret()];
    expect(a).toMatch(/^whsec_[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
  });
});

describe('payload', () => {
  it('is {event, occurredAt, data} in that order, data as given, text kept as UTF-8', () => {
    const body = payloadBody({ data: { id: 3, title: '漏水' }, occurredAt: '2026-12-01T00:00:00.000Z', event: 'complaint.opened' } as any);
    expect(body).toBe('{"event":"complaint.opened","occurredAt":"2026-12-01T00:00:00.000Z","data":{"id":3,"title":"漏水"}}');
  });
});

describe('events of a write (config/webhooks.json)', () => {
  const leads = triggersFor(catalog, { name: 'leads', status: 'leadStatus', rename: { status: 'leadStatus' } })!;
  const opportunities = triggersFor(catalog, { name: 'opportunities', status: 'opportunityStatus', rename: { status: 'opportunityStatus' } })!;
  const now = new Date('2026-12-01T08:00:00Z');
  const lead = { id: 5, documentId: 'd', subject: '咨询', mobile: '13900000000', email: 'a@b.c', leadStatus: 'active', owner: 2, version: 1, createdAt: new Date('2026-11-30T00:00:00Z') };

  it('a new lead raises lead.created with the safe fields only (no mobile, no email)', () => {
    const [e, ...more] = eventsOf(leads, 'create', null, lead, now);
    expect(more).toEqual([]);
    expect(e).toMatchObject({ name: 'lead.created', resource: 'leads', recordId: 5, occurrence: 'created', occurredAt: now.toISOString() });
    expect(e.data).toMatchObject({ id: 5, subject: '咨询', status: 'active', owner: 2, createdAt: '2026-11-30T00:00:00.000Z' });
    expect(Object.keys(e.data)).not.toEqual(expect.arrayContaining(['mobile']));
    expect(e.data).not.toHaveProperty('email');
  });

  it('converting raises lead.converted once per transition, told apart by the version it made', () => {
    const after = { ...lead, leadStatus: 'qualified', opportunity: 9, version: 2 };
    expect(eventsOf(leads, 'update', lead, after, now).map((e) => [e.name, e.occurrence])).toEqual([['lead.converted', 'v2']]);
    // an edit that leaves the status alone raises nothing
    expect(eventsOf(leads, 'update', after, { ...after, subject: '改', version: 3 }, now)).toEqual([]);
    expect(eventsOf(leads, 'delete', after, null, now)).toEqual([]);
  });

  it('an opportunity lost, reactivated and lost again raises two opportunity.lost', () => {
    const o = { id: 8, opportunityStatus: 'open', version: 4 };
    const lost1 = eventsOf(opportunities, 'update', o, { ...o, opportunityStatus: 'lost', version: 5 }, now);
    const lost2 = eventsOf(opportunities, 'update', { ...o, version: 6 }, { ...o, opportunityStatus: 'lost', version: 7 }, now);
    expect([...lost1, ...lost2].map((e) => `${e.name}:${e.occurrence}`)).toEqual(['opportunity.lost:v5', 'opportunity.lost:v7']);
  });

  it('the catalog is the six events, each on a resource with what its trigger needs', () => {
    expect(eventNames(catalog)).toEqual(['lead.created', 'lead.converted', 'opportunity.won', 'opportunity.lost', 'complaint.opened', 'complaint.closed']);
    expect(triggersFor(catalog, { name: 'customers' })).toBeUndefined();
    expect(() => triggersFor(catalog, { name: 'leads' })).toThrow(/no status/);
  });
});

describe('subscription checks', () => {
  const names = eventNames(catalog);
  it('take http(s) URLs only, without credentials in them', () => {
    for (const ok of ['https://erp.example.com/hooks/crm', 'http://127.0.0.1:8080/x']) expect(() => checkUrl(ok)).not.toThrow();
    for (const bad of ['ftp://example.com/x', 'javascript:alert(1)', 'example.com/x', '', null, 'https://user:pw@example.com/']) {
      expect(() => checkUrl(bad)).toThrow(expect.objectContaining({ details: expect.objectContaining({ field: 'url', code: 'invalid_webhook_url' }) }));
    }
  });

  it('take events of the catalog, at least one, each once', () => {
    expect(() => checkEvents(['lead.created', 'complaint.closed'], names)).not.toThrow();
    const code = (v: unknown) => { try { checkEvents(v, names); return null; } catch (e: any) { return [e.details.field, e.details.code]; } };
    expect(code(['lead.deleted'])).toEqual(['events', 'unknown_event']);
    expect(code([])).toEqual(['events', 'events_required']);
    expect(code('lead.created')).toEqual(['events', 'events_required']);
    expect(code(['lead.created', 'lead.created'])).toEqual(['events', 'duplicate_event']);
  });
});
