-- Each scheduled slot of a job runs once across every instance on one database: the run
-- coordinator inserts the (job, slot) row before running, and the loser of this index skips.
CREATE UNIQUE INDEX IF NOT EXISTS job_runs_job_slot_unique ON job_runs (job, slot);
