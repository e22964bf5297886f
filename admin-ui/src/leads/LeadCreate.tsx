import { Create, SimpleForm } from 'react-admin';

import { pickWritable, type Lead } from './lead';
import { LeadInputs } from './LeadInputs';

export const LeadCreate = () => (
  <Create<Lead> redirect="show" transform={pickWritable}>
    <SimpleForm>
      <LeadInputs />
    </SimpleForm>
  </Create>
);

export default LeadCreate;
