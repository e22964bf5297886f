// One Document Service middleware enforces each content type's write rules for every writer:
// our API, Strapi's stock services and its admin Content Manager all write through it.
import type { Core } from '@strapi/strapi';

export type WriteCheck = (before: Record<string, any> | null, after: Record<string, any>) => void;

const checks = new Map<string, WriteCheck>();

export function registerWriteCheck(uid: string, check: WriteCheck) {
  checks.set(uid, check);
}

export function installWriteRules(strapi: Core.Strapi) {
  strapi.documents.use(async (ctx: any, next: () => Promise<any>) => {
    const check = checks.get(ctx.uid);
    if (!check || (ctx.action !== 'create' && ctx.action !== 'update')) return next();
    const data = ctx.params?.data ?? {};
    if (ctx.action === 'create') {
      const defaults = strapi.contentType(ctx.uid).attributes as Record<string, any>;
      const withDefaults = { ...Object.fromEntries(Object.entries(defaults).filter(([, a]) => 'default' in a).map(([k, a]) => [k, a.default])), ...data };
      check(null, withDefaults);
    } else {
      // Read-only lookup of the current row; the write itself goes through the Document Service.
      const before = await strapi.db.query(ctx.uid).findOne({ where: { documentId: ctx.params.documentId } });
      if (before) check(before, { ...before, ...data });
    }
    return next();
  });
}
