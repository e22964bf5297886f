import { crmController } from '../../../crm/controller';

export default crmController('complaint-categories');
