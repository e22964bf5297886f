import { Link as RouterLink } from 'react-router-dom';
import { Link } from '@mui/material';
import { usePermissions, useRecordContext } from 'react-admin';

import { canDo, type Me } from '../auth/permissions';
import type { Complaint } from './complaint';

/**
 * The complaint's customer by name (the server sends it with the complaint: a handler in another
 * department may not read the customer itself), linking to the customer for who may open it.
 */
export const CustomerName = (_props: { label?: string }) => {
  const record = useRecordContext<Complaint>();
  const { permissions } = usePermissions<Me>();
  if (!record?.customer) return <span>—</span>;
  const name = record.customerName ?? '—';
  if (!canDo(permissions, 'customers', 'show')) return <span>{name}</span>;
  return (
    <Link component={RouterLink} to={`/customers/${String(record.customer)}/show`} onClick={e => e.stopPropagation()}>
      {name}
    </Link>
  );
};
