import { ConfigCreate } from '../common/ConfigForms';
import { CATEGORY_FIELDS, ComplaintCategoryInputs } from './ComplaintCategoryInputs';

export const ComplaintCategoryCreate = () => (
  <ConfigCreate fields={CATEGORY_FIELDS} defaults={{ active: true }}>
    <ComplaintCategoryInputs />
  </ConfigCreate>
);

export default ComplaintCategoryCreate;
