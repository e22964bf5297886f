import { ConfigCreate } from '../common/ConfigForms';
import { LEVEL_FIELDS, LevelInputs } from './LevelInputs';

export const LevelCreate = () => (
  <ConfigCreate fields={LEVEL_FIELDS} defaults={{ color: '#1976d2', followUpDays: 7 }}>
    <LevelInputs />
  </ConfigCreate>
);

export default LevelCreate;
