import { Create, SimpleForm } from 'react-admin';

import { pickWritable, type Lead } from './lead';
import { LeadInputs } from './LeadInputs';
import { useAfterSaveRedirect } from './useAfterSaveRedirect';

export const LeadCreate = () => {
  const redirect = useAfterSaveRedirect();
  return (
    <Create<Lead> redirect={redirect} transform={pickWritable}>
      <SimpleForm>
        <LeadInputs />
      </SimpleForm>
    </Create>
  );
};

export default LeadCreate;
