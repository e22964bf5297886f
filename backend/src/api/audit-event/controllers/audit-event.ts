// Audit events are visible to whoever may see the record they are about: a role with scope
// `record` lists them one record at a time, after that record passed the caller's own scope.
import { handle } from '../../../crm/http';
import { records } from '../../../crm/registry';
import { grantsOf, type Actor } from '../../../crm/access';
import { roleTable } from '../../../crm/roles';
import { badRequest, notFound } from '../../../crm/errors';
import { isRecordId } from '../../../crm/fields';

async function assertRecordVisible(actor: Actor, resource: unknown, recordId: unknown) {
  if (typeof resource !== 'string' || recordId === undefined) {
    throw badRequest('filter: give resource and recordId to read a record\'s history', { param: 'filter', field: 'resource', code: 'invalid_query' });
  }
  try {
    await records(resource).get(actor, recordId);
  } catch (e) {
    if (e instanceof Error && /unknown CRM resource/.test(e.message)) throw badRequest('filter: unknown resource', { param: 'filter', field: 'resource', code: 'invalid_query' });
    throw e;
  }
}

const viaRecord = (actor: Actor) => grantsOf(roleTable(), actor.role, 'audit-events').scope === ('record' as string);

export default {
  find: handle(async (ctx, actor) => {
    let trusted = false;
    if (viaRecord(actor)) {
      let filter: any = {};
      try { filter = JSON.parse(ctx.query.filter ?? '{}'); } catch { /* the list parser names the error */ }
      await assertRecordVisible(actor, filter?.resource, filter?.recordId);
      trusted = true;
    }
    const { rows, start, total } = await records('audit-events').list(actor, ctx.query, {}, trusted);
    const end = rows.length ? start + rows.length - 1 : start;
    ctx.set('Content-Range', `audit-events ${start}-${end}/${total}`);
    return rows;
  }),
  findOne: handle(async (ctx, actor) => {
    if (!viaRecord(actor)) return records('audit-events').get(actor, ctx.params.id);
    // the same id rule as every record read (records.ts): `1.5`, `-0.0001` reached PostgreSQL as a 500
    if (!/^\d+$/.test(String(ctx.params.id)) || !isRecordId(Number(ctx.params.id))) throw badRequest('id: must be a record id', { field: 'id', code: 'invalid_id' });
    const row: any = await strapi.db.query(records('audit-events').def.uid as any).findOne({ where: { id: Number(ctx.params.id) } });
    if (!row) throw notFound(`audit-events ${ctx.params.id} not found`);
    await assertRecordVisible(actor, row.resource, row.recordId);
    return records('audit-events').get(actor, row.id, 'show', true);
  }),
};
