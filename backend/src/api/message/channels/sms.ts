// SMS through SMS_PROVIDER: `log` (demo default: written to the log, nothing leaves) or
// `webhook` (a JSON POST {to, body, sign} to SMS_WEBHOOK_URL, header Idempotency-Key), `aliyun` or `tencent` (sms-cloud.ts), `twilio` (sms-twilio.ts).
// Unset outside demo mode: skipped.
import type { Channel } from './types';
import { NotConfigured } from './types';
import { sendAliyun, sendTencent } from './sms-cloud';
import { sendTwilio } from './sms-twilio';

let logged = 0;

/** The idempotency key of an outbox row, sent with each attempt (providers that take one dedupe on it). */
export const idempotencyKey = (messageId: number) => `crm-message-${messageId}`;

export function smsProvider(): string | undefined {
  return process.env.SMS_PROVIDER ?? (process.env.CRM_DEMO === 'true' ? 'log' : undefined);
}

export const sms: Channel = {
  async send(msg) {
    const provider = smsProvider();
    const sign = process.env.SMS_SIGN ?? 'CRM';
    if (provider === 'log') {
      strapi.log.info(`[crm] sms (log provider) to ${msg.to}: 【${sign}】${msg.body}`);
      return { providerId: `log-${Date.now()}-${++logged}` };
    }
    if (provider === 'webhook') {
      const url = process.env.SMS_WEBHOOK_URL;
      if (!url) throw new NotConfigured('SMS_WEBHOOK_URL is not set');
      const res = await fetch(url, {
        method: 'POST',
        // the same key on every attempt of this outbox row: a gateway that honours it sends a
        // retry after a crash (the row was sent but its outcome not recorded) only once
        headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey(msg.id) },
        body: JSON.stringify({ to: msg.to, body: msg.body, sign }),
        signal: AbortSignal.timeout(10_000),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`SMS webhook answered ${res.status}: ${text.slice(0, 200)}`);
      let id: unknown;
      try { id = JSON.parse(text)?.id; } catch { /* a gateway that answers plain text */ }
      return { providerId: typeof id === 'string' || typeof id === 'number' ? String(id) : `webhook-${Date.now()}` };
    }
    if (provider === 'aliyun') return sendAliyun(msg, sign);
    if (provider === 'tencent') return sendTencent(msg, sign);
    if (provider === 'twilio') return sendTwilio(msg);
    throw new NotConfigured(provider ? `SMS_PROVIDER ${provider} is not supported` : 'SMS_PROVIDER is not set');
  },
};
