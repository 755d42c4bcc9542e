-- =============================================================================
-- Calendar export and echoes (issue 4, item 4)
--
-- Each gîte can publish its calendar at a secret link that Airbnb, Booking.com
-- and the others import (the ical-export edge function). Once a platform
-- imports it, its own feed sends those dates back — Booking.com as "CLOSED -
-- Not available", Airbnb as "Airbnb (Not available)". Such an event, when a
-- stay or block we already hold from another source covers its dates, is an
-- ECHO: stored (nothing a feed says is dropped) but as a block pointing at the
-- original (echo_of), so it is never counted as a stay, as revenue or as a
-- double booking. When the original is cancelled, moved or deleted, its echoes
-- stop being echoes and become what their feed says again.
--
-- Plain SQL, runs unchanged on hosted Supabase (PG 15+).
-- =============================================================================

-- =============================================================================
-- reservations.echo_of
-- =============================================================================
-- The stay this imported event echoes. No foreign key: the trigger below
-- releases the echoes of an original that goes away, which a FK's SET NULL
-- would do too early for it to know which ones.
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
-- Echoes released when their original changes
-- =============================================================================
-- After a statement that cancels, moves or deletes stays: the echoes of those
-- stays are looked at again — another stay may cover them, else they become
-- what their feed says (a stay to complete, a block). Changing an echo fires
-- this again, but nothing echoes an echo, so it stops there.
create or replace function public.reservations_release_echoes()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_originals uuid[];
begin
  if tg_op = 'DELETE' then
    select array_agg(o.id) into v_originals from old_rows o;
  else
    select array_agg(o.id) into v_originals
    from old_rows o join new_rows n on n.id = o.id
    where (o.gite_id, o.date_debut, o.date_fin, o.status, o.echo_of)
      is distinct from (n.gite_id, n.date_debut, n.date_fin, n.status, n.echo_of);
  end if;
  if v_originals is null then
    return null;
  end if;

  with echoes as (
    select e.id, e.feed_kind, e.owner_marked_closure,
      public.echo_original(e.gite_id, e.feed_id, e.feed_kind, e.date_debut, e.date_fin, e.id)
        as new_original
    from public.reservations e
    where e.echo_of = any (v_originals) and e.status <> 'cancelled'
  )
  update public.reservations r
    set echo_of = x.new_original,
        status = public.imported_status(false, x.new_original, x.owner_marked_closure, x.feed_kind)
  from echoes x
  where r.id = x.id
    and (r.echo_of, r.status) is distinct from (
      x.new_original,
      public.imported_status(false, x.new_original, x.owner_marked_closure, x.feed_kind));
  return null;
end;
$$;

revoke execute on function public.reservations_release_echoes() from public, anon, authenticated;

create trigger reservations_release_echoes_update
  after update on public.reservations
  referencing old table as old_rows new table as new_rows
  for each statement execute function public.reservations_release_echoes();
create trigger reservations_release_echoes_delete
  after delete on public.reservations
  referencing old table as old_rows
  for each statement execute function public.reservations_release_echoes();

