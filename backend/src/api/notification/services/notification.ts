// Marking a notification read is idempotent: reading it twice is not an error.
import { records } from '../../../crm/registry';
import type { Actor } from '../../../crm/access';

export default () => ({
  actions: {
    read(actor: Actor, id: unknown) {
      return records('notifications').act(actor, id, 'read', (rec) => (rec.read ? {} : { read: true, readAt: new Date().toISOString() }));
    },
  },
});
