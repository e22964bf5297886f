// Sending a campaign: at its time the campaigns job moves it to `sending`, queues one outbox row
// per customer (dedupe key campaign + customer + channel, so a rerun after a crash queues each
// once) and moves it to `sent` with its counts; afterwards each run refreshes the counts from the
// outbox (sent, failed, skipped at dispatch) until nothing is pending.
import { enqueueMany } from '../message/batch';
import type { NewMessage } from '../message/outbox';
import { render } from '../message/template';
import { withWrite } from '../../crm/write-context';
import { authorOf, forEachRecipient } from './audience';
import { customerVars, SKIPPED_LISTED } from './transitions';

const UID = 'api::campaign.campaign';
const MESSAGE = 'api::message.message';
/** messages per multi-row insert */
const FLUSH = 2000;

const save = (row: any, data: Record<string, unknown>) =>
  withWrite({ intent: 'campaigns' }, () => strapi.documents(UID as any).update({ documentId: row.documentId, data } as any));

export async function sendCampaign(row: any): Promise<{ queued: number; skipped: number }> {
  if (row.campaignStatus === 'scheduled') await save(row, { campaignStatus: 'sending' });
  const author = await authorOf(row);
  let audience = 0;
  let queued = 0;
  const reasons: Record<string, number> = {};
  const skipped: { customer: number; name: string; reason: string }[] = [];
  // queued a page at a time (multi-row inserts, batch.ts); a row already queued by an
  // interrupted run is a duplicate there and counts as queued too
  let pending: NewMessage[] = [];
  const flush = async () => {
    if (pending.length) await enqueueMany(pending);
    pending = [];
  };
  await forEachRecipient(author, row.filter, row.channel, async (c, skip) => {
    audience++;
    if (skip) {
      reasons[skip] = (reasons[skip] ?? 0) + 1;
      if (skipped.length < SKIPPED_LISTED) skipped.push({ customer: c.id, name: c.name, reason: skip });
      return;
    }
    const vars = customerVars(c);
    pending.push({
      channel: row.channel, to: row.channel === 'sms' ? c.mobile : c.email,
      subject: row.channel === 'email' ? render(row.subject ?? '', vars) : null,
      body: render(row.template, vars), purpose: 'campaign', customer: c.id,
      linkResource: 'campaigns', linkId: row.id, dedupeKey: `campaign:${row.id}:${c.id}:${row.channel}`,
    });
    queued++;
    if (pending.length >= FLUSH) await flush();
  });
  await flush();
  const counts = { audience, queued, pending: queued, sent: 0, failed: 0, skipped: audience - queued, reasons };
  await save(row, { campaignStatus: 'sent', counts, skipped });
  return { queued, skipped: audience - queued };
}

/** The campaign's counts as the outbox has them now: pending, sent, failed, skipped (with reasons). */
export async function refreshCounts(row: any): Promise<void> {
  const base = row.counts ?? {};
  const msgs: any[] = await strapi.db.query(MESSAGE as any).findMany({
    where: { linkResource: 'campaigns', linkId: row.id }, select: ['messageStatus', 'skipReason'],
  });
  const by = (s: string) => msgs.filter((m) => m.messageStatus === s).length;
  const reasons: Record<string, number> = {};
  for (const [k, v] of Object.entries(base.reasons ?? {})) if (!k.startsWith('dispatch:')) reasons[k] = v as number;
  const preSkipped = Object.values(reasons).reduce((a, b) => a + b, 0);
  for (const m of msgs) if (m.messageStatus === 'skipped') reasons[m.skipReason ?? 'skipped'] = (reasons[m.skipReason ?? 'skipped'] ?? 0) + 1;
  const counts = { ...base, queued: msgs.length, pending: by('queued'), sent: by('sent'), failed: by('failed'), skipped: preSkipped + by('skipped'), reasons };
  if (JSON.stringify(counts) !== JSON.stringify(base)) await save(row, { counts });
}
