import { Create, SimpleForm } from 'react-admin';

import { transformSetting } from './setting';
import { SettingInputs } from './SettingInputs';

export const SettingCreate = () => (
  <Create redirect="list" transform={transformSetting}>
    <SimpleForm>
      <SettingInputs creating />
    </SimpleForm>
  </Create>
);

export default SettingCreate;
