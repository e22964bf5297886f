// Opting a customer out of a channel: written through the Document Service (the write rules and
// the audit trail see it, as the system), idempotent.
import { normalizeMobile } from '../../crm/phone';
import { withWrite } from '../../crm/write-context';

const CUSTOMER = 'api::customer.customer';
const FIELD = { sms: 'smsOptOut', email: 'emailOptOut' } as const;

export async function optOut(where: { id?: number; mobile?: string }, channel: 'sms' | 'email', by: string): Promise<number> {
  const rows: any[] = await strapi.db.query(CUSTOMER as any).findMany({ where, select: ['id', 'documentId', FIELD[channel]] });
  let changed = 0;
  for (const r of rows) {
    if (r[FIELD[channel]]) continue;
    await withWrite({ actor: { id: null, name: by }, intent: 'opt-out' }, () =>
      strapi.documents(CUSTOMER as any).update({ documentId: r.documentId, data: { [FIELD[channel]]: true } } as any));
    changed++;
  }
  return changed;
}

/** The customers with this mobile (typed any way the gateway sends it: +86…, spaces). */
export function mobileWhere(raw: unknown): { mobile: string } | null {
  try {
    const m = normalizeMobile(raw, 'from');
    return m ? { mobile: m } : null;
  } catch {
    return null;
  }
}
