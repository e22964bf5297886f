import { List } from 'react-admin';

import { StageOrderTable } from './StageOrderTable';

/** Lazy-loaded (stages/index.ts), so the drag and drop library stays out of the first bundle. */
export const StageList = () => (
  <List resource="stages" sort={{ field: 'order', order: 'ASC' }} perPage={100} pagination={false} exporter={false}>
    <StageOrderTable />
  </List>
);

export default StageList;
