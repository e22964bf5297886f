import { crmController } from '../../../crm/controller';

export default crmController('campaigns');
