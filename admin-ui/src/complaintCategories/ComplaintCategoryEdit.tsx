import { ConfigEdit } from '../common/ConfigForms';
import { CATEGORY_FIELDS, ComplaintCategoryInputs } from './ComplaintCategoryInputs';

export const ComplaintCategoryEdit = () => (
  <ConfigEdit fields={CATEGORY_FIELDS}>
    <ComplaintCategoryInputs />
  </ConfigEdit>
);

export default ComplaintCategoryEdit;
