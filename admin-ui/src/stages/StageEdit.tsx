import { ConfigEdit } from '../common/ConfigForms';
import { STAGE_FIELDS, StageInputs } from './StageInputs';
import { ApplyProbabilityButton } from './ApplyProbabilityButton';

export const StageEdit = () => (
  <ConfigEdit fields={STAGE_FIELDS}>
    <StageInputs />
    <ApplyProbabilityButton />
  </ConfigEdit>
);

export default StageEdit;
