import { useState } from 'react';
import { Alert } from '@mui/material';
import { ResourceContextProvider, useTranslate } from 'react-admin';

import { EmptyList } from '../common/EmptyList';
import { customerFilters } from './CustomerFields';
import { CustomerListView } from './CustomerList';

/** 久未跟进: customers whose next follow-up time has passed, the longest neglected first. */
export const StaleCustomerList = () => {
  const translate = useTranslate();
  // "now" once per visit, so the query key stays stable while the page is open.
  const [filter] = useState(() => ({ nextFollowUpAt_lte: new Date().toISOString() }));
  return (
    <ResourceContextProvider value="customers">
      <Alert severity="warning" variant="outlined" sx={{ mt: 2, mb: -1 }}>
        {translate('crm.stale.hint')}
      </Alert>
      <CustomerListView
        filter={filter}
        filters={customerFilters({ inPool: false })}
        storeKey="customers.stale"
        title="crm.stale.title"
        sort={{ field: 'lastFollowUpAt', order: 'ASC' }}
        empty={<EmptyList message="crm.stale.empty" />}
        followUp
      />
    </ResourceContextProvider>
  );
};

export default StaleCustomerList;
