-- =============================================================================
-- Notifications and the iCal sync queue
-- =============================================================================

-- =============================================================================
-- notifications
-- =============================================================================
-- Created by the database where the event happens (triggers, the sync worker
-- running as service_role), never by the browser: owners read them, mark
-- them read and dismiss them, but cannot insert.
create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  owner_user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  type text not null check (type in (
    'reservation_new', 'reservation_cancelled', 'double_booking', 'sync_failed', 'feed_stale',
    'cleaning_unassigned', 'linen_low', 'micro_bic_ceiling', 'support_reply', 'info'
  )),
  titre text not null check (char_length(titre) between 1 and 200),
  message text check (char_length(message) <= 2000),
  lien text check (char_length(lien) <= 500),        -- in-app path to open
  gite_id uuid,
  reservation_id uuid,
  data jsonb not null default '{}' check (jsonb_typeof(data) = 'object'),
  -- Same event twice (e.g. a feed still stale at the next check) → one
  -- notification: producers insert … on conflict do nothing on this key.
  dedupe_key text check (char_length(dedupe_key) <= 200),
  is_read boolean not null default false,
  read_at timestamptz,
  emailed_at timestamptz,                 -- leaves room for an e-mail digest
  created_at timestamptz not null default now(),
  constraint notifications_gite_fkey foreign key (gite_id, owner_user_id)
    references public.gites (id, owner_user_id) on delete cascade,
  constraint notifications_reservation_fkey foreign key (reservation_id, owner_user_id)
    references public.reservations (id, owner_user_id) on delete cascade
);
alter table public.notifications enable row level security;

-- Plan's idx_notifications_user_read, with the final owner column: the unread
-- count and the paginated list.
create index idx_notifications_user_read
  on public.notifications (owner_user_id, is_read, created_at desc);
create unique index notifications_dedupe_key
  on public.notifications (owner_user_id, dedupe_key) where dedupe_key is not null;
create index notifications_gite_id_idx on public.notifications (gite_id) where gite_id is not null;
create index notifications_reservation_id_idx
  on public.notifications (reservation_id) where reservation_id is not null;

create policy "Owners read their notifications" on public.notifications
  for select to authenticated using ((select auth.uid()) = owner_user_id);
create policy "Owners edit their notifications" on public.notifications
  for update to authenticated
  using ((select auth.uid()) = owner_user_id) with check ((select auth.uid()) = owner_user_id);
create policy "Owners delete their notifications" on public.notifications
  for delete to authenticated using ((select auth.uid()) = owner_user_id);

revoke all on table public.notifications from anon, authenticated;
grant select, delete on table public.notifications to authenticated;
grant update (is_read, read_at) on table public.notifications to authenticated;
grant select, insert, update, delete on table public.notifications to service_role;

-- =============================================================================
-- sync_queue
-- =============================================================================
-- Server-side iCal sync tasks, claimed by workers (service_role) with
-- FOR UPDATE SKIP LOCKED and a lease (locked_until): a worker that dies loses
-- nothing, its task becomes claimable again when the lease ends. Owners only
-- read their tasks; "Synchroniser maintenant" is to go through a security
-- definer function that enqueues with priority 1 (sync issue).
create table public.sync_queue (
  id uuid primary key default gen_random_uuid(),
  owner_user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  gite_id uuid not null,
  feed_id uuid not null,
  -- 1 = high (owner asked), 2 = normal (scheduler), 3 = low. A number so that
  -- ORDER BY priority is the claim order and can use an index.
  priority smallint not null default 2 check (priority in (1, 2, 3)),
  -- Copied from cm_subscriptions when enqueued: paid owners go first within a
  -- priority without a join in the claim query.
  owner_is_paid boolean not null default false,
  status text not null default 'pending'
    check (status in ('pending', 'processing', 'done', 'failed')),
  attempts integer not null default 0 check (attempts >= 0),
  max_attempts integer not null default 4 check (max_attempts >= 1),
  run_after timestamptz not null default now(),   -- backoff: not claimable before
  locked_until timestamptz,                        -- lease end while processing
  locked_by text check (char_length(locked_by) <= 200),
  last_error text check (char_length(last_error) <= 2000),
  started_at timestamptz,
  finished_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint sync_queue_lease_check check (status <> 'processing' or locked_until is not null),
  constraint sync_queue_feed_fkey foreign key (feed_id, gite_id, owner_user_id)
    references public.ical_feeds (id, gite_id, owner_user_id) on delete cascade
);
alter table public.sync_queue enable row level security;

-- At most one live task per feed: enqueueing twice is a no-op
-- (insert … on conflict do nothing), and no two workers hold the same feed.
create unique index sync_queue_one_live_task_per_feed
  on public.sync_queue (feed_id) where status in ('pending', 'processing');
-- Plan's idx_sync_queue_status, in claim order (priority, paid first, FIFO).
create index idx_sync_queue_status
  on public.sync_queue (status, priority, owner_is_paid desc, created_at);
-- Expired leases to reclaim.
create index sync_queue_locked_until_idx
  on public.sync_queue (locked_until) where status = 'processing';
-- Plan's idx_sync_queue_user, with the final owner column.
create index idx_sync_queue_user on public.sync_queue (owner_user_id, created_at desc);
-- FK (feed_id, …) → ical_feeds, all statuses (the unique index above is partial).
create index sync_queue_feed_id_idx on public.sync_queue (feed_id, created_at desc);

create trigger sync_queue_set_updated_at
  before update on public.sync_queue
  for each row execute function public.set_updated_at();

create policy "Owners read their sync tasks" on public.sync_queue
  for select to authenticated using ((select auth.uid()) = owner_user_id);

revoke all on table public.sync_queue from anon, authenticated;
grant select on table public.sync_queue to authenticated;
grant select, insert, update, delete on table public.sync_queue to service_role;

-- =============================================================================
-- sync_logs
-- =============================================================================
-- One row per sync attempt, written by the worker; the owner's sync history.
create table public.sync_logs (
  id bigint generated always as identity primary key,
  owner_user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  gite_id uuid not null,
  feed_id uuid not null,
  task_id uuid,                           -- sync_queue.id; no FK: done tasks are purged
  status text not null check (status in ('success', 'not_modified', 'error')),
  http_status integer check (http_status between 100 and 599),
  bytes integer check (bytes >= 0),
  duration_ms integer check (duration_ms >= 0),
  added integer not null default 0 check (added >= 0),
  updated integer not null default 0 check (updated >= 0),
  cancelled integer not null default 0 check (cancelled >= 0),
  error text check (char_length(error) <= 2000),
  synced_at timestamptz not null default now(),
  constraint sync_logs_feed_fkey foreign key (feed_id, gite_id, owner_user_id)
    references public.ical_feeds (id, gite_id, owner_user_id) on delete cascade
);
alter table public.sync_logs enable row level security;

create index sync_logs_feed_id_idx on public.sync_logs (feed_id, synced_at desc);
create index sync_logs_gite_id_idx on public.sync_logs (gite_id, synced_at desc);
create index sync_logs_owner_user_id_idx on public.sync_logs (owner_user_id, synced_at desc);

create policy "Owners read their sync history" on public.sync_logs
  for select to authenticated using ((select auth.uid()) = owner_user_id);

revoke all on table public.sync_logs from anon, authenticated;
grant select on table public.sync_logs to authenticated;
grant select, insert, update, delete on table public.sync_logs to service_role;
-- The identity's sequence got Supabase's default grants too.
revoke all on sequence public.sync_logs_id_seq from anon, authenticated;
