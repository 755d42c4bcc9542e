-- =============================================================================
-- iCal sync on the server (issue 4): the scheduler, the queue's claim / lease /
-- retry protocol, and applying a fetched feed in one transaction.
--
-- Who calls what:
--   * the scheduler (pg_cron in production, a timer of the local stack):
--       enqueue_due_feeds()            every minute
--   * the sync worker (edge function / local timer, as service_role):
--       claim_sync_tasks()             a batch, with a lease
--       complete_unchanged_syncs()     304s and identical bodies, in bulk
--       apply_feed_sync()              a changed feed: one call, one transaction
--       fail_sync_task()               an attempt that failed: retry later or give up
--   * the owner ("Synchroniser maintenant"):
--       request_feed_sync()            high priority, now
--
-- Imported events that only mirror one of our own stays (echoes of the
-- calendar export) are recognised when a feed is applied (echo_original).
--
-- Every worker call names its worker id and only acts on tasks that worker
-- still holds (status 'processing', locked_by = worker, lease not over): a
-- worker that was presumed dead and comes back late writes nothing, so no two
-- workers ever apply the same feed.
--
-- Plain SQL, runs unchanged on hosted Supabase (PG 15+).
-- =============================================================================

-- =============================================================================
-- Reservations: what the feed said
-- =============================================================================
-- The kind of event the feed gave (see supabase/functions/_shared/sync/types.ts):
-- 'stay', 'block' or 'to_complete' (Booking.com's "CLOSED - Not available",
-- which may be a real stay). Null for direct bookings.
alter table public.reservations
  add column feed_kind text check (feed_kind in ('stay', 'block', 'to_complete')),
  -- The owner decided that an imported period is a closure, not a stay: the
  -- sync keeps it blocked while the platform still lists it.
  add column owner_marked_closure boolean not null default false;

-- =============================================================================
-- reservations.echo_of
-- =============================================================================
-- The stay this imported event echoes: once a platform imports a gîte's
-- exported calendar (20261124000500), its own feed sends our stays back as
-- "unavailable" periods; those are stored, but as blocks pointing at the
-- original, never as stays, revenue or double bookings. No foreign key: the
-- trigger reservations_release_echoes (20261124000500) frees the echoes of an
-- original that goes away, which a FK's SET NULL would do too early for it to
-- know which ones.
alter table public.reservations add column echo_of uuid;

comment on column public.reservations.echo_of is
  'For an imported block that only mirrors one of our own stays back (our export, re-imported by the platform): that stay.';

create index reservations_echo_of_idx on public.reservations (echo_of) where echo_of is not null;

-- The stay an imported event of p_feed would echo: a confirmed or blocked stay
-- of the same gîte, from another feed or entered by hand, itself no echo,
-- whose dates cover the event's. Confirmed stays first, then the earliest.
-- Only events that say "unavailable" can be echoes: a platform's own booking
-- ("Reserved", kind 'stay') never is.
create or replace function public.echo_original(
  p_gite_id uuid,
  p_feed_id uuid,
  p_kind text,
  p_start date,
  p_end date,
  p_self uuid default null
)
returns uuid
language sql
stable
set search_path = ''
as $$
  select o.id
  from public.reservations o
  where p_kind in ('block', 'to_complete')
    and o.gite_id = p_gite_id
    and o.status in ('confirmed', 'blocked')
    and o.echo_of is null
    and o.feed_id is distinct from p_feed_id
    and o.id is distinct from p_self
    and o.date_debut <= p_start
    and o.date_fin >= p_end
    -- Index range: a covering stay starts at most a year before (longer ones are
    -- not stays a platform would echo).
    and o.date_debut >= p_start - 366
  order by o.status = 'confirmed' desc, o.date_debut, o.id
  limit 1
$$;

comment on function public.echo_original(uuid, uuid, text, date, date, uuid) is
  'The stay an imported unavailable period of p_feed_id mirrors, if any.';

revoke execute on function public.echo_original(uuid, uuid, text, date, date, uuid) from public, anon, authenticated;

