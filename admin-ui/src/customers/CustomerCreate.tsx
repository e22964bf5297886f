import { Create, SimpleForm } from 'react-admin';

import { useAfterSaveRedirect } from '../common/useAfterSaveRedirect';
import { pickWritable, type Customer } from './customer';
import { CustomerInputs } from './CustomerInputs';

const DEFAULTS = { type: 'potential', gender: 'unknown', hot: false, smsOptOut: false, emailOptOut: false };

export const CustomerCreate = () => {
  const redirect = useAfterSaveRedirect('customers');
  return (
    <Create<Customer> redirect={redirect} transform={pickWritable}>
      <SimpleForm defaultValues={DEFAULTS}>
        <CustomerInputs />
      </SimpleForm>
    </Create>
  );
};

export default CustomerCreate;
