import { ConfigEdit } from '../common/ConfigForms';
import { CLOSE_REASON_FIELDS, CloseReasonInputs } from './CloseReasonInputs';

export const CloseReasonEdit = () => (
  <ConfigEdit fields={CLOSE_REASON_FIELDS}>
    <CloseReasonInputs />
  </ConfigEdit>
);

export default CloseReasonEdit;
