-- =============================================================================
-- Core: gîtes, their iCal feeds, reservations
--
-- Tenancy rules used by every table of the schema:
--   * each row carries owner_user_id (default auth.uid(), so clients need not
--     send it) and RLS compares it with (select auth.uid()) — the sub-select is
--     evaluated once per statement, not once per row;
--   * a child row references its parent by (parent_id, owner_user_id), so the
--     foreign key itself refuses a row of owner B attached to owner A's gîte,
--     whatever the policies say (FK checks do not go through RLS);
--   * `revoke all … from anon, authenticated` undoes Supabase's default grants,
--     then authenticated gets back exactly the operations that have a policy.
-- =============================================================================

-- =============================================================================
-- gites
-- =============================================================================
create table public.gites (
  id uuid primary key default gen_random_uuid(),
  owner_user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  nom text not null check (char_length(btrim(nom)) between 1 and 200),
  adresse text check (char_length(adresse) <= 500),
  code_postal text check (code_postal ~ '^[0-9]{5}$'),    -- French postcode
  ville text check (char_length(ville) <= 200),
  capacite integer check (capacite between 0 and 100),    -- guests the gîte sleeps
  -- Tax category (micro-BIC abatement and ceiling depend on it, issue "fiscalité").
  categorie_fiscale text not null default 'meuble_tourisme_non_classe'
    check (categorie_fiscale in (
      'meuble_tourisme_classe', 'meuble_tourisme_non_classe', 'chambre_hotes', 'meuble_longue_duree'
    )),
  couleur text check (couleur ~ '^#[0-9a-fA-F]{6}$'),    -- calendar colour
  ordre integer not null default 0,                        -- owner's display order
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Target of the composite foreign keys of every child table (see header).
  constraint gites_id_owner_key unique (id, owner_user_id)
);
alter table public.gites enable row level security;

comment on table public.gites is 'A holiday cottage run by one owner.';

create index gites_owner_user_id_idx on public.gites (owner_user_id, ordre, nom);

create trigger gites_set_updated_at
  before update on public.gites
  for each row execute function public.set_updated_at();

create policy "Owners read their gîtes" on public.gites
  for select to authenticated using ((select auth.uid()) = owner_user_id);
create policy "Owners add their gîtes" on public.gites
  for insert to authenticated with check ((select auth.uid()) = owner_user_id);
create policy "Owners edit their gîtes" on public.gites
  for update to authenticated
  using ((select auth.uid()) = owner_user_id) with check ((select auth.uid()) = owner_user_id);
create policy "Owners delete their gîtes" on public.gites
  for delete to authenticated using ((select auth.uid()) = owner_user_id);

revoke all on table public.gites from anon, authenticated;
grant select, insert, update, delete on table public.gites to authenticated;
grant select, insert, update, delete on table public.gites to service_role;

