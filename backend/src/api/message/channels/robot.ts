// WeCom (企业微信) and DingTalk (钉钉) group robots: a department's webhook receives the staff
// notifications of its members as text. The row's `to` is `department:<id>`; the URL and secret are
// read from the department when sent, so a changed webhook applies to queued rows too.
import crypto from 'crypto';
import type { Channel, OutMessage } from './types';
import { NotConfigured } from './types';

/** DingTalk's signature: base64(HMAC-SHA256(secret, `${timestamp}\n${secret}`)), in the query. */
export function dingtalkSign(secret: string, timestamp: number): string {
  return crypto.createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

async function department(msg: OutMessage): Promise<any> {
  const id = Number(/^department:(\d+)$/.exec(msg.to ?? '')?.[1]);
  if (!id) throw new NotConfigured('robot messages go to a department');
  const d: any = await strapi.db.query('api::department.department' as any).findOne({ where: { id } });
  if (!d?.robotWebhook || d.robotKind !== msg.channel) throw new NotConfigured(`department ${id} has no ${msg.channel} robot`);
  return d;
}

function robot(kind: 'wecom' | 'dingtalk'): Channel {
  return {
    async send(msg) {
      const d = await department(msg);
      const url = new URL(d.robotWebhook);
      if (kind === 'dingtalk' && d.robotSecret) {
        const timestamp = Date.now();
        url.searchParams.set('timestamp', String(timestamp));
        url.searchParams.set('sign', dingtalkSign(d.robotSecret, timestamp));
      }
      const content = [msg.subject, msg.body].filter(Boolean).join('\n');
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ msgtype: 'text', text: { content } }),
        signal: AbortSignal.timeout(10_000),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${kind} robot answered ${res.status}: ${text.slice(0, 200)}`);
      // both answer 200 with errcode 0 on success, another errcode (bad key, bad sign, rate limit) otherwise
      let answer: any = null;
      try { answer = JSON.parse(text); } catch { /* plain text */ }
      if (answer && answer.errcode != null && answer.errcode !== 0) throw new Error(`${kind} robot: ${answer.errcode} ${answer.errmsg ?? ''}`.trim());
      return { providerId: `${kind}:${d.id}:${Date.now()}` };
    },
  };
}

export const wecom = robot('wecom');
export const dingtalk = robot('dingtalk');
