import { records } from '../../../crm/registry';

// Lead rules live here as they arrive (convert, close, reactivate); plain CRUD is the record service.
export default () => ({
  records: () => records('leads'),
});
