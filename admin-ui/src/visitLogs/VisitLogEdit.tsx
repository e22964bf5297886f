import { Edit, SimpleForm } from 'react-admin';

import { useAfterSaveRedirect } from '../common/useAfterSaveRedirect';
import { pickWritable, type VisitLog } from './visitLog';
import { VisitLogInputs } from './VisitLogInputs';

export const VisitLogEdit = () => {
  const redirect = useAfterSaveRedirect('visit-logs');
  return (
    <Edit<VisitLog> mutationMode="pessimistic" redirect={redirect} transform={pickWritable}>
      <SimpleForm>
        <VisitLogInputs />
      </SimpleForm>
    </Edit>
  );
};

export default VisitLogEdit;
