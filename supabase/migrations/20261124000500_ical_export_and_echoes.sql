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
-- double booking (recognised when a feed is applied: echo_original in
-- 20261124000300). Here: when the original is cancelled, moved or deleted,
-- its echoes stop being echoes and become what their feed says again.
--
-- Plain SQL, runs unchanged on hosted Supabase (PG 15+).
-- =============================================================================

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