-- The status an imported event has: cancelled by its feed, an echo or a
-- closure the owner marked (blocked), else what its kind says.
create or replace function public.imported_status(
  p_cancelled boolean,
  p_echo_of uuid,
  p_owner_marked_closure boolean,
  p_kind text
)
returns text
language sql
immutable
set search_path = ''
as $$
  select case
    when p_cancelled then 'cancelled'
    when p_echo_of is not null or p_owner_marked_closure or p_kind = 'block' then 'blocked'
    else 'confirmed'
  end
$$;

revoke execute on function public.imported_status(boolean, uuid, boolean, text) from public, anon, authenticated;

-- =============================================================================
-- Timing
-- =============================================================================
-- Every feed is read every 15 minutes, give or take 10 % so that feeds added
-- at the same moment drift apart and the load stays flat. Retries after a
-- failed attempt wait about 1, 5, then 30 minutes.
create or replace function public.next_feed_sync_at(p_from timestamptz)
returns timestamptz
language sql
volatile
set search_path = ''
as $$
  select p_from + interval '15 minutes' * (0.9 + 0.2 * random())
$$;

comment on function public.next_feed_sync_at(timestamptz) is
  'When a feed read at p_from is due again: 15 minutes later, ±10 % jitter.';

revoke execute on function public.next_feed_sync_at(timestamptz) from public, anon, authenticated;

create or replace function public.sync_retry_delay(p_attempts integer)
returns interval
language sql
immutable
set search_path = ''
as $$
  select case
    when p_attempts <= 1 then interval '1 minute'
    when p_attempts = 2 then interval '5 minutes'
    else interval '30 minutes'
  end
$$;

comment on function public.sync_retry_delay(integer) is
  'Backoff before the next attempt after p_attempts failed ones: 1 min, 5 min, then 30 min.';

revoke execute on function public.sync_retry_delay(integer) from public, anon, authenticated;

-- =============================================================================
-- Paid owners go first
-- =============================================================================
-- Whether the owner has a running paid subscription (the plan: paid owners
-- ahead of free ones at the same priority). Copied onto each task when it is
-- queued, so that claiming needs no join.
create or replace function public.owner_has_paid_plan(p_owner uuid)
returns boolean
language sql
stable
set search_path = ''
as $$
  select exists (
    select 1 from public.cm_subscriptions s
    where s.owner_user_id = p_owner
      and s.status in ('active', 'trialing') and s.plan <> 'free'
  )
$$;

revoke execute on function public.owner_has_paid_plan(uuid) from public, anon, authenticated;

-- =============================================================================
-- Scheduler
-- =============================================================================
-- Enqueues (priority 2, normal) every active feed that is due and has no live
-- task, paid owners flagged so that they go first, and moves the feed's next
-- time one interval ahead right away, so that the next tick does not look at
-- it again while its task waits (the worker sets the real next time when it
-- finishes). At most p_limit feeds per call, the most overdue first.
create or replace function public.enqueue_due_feeds(p_limit integer default 20000)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_count integer;
begin
  with due as (
    select f.id, f.gite_id, f.owner_user_id
    from public.ical_feeds f
    where f.is_active and f.next_sync_at <= now()
    order by f.next_sync_at
    limit p_limit
    for update skip locked
  ),
  moved as (
    update public.ical_feeds f
      set next_sync_at = public.next_feed_sync_at(now())
    from due d
    where f.id = d.id
    returning f.id, f.gite_id, f.owner_user_id
  ),
  queued as (
    insert into public.sync_queue (owner_user_id, gite_id, feed_id, priority, owner_is_paid)
    select m.owner_user_id, m.gite_id, m.id, 2, public.owner_has_paid_plan(m.owner_user_id)
    from moved m
    on conflict (feed_id) where status in ('pending', 'processing') do nothing
    returning 1
  )
  select count(*) into v_count from queued;
  return v_count;
end;
$$;

comment on function public.enqueue_due_feeds(integer) is
  'Scheduler tick: queues the due active feeds (normal priority) and pushes their next time.';

