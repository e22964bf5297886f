import { ConfigCreate } from '../common/ConfigForms';
import { SOURCE_FIELDS, SourceInputs } from './SourceInputs';

export const SourceCreate = () => (
  <ConfigCreate fields={SOURCE_FIELDS} defaults={{ active: true }}>
    <SourceInputs />
  </ConfigCreate>
);

export default SourceCreate;
