// What a webhook receiver gets and how it checks it came from us (README "Webhooks"). Pure.
import crypto from 'crypto';

export const HEADERS = { event: 'X-CRM-Event', delivery: 'X-CRM-Delivery', timestamp: 'X-CRM-Timestamp', signature: 'X-CRM-Signature' } as const;

export interface WebhookPayload {
  event: string;
  occurredAt: string;
  data: Record<string, unknown> & { id: number };
}

/** The raw body, as queued in the outbox and sent byte for byte (the signature covers these bytes). */
export const payloadBody = (p: WebhookPayload) => JSON.stringify({ event: p.event, occurredAt: p.occurredAt, data: p.data });

/**
 * `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`: the timestamp is signed too, so a
 * receiver that refuses old timestamps cannot be fed a recorded delivery again.
 */
export function signature(secret: string, timestamp: number, rawBody: string): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

/** A receiver's check, in constant time (also what the tests' receiver runs). */
export function verify(secret: string, timestamp: string | number, rawBody: string, header: string | undefined | null): boolean {
  if (!header) return false;
  const want = Buffer.from(signature(secret, Number(timestamp), rawBody));
  const got = Buffer.from(header);
  return want.length === got.length && crypto.timingSafeEqual(want, got);
}

/** The headers of one delivery attempt, signed at `now` (seconds since the epoch). */
export function deliveryHeaders(secret: string, event: string, deliveryId: number, rawBody: string, now = Date.now()): Record<string, string> {
  const ts = Math.floor(now / 1000);
  return {
    'content-type': 'application/json; charset=utf-8',
    [HEADERS.event]: event,
    [HEADERS.delivery]: String(deliveryId),
    [HEADERS.timestamp]: String(ts),
    [HEADERS.signature]: signature(secret, ts, rawBody),
  };
}

/** A new subscription's secret: 32 random bytes, hex, prefixed so it is recognisable in a vault. */
export const newSecret = () => `whsec_${crypto.randomBytes(32).toString('hex')}`;