revoke execute on function public.enqueue_due_feeds(integer) from public, anon, authenticated;
grant execute on function public.enqueue_due_feeds(integer) to service_role;

-- =============================================================================
-- "Synchroniser maintenant"
-- =============================================================================
-- The caller's feeds (all of a gîte's, or the ones named) get a high-priority
-- task due now. A feed that already has a pending task has it raised to high
-- priority and made due now (its backoff is skipped: the owner asked); one
-- that is being read keeps its task. Returns the feeds queued or raised.
create or replace function public.request_feed_sync(p_feed_ids uuid[])
returns setof uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_owner uuid := (select auth.uid());
begin
  if v_owner is null then
    raise exception 'not signed in' using errcode = '42501';
  end if;
  return query
  with mine as (
    select f.id, f.gite_id, f.owner_user_id
    from public.ical_feeds f
    where f.id = any (p_feed_ids) and f.owner_user_id = v_owner and f.is_active
  ),
  raised as (
    update public.sync_queue q
      set priority = 1, run_after = now()
    from mine m
    where q.feed_id = m.id and q.status = 'pending'
    returning q.feed_id
  ),
  queued as (
    insert into public.sync_queue (owner_user_id, gite_id, feed_id, priority, owner_is_paid)
    select m.owner_user_id, m.gite_id, m.id, 1, public.owner_has_paid_plan(m.owner_user_id)
    from mine m
    where not exists (
      select 1 from public.sync_queue q
      where q.feed_id = m.id and q.status in ('pending', 'processing')
    )
    on conflict (feed_id) where status in ('pending', 'processing') do nothing
    returning feed_id
  )
  select r.feed_id from raised r
  union
  select q.feed_id from queued q;
end;
$$;

comment on function public.request_feed_sync(uuid[]) is
  'Owner: read these feeds of mine now (high priority). Returns the feeds queued or raised.';

revoke execute on function public.request_feed_sync(uuid[]) from public, anon, service_role;
grant execute on function public.request_feed_sync(uuid[]) to authenticated;

-- =============================================================================
-- Claim
-- =============================================================================
-- Up to p_limit tasks for p_worker, in claim order: priority (high first),
-- paid owners first, then FIFO. Tasks whose worker's lease ran out are taken
-- back first: their attempt counts as failed (the worker died or hung), and a
-- task out of attempts is failed rather than claimed again. FOR UPDATE SKIP
-- LOCKED: concurrent workers never wait on each other nor get the same task.
create or replace function public.claim_sync_tasks(
  p_worker text,
  p_limit integer default 50,
  p_lease_seconds integer default 60
)
returns table (
  task_id uuid,
  feed_id uuid,
  gite_id uuid,
  owner_user_id uuid,
  url text,
  platform text,
  etag text,
  last_modified text,
  content_hash text,
  attempts integer
)
language plpgsql
security definer
set search_path = ''
as $$
#variable_conflict use_column
begin
  if p_worker is null or p_worker = '' then
    raise exception 'claim_sync_tasks: a worker id is required';
  end if;

  -- Leases that ran out: back to pending after the backoff, or failed.
  with expired as (
    select q.id from public.sync_queue q
    where q.status = 'processing' and q.locked_until < now()
    for update skip locked
  )
  update public.sync_queue q
    set status = case when q.attempts >= q.max_attempts then 'failed' else 'pending' end,
        run_after = now() + public.sync_retry_delay(q.attempts),
        last_error = 'Le traitement a été interrompu (délai dépassé).',
        locked_by = null,
        locked_until = null,
        finished_at = case when q.attempts >= q.max_attempts then now() end
  from expired e
  where q.id = e.id;

  return query
  with next_tasks as (
    select q.id from public.sync_queue q
    where q.status = 'pending' and q.run_after <= now()
    order by q.priority, q.owner_is_paid desc, q.created_at
    limit p_limit
    for update skip locked
  ),
  claimed as (
    update public.sync_queue q
      set status = 'processing',
          locked_by = p_worker,
          locked_until = now() + make_interval(secs => p_lease_seconds),
          attempts = q.attempts + 1,
          started_at = now()
    from next_tasks n
    where q.id = n.id
    returning q.id, q.feed_id, q.attempts
  )
  select c.id, f.id, f.gite_id, f.owner_user_id, f.url, f.platform, f.etag, f.last_modified,
    f.content_hash, c.attempts
  from claimed c
  join public.ical_feeds f on f.id = c.feed_id;
