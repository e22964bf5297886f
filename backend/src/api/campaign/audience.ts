// Who a campaign reaches: the customers its saved filter selects, read through the customers'
// list path as the campaign's author (the one visibility scope of crm/records.ts, the same filter
// syntax, custom fields included), page by page so 100k customers never sit in memory at once.
import { records } from '../../crm/registry';
import { loadActor } from '../../crm/org';
import { roleTable } from '../../crm/roles';
import { badRequest } from '../../crm/errors';
import type { Actor } from '../../crm/access';
import { skipReason, type SkipReason } from './transitions';

const PAGE = 500;
const CUSTOMER = 'api::customer.customer';

export interface Recipient { id: number; name: string; mobile: string | null; email: string | null; gender: string | null; custom: any }

/**
 * The saved filter as the list path takes it: the staff UI's form nests custom fields
 * (`{custom: {district: '滨江'}}`), the API spells them `custom.district`; cleared inputs drop out.
 */
export function listFilter(f: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f ?? {})) {
    if (v === null || v === '' || v === undefined) continue;
    if (k === 'custom' && typeof v === 'object' && !Array.isArray(v)) {
      for (const [ck, cv] of Object.entries(v as Record<string, unknown>)) if (cv !== null && cv !== '' && cv !== undefined) out[`custom.${ck}`] = cv;
    } else out[k] = v;
  }
  return out;
}

export async function authorOf(campaign: any, fallback?: Actor): Promise<Actor> {
  const id = campaign.author?.id ?? campaign.author ?? null;
  const actor = id ? await loadActor(strapi, roleTable(), id) : null;
  if (actor) return actor;
  if (fallback) return fallback;
  throw badRequest('author: the campaign\'s author is no longer active; copy the campaign to send it', { field: 'author', code: 'author_inactive' });
}

/**
 * Calls `each` for every customer the filter selects as `actor` sees them, with the reason they
 * get nothing on `channel` (opted out, no mobile…) or null. The list path answers ids (and masks
 * what the reader may not see); addresses are read by id.
 */
export async function forEachRecipient(
  actor: Actor, filter: Record<string, unknown> | null, channel: 'sms' | 'email',
  each: (c: Recipient, skip: SkipReason | null) => Promise<void>,
) {
  const list = records('customers');
  for (let start = 0; ; start += PAGE) {
    const { rows, total } = await list.list(actor, {
      filter: JSON.stringify(listFilter(filter)), sort: JSON.stringify(['id', 'ASC']), range: JSON.stringify([start, start + PAGE - 1]),
    });
    if (!rows.length) break;
    const full: any[] = await strapi.db.query(CUSTOMER as any).findMany({
      where: { id: { $in: rows.map((r) => r.id) } },
      select: ['id', 'name', 'mobile', 'email', 'gender', 'custom', 'smsOptOut', 'emailOptOut'],
      orderBy: { id: 'asc' },
    });
    for (const c of full) await each(c, skipReason(channel, c));
    if (start + PAGE >= total) break;
  }
}
