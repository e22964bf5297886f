import type { ResourceDef } from '../../crm/resource';
import { conflict } from '../../crm/errors';

// Written only by the run coordinator (jobs/coordinator.ts); read-only through the API.
const jobRun: ResourceDef = {
  name: 'job-runs',
  uid: 'api::job-run.job-run',
  search: ['job', 'error'],
  defaultSort: ['id', 'DESC'],
  // `jobs`: the job list; `runJob`: running one now, granted by the `run` action.
  handlers: { jobs: 'list', runJob: 'run' },
  rule: {
    // The unique (job, slot) index (database/indexes) lost a race: another caller runs this slot.
    onUnique: (e) => conflict('job: this slot is already being run', { field: 'slot', code: 'slot_taken', job: e.data.job, slot: e.data.slot }),
  },
};
export default jobRun;
