import { Alert } from '@mui/material';
import { ResourceContextProvider, useTranslate } from 'react-admin';

import { EmptyList } from '../common/EmptyList';
import { customerFilters } from './CustomerFields';
import { CustomerListView } from './CustomerList';

const POOL = { inPool: true };

/** 公海: customers nobody owns, with a 领取 (claim) button on each row. */
export const PoolList = () => {
  const translate = useTranslate();
  return (
    <ResourceContextProvider value="customers">
      <Alert severity="info" variant="outlined" sx={{ mt: 2, mb: -1 }}>
        {translate('crm.pool.hint')}
      </Alert>
      <CustomerListView
        filter={POOL}
        filters={customerFilters({ inPool: true })}
        storeKey="customers.pool"
        title="crm.pool.title"
        showOwner={false}
        empty={<EmptyList message="crm.pool.empty" />}
        sort={{ field: 'updatedAt', order: 'DESC' }}
      />
    </ResourceContextProvider>
  );
};

export default PoolList;
