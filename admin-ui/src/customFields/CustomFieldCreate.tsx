import { Create, SimpleForm } from 'react-admin';

import { transformCustomField } from './customField';
import { CustomFieldInputs } from './CustomFieldInputs';

export const CustomFieldCreate = () => (
  <Create redirect="list" transform={transformCustomField}>
    <SimpleForm defaultValues={{ entity: 'lead', type: 'text', order: 0, active: true, required: false, filterable: false, showInList: false }}>
      <CustomFieldInputs creating />
    </SimpleForm>
  </Create>
);

export default CustomFieldCreate;
