// The outbox: queue a message once (its dedupe key is unique in the database), and let dispatch
// claim due rows under a lease, send each through its channel and record the outcome.
import os from 'os';
import { channelFor } from './channels';
import { NotConfigured, SendError, type OutMessage } from './channels/types';
import { backoffMs, decide, MAX_ATTEMPTS } from './policy';
import { isMarketing, messagingConfig, withOptOutPhrase, withOptOutPhraseSql } from './opt-out';
import { reserveSend } from './cap';

const UID = 'api::message.message';
/** how long a claim holds a row; a dead worker's rows are claimable again after it (env: tests shorten it) */
export const LEASE_MS = Number(process.env.CRM_DISPATCH_LEASE_MS) || 5 * 60000;
/** attempts kept in a row's log (a row is tried at most MAX_ATTEMPTS times per queuing) */
const MAX_LOGGED = 20;
export const instanceId = `${os.hostname()}:${process.pid}`;

export interface NewMessage {
  channel: OutMessage['channel'];
  to?: string | null;
  subject?: string | null;
  body: string;
  purpose: 'reminder' | 'greeting' | 'campaign' | 'notification' | 'webhook';
  dedupeKey: string;
  customer?: number | null;
  staff?: number | null;
  linkResource?: string | null;
  linkId?: number | null;
}

/**
 * Queues `m` unless a message with its dedupe key exists; answers whether it was queued. A staff
 * notification (in-app) is also queued once for the group robot of the recipient's department.
 * Many at once (jobs): batch.ts#enqueueMany, same rows.
 */
export async function enqueue(m: NewMessage): Promise<boolean> {
  const queued = await enqueueOne(m);
  if (m.channel === 'inapp' && m.staff) {
    const d: any = await strapi.db.query('plugin::users-permissions.user' as any).findOne({
      where: { id: m.staff }, populate: { department: { select: ['id', 'robotKind', 'robotWebhook'] } },
    });
    const robot = robotCopy(m, d?.department);
    if (robot) await enqueueOne(robot);
  }
  return queued;
}

/** The group-robot copy of a staff notification for the recipient's department, if it has a robot. */
export function robotCopy(m: NewMessage, dept: { id: number; robotKind?: string | null; robotWebhook?: string | null } | null | undefined): NewMessage | null {
  if (m.channel !== 'inapp' || !dept?.robotWebhook || !dept.robotKind) return null;
  // one row per department and occasion (the in-app row's dedupe key)
  return { ...m, channel: dept.robotKind as NewMessage['channel'], to: `department:${dept.id}`, dedupeKey: `robot:${dept.id}:${m.dedupeKey}` };
}

/** The body as queued: a marketing SMS says how to refuse the next one (the row holds the text as sent). */
export function queuedBody(m: NewMessage, cfg = messagingConfig()): string {
  return m.channel === 'sms' && m.customer && isMarketing(cfg, m.purpose) ? withOptOutPhrase(m.body, cfg.optOutPhrase) : m.body;
}

/**
 * queuedBody as an SQL expression over a source row's `channel`, `purpose`, `customer_id` and `body`
 * columns (`src.` prefixed), for rows queued by INSERT … SELECT (batch.ts#enqueueSelect).
 */
export function queuedBodySql(cfg: ReturnType<typeof messagingConfig>, pg: boolean): { sql: string; bindings: string[] } {
  if (!cfg.marketingPurposes.length) return { sql: 'src.body', bindings: [] };
  const phrased = withOptOutPhraseSql('src.body', cfg.optOutPhrase, pg);
  const t = pg ? '::text' : '';
  return {
    sql: `CASE WHEN src.channel = 'sms' AND src.customer_id IS NOT NULL AND src.purpose IN (${cfg.marketingPurposes.map(() => `?${t}`).join(', ')}) THEN ${phrased.sql} ELSE src.body END`,
    bindings: [...cfg.marketingPurposes, ...phrased.bindings],
  };
}

async function enqueueOne(m: NewMessage): Promise<boolean> {
  const { customer, staff, ...rest } = m;
  rest.body = queuedBody(m);
  try {
    await strapi.documents(UID as any).create({
      data: {
        ...rest, messageStatus: 'queued', attempts: 0,
        ...(customer ? { customer: { set: [{ id: customer }] } } : {}),
        ...(staff ? { staff: { set: [{ id: staff }] } } : {}),
      },
    } as any);
    return true;
  } catch (e: any) {
    if (e?.details?.code === 'duplicate_message') return false;
    throw e;
  }
}

const col = (attr: string) => (strapi.db.metadata.get(UID as any).attributes as any)[attr].columnName ?? attr;

/**
 * Claims up to `limit` due queued messages for this worker: sets a lease and counts the attempt,
 * in one statement. PostgreSQL: `FOR UPDATE SKIP LOCKED`, so concurrent dispatchers take disjoint
 * rows; SQLite has one writer, and the single UPDATE … RETURNING is atomic. A row whose lease ran
 * out (its worker died) is claimable again.
 */
