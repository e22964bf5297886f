// The audit trail: one event per create, delete and changed field (who, when, from, to),
// written by the write-rules middleware in the same transaction as the change itself, so
// every writer is recorded and a rolled-back write leaves no event.
import type { Core } from '@strapi/strapi';
import { currentWrite, withWrite, WriteBatch, type WriteContext } from './write-context';
// (a cycle: bulk-write records its creates' audit here; both are used only when called)
import { createMany } from './bulk-write';

export const AUDIT_UID = 'api::audit-event.audit-event';

export interface AuditTarget {
  resource: string;
  /** attribute → API field name, where they differ */
  apiOf?: Record<string, string>;
  /** attribute holding the status (changes are `transition`s) and the owner (`assign`) */
  status?: string;
  owner?: string;
  /** when given, only these attributes are recorded (staff: what colleagues may read anyway) */
  tracked?: string[];
  /** attributes never recorded (secrets) */
  untracked?: string[];
}

const UNTRACKED = new Set([
  'id', 'documentId', 'version', 'createdAt', 'updatedAt', 'publishedAt', 'locale', 'localizations',
  'createdBy', 'updatedBy', 'password', 'resetPasswordToken', 'confirmationToken', 'email', 'provider', 'confirmed',
]);

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Who made the current write: the CRM actor, else a Strapi admin-panel user, else the system. */
function whoOf(strapi: Core.Strapi, context: WriteContext): { id: number | null; name: string } {
  if (context.actor) return context.actor;
  const ctx: any = strapi.requestContext.get();
  const user = ctx?.state?.user;
  if (user && ctx?.state?.auth?.strategy?.name === 'admin') {
    return { id: null, name: `管理后台 ${[user.firstname, user.lastname].filter(Boolean).join(' ')}`.trim() };
  }
  if (user?.username) return { id: user.id, name: user.displayName || user.username };
  return { id: null, name: '系统' };
}

export function changesOf(target: AuditTarget, before: Record<string, any>, after: Record<string, any>, intent?: string) {
  const out: { action: string; field: string; from: unknown; to: unknown }[] = [];
  for (const key of Object.keys(after)) {
    if (key === 'custom' && !target.tracked) {
      out.push(...customChanges(before.custom, after.custom));
      continue;
    }
    if (UNTRACKED.has(key) || target.untracked?.includes(key) || (target.tracked && !target.tracked.includes(key)) || same(before[key], after[key])) continue;
    const action =
      key === target.status ? 'transition'
      : key === target.owner ? (intent === 'claim' || intent === 'release' ? intent : 'assign')
      : 'update';
    out.push({ action, field: target.apiOf?.[key] ?? key, from: before[key] ?? null, to: after[key] ?? null });
  }
  return out;
}

/** Each custom value change is its own event, `custom.<key>`: from → to. */
function customChanges(before: unknown, after: unknown) {
  const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const [b, a] = [obj(before), obj(after)];
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => !same(b[k], a[k]))
    .map((k) => ({ action: 'update', field: `custom.${k}`, from: b[k] ?? null, to: a[k] ?? null }));
}

export async function recordAudit(
  strapi: Core.Strapi,
  target: AuditTarget,
  op: 'create' | 'update' | 'delete',
  before: Record<string, any> | null,
  saved: Record<string, any> | null,
  context: WriteContext,
) {
  const who = whoOf(strapi, context);
  const recordId = (saved ?? before)!.id;
  const events =
    op === 'update' ? changesOf(target, before!, saved!, context.intent)
    : [{ action: op, field: null, from: null, to: null }];
  await writeAudits(strapi, events.map((e) => ({
    resource: target.resource,
    recordId,
    action: e.action,
    intent: context.intent ?? null,
    field: e.field,
    // wrapped: Strapi's JSON field cannot hold a bare string on PostgreSQL
    fromValue: { v: e.from },
    toValue: { v: e.to },
    actor: who.id ? { set: [{ id: who.id }] } : { set: [] },
    actorName: who.name,
  })), context);
}

/**
 * Audit events, in the same transaction as the change: a bulk write collects them and writes them
 * together; otherwise they go in now through the same bulk insert and the audit events' own rule
 * (crm/bulk-write.ts), not the Document Service, whose validation and entry events were a quarter
 * of a customer update (a pool return, two events: 102 → 76 ms, 38 → 26 queries at 1M rows).
 */
export async function writeAudits(strapi: Core.Strapi, rows: Record<string, unknown>[], context: WriteContext = currentWrite()) {
  if (!rows.length) return;
  if (context.batch) {
    context.batch.audit.push(...rows);
    return;
  }
  const refused = (await withWrite({ batch: new WriteBatch() }, () => createMany(strapi, AUDIT_UID, rows))).find(Boolean);
  if (refused) throw refused;
}

/** One audit event (writeAudits). */
export const writeAudit = (strapi: Core.Strapi, data: Record<string, unknown>, context: WriteContext = currentWrite()) =>
  writeAudits(strapi, [data], context);