end;
$$;

comment on function public.claim_sync_tasks(text, integer, integer) is
  'Worker: claims up to p_limit due tasks with a lease, reclaiming expired leases first.';

revoke execute on function public.claim_sync_tasks(text, integer, integer) from public, anon, authenticated;
grant execute on function public.claim_sync_tasks(text, integer, integer) to service_role;

-- =============================================================================
-- Finishing a task: shared part
-- =============================================================================
-- Locks the task and returns it if p_worker still holds it, else null.
create or replace function public.held_sync_task(p_worker text, p_task_id uuid)
returns public.sync_queue
language sql
volatile
security definer
set search_path = ''
as $$
  select q.* from public.sync_queue q
  where q.id = p_task_id and q.status = 'processing' and q.locked_by = p_worker
    and q.locked_until >= now()
  for update
$$;

revoke execute on function public.held_sync_task(text, uuid) from public, anon, authenticated;

-- =============================================================================
-- Unchanged feeds (304, or the same body as last time), in bulk
-- =============================================================================
-- p_results: [{"task_id", "http_status", "bytes", "duration_ms", "etag",
-- "last_modified"}]. Writes no reservation. Tasks no longer held by p_worker
-- are left alone. Returns how many were completed.
create or replace function public.complete_unchanged_syncs(p_worker text, p_results jsonb)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_count integer;
begin
  with results as (
    select r.task_id, r.http_status, r.bytes, r.duration_ms, r.etag, r.last_modified
    from jsonb_to_recordset(p_results) as r (
      task_id uuid, http_status integer, bytes integer, duration_ms integer, etag text,
      last_modified text
    )
  ),
  held as (
    select q.id, q.feed_id, q.gite_id, q.owner_user_id, r.http_status, r.bytes, r.duration_ms,
      r.etag, r.last_modified
    from public.sync_queue q
    join results r on r.task_id = q.id
    where q.status = 'processing' and q.locked_by = p_worker and q.locked_until >= now()
    order by q.id
    for update of q
  ),
  done as (
    update public.sync_queue q
      set status = 'done', finished_at = now(), locked_by = null, locked_until = null,
          last_error = null
    from held h
    where q.id = h.id
    returning q.id
  ),
  feeds as (
    update public.ical_feeds f
      set last_synced_at = now(),
          last_success_at = now(),
          last_status = case when h.http_status = 304 then 'not_modified' else 'success' end,
          last_http_status = h.http_status,
          last_error = null,
          consecutive_failures = 0,
          etag = coalesce(h.etag, f.etag),
          last_modified = coalesce(h.last_modified, f.last_modified),
          next_sync_at = public.next_feed_sync_at(now())
    from held h
    where f.id = h.feed_id
    returning f.id
  ),
  logged as (
    insert into public.sync_logs (owner_user_id, gite_id, feed_id, task_id, status, http_status,
      bytes, duration_ms)
    select h.owner_user_id, h.gite_id, h.feed_id, h.id,
      case when h.http_status = 304 then 'not_modified' else 'success' end,
      h.http_status, h.bytes, h.duration_ms
    from held h
    returning 1
  )
  select count(*) into v_count from done;
  return v_count;
end;
$$;

comment on function public.complete_unchanged_syncs(text, jsonb) is
  'Worker: completes tasks whose feed did not change (304 or same content hash), in bulk.';

revoke execute on function public.complete_unchanged_syncs(text, jsonb) from public, anon, authenticated;
grant execute on function public.complete_unchanged_syncs(text, jsonb) to service_role;

