import { crmRoutes } from '../../../crm/controller';

export default { type: 'content-api', routes: crmRoutes('complaint-categories') };