-- =============================================================================
-- ical_feeds
-- =============================================================================
-- A gîte has one or more calendar feeds (Airbnb, Booking.com, …). The sync
-- state lives here, per feed: the worker (service_role) writes it, the owner
-- reads it ("last synced at …", the error in French) but cannot forge it.
create table public.ical_feeds (
  id uuid primary key default gen_random_uuid(),
  owner_user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  gite_id uuid not null,
  platform text not null
    check (platform in ('airbnb', 'booking', 'abritel', 'gites_de_france', 'other')),
  label text check (char_length(label) <= 100),
  -- https only (the worker never fetches anything else), with a host, no
  -- whitespace, at most 2,048 characters.
  url text not null
    check (char_length(url) <= 2048 and url ~* '^https://[^[:space:]/?#]+([/?#][^[:space:]]*)?$'),
  is_active boolean not null default true,
  -- Sync state, written by the worker.
  last_synced_at timestamptz,             -- last attempt, whatever its outcome
  last_success_at timestamptz,            -- last attempt that read the feed (stale after 2 h)
  last_status text check (last_status in ('success', 'not_modified', 'error')),
  last_http_status integer check (last_http_status between 100 and 599),
  last_error text check (char_length(last_error) <= 2000),
  next_sync_at timestamptz not null default now(),
  etag text check (char_length(etag) <= 1024),              -- for If-None-Match
  last_modified text check (char_length(last_modified) <= 200), -- for If-Modified-Since
  content_hash text check (char_length(content_hash) <= 128),   -- unchanged body → no write
  consecutive_failures integer not null default 0 check (consecutive_failures >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint ical_feeds_gite_fkey foreign key (gite_id, owner_user_id)
    references public.gites (id, owner_user_id) on delete cascade,
  -- The same calendar twice on one gîte would import every stay twice.
  constraint ical_feeds_gite_url_key unique (gite_id, url),
  -- Target of the composite FKs of reservations and the sync tables: a stay's
  -- feed must belong to the same owner and the same gîte as the stay.
  constraint ical_feeds_id_gite_owner_key unique (id, gite_id, owner_user_id)
);
alter table public.ical_feeds enable row level security;

comment on table public.ical_feeds is 'An iCal calendar feed of a gîte, with its sync state.';

create index ical_feeds_owner_user_id_idx on public.ical_feeds (owner_user_id, gite_id);
-- FK (gite_id, owner_user_id) → gites is served by ical_feeds_gite_url_key (gite_id, url).
-- The scheduler's "which feeds are due" scan.
create index ical_feeds_next_sync_at_idx on public.ical_feeds (next_sync_at) where is_active;

create trigger ical_feeds_set_updated_at
  before update on public.ical_feeds
  for each row execute function public.set_updated_at();

-- A new URL is a new calendar: forget the old one's cache validators and
-- failures, and make it due now.
create or replace function public.ical_feeds_reset_sync_state()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.url is distinct from old.url then
    new.etag := null;
    new.last_modified := null;
    new.content_hash := null;
    new.consecutive_failures := 0;
    new.last_status := null;
    new.last_http_status := null;
    new.last_error := null;
    new.next_sync_at := now();
  end if;
  return new;
end;
$$;
revoke execute on function public.ical_feeds_reset_sync_state() from public, anon, authenticated;

create trigger ical_feeds_reset_sync_state
  before update of url on public.ical_feeds
  for each row execute function public.ical_feeds_reset_sync_state();

create policy "Owners read their feeds" on public.ical_feeds
  for select to authenticated using ((select auth.uid()) = owner_user_id);
create policy "Owners add feeds to their gîtes" on public.ical_feeds
  for insert to authenticated with check ((select auth.uid()) = owner_user_id);
create policy "Owners edit their feeds" on public.ical_feeds
  for update to authenticated
  using ((select auth.uid()) = owner_user_id) with check ((select auth.uid()) = owner_user_id);
create policy "Owners delete their feeds" on public.ical_feeds
  for delete to authenticated using ((select auth.uid()) = owner_user_id);

-- Column grants: owners set what a feed is, only the worker sets its state.
-- id and gite_id are updatable because PostgREST's upsert (on_conflict=id)
-- sets every column it is sent; moving a feed that has stays to another gîte
-- is still refused by the reservations' FK (feed_id, gite_id, owner_user_id).
revoke all on table public.ical_feeds from anon, authenticated;
grant select, delete on table public.ical_feeds to authenticated;
grant insert (id, owner_user_id, gite_id, platform, label, url, is_active)
  on table public.ical_feeds to authenticated;
grant update (id, owner_user_id, gite_id, platform, label, url, is_active)
  on table public.ical_feeds to authenticated;
grant select, insert, update, delete on table public.ical_feeds to service_role;

-- =============================================================================
-- reservations
-- =============================================================================
-- Stays imported from feeds (feed_id + external_uid = the event's UID) and
-- direct bookings (feed_id null, plateforme 'direct'). Re-syncing upserts on
-- (gite_id, feed_id, external_uid); a stay that leaves its feed is cancelled,
-- never deleted. Overlaps are flagged by the app, never rejected here: a sync
-- must not lose a stay because another one is wrong.
create table public.reservations (
  id uuid primary key default gen_random_uuid(),
  owner_user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  gite_id uuid not null,
  feed_id uuid,
  external_uid text check (char_length(external_uid) <= 1024),
  plateforme text not null default 'direct'
    check (plateforme in ('airbnb', 'booking', 'abritel', 'gites_de_france', 'other', 'direct')),
  status text not null default 'confirmed' check (status in ('confirmed', 'blocked', 'cancelled')),
  client_nom text check (char_length(client_nom) <= 200),
  client_email text check (char_length(client_email) <= 320),
  client_telephone text check (char_length(client_telephone) <= 40),
  nb_personnes integer check (nb_personnes between 0 and 100),
  montant numeric(12, 2) check (montant >= 0),
  date_debut date not null,               -- arrival day
  date_fin date not null,                 -- departure day (iCal DTEND of an all-day event)
  notes text check (char_length(notes) <= 10000),
  cancelled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint reservations_dates_check check (date_fin > date_debut),
  -- An imported stay is identified by its UID within its feed.
  constraint reservations_imported_uid_check check (feed_id is null or external_uid is not null),
  constraint reservations_cancelled_at_check check (cancelled_at is null or status = 'cancelled'),
  constraint reservations_gite_fkey foreign key (gite_id, owner_user_id)
    references public.gites (id, owner_user_id) on delete cascade,
  -- Deleting a feed keeps its stays (history, revenue): only feed_id is
  -- cleared, owner_user_id and gite_id stay as they are.
  constraint reservations_feed_fkey foreign key (feed_id, gite_id, owner_user_id)
    references public.ical_feeds (id, gite_id, owner_user_id) on delete set null (feed_id),
  -- The sync's upsert key. NULL feed_id (direct bookings) never conflicts.
  constraint reservations_gite_feed_uid_key unique (gite_id, feed_id, external_uid),
  constraint reservations_id_owner_key unique (id, owner_user_id)
);
alter table public.reservations enable row level security;

comment on table public.reservations is
  'Stays and blocks of a gîte, imported from iCal feeds or entered by the owner.';

-- Plan 1.1.2, with its final column names. Listing and filtering queries run
-- under RLS, so the indexes they use start with owner_user_id; the plan's
-- single-column plateforme/status indexes are corrected that way.
create index idx_reservations_dates on public.reservations (date_debut, date_fin);
create index idx_reservations_gite_dates on public.reservations (gite_id, date_debut, date_fin);
-- Keyset pagination: (date_debut, id) descending within one owner, so page 500
-- costs what page 1 costs.
create index idx_reservations_owner_dates
  on public.reservations (owner_user_id, date_debut desc, id desc);
create index idx_reservations_plateforme
  on public.reservations (owner_user_id, plateforme, date_debut desc);
create index idx_reservations_status
  on public.reservations (owner_user_id, status, date_debut desc);
-- Guest-name search ignoring case and accents (the plan's to_tsvector index
-- cannot match a partial name; trigrams can, with LIKE '%…%').
create index idx_reservations_client_nom
  on public.reservations using gin (public.unaccent_lower(client_nom) extensions.gin_trgm_ops);
-- FK (feed_id, …) → ical_feeds: deleting a feed finds its stays here.
create index reservations_feed_id_idx on public.reservations (feed_id) where feed_id is not null;

create trigger reservations_set_updated_at
  before update on public.reservations
  for each row execute function public.set_updated_at();

-- cancelled_at follows status, whoever changes it (owner or sync worker).
create or replace function public.reservations_track_cancellation()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status = 'cancelled' then
    new.cancelled_at := coalesce(new.cancelled_at, now());
  else
    new.cancelled_at := null;
  end if;
  return new;
end;
$$;
revoke execute on function public.reservations_track_cancellation() from public, anon, authenticated;

create trigger reservations_track_cancellation
  before insert or update of status, cancelled_at on public.reservations
  for each row execute function public.reservations_track_cancellation();

create policy "Owners read their reservations" on public.reservations
  for select to authenticated using ((select auth.uid()) = owner_user_id);
create policy "Owners add reservations to their gîtes" on public.reservations
  for insert to authenticated with check ((select auth.uid()) = owner_user_id);
create policy "Owners edit their reservations" on public.reservations
  for update to authenticated
  using ((select auth.uid()) = owner_user_id) with check ((select auth.uid()) = owner_user_id);
create policy "Owners delete their reservations" on public.reservations
  for delete to authenticated using ((select auth.uid()) = owner_user_id);

revoke all on table public.reservations from anon, authenticated;
grant select, insert, update, delete on table public.reservations to authenticated;
grant select, insert, update, delete on table public.reservations to service_role;
