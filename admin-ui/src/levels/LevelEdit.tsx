import { ConfigEdit } from '../common/ConfigForms';
import { LEVEL_FIELDS, LevelInputs } from './LevelInputs';

export const LevelEdit = () => (
  <ConfigEdit fields={LEVEL_FIELDS}>
    <LevelInputs />
  </ConfigEdit>
);

export default LevelEdit;
