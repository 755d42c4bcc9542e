-- =============================================================================
-- pg_cron's run history, kept 7 days
--
-- pg_cron writes a row to cron.job_run_details for every run and never deletes
-- them: the 10-second sync worker job alone adds 8,640 rows a day, the
-- every-minute queue job 1,440 more. The table then grows by some 3.7 million
-- rows a year, slowing the monitoring queries of docs/OPERATIONS.md §5.2.
-- A daily job deletes what is older than 7 days (a week is enough to see a
-- failure's pattern; the app's own logs live in its tables).
--
-- Where pg_cron is not available (the local stack), nothing is scheduled, as in
-- 20261124000400_sync_schedule_pg_cron.sql.
-- =============================================================================
do $migration$
begin
  if not exists (select 1 from pg_catalog.pg_available_extensions where name = 'pg_cron') then
    raise notice 'pg_cron is not available: no run history to purge.';
    return;
  end if;
  create extension if not exists pg_cron;
  -- 03:23 UTC daily, away from the other daily jobs (02:40 police forms).
  perform cron.schedule('lou-purge-cron-history', '23 3 * * *',
    $$delete from cron.job_run_details where end_time < now() - interval '7 days'$$);
end
$migration$;
