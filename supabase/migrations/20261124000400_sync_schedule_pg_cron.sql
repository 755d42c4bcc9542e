-- =============================================================================
-- Production schedule of the iCal sync, with pg_cron (and pg_net to call the
-- sync-worker edge function). Where pg_cron is not available — the local
-- stack — this does nothing: `npm start` runs the same jobs on timers
-- (dev/sync/local-sync.ts).
--
--   every minute      enqueue_due_feeds()       queue the feeds that are due
--   every 10 seconds  POST sync-worker          read the queued feeds (the
--                                               function works up to ~50 s)
--   every hour        purge_sync_history()
--
-- The worker call needs two Vault secrets, set once per project (README,
-- "Deploying"): `sync_worker_url` (https://<ref>.supabase.co/functions/v1/sync-worker)
-- and `sync_worker_key` (the service-role key). Until they exist the job
-- does nothing.
-- =============================================================================
do $migration$
begin
  if not exists (select 1 from pg_catalog.pg_available_extensions where name = 'pg_cron') then
    raise notice 'pg_cron is not available: the sync schedule is left to the host (npm start runs it on timers).';
    return;
  end if;
  create extension if not exists pg_cron;

  perform cron.schedule('lou-enqueue-due-feeds', '* * * * *',
    'select public.enqueue_due_feeds()');
  perform cron.schedule('lou-purge-sync-history', '17 * * * *',
    'select public.purge_sync_history()');

  if not exists (select 1 from pg_catalog.pg_available_extensions where name = 'pg_net') then
    raise notice 'pg_net is not available: invoke the sync-worker function another way.';
    return;
  end if;
  create extension if not exists pg_net;
  perform cron.schedule('lou-sync-worker', '10 seconds', $job$
    select net.http_post(
      url := url.decrypted_secret,
      headers := jsonb_build_object(
        'Authorization', 'Bearer ' || key.decrypted_secret,
        'Content-Type', 'application/json'),
      body := '{}'::jsonb,
      timeout_milliseconds := 60000)
    from vault.decrypted_secrets url, vault.decrypted_secrets key
    where url.name = 'sync_worker_url' and key.name = 'sync_worker_key'
  $job$);
end
$migration$;
