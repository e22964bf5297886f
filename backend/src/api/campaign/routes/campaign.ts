import { crmRoutes } from '../../../crm/controller';

export default { type: 'content-api', routes: crmRoutes('campaigns') };
