// `POST /api/crm/<config>/:id/merge {into}`: every record naming an entry moves to another entry
// of the same configuration (through the write rules, each move audited), then the entry is
// archived — how an admin retires a stage, level, source or reason that records still name.
import { badRequest } from './errors';
import { resource, records } from './registry';
import { assertCan, type Actor } from './access';
import { idOf, isRecordId } from './fields';
import { mergeConfig } from './config-usage';
import { withWrite } from './write-context';
import { roleTable } from './roles';

export async function mergeInto(name: string, actor: Actor, id: unknown, into: unknown) {
  const def = resource(name);
  if (!def.inUse) throw badRequest(`${name} cannot be merged`, { code: 'not_mergeable' });
  assertCan(roleTable(), actor, name, 'edit');
  const target = idOf(into);
  if (!isRecordId(target)) throw badRequest('into: must be the id of the entry to merge into', { field: 'into', code: 'invalid_id' });
  if (target === idOf(id)) throw badRequest('into: an entry cannot be merged into itself', { field: 'into', code: 'merge_into_self' });
  const svc = records(name);
  const from = await svc.get(actor, id, 'edit');
  const to = await svc.get(actor, target, 'edit').catch((e) => {
    if (e?.status === 404) throw badRequest(`into: no ${name} entry ${target}`, { field: 'into', code: 'not_found' });
    throw e;
  });
  if (to.active === false) throw badRequest('into: merge into an active entry', { field: 'into', code: 'merge_into_archived' });
  if ((from as any).kind !== undefined && (from as any).kind !== (to as any).kind) {
    throw badRequest('into: both entries must be of the same kind', { field: 'into', code: 'merge_kind_mismatch' });
  }
  const rows = async (n: number) => strapi.db.query(def.uid as any).findOne({ where: { id: n } });
  const moved = await strapi.db.transaction(async () => {
    const [a, b] = await Promise.all([rows(from.id), rows(to.id)]);
    return withWrite({ intent: 'merge' }, () => mergeConfig(strapi, def.uid, def.inUse!, a, b));
  });
  return { moved, from: await svc.get(actor, from.id), into: await svc.get(actor, to.id) };
}