-- =============================================================================
-- A changed feed: apply it
-- =============================================================================
-- p_fetch: {"http_status", "bytes", "duration_ms", "etag", "last_modified",
--           "content_hash"}
-- p_events: the whole feed, [{"uid", "start", "end", "kind", "cancelled",
--           "guestName", "summary"}] (FeedEvent in _shared/sync/types.ts), each
--           uid once.
-- In one transaction:
--   * upsert by (gite_id, feed_id, external_uid): new events become stays
--     (cancelled if the feed says so; 'block' events blocked; an unavailable
--     period that one of our other stays covers is stored as its echo: see
--     echo_original); known ones get
--     the feed's dates and status, and nothing the owner typed (guest name,
--     amount, notes, …) is overwritten: the feed's guest name only fills an
--     empty one; a period the owner marked as a closure stays blocked;
--     rows that would not change are neither written nor locked, and with
--     nothing to change no statement runs on reservations at all (measured by
--     npm run bench:sync: Postgres CPU per changed feed 14.5 → 5.8 ms);
--   * stays of this feed that left it and have not started yet are cancelled
--     (platforms drop past events from their feeds: those are kept as they
--     are); a stay that comes back is restored by the upsert;
--   * the feed's state, the task and a sync_logs row.
-- Returns {"applied": false} without writing anything when p_worker no longer
-- holds the task.
create or replace function public.apply_feed_sync(
  p_worker text,
  p_task_id uuid,
  p_fetch jsonb,
  p_events jsonb
)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_task public.sync_queue;
  v_feed public.ical_feeds;
  v_added integer := 0;
  v_updated integer := 0;
  v_cancelled integer := 0;
  v_echoes integer := 0;
  v_today date := (now() at time zone 'Europe/Paris')::date;
  v_rows jsonb;
