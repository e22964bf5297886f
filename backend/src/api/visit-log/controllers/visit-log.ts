import { crmController } from '../../../crm/controller';

export default crmController('visit-logs');