-- =============================================================================
-- apply_feed_sync, now recognising echoes
-- =============================================================================
-- As in 20261124000300 (read its comment), plus: each unavailable period is
-- checked against the gîte's other stays; one they cover is stored as an echo
-- (blocked, echo_of set) and not counted as added. Echo or not is decided again
-- at each sync of a changed feed.
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
begin
  v_task := public.held_sync_task(p_worker, p_task_id);
  if v_task.id is null then
    return jsonb_build_object('applied', false);
  end if;
  select f.* into v_feed from public.ical_feeds f where f.id = v_task.feed_id;

  with events as (
    select e.uid, e.start, e."end", e.kind, coalesce(e.cancelled, false) as cancelled,
      nullif(btrim(left(e."guestName", 200)), '') as guest_name
    from jsonb_to_recordset(p_events) as e (
      uid text, start date, "end" date, kind text, cancelled boolean, "guestName" text
    )
  ),
  classified as (
    select e.*,
      case when e.cancelled then null
           else public.echo_original(v_feed.gite_id, v_feed.id, e.kind, e.start, e."end") end
        as echo_of
    from events e
  ),
  upserted as (
    insert into public.reservations as r (
      owner_user_id, gite_id, feed_id, external_uid, plateforme, status, client_nom,
      date_debut, date_fin, feed_kind, echo_of
    )
    select v_feed.owner_user_id, v_feed.gite_id, v_feed.id, c.uid, v_feed.platform,
      public.imported_status(c.cancelled, c.echo_of, false, c.kind),
      c.guest_name, c.start, c."end", c.kind, c.echo_of
    from classified c
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

-- =============================================================================
-- Export links
-- =============================================================================
-- One live link per gîte. The token (192 random bits, URL-safe) is stored as
-- is, readable by its owner only: the owner pastes the same link into several
-- platforms over time and must be able to see it again (a hash would force a
-- new link, and updating every platform, each time). What it exposes is
-- little: dates and "Réservé" / "Indisponible", no guest data. Revoking ends it
-- at once; a new link replaces it.
create table public.gite_export_links (
  id uuid primary key default gen_random_uuid(),
  owner_user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  gite_id uuid not null,
  token text not null unique check (token ~ '^[A-Za-z0-9_-]{32,}$'),
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  last_fetched_at timestamptz,
  constraint gite_export_links_gite_fkey foreign key (gite_id, owner_user_id)
    references public.gites (id, owner_user_id) on delete cascade
);
alter table public.gite_export_links enable row level security;

comment on table public.gite_export_links is
  'Secret links at which a gîte''s calendar is published for the platforms to import.';

create unique index gite_export_links_one_live_per_gite
  on public.gite_export_links (gite_id) where revoked_at is null;
create index gite_export_links_owner_idx on public.gite_export_links (owner_user_id, gite_id);
-- FK (gite_id, …) → gites: deleting a gîte finds its links, revoked ones included.
create index gite_export_links_gite_idx on public.gite_export_links (gite_id);

create policy "Owners read their export links" on public.gite_export_links
  for select to authenticated using ((select auth.uid()) = owner_user_id);

revoke all on table public.gite_export_links from anon, authenticated;
grant select on table public.gite_export_links to authenticated;
grant select, insert, update, delete on table public.gite_export_links to service_role;

-- The owner's new link for a gîte of theirs (the previous one stops working).
create or replace function public.create_gite_export_link(p_gite_id uuid)
returns public.gite_export_links
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_owner uuid := (select auth.uid());
  v_link public.gite_export_links;
begin
  if v_owner is null or not exists (
    select 1 from public.gites g where g.id = p_gite_id and g.owner_user_id = v_owner
  ) then
    raise exception 'gîte not found' using errcode = 'P0002';
  end if;
  update public.gite_export_links l
    set revoked_at = now()
  where l.gite_id = p_gite_id and l.revoked_at is null;
  insert into public.gite_export_links (owner_user_id, gite_id, token)
  values (
    v_owner, p_gite_id,
    translate(encode(extensions.gen_random_bytes(24), 'base64'), '+/', '-_')
  )
  returning * into v_link;
  return v_link;
end;
$$;

revoke execute on function public.create_gite_export_link(uuid) from public, anon, service_role;
grant execute on function public.create_gite_export_link(uuid) to authenticated;

create or replace function public.revoke_gite_export_link(p_gite_id uuid)
returns void
language sql
security definer
set search_path = ''
as $$
  update public.gite_export_links l
    set revoked_at = now()
  where l.gite_id = p_gite_id and l.revoked_at is null
    and l.owner_user_id = (select auth.uid());
$$;

revoke execute on function public.revoke_gite_export_link(uuid) from public, anon, service_role;
grant execute on function public.revoke_gite_export_link(uuid) to authenticated;

-- =============================================================================
-- The export itself (anonymous, token-checked)
-- =============================================================================
-- What the ical-export function publishes for a live token:
--   {"gite": "<name>", "events": [{"uid", "start", "end", "status"}, …]}
-- the gîte's confirmed stays and blocks from 60 days ago on — direct bookings
-- and every feed's stays, so that each platform closes what the others sold —
-- but never echoes (copies of what is already there) nor cancelled stays, and
-- nothing about the guests. Null for an unknown or revoked token, whatever it
-- resembles.
create or replace function public.ical_export(p_token text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_link public.gite_export_links;
begin
  select l.* into v_link from public.gite_export_links l
  where l.token = p_token and l.revoked_at is null;
  if v_link.id is null then
    return null;
  end if;
  update public.gite_export_links l set last_fetched_at = now()
  where l.id = v_link.id
    and (l.last_fetched_at is null or l.last_fetched_at < now() - interval '1 minute');
  return jsonb_build_object(
    'gite', (select g.nom from public.gites g where g.id = v_link.gite_id),
    'events', coalesce((
      select jsonb_agg(jsonb_build_object(
        'uid', r.id::text || '@liveownerunit.fr',
        'start', r.date_debut, 'end', r.date_fin, 'status', r.status
      ) order by r.date_debut, r.id)
      from public.reservations r
      where r.gite_id = v_link.gite_id
        and r.status in ('confirmed', 'blocked')
        and r.echo_of is null
        and r.date_fin >= (now() at time zone 'Europe/Paris')::date - 60
    ), '[]'::jsonb)
  );
end;
$$;

comment on function public.ical_export(text) is
  'Anonymous: the calendar published at an export link (token-checked), for the ical-export function.';

revoke execute on function public.ical_export(text) from public;
grant execute on function public.ical_export(text) to anon, authenticated, service_role;
