import { ConfigCreate } from '../common/ConfigForms';
import { CLOSE_REASON_FIELDS, CloseReasonInputs } from './CloseReasonInputs';

export const CloseReasonCreate = () => (
  <ConfigCreate fields={CLOSE_REASON_FIELDS} defaults={{ active: true, kind: 'lead' }}>
    <CloseReasonInputs />
  </ConfigCreate>
);

export default CloseReasonCreate;
