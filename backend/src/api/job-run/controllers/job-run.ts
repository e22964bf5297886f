import { crmController } from '../../../crm/controller';
import { handle } from '../../../crm/http';
import { jobList, runNow } from '../scheduler';

export default {
  ...crmController('job-runs'),
  /** GET /api/crm/jobs: every job with its schedule, next run and recent runs. */
  jobs: handle(async (_ctx, actor) => jobList(actor)),
  /** POST /api/crm/jobs/:name/run: runs a job now and answers the run. */
  runJob: handle(async (ctx, actor) => runNow(actor, ctx.params.name)),
};
