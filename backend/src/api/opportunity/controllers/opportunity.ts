import { crmController } from '../../../crm/controller';

export default crmController('opportunities', 'api::opportunity.opportunity');
