import type { Core } from '@strapi/strapi';
import { loadRoleTable, roleTable } from './crm/roles';
import { RESOURCE_DEFS, registerResources } from './crm/registry';
import { ensureRoles } from './bootstrap/roles';
import { loadShippedConfig } from './bootstrap/config';
import { seedDemo } from './bootstrap/demo';
import { installWriteRules, registerRecord, registerRule } from './crm/rules';
import { AUDIT_UID } from './crm/audit';
import { leadRule } from './api/lead/rules';
import { customerRule } from './api/customer/rules';
import { opportunityRule } from './api/opportunity/rules';
import { interactionRule } from './api/interaction/rules';
import { departmentRule } from './api/department/rules';
import { staffRule } from './api/staff/rules';
import { auditEventRule } from './api/audit-event/rules';
import { settingRule } from './api/setting/rules';
// ui branch: 撞单 notices on visit logs; configuration in use is archived or merged, not deleted
import { visitLogRule } from './api/visit-log/rules';
import { registerConfigRules } from './crm/config-usage';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    loadRoleTable(strapi.dirs.app.root);
    registerResources(strapi);
    registerRule('api::lead.lead', leadRule);
    registerRule('api::customer.customer', customerRule);
    registerRule('api::opportunity.opportunity', opportunityRule);
    registerRule('api::interaction.interaction', interactionRule);
    registerRule('api::department.department', departmentRule);
    registerRule('plugin::users-permissions.user', staffRule);
    registerRule(AUDIT_UID, auditEventRule);
    registerRule('api::setting.setting', settingRule);
    registerRule('api::visit-log.visit-log', visitLogRule); // ui branch
    registerConfigRules(); // ui branch
    for (const def of RESOURCE_DEFS) {
      if (!def.audited) continue;
      const apiOf = Object.fromEntries(Object.entries(def.rename ?? {}).map(([api, attr]) => [attr, api]));
      registerRecord(strapi, def.uid, { resource: def.name, apiOf, status: def.status, owner: def.owner, tracked: def.expose });
    }
    installWriteRules(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureRoles(strapi, roleTable());
    const filled = await loadShippedConfig(strapi);
    if (filled.length) strapi.log.info(`[crm] shipped configuration loaded: ${filled.join(', ')}`);
    if (process.env.CRM_DEMO === 'true') {
      const { created } = await seedDemo(strapi);
      strapi.log.info(`[crm] demo mode: ${created ? 'demo data created' : 'demo data kept'}`);
    }
  },
};
