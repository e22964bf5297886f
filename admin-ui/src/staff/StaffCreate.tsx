import { Create, SimpleForm } from 'react-admin';

import { pickCreatable, type Staff } from './staff';
import { StaffInputs } from './StaffInputs';

export const StaffCreate = () => (
  <Create<Staff> redirect="list" transform={pickCreatable}>
    <SimpleForm defaultValues={{ role: 'sales' }}>
      <StaffInputs creating />
    </SimpleForm>
  </Create>
);

export default StaffCreate;
