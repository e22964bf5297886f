import type { Core } from '@strapi/strapi';
import { loadRoleTable, refreshRoleTable, roleTable } from './crm/roles';
import { registerResources, resources } from './crm/registry';
import { ensureRoles } from './bootstrap/roles';
import { loadShippedConfig } from './bootstrap/config';
import { seedDemo } from './bootstrap/demo';
import { allOf, installWriteRules, registerRecord } from './crm/rules';
import { usageRule } from './crm/config-usage';
import { applySchemaExtras } from './crm/schema-extras';
import { ensureCustomIndexes, forgetCustomDefs } from './crm/custom-fields';
import { ensureSearchIndexes } from './crm/search-index';
import { ensureSearchTokens } from './crm/search-tokens';
import { ensureRowCounts } from './crm/row-counts';
import { copyAttributes, ensureRelationCopies } from './crm/relation-copy';
import { startScheduler, stopScheduler } from './api/job-run/scheduler';
import { eventCatalog, onCrmEvent, triggersFor } from './crm/events';
import { dropPanelWrites, labelPanelFields, readOnlyInPanel } from './crm/panel-config';
import { refreshZone } from './crm/time';
import { drainPool } from './crm/drain';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    loadRoleTable(strapi.dirs.app.root);
    forgetCustomDefs();
    registerResources(strapi);
    const catalog = eventCatalog(strapi.dirs.app.root);
    // Each concept declares its write rule, versioning and audit trail on its resource; the
    // events its writes raise come from the catalog, and concepts with `onEvent` hear them.
    for (const def of resources()) {
      if (def.onEvent) onCrmEvent(def.onEvent);
      const apiOf = Object.fromEntries(Object.entries(def.rename ?? {}).map(([api, attr]) => [attr, api]));
      registerRecord(strapi, def.uid, {
        rule: allOf(def.rule, def.inUse && usageRule(def.name, def.inUse)),
        versioned: def.versioned,
        custom: def.custom,
        audit: def.audited ? { resource: def.name, apiOf, status: def.status, owner: def.owner, tracked: def.expose, untracked: [...(def.unaudited ?? []), ...copyAttributes(strapi, def.uid)] } : null,
        events: triggersFor(catalog, def),
      });
    }
    installWriteRules(strapi);
    if (!readOnlyInPanel(strapi)) strapi.log.warn('[crm] admin panel: cannot make audit events read-only');
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // before the indexes: a first backfill of a copy column writes no index entries twice
    await ensureRelationCopies(strapi);
    await applySchemaExtras(strapi);
    await ensureCustomIndexes(strapi);
    await ensureSearchIndexes(strapi);
    await ensureSearchTokens(strapi);
    await ensureRowCounts(strapi);
    await ensureRoles(strapi, roleTable());
    await refreshRoleTable(strapi);
    await labelPanelFields(strapi);
    await dropPanelWrites(strapi);
    const filled = await loadShippedConfig(strapi);
    if (filled.length) strapi.log.info(`[crm] shipped configuration loaded: ${filled.join(', ')}`);
    // The zone from this database's settings, not one an earlier instance in this process cached.
    await refreshZone();
    if (process.env.CRM_DEMO === 'true') {
      const { created } = await seedDemo(strapi);
      strapi.log.info(`[crm] demo mode: ${created ? 'demo data created' : 'demo data kept'}`);
    }
    // Every instance schedules the jobs; the run coordinator lets one of them run each slot.
    if (process.env.CRM_JOBS !== 'false') await startScheduler();
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await stopScheduler();
    await drainPool(strapi);
  },
};
