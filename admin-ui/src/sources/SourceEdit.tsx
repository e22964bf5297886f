import { ConfigEdit } from '../common/ConfigForms';
import { SOURCE_FIELDS, SourceInputs } from './SourceInputs';

export const SourceEdit = () => (
  <ConfigEdit fields={SOURCE_FIELDS}>
    <SourceInputs />
  </ConfigEdit>
);

export default SourceEdit;
