import { crmController } from '../../../crm/controller';
import { handle } from '../../../crm/http';
import { queue } from '../services/queue';

export default {
  ...crmController('complaints'),
  /** The service queue: open and processing complaints the caller sees, most severe and oldest first. */
  queue: handle(async (_ctx, actor) => queue(actor)),
};
