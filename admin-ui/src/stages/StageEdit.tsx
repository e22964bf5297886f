import { ConfigEdit } from '../common/ConfigForms';
import { STAGE_FIELDS, StageInputs } from './StageInputs';

export const StageEdit = () => (
  <ConfigEdit fields={STAGE_FIELDS}>
    <StageInputs />
  </ConfigEdit>
);

export default StageEdit;
