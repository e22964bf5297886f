import { crmController } from '../../../crm/controller';

export default crmController('leads', 'api::lead.lead');
