import { Edit, SimpleForm } from 'react-admin';

import { useAfterSaveRedirect } from '../common/useAfterSaveRedirect';
import { pickWritable, type Complaint } from './complaint';
import { ComplaintInputs } from './ComplaintInputs';

export const ComplaintEdit = () => {
  const redirect = useAfterSaveRedirect('complaints');
  return (
    <Edit<Complaint> mutationMode="pessimistic" redirect={redirect} transform={pickWritable}>
      <SimpleForm>
        <ComplaintInputs />
      </SimpleForm>
    </Edit>
  );
};

export default ComplaintEdit;
