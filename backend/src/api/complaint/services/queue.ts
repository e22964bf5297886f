// The service queue: complaints still being worked that the caller sees (the one scope), most
// severe first, then the oldest. At most MAX rows: a queue longer than that is worked by filters.
import type { Actor } from '../../../crm/access';
import { records } from '../../../crm/registry';
import { queueOrder } from '../transitions';

const MAX = 1000;

export async function queue(actor: Actor) {
  const { rows } = await records('complaints').list(
    actor,
    { sort: JSON.stringify(['createdAt', 'ASC']), range: JSON.stringify([0, MAX - 1]) },
    { complaintStatus: { $in: ['open', 'processing'] } },
  );
  return queueOrder(rows as any[]);
}