begin
  v_task := public.held_sync_task(p_worker, p_task_id);
  if v_task.id is null then
    return jsonb_build_object('applied', false);
  end if;
  select f.* into v_feed from public.ical_feeds f where f.id = v_task.feed_id;

  -- 1. The events whose row would change (new ones included): read, not locked; each
  --    event's echo looked up once.
  with events as (
    select e.uid, e.start, e."end", e.kind, coalesce(e.cancelled, false) as cancelled,
      nullif(btrim(left(e."guestName", 200)), '') as guest_name
    from jsonb_to_recordset(p_events) as e (
      uid text, start date, "end" date, kind text, cancelled boolean, "guestName" text
    )
  ),
  classified as materialized (
    select e.*,
      case when e.cancelled or e.kind not in ('block', 'to_complete') then null
           else public.echo_original(v_feed.gite_id, v_feed.id, e.kind, e.start, e."end") end
        as echo_of
    from events e
  )
  select jsonb_agg(to_jsonb(c)) into v_rows
  from classified c
  left join public.reservations r
    on r.gite_id = v_feed.gite_id and r.feed_id = v_feed.id and r.external_uid = c.uid
  where r.id is null
     or (r.date_debut, r.date_fin, r.feed_kind, r.echo_of, r.status, r.client_nom)
        is distinct from (c.start, c."end", c.kind, c.echo_of,
          public.imported_status(c.cancelled, c.echo_of, r.owner_marked_closure, c.kind),
          coalesce(r.client_nom, c.guest_name));

  -- 2. Only those are upserted (same statement as before, guard kept for concurrent edits):
  --    no statement, no row lock, no trigger when nothing changed.
  if v_rows is not null then
    with c as (
      select * from jsonb_to_recordset(v_rows) as x (
        uid text, start date, "end" date, kind text, cancelled boolean, guest_name text,
        echo_of uuid)
    ),
    upserted as (
      insert into public.reservations as r (
        owner_user_id, gite_id, feed_id, external_uid, plateforme, status, client_nom,
        date_debut, date_fin, feed_kind, echo_of
      )
      select v_feed.owner_user_id, v_feed.gite_id, v_feed.id, c.uid, v_feed.platform,
        public.imported_status(c.cancelled, c.echo_of, false, c.kind),
        c.guest_name, c.start, c."end", c.kind, c.echo_of
      from c
      on conflict (gite_id, feed_id, external_uid) do update
        set date_debut = excluded.date_debut,
            date_fin = excluded.date_fin,
            feed_kind = excluded.feed_kind,
            echo_of = excluded.echo_of,
            status = public.imported_status(excluded.status = 'cancelled', excluded.echo_of,
              r.owner_marked_closure, excluded.feed_kind),
            client_nom = coalesce(r.client_nom, excluded.client_nom)
        where (r.date_debut, r.date_fin, r.feed_kind, r.echo_of, r.status, r.client_nom)
          is distinct from (
            excluded.date_debut, excluded.date_fin, excluded.feed_kind, excluded.echo_of,
            public.imported_status(excluded.status = 'cancelled', excluded.echo_of,
              r.owner_marked_closure, excluded.feed_kind),
            coalesce(r.client_nom, excluded.client_nom))
      returning (r.xmax = 0) as inserted, r.echo_of is not null as echo
    )
    select count(*) filter (where inserted and not echo), count(*) filter (where not inserted),
      count(*) filter (where inserted and echo)
      into v_added, v_updated, v_echoes
    from upserted;
  end if;

  -- 3. Stays that left the feed: the update runs (and its triggers fire) only if there is one.
  if exists (
    select 1 from public.reservations r
    where r.gite_id = v_feed.gite_id and r.feed_id = v_feed.id and r.status <> 'cancelled'
      and r.date_debut >= v_today
      and not exists (
        select 1 from jsonb_array_elements(p_events) e where e ->> 'uid' = r.external_uid)
  ) then
    update public.reservations r
      set status = 'cancelled'
    where r.gite_id = v_feed.gite_id
      and r.feed_id = v_feed.id
      and r.status <> 'cancelled'
      and r.date_debut >= v_today
      and not exists (
        select 1 from jsonb_array_elements(p_events) e where e ->> 'uid' = r.external_uid
      );
    get diagnostics v_cancelled = row_count;
  end if;

  update public.ical_feeds f
    set last_synced_at = now(),
        last_success_at = now(),
        last_status = 'success',
        last_http_status = (p_fetch ->> 'http_status')::integer,
        last_error = null,
        consecutive_failures = 0,
        etag = p_fetch ->> 'etag',
        last_modified = p_fetch ->> 'last_modified',
        content_hash = p_fetch ->> 'content_hash',
        next_sync_at = public.next_feed_sync_at(now())
  where f.id = v_feed.id;

  update public.sync_queue q
    set status = 'done', finished_at = now(), locked_by = null, locked_until = null,
        last_error = null
  where q.id = v_task.id;

  insert into public.sync_logs (owner_user_id, gite_id, feed_id, task_id, status, http_status,
    bytes, duration_ms, added, updated, cancelled)
  values (v_feed.owner_user_id, v_feed.gite_id, v_feed.id, v_task.id, 'success',
    (p_fetch ->> 'http_status')::integer, (p_fetch ->> 'bytes')::integer,
    (p_fetch ->> 'duration_ms')::integer, v_added, v_updated, v_cancelled);

  return jsonb_build_object('applied', true, 'added', v_added, 'updated', v_updated,
    'cancelled', v_cancelled, 'echoes', v_echoes);
end;
$$;

comment on function public.apply_feed_sync(text, uuid, jsonb, jsonb) is
  'Worker: applies a whole fetched feed to the gîte''s reservations in one transaction.';

revoke execute on function public.apply_feed_sync(text, uuid, jsonb, jsonb) from public, anon, authenticated;
grant execute on function public.apply_feed_sync(text, uuid, jsonb, jsonb) to service_role;

