import { Edit, SimpleForm } from 'react-admin';

import { transformSetting } from './setting';
import { SettingInputs } from './SettingInputs';

export const SettingEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={transformSetting}>
    <SimpleForm>
      <SettingInputs />
    </SimpleForm>
  </Edit>
);

export default SettingEdit;
