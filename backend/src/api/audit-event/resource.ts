import type { ResourceDef } from '../../crm/resource';
import { auditEventRule } from './rules';

// Read-only. Visibility follows the record an event is about (see the controller).
const auditEvent: ResourceDef = {
  name: 'audit-events',
  uid: 'api::audit-event.audit-event',
  rule: auditEventRule,
  // a record's history is read with the record; no list to export
  exportable: false,
  rename: { from: 'fromValue', to: 'toValue' },
  search: ['actorName', 'field'],
  defaultSort: ['createdAt', 'DESC'],
  present: (rec) => ({ ...rec, from: (rec.from as any)?.v ?? null, to: (rec.to as any)?.v ?? null }),
};
export default auditEvent;
