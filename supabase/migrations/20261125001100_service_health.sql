-- =============================================================================
-- service_health(): what the `health` edge function reports to uptime monitors
-- =============================================================================
-- The database answers (this function runs), and the iCal sync keeps up: the
-- oldest task that is due and still waiting, and the tasks whose worker's lease
-- ran out (a worker died; they come back to the queue by themselves, but many
-- of them mean workers keep dying). Nothing about any owner. Read by the edge
-- function with the service-role key only (no anonymous access).
create or replace function public.service_health()
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'checked_at', now(),
    'queue_due', (
      select count(*) from public.sync_queue q
      where q.status = 'pending' and q.run_after <= now()
    ),
    'queue_oldest_due_seconds', (
      select coalesce(extract(epoch from now() - min(q.run_after)), 0)::integer
      from public.sync_queue q
      where q.status = 'pending' and q.run_after <= now()
    ),
    'queue_expired_leases', (
      select count(*) from public.sync_queue q
      where q.status = 'processing' and q.locked_until < now()
    )
  )
$$;

comment on function public.service_health() is
  'Database and sync-queue health for the health edge function (service role only).';

revoke all on function public.service_health() from public, anon, authenticated;
grant execute on function public.service_health() to service_role;
