// Twilio SMS through its SDK (`twilio`): POST /2010-04-01/Accounts/{sid}/Messages.json with the
// account SID and auth token (SMS_ACCESS_KEY_ID / SMS_ACCESS_KEY_SECRET) from SMS_FROM. Twilio has
// no base-URL option; SMS_ENDPOINT is honoured by a custom `httpClient` (the documented hook) that
// sends each request to that origin instead (a proxy, or a loopback fake in tests).
import twilio from 'twilio';
import { NotConfigured, type OutMessage } from './types';

const need = (name: string) => {
  const v = process.env[name];
  if (!v) throw new NotConfigured(`${name} is not set`);
  return v;
};

/** RequestClient that swaps the origin of every request for `origin`. */
class EndpointClient extends twilio.RequestClient {
  constructor(private origin: string) { super({ timeout: 10_000 }); }
  request(opts: any): any {
    const u = new URL(opts.uri);
    return super.request({ ...opts, uri: `${this.origin.replace(/\/$/, '')}${u.pathname}${u.search}` });
  }
}

export async function sendTwilio(msg: OutMessage): Promise<{ providerId: string }> {
  const sid = need('SMS_ACCESS_KEY_ID');
  const token = need('SMS_ACCESS_KEY_SECRET');
  const from = need('SMS_FROM');
  const endpoint = process.env.SMS_ENDPOINT;
  const client = twilio(sid, token, endpoint ? { httpClient: new EndpointClient(endpoint) } : { timeout: 10_000 });
  // Twilio wants E.164: a bare mainland mobile number gets +86
  const to = /^1\d{10}$/.test(msg.to ?? '') ? `+86${msg.to}` : msg.to!;
  // the SDK throws a RestException (status, code, message) on a refusal: retried by dispatch
  const res = await client.messages.create({ to, from, body: msg.body ?? '' });
  if (!res?.sid) throw new Error('Twilio answered without a message sid');
  return { providerId: res.sid };
}
