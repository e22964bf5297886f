// Audit events are written once by the write rules and never changed or removed, by anyone.
import type { WriteRule } from '../../crm/rules';
import { forbidden } from '../../crm/errors';

export const auditEventRule: WriteRule = {
  check: ({ op }) => {
    if (op !== 'create') throw forbidden('audit events cannot be changed or deleted', { code: 'audit_immutable' });
  },
};
