import { crmController } from '../../../crm/controller';

// Read-only: no role is granted create, edit or delete (the outbox is written by the jobs).
export default crmController('messages');
