import { Edit, SaveButton, SimpleForm, Toolbar, usePermissions } from 'react-admin';

import { canDo, type Me } from '../auth/permissions';
import { transformCustomField } from './customField';
import { CustomFieldInputs } from './CustomFieldInputs';
import { DeleteCustomFieldButton } from './DeleteCustomFieldButton';

const EditToolbar = () => {
  const { permissions } = usePermissions<Me>();
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      {canDo(permissions, 'custom-fields', 'delete') ? <DeleteCustomFieldButton /> : null}
    </Toolbar>
  );
};

export const CustomFieldEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={transformCustomField}>
    <SimpleForm toolbar={<EditToolbar />}>
      <CustomFieldInputs />
    </SimpleForm>
  </Edit>
);

export default CustomFieldEdit;
