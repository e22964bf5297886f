// Merging two records of a resource (customers: `POST /customers/:id/merge {from}`): everything
// that points at `from` — found from the content types' relations, so a concept added later
// (complaints, questionnaire responses…) follows without being named here — is relinked to the
// kept record, `from`'s audit history moves with it, its empty fields fill the kept one's, and
// `from` is deleted. One transaction, both rows locked in id order (parallel merges of the same
// pair run once: the second finds `from` gone); both must be visible to and editable by the caller.
import type { Actor } from './access';
import { badRequest } from './errors';
import { idOf, isRecordId } from './fields';
import { records, resources } from './registry';
import { lockRow } from './rules';
import { AUDIT_UID } from './audit';
import { withWrite } from './write-context';

/** Relations of every resource that point at `uid`, with their link tables. */
export function referencesTo(uid: string) {
  const out: { resource: string; uid: string; attr: string; table: string; own: string; other: string; many: boolean }[] = [];
  for (const r of resources()) {
    const meta: any = strapi.db.metadata.get(r.uid as any);
    for (const [attr, a] of Object.entries<any>(meta.attributes)) {
      if (a.type !== 'relation' || a.target !== uid || !a.joinTable) continue;
      out.push({ resource: r.name, uid: r.uid, attr, table: a.joinTable.name, own: a.joinTable.joinColumn.name, other: a.joinTable.inverseJoinColumn.name, many: /ToMany$/.test(a.relation) });
    }
  }
  return out;
}

export async function mergeRecords(actor: Actor, name: string, id: unknown, body: Record<string, any>, fill: string[]) {
  const svc = records(name);
  const into = idOf(id);
  const from = idOf(body.from);
  if (!isRecordId(into)) throw badRequest('id: must be a record id', { field: 'id', code: 'invalid_id' });
  if (!isRecordId(from)) throw badRequest('from: must be the id of the record to merge into this one', { field: 'from', code: 'invalid_id' });
  if (from === into) throw badRequest('from: cannot merge a record into itself', { field: 'from', code: 'merge_self' });
  return strapi.db.transaction(({ trx }) => withWrite({ intent: 'merge' }, async () => {
    const knex = (table: string) => strapi.db.getConnection(table).transacting(trx);
    for (const n of [into, from].sort((a, b) => a - b)) await lockRow(strapi, svc.def.uid, { id: n });
    const kept = await svc.load(actor, into, 'merge', 'edit');
    const gone = await svc.load(actor, from, 'merge', 'edit');
    const moved: Record<string, number> = {};
    for (const ref of referencesTo(svc.def.uid)) {
      const rows: any[] = await knex(ref.table).where(ref.other, from).select(ref.own);
      if (!rows.length) continue;
      const ids = [...new Set(rows.map((r) => r[ref.own] as number))];
      // a record already linked to both (a visitor of both customers) keeps one link
      const both = new Set<number>((await knex(ref.table).where(ref.other, into).whereIn(ref.own, ids).select(ref.own)).map((r: any) => r[ref.own]));
      if (both.size) await knex(ref.table).where(ref.other, from).whereIn(ref.own, [...both] as number[]).del();
      await knex(ref.table).where(ref.other, from).update({ [ref.other]: into });
      // a client holding the old version must re-read before writing (409)
      const table = (strapi.db.metadata.get(ref.uid as any) as any).tableName;
      if ((strapi.db.metadata.get(ref.uid as any) as any).attributes.version) await knex(table).whereIn('id', ids).increment('version', 1);
      for (const rid of ids) {
        await strapi.documents(AUDIT_UID as any).create({ data: {
          resource: ref.resource, recordId: rid, action: 'merge', intent: 'merge', field: ref.attr,
          fromValue: { v: from }, toValue: { v: into }, actor: { set: [{ id: actor.id }] }, actorName: actor.name ?? String(actor.id),
        } } as any);
      }
      moved[`${ref.resource}.${ref.attr}`] = ids.length;
    }
    // the merged record's history is the kept one's now
    const audit = (strapi.db.metadata.get(AUDIT_UID as any) as any).tableName;
    await knex(audit).where({ resource: name, record_id: from }).update({ record_id: into });
    const data = Object.fromEntries(fill.filter((f) => kept.row[f] == null && gone.row[f] != null).map((f) => [f, gone.row[f]]));
    await strapi.documents(svc.def.uid as any).delete({ documentId: gone.row.documentId } as any);
    const fresh = await svc.load(actor, into, 'merge', 'edit');
    if (Object.keys(data).length) await svc.write(fresh.row, data, 'merge');
    await strapi.documents(AUDIT_UID as any).create({ data: {
      resource: name, recordId: into, action: 'merge', intent: 'merge', field: null,
      fromValue: { v: { id: from, name: gone.rec.name ?? null } }, toValue: { v: { id: into, moved } }, actor: { set: [{ id: actor.id }] }, actorName: actor.name ?? String(actor.id),
    } } as any);
    return { ...(await svc.get(actor, into)), merged: { from, moved } };
  }));
}