-- =============================================================================
-- A failed attempt
-- =============================================================================
-- p_failure: {"http_status", "bytes", "duration_ms", "error" (French, for the
-- owner), "retryable"}. A retryable failure with attempts left goes back to
-- pending after the backoff (1, 5, 30 min); otherwise the task is failed, the
-- feed shows the error, and the owner is notified (once per feed and day).
-- The feed keeps its schedule either way: a link that is broken today may be
-- fixed on the platform tomorrow. Returns the task's new status, or null when
-- p_worker no longer holds the task.
create or replace function public.fail_sync_task(p_worker text, p_task_id uuid, p_failure jsonb)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_task public.sync_queue;
  v_feed public.ical_feeds;
  v_error text := left(coalesce(nullif(p_failure ->> 'error', ''), 'Erreur inconnue.'), 2000);
  v_retry boolean;
  v_status text;
begin
  v_task := public.held_sync_task(p_worker, p_task_id);
  if v_task.id is null then
    return null;
  end if;
  select f.* into v_feed from public.ical_feeds f where f.id = v_task.feed_id;
  v_retry := coalesce((p_failure ->> 'retryable')::boolean, false)
    and v_task.attempts < v_task.max_attempts;
  v_status := case when v_retry then 'pending' else 'failed' end;

  update public.sync_queue q
    set status = v_status,
        run_after = case when v_retry then now() + public.sync_retry_delay(q.attempts)
                         else q.run_after end,
        finished_at = case when v_retry then null else now() end,
        locked_by = null,
        locked_until = null,
        last_error = v_error
  where q.id = v_task.id;

  update public.ical_feeds f
    set last_synced_at = now(),
        last_status = 'error',
        last_http_status = (p_failure ->> 'http_status')::integer,
        last_error = v_error,
        consecutive_failures = f.consecutive_failures + 1,
        next_sync_at = case when v_retry then f.next_sync_at
                            else public.next_feed_sync_at(now()) end
  where f.id = v_feed.id;

  insert into public.sync_logs (owner_user_id, gite_id, feed_id, task_id, status, http_status,
    bytes, duration_ms, error)
  values (v_feed.owner_user_id, v_feed.gite_id, v_feed.id, v_task.id, 'error',
    (p_failure ->> 'http_status')::integer, (p_failure ->> 'bytes')::integer,
    (p_failure ->> 'duration_ms')::integer, v_error);

  if not v_retry then
    insert into public.notifications (owner_user_id, type, titre, message, lien, gite_id, data,
      dedupe_key)
    values (
      v_feed.owner_user_id, 'sync_failed',
      left('Synchronisation impossible : ' || coalesce(v_feed.label, v_feed.platform), 200),
      v_error,
      '/gites/' || v_feed.gite_id,
      v_feed.gite_id,
      jsonb_build_object('feed_id', v_feed.id, 'http_status', p_failure -> 'http_status'),
      'sync_failed:' || v_feed.id || ':' || to_char(now() at time zone 'Europe/Paris', 'YYYY-MM-DD')
    )
    on conflict (owner_user_id, dedupe_key) where dedupe_key is not null do nothing;
  end if;

  return v_status;
end;
$$;

comment on function public.fail_sync_task(text, uuid, jsonb) is
  'Worker: records a failed attempt; retries with backoff, or fails the task and notifies the owner.';

revoke execute on function public.fail_sync_task(text, uuid, jsonb) from public, anon, authenticated;
grant execute on function public.fail_sync_task(text, uuid, jsonb) to service_role;

-- =============================================================================
-- Housekeeping
-- =============================================================================
-- Finished tasks are kept a day (the owner's "last attempts"), the history of
-- attempts (sync_logs) 90 days. Called by the scheduler.
create or replace function public.purge_sync_history()
returns void
language sql
security definer
set search_path = ''
as $$
  delete from public.sync_queue
  where status in ('done', 'failed') and finished_at < now() - interval '1 day';
  delete from public.sync_logs where synced_at < now() - interval '90 days';
$$;

revoke execute on function public.purge_sync_history() from public, anon, authenticated;
grant execute on function public.purge_sync_history() to service_role;

-- Purging finished tasks by age.
create index sync_queue_finished_at_idx on public.sync_queue (finished_at)
  where status in ('done', 'failed');
-- Purging the history by age (the other sync_logs indexes lead with a feed, gîte or owner).
create index sync_logs_synced_at_idx on public.sync_logs (synced_at);
