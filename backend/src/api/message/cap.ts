// The per-hour cap per channel (setting `hourlyCap`), held across instances: before a send, the
// row reserves its place by stamping `sentAt` while still queued, under a lock (PostgreSQL: a
// transaction-scoped advisory lock per channel; SQLite: its single writer). Rows sent or reserved
// in the last hour count; a failed send clears its stamp. A row whose worker died after reserving
// keeps its stamp: it counts once, and is sent once when reclaimed.
const UID = 'api::message.message';
const HOUR = 3600000;

const meta = () => strapi.db.metadata.get(UID as any) as any;
const col = (attr: string) => meta().attributes[attr].columnName ?? attr;

/** Reserves a send (stamping `sentAt`, which a successful send keeps) of message `id` on `channel` at `now`: null when reserved, else when to try again. */
export async function reserveSend(id: number, channel: string, cap: number | undefined, now: Date): Promise<Date | null> {
  if (!cap || cap <= 0) return null;
  // the stamp stays as the send time: a batch run at `now` takes a while, and a dispatch run for a
  // later `now` (tests, a late scheduler) counts from that
  const stamp = new Date(Math.max(Date.now(), now.getTime()));
  const pg = strapi.db.dialect.client === 'postgres';
  const t = (d: Date) => (pg ? d.toISOString() : d.getTime());
  const table = meta().tableName;
  const [ch, status, sentAt] = ['channel', 'messageStatus', 'sentAt'].map(col);
  return strapi.db.transaction(async ({ trx }: any) => {
    if (pg) await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`crm-hourly-cap:${channel}`]);
    const recent: any[] = await trx(table).select(sentAt).where(ch, channel).whereIn(status, ['queued', 'sent'])
      .where(sentAt, '>', t(new Date(stamp.getTime() - HOUR))).whereNot('id', id).orderBy(sentAt, 'asc');
    if (recent.length >= cap) {
      // the hour frees a place when the (n - cap + 1)th oldest send leaves the window
      const oldest = recent[recent.length - cap][sentAt];
      return new Date(new Date(typeof oldest === 'number' ? oldest : oldest).getTime() + HOUR + 1000);
    }
    await trx(table).where('id', id).update({ [sentAt]: t(stamp) });
    return null;
  });
}
