// Strapi's admin panel for the CRM content types: Chinese field labels in the Content Manager
// (from the staff UI's record catalogs, via panel-zh.json) and audit events read-only there.
import type { Core } from '@strapi/strapi';
import { resources } from './registry';
import { fieldLabel } from './panel-text';

/** Content types whose records are never created, edited or deleted by hand (the trail). */
const READ_ONLY_UIDS = ['api::audit-event.audit-event'];
const WRITE_ACTIONS = ['create', 'update', 'delete', 'publish'].map((a) => `plugin::content-manager.explorer.${a}`);

/**
 * Register phase: Strapi resets the super admin's permissions to "everything" at every start;
 * drop the write actions on the read-only content types from that set, so the Content Manager
 * offers no create/edit/delete for them. Returns false when the hook is unavailable.
 */
export function readOnlyInPanel(strapi: Core.Strapi): boolean {
  const hook = (strapi.service('admin::role') as any)?.hooks?.willResetSuperAdminPermissions;
  if (!hook?.register) return false;
  hook.register((permissions: Array<{ action: string; subject?: string | null }>) =>
    permissions.filter((p) => !(WRITE_ACTIONS.includes(p.action) && p.subject && READ_ONLY_UIDS.includes(p.subject))),
  );
  return true;
}

/** Bootstrap phase: the other admin roles (Editor, Author, custom ones) lose those actions too. */
export async function dropPanelWrites(strapi: Core.Strapi) {
  // admin::permission rows are Strapi's panel grants, not business records: no CRM rule applies.
  await strapi.db.query('admin::permission').deleteMany({ where: { action: { $in: WRITE_ACTIONS }, subject: { $in: READ_ONLY_UIDS } } });
}

/** Bootstrap phase: the Content Manager's label of every CRM field, in Chinese. */
export async function labelPanelFields(strapi: Core.Strapi) {
  const service = strapi.plugin('content-manager')?.service('content-types') as any;
  if (!service?.findConfiguration) return;
  for (const def of resources()) {
    const contentType = strapi.contentType(def.uid as any);
    if (!contentType) continue;
    const config = await service.findConfiguration(contentType);
    const metadatas = config.metadatas ?? {};
    let changed = false;
    for (const [attribute, meta] of Object.entries(metadatas as Record<string, any>)) {
      const label = fieldLabel(def.name, attribute);
      if (!label) continue;
      for (const view of ['edit', 'list'] as const) {
        if (meta?.[view] && meta[view].label !== label) {
          meta[view].label = label;
          changed = true;
        }
      }
    }
    if (changed) {
      const { uid: _uid, ...rest } = config;
      await service.updateConfiguration(contentType, { ...rest, metadatas });
    }
  }
}
