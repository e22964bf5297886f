import { Alert, Link } from '@mui/material';
import { useDataProvider, useTranslate } from 'react-admin';

import type { CrmDataProvider } from '../dataProvider';
import { useCrmQuery } from './useCrmQuery';

const PHONE = /^\+?[0-9]{5,20}$/;
const normalize = (mobile: unknown) => (typeof mobile === 'string' ? mobile.replace(/[\s\-()]/g, '') : '');

/**
 * 撞单: says whose customer `mobile` already is — the customer's name (masked when the user
 * may not see it), a link when they may, and its owner. Nothing when the number is new.
 */
export const MobileOwnerNotice = ({ mobile }: { mobile: unknown }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<CrmDataProvider>();
  const number = normalize(mobile);
  const { data } = useCrmQuery(`check-mobile:${number}`, () => dataProvider.checkMobile(number).then(r => r.data), PHONE.test(number));
  const customer = data?.customer;
  if (!customer) return null;
  const owner = customer.owner?.name ?? translate('crm.duplicate.pool');
  const name = customer.visible && customer.id != null ? (
    <Link href={`#/customers/${customer.id}/show`}>{customer.name}</Link>
  ) : (
    customer.name
  );
  return (
    <Alert severity="warning" data-testid="mobile-owner-notice" sx={{ my: 1 }}>
      {translate(customer.inPool ? 'crm.duplicate.in_pool' : 'crm.duplicate.owned', { owner, mobile: data?.mobile ?? number })}
      {name}
      {customer.inPool ? null : `。${translate('crm.duplicate.notified')}`}
    </Alert>
  );
};
