import { ConfigCreate } from '../common/ConfigForms';
import { STAGE_FIELDS, StageInputs } from './StageInputs';

export const StageCreate = () => (
  <ConfigCreate fields={STAGE_FIELDS} defaults={{ active: true, probability: 10 }}>
    <StageInputs />
  </ConfigCreate>
);

export default StageCreate;
