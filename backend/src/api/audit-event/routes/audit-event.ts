import { crmRoutes } from '../../../crm/controller';

export default { type: 'content-api', routes: crmRoutes('audit-events', 'audit-event', { readOnly: true }) };
