import type { ResourceDef } from '../../crm/resource';
import { conflict } from '../../crm/errors';

// The outbox. Rows are created by jobs (outbox.ts#enqueue, batch.ts) and changed by dispatch
// only; admin reads them all, sales roles (scope `record`) those of the customers they may see;
// no role may write them through the API.
const message: ResourceDef = {
  name: 'messages',
  uid: 'api::message.message',
  rename: { status: 'messageStatus' },
  search: ['to', 'subject', 'body', 'dedupeKey'],
  // the outbox takes 200k rows in one greetings run: a bigram index would cost each ~1 ms
  searchIndexed: false,
  defaultSort: ['id', 'DESC'],
  visibleWith: 'customer',
  expose: ['channel', 'to', 'subject', 'body', 'purpose', 'linkResource', 'linkId', 'customer', 'staff', 'dedupeKey', 'status',
    'attempts', 'attemptLog', 'lastError', 'providerId', 'sentAt', 'skipReason', 'nextAttemptAt', 'createdAt', 'updatedAt'],
  rule: {
    // Two writers queued the same message (a job run twice, two instances): the first one stands.
    onUnique: (e) => conflict('dedupeKey: this message is already queued', { field: 'dedupeKey', code: 'duplicate_message', dedupeKey: e.data.dedupeKey }),
  },
};
export default message;
