import { Create, SimpleForm } from 'react-admin';

import { useAfterSaveRedirect } from '../common/useAfterSaveRedirect';
import { pickWritable, type Complaint } from './complaint';
import { ComplaintInputs } from './ComplaintInputs';

const defaults = () => ({ channel: 'phone', severity: 'medium' });

export const ComplaintCreate = () => {
  const redirect = useAfterSaveRedirect('complaints');
  return (
    <Create<Complaint> redirect={redirect} transform={pickWritable}>
      <SimpleForm defaultValues={defaults}>
        <ComplaintInputs />
      </SimpleForm>
    </Create>
  );
};

export default ComplaintCreate;
