import type { Core } from '@strapi/strapi';
import { loadRoleTable, roleTable } from './crm/roles';
import { registerResources } from './crm/registry';
import { ensureRoles } from './bootstrap/roles';
import { seedDemo } from './bootstrap/demo';
import { installWriteRules, registerWriteCheck } from './crm/rules';
import { checkLeadChange } from './api/lead/transitions';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    loadRoleTable(strapi.dirs.app.root);
    registerResources(strapi);
    registerWriteCheck('api::lead.lead', checkLeadChange);
    installWriteRules(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureRoles(strapi, roleTable());
    if (process.env.CRM_DEMO === 'true') {
      const { created } = await seedDemo(strapi);
      strapi.log.info(`[crm] demo mode: ${created ? 'demo data created' : 'demo data kept'}`);
    }
  },
};