export async function claim(limit: number, now = new Date(), owner = instanceId): Promise<number[]> {
  const table = strapi.db.metadata.get(UID as any).tableName;
  const [status, next, lease, leaseOwner, attempts] = ['messageStatus', 'nextAttemptAt', 'leaseUntil', 'leaseOwner', 'attempts'].map(col);
  const pg = strapi.db.dialect.client === 'postgres';
  const until = new Date(now.getTime() + LEASE_MS);
  // SQLite stores datetimes as epoch milliseconds through knex; PostgreSQL as timestamptz.
  const t = (d: Date) => (pg ? d.toISOString() : d.getTime());
  const sql = `UPDATE ${table} SET ${lease} = ?, ${leaseOwner} = ?, ${attempts} = COALESCE(${attempts}, 0) + 1
    WHERE id IN (SELECT id FROM ${table} WHERE ${status} = 'queued' AND (${next} IS NULL OR ${next} <= ?)
      AND (${lease} IS NULL OR ${lease} < ?) ORDER BY id LIMIT ?${pg ? ' FOR UPDATE SKIP LOCKED' : ''})
    RETURNING id`;
  const res: any = await strapi.db.connection.raw(sql, [t(until), owner, t(now), t(now), limit]);
  const rows: any[] = pg ? res.rows : res;
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

export interface DeliverOpts {
  now: Date;
  tz: string;
  quiet: { from: string; to: string } | null;
  /** messages per channel per rolling hour (setting `hourlyCap`) */
  cap?: Partial<Record<string, number>> | null;
}

/** Sends one claimed message (or skips / defers it) and records the outcome; answers it. */
export async function deliver(id: number, opts: DeliverOpts, owner = instanceId): Promise<'sent' | 'failed' | 'skipped' | 'retry' | 'wait' | 'lost'> {
  const row: any = await strapi.db.query(UID as any).findOne({ where: { id }, populate: { customer: true, staff: { select: ['id', 'notifyByEmail'] } } });
  const update = (data: Record<string, unknown>) =>
    strapi.documents(UID as any).update({ documentId: row.documentId, data: { leaseOwner: null, leaseUntil: null, ...data } } as any);
  if (!row || row.messageStatus !== 'queued') return 'skipped';
  // our lease ran out and another worker claimed the row: it is theirs to send now
  if (row.leaseOwner !== owner) return 'lost';
  const d = decide({ channel: row.channel, to: row.to, customerId: row.customer?.id ?? null }, row.customer ?? null, opts.now, opts.tz, opts.quiet, row.staff ?? null);
  if (d.action === 'skip') {
    await update({ messageStatus: 'skipped', skipReason: d.reason });
    return 'skipped';
  }
  if (d.action === 'wait') {
    // waiting for the quiet hours to end is not a failed attempt
    await update({ nextAttemptAt: d.until.toISOString(), attempts: Math.max(0, (row.attempts ?? 1) - 1) });
    return 'wait';
  }
  const until = await reserveSend(id, row.channel, opts.cap?.[row.channel], opts.now);
  if (until) {
    // over the hourly cap: wait for a place, not a failed attempt
    await update({ nextAttemptAt: until.toISOString(), attempts: Math.max(0, (row.attempts ?? 1) - 1) });
    return 'wait';
  }
  const msg: OutMessage = {
    id, channel: row.channel, customerId: row.customer?.id ?? null, purpose: row.purpose, to: row.to, subject: row.subject, body: row.body,
    staffId: row.staff?.id ?? null, linkResource: row.linkResource, linkId: row.linkId,
  };
  // every real send is one entry of the row's attempt log (the webhook deliveries page shows it)
  const logged = (outcome: 'sent' | 'retry' | 'failed', code?: number, error?: string) =>
    [...(Array.isArray(row.attemptLog) ? row.attemptLog : []), { at: new Date().toISOString(), outcome, code: code ?? null, error: error ?? null }].slice(-MAX_LOGGED);
  try {
    const { providerId, code } = await channelFor(msg.channel).send(msg);
    // sentAt: stamped by the reservation (cap.ts) when the channel is capped
    await update({ messageStatus: 'sent', providerId, lastError: null, attemptLog: logged('sent', code), ...(opts.cap?.[row.channel] ? {} : { sentAt: new Date().toISOString() }) });
    return 'sent';
  } catch (e: any) {
    const error = String(e?.message ?? e).slice(0, 2000);
    // the reservation of a place under the hourly cap is given back (see cap.ts)
    if (e instanceof NotConfigured) {
      await update({ messageStatus: 'skipped', skipReason: 'no_channel', lastError: error, sentAt: null });
      return 'skipped';
    }
    const code = e instanceof SendError ? e.code : undefined;
    const attempts = row.attempts ?? 1;
    if (attempts >= MAX_ATTEMPTS) {
      await update({ messageStatus: 'failed', lastError: error, sentAt: null, attemptLog: logged('failed', code, error) });
      return 'failed';
    }
    await update({ lastError: error, sentAt: null, attemptLog: logged('retry', code, error), nextAttemptAt: new Date(opts.now.getTime() + backoffMs(attempts)).toISOString() });
    return 'retry';
  }
}
