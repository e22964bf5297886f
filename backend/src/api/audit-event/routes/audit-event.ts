import { crmRoutes } from '../../../crm/controller';

export default { type: 'content-api', routes: crmRoutes('audit-events', { readOnly: true }) };
