// Marketing opt-out: the phrase marketing SMS carry, the replies that opt a customer out, and the
// signed token of an email's one-click unsubscribe link. Pure but for `messagingConfig`.
import crypto from 'crypto';
import { readConfig } from '../../crm/roles';

export interface MessagingConfig { marketingPurposes: string[]; optOutPhrase: string; optOutReplies: string[] }

export const messagingConfig = (): MessagingConfig => readConfig<MessagingConfig>(strapi.dirs.app.root, 'messaging.json');

export const isMarketing = (cfg: MessagingConfig, purpose: string | null | undefined) => !!purpose && cfg.marketingPurposes.includes(purpose);

/** The SMS body with the opt-out phrase at its end (once). */
export function withOptOutPhrase(body: string, phrase: string): string {
  return body.includes(phrase) ? body : `${body.trimEnd()} ${phrase}`;
}

/** What String#trimEnd strips (ECMAScript white space and line terminators), for the SQL twin below. */
export const TRIMMED = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

/**
 * withOptOutPhrase as an SQL expression over the column or expression `body` (without bindings of its
 * own), on PostgreSQL or SQLite: for bodies rendered by the database (greetings, INSERT … SELECT).
 */
export function withOptOutPhraseSql(body: string, phrase: string, pg: boolean): { sql: string; bindings: string[] } {
  const t = pg ? '::text' : '';
  return {
    sql: `CASE WHEN ${pg ? 'strpos' : 'instr'}(${body}, ?${t}) > 0 THEN ${body} ELSE rtrim(${body}, ?${t}) || ' ' || ?${t} END`,
    bindings: [phrase, TRIMMED, phrase],
  };
}

/** An inbound reply that asks to opt out: R, t, " TD ", 退订… (case, spaces and full-width letters ignored). */
export function isOptOutReply(text: unknown, replies: string[]): boolean {
  if (typeof text !== 'string') return false;
  const t = text.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  return !!t && replies.some((r) => r.normalize('NFKC').toUpperCase() === t);
}

const b64url = (b: Buffer) => b.toString('base64url');
const mac = (secret: string, payload: string) => b64url(crypto.createHmac('sha256', secret).update(`unsubscribe:${payload}`).digest());

/** `<customer>.<channel>.<hmac>`: names the customer and channel, forged by nobody without the secret. */
export function unsubscribeToken(secret: string, customerId: number, channel: 'email' | 'sms' = 'email'): string {
  const payload = `${customerId}.${channel}`;
  return `${payload}.${mac(secret, payload)}`;
}

export function readUnsubscribeToken(secret: string, token: unknown): { customerId: number; channel: 'email' | 'sms' } | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  const m = /^(\d{1,10})\.(email|sms)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const want = Buffer.from(mac(secret, `${m[1]}.${m[2]}`));
  const got = Buffer.from(m[3]);
  if (want.length !== got.length || !crypto.timingSafeEqual(want, got)) return null;
  return { customerId: Number(m[1]), channel: m[2] as 'email' | 'sms' };
}

/** The unsubscribe secret: its own env var, else derived from Strapi's app keys (never shipped). */
export function unsubscribeSecret(): string {
  const own = process.env.CRM_UNSUBSCRIBE_SECRET;
  if (own) return own;
  const keys = process.env.APP_KEYS;
  if (!keys) throw new Error('neither CRM_UNSUBSCRIBE_SECRET nor APP_KEYS is set');
  return crypto.createHash('sha256').update(`crm-unsubscribe:${keys}`).digest('hex');
}

/** Where the public unsubscribe page lives: CRM_PUBLIC_URL (what customers can reach), else this server. */
export function unsubscribeUrl(token: string): string {
  const base = (process.env.CRM_PUBLIC_URL || `http://localhost:${process.env.PORT || 1337}`).replace(/\/+$/, '');
  return `${base}/api/public/unsubscribe/${token}`;
}

/** Constant-time comparison of a presented shared secret with the configured one. */
export function sameSecret(presented: unknown, configured: string | undefined): boolean {
  if (!configured || typeof presented !== 'string') return false;
  const a = crypto.createHash('sha256').update(presented).digest();
  const b = crypto.createHash('sha256').update(configured).digest();
  return crypto.timingSafeEqual(a, b);
}
