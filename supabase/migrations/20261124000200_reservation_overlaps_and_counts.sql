-- =============================================================================
-- What the Réservations list used to compute on every read, kept up to date on
-- write instead (issue 3):
--
--   * public.reservation_overlaps: the confirmed stays that share a night with
--     another confirmed stay of their gîte ("double réservation ?"). The
--     computed field public.has_overlap(reservations) becomes one primary-key
--     probe of this small table instead of two index range reads per row
--     (page of 50 for a 22,000-stay owner: 1.6 ms → 0.2 ms);
--   * public.reservation_counts: each owner's number of stays by status, so the
--     unfiltered list (or filtered by status alone) shows its exact total
--     without counting 22,000 index entries on every page (3.8 ms → one row).
--
-- Both are written by statement-level triggers on reservations, whoever writes
-- (the owner through the API, the sync worker, a gîte deletion's cascade), so
-- there is one place that keeps them right. Owners can read theirs, nobody can
-- write them through the API.
--
-- Concurrency: two transactions adding overlapping stays to the same gîte at
-- the same moment must both end up flagged. The overlap trigger takes a
-- transaction-scoped advisory lock per gîte (in gîte order, so two statements
-- never wait on each other in a cycle) before it looks at the gîte's stays,
-- and each of its queries takes a fresh snapshot (READ COMMITTED, the level
-- PostgREST and the sync worker use): the second writer waits for the first to
-- commit and then sees its stay. Only a holder of a gîte's lock writes the
-- flags of that gîte's stays, so flag rows never deadlock.
--
-- Bulk loads that skip triggers (dev/scale, session_replication_role =
-- replica) call public.rebuild_reservation_counts() and
-- public.rebuild_reservation_overlaps() afterwards.
--
-- Plain SQL, runs unchanged on hosted Supabase (PG 15+).
-- =============================================================================

-- =============================================================================
-- reservation_overlaps
-- =============================================================================
create table public.reservation_overlaps (
  -- The flagged reservation.
  id uuid primary key,
  owner_user_id uuid not null,
  constraint reservation_overlaps_reservation_fkey foreign key (id, owner_user_id)
    references public.reservations (id, owner_user_id) on delete cascade
);
alter table public.reservation_overlaps enable row level security;

-- An owner's flags (what RLS filters on; also the rebuild of one owner).
create index reservation_overlaps_owner_idx on public.reservation_overlaps (owner_user_id);

comment on table public.reservation_overlaps is
  'Confirmed stays sharing a night with another confirmed stay of their gîte. Kept by a trigger on reservations.';

create policy "Owners read their overlap flags" on public.reservation_overlaps
  for select to authenticated using ((select auth.uid()) = owner_user_id);

revoke all on table public.reservation_overlaps from anon, authenticated, service_role;
grant select on table public.reservation_overlaps to authenticated, service_role;

-- =============================================================================
-- reservation_counts
-- =============================================================================
create table public.reservation_counts (
  id uuid primary key default gen_random_uuid(),
  owner_user_id uuid not null unique references auth.users (id) on delete cascade,
  confirmed bigint not null default 0 check (confirmed >= 0),
  blocked bigint not null default 0 check (blocked >= 0),
  cancelled bigint not null default 0 check (cancelled >= 0)
);
alter table public.reservation_counts enable row level security;

comment on table public.reservation_counts is
  'Number of reservations of each owner by status. Kept by a trigger on reservations.';

create policy "Owners read their reservation counts" on public.reservation_counts
  for select to authenticated using ((select auth.uid()) = owner_user_id);

revoke all on table public.reservation_counts from anon, authenticated, service_role;
grant select on table public.reservation_counts to authenticated, service_role;

-- =============================================================================
-- Overlap flags: the shared computation
-- =============================================================================
-- The confirmed stays of the given gîtes that overlap one of the given
-- intervals, each with whether it overlaps another confirmed stay. Both
-- searches are bounded the way has_overlap was: a stay of at most 31 nights
-- that overlaps [d, f) starts within 31 days before d (a bounded range of
-- idx_reservations_gite_confirmed), longer ones are all in the small partial
-- index idx_reservations_gite_long_stays. Departure day = next arrival day is
-- not an overlap.
create or replace function public.confirmed_stays_overlapping(
  p_intervals jsonb -- [{"gite_id": …, "date_debut": "…", "date_fin": "…"}, …]
)
returns table (id uuid, owner_user_id uuid, overlaps boolean)
language sql
stable
set search_path = ''
as $$
  with intervals as (
    select distinct i.gite_id, i.date_debut, i.date_fin
    from jsonb_to_recordset(p_intervals) as i (gite_id uuid, date_debut date, date_fin date)
  ),
  stays as (
    select r.id, r.owner_user_id, r.gite_id, r.date_debut, r.date_fin
    from intervals i
    join public.reservations r
      on r.gite_id = i.gite_id
     and r.status = 'confirmed'
     and r.date_debut < i.date_fin
     and r.date_debut >= i.date_debut - 31
     and r.date_fin > i.date_debut
    union
    select r.id, r.owner_user_id, r.gite_id, r.date_debut, r.date_fin
    from intervals i
    join public.reservations r
      on r.gite_id = i.gite_id
     and r.status = 'confirmed'
     and r.date_fin - r.date_debut > 31
     and r.date_debut < i.date_fin
     and r.date_fin > i.date_debut
  )
  select s.id, s.owner_user_id,
    exists (
      select 1 from public.reservations o
      where o.gite_id = s.gite_id and o.status = 'confirmed'
        and o.date_debut < s.date_fin and o.date_debut >= s.date_debut - 31
        and o.date_fin > s.date_debut and o.id <> s.id
    ) or exists (
      select 1 from public.reservations o
      where o.gite_id = s.gite_id and o.status = 'confirmed'
        and o.date_fin - o.date_debut > 31
        and o.date_debut < s.date_fin and o.date_fin > s.date_debut and o.id <> s.id
    )
  from stays s
$$;

comment on function public.confirmed_stays_overlapping(jsonb) is
  'Confirmed stays overlapping the given gîte intervals, with whether each overlaps another confirmed stay.';

revoke execute on function public.confirmed_stays_overlapping(jsonb) from public, anon, authenticated;

-- =============================================================================
-- Overlap flags: trigger
-- =============================================================================
-- After each statement on reservations: every interval a confirmed stay
-- occupied before or occupies after the change is looked at again, and the
-- flags of the confirmed stays there are set to what they now are. Stays that
-- stopped being confirmed (or were deleted) lose their flag.
create or replace function public.reservations_refresh_overlaps()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_changed jsonb;
  v_gite uuid;
begin
  if tg_op = 'INSERT' then
    select coalesce(jsonb_agg(jsonb_build_object(
        'id', n.id, 'gite_id', n.gite_id, 'date_debut', n.date_debut, 'date_fin', n.date_fin,
        'confirmed', n.status = 'confirmed')), '[]')
      into v_changed from new_rows n;
  elsif tg_op = 'DELETE' then
    select coalesce(jsonb_agg(jsonb_build_object(
        'id', o.id, 'gite_id', o.gite_id, 'date_debut', o.date_debut, 'date_fin', o.date_fin,
        'confirmed', o.status = 'confirmed')), '[]')
      into v_changed from old_rows o;
  else
    -- Updates that move no stay (notes, amount, guest…) change no flag.
    select coalesce(jsonb_agg(c.j), '[]')
      into v_changed
      from (
        select jsonb_build_object('id', o.id, 'gite_id', o.gite_id, 'date_debut', o.date_debut,
            'date_fin', o.date_fin, 'confirmed', o.status = 'confirmed') as j
        from old_rows o join new_rows n on n.id = o.id
        where (o.gite_id, o.date_debut, o.date_fin, o.status)
          is distinct from (n.gite_id, n.date_debut, n.date_fin, n.status)
        union all
        select jsonb_build_object('id', n.id, 'gite_id', n.gite_id, 'date_debut', n.date_debut,
            'date_fin', n.date_fin, 'confirmed', n.status = 'confirmed')
        from old_rows o join new_rows n on n.id = o.id
        where (o.gite_id, o.date_debut, o.date_fin, o.status)
          is distinct from (n.gite_id, n.date_debut, n.date_fin, n.status)
      ) c;
  end if;

  if jsonb_array_length(v_changed) = 0 then
    return null;
  end if;

  -- One writer at a time per gîte, in a fixed order (see the header).
  for v_gite in
    select distinct (c ->> 'gite_id')::uuid from jsonb_array_elements(v_changed) c order by 1
  loop
    perform pg_catalog.pg_advisory_xact_lock(
      pg_catalog.hashtextextended('reservation_overlaps:' || v_gite::text, 0));
  end loop;

  -- Changed stays that are no longer confirmed (or gone) are flagged no more.
  delete from public.reservation_overlaps f
  where f.id in (
    select (c ->> 'id')::uuid from jsonb_array_elements(v_changed) c
    where not (c ->> 'confirmed')::boolean
  )
  and not exists (
    select 1 from public.reservations r where r.id = f.id and r.status = 'confirmed'
  );

  -- Every confirmed stay in an interval that changed: flag or unflag.
  with now_stays as (
    select s.id, s.owner_user_id, s.overlaps
    from public.confirmed_stays_overlapping((
      select jsonb_agg(c) from jsonb_array_elements(v_changed) c
      where (c ->> 'confirmed')::boolean
    )) s
  ),
  unflagged as (
    delete from public.reservation_overlaps f
    using now_stays s
    where f.id = s.id and not s.overlaps
  )
  insert into public.reservation_overlaps (id, owner_user_id)
  select s.id, s.owner_user_id from now_stays s where s.overlaps
  on conflict (id) do nothing;

  return null;
end;
$$;

comment on function public.reservations_refresh_overlaps() is
  'AFTER statement trigger on reservations: keeps reservation_overlaps right for the intervals the statement touched.';

revoke execute on function public.reservations_refresh_overlaps() from public, anon, authenticated;

create trigger reservations_refresh_overlaps_insert
  after insert on public.reservations
  referencing new table as new_rows
  for each statement execute function public.reservations_refresh_overlaps();
create trigger reservations_refresh_overlaps_update
  after update on public.reservations
  referencing old table as old_rows new table as new_rows
  for each statement execute function public.reservations_refresh_overlaps();
create trigger reservations_refresh_overlaps_delete
  after delete on public.reservations
  referencing old table as old_rows
  for each statement execute function public.reservations_refresh_overlaps();

-- =============================================================================
-- Counts: trigger
-- =============================================================================
-- After each statement: the net change of each owner's counts by status, one
-- upsert per owner touched (in owner order: two bulk statements never wait on
-- each other in a cycle). Updates that change no status touch no count row, so
-- editing a stay takes no lock here.
create or replace function public.reservations_count_changes()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- (Each branch names only the transition tables its trigger has.)
  if tg_op = 'INSERT' then
    insert into public.reservation_counts as c (owner_user_id, confirmed, blocked, cancelled)
    select n.owner_user_id,
      count(*) filter (where n.status = 'confirmed'),
      count(*) filter (where n.status = 'blocked'),
      count(*) filter (where n.status = 'cancelled')
    from new_rows n
    group by n.owner_user_id
    order by n.owner_user_id
    on conflict (owner_user_id) do update
      set confirmed = c.confirmed + excluded.confirmed,
          blocked = c.blocked + excluded.blocked,
          cancelled = c.cancelled + excluded.cancelled;
  elsif tg_op = 'UPDATE' then
    -- (Not an upsert: a CHECK applies to the row an upsert proposes, and a
    -- decrement would propose a negative count.)
    with delta as (
      select d.owner_user_id,
        coalesce(sum(d.n) filter (where d.status = 'confirmed'), 0) as confirmed,
        coalesce(sum(d.n) filter (where d.status = 'blocked'), 0) as blocked,
        coalesce(sum(d.n) filter (where d.status = 'cancelled'), 0) as cancelled
      from (
        select n.owner_user_id, n.status, 1 as n
        from new_rows n join old_rows o on o.id = n.id
        where (n.owner_user_id, n.status) is distinct from (o.owner_user_id, o.status)
        union all
        select o.owner_user_id, o.status, -1
        from new_rows n join old_rows o on o.id = n.id
        where (n.owner_user_id, n.status) is distinct from (o.owner_user_id, o.status)
      ) d
      group by d.owner_user_id
    ),
    locked as (
      select c.owner_user_id from public.reservation_counts c
      where c.owner_user_id in (select dl.owner_user_id from delta dl)
      order by c.owner_user_id
      for update
    )
    update public.reservation_counts c
      set confirmed = c.confirmed + dl.confirmed,
          blocked = c.blocked + dl.blocked,
          cancelled = c.cancelled + dl.cancelled
    from delta dl
    where c.owner_user_id = dl.owner_user_id
      and c.owner_user_id in (select l.owner_user_id from locked l);
  else
    -- Only existing rows: when an account is deleted its count row may be
    -- gone already, and must not come back.
    with removed as (
      select o.owner_user_id,
        count(*) filter (where o.status = 'confirmed') as confirmed,
        count(*) filter (where o.status = 'blocked') as blocked,
        count(*) filter (where o.status = 'cancelled') as cancelled
      from old_rows o
      group by o.owner_user_id
    ),
    locked as (
      select c.owner_user_id from public.reservation_counts c
      where c.owner_user_id in (select r.owner_user_id from removed r)
      order by c.owner_user_id
      for update
    )
    update public.reservation_counts c
      set confirmed = c.confirmed - r.confirmed,
          blocked = c.blocked - r.blocked,
          cancelled = c.cancelled - r.cancelled
    from removed r
    where c.owner_user_id = r.owner_user_id
      and c.owner_user_id in (select l.owner_user_id from locked l);
  end if;
  return null;
end;
$$;

comment on function public.reservations_count_changes() is
  'AFTER statement trigger on reservations: adds the statement''s net change to reservation_counts.';

revoke execute on function public.reservations_count_changes() from public, anon, authenticated;

create trigger reservations_count_changes_insert
  after insert on public.reservations
  referencing new table as new_rows
  for each statement execute function public.reservations_count_changes();
-- (Transition tables rule out a column list: updates that change no status
-- are filtered inside, and take no lock.)
create trigger reservations_count_changes_update
  after update on public.reservations
  referencing old table as old_rows new table as new_rows
  for each statement execute function public.reservations_count_changes();
create trigger reservations_count_changes_delete
  after delete on public.reservations
  referencing old table as old_rows
  for each statement execute function public.reservations_count_changes();

-- =============================================================================
-- Rebuilds (existing rows now, bulk loads that skipped triggers later)
-- =============================================================================
create or replace function public.rebuild_reservation_counts(p_owner uuid default null)
returns void
language sql
set search_path = ''
as $$
  delete from public.reservation_counts c where p_owner is null or c.owner_user_id = p_owner;
  insert into public.reservation_counts (owner_user_id, confirmed, blocked, cancelled)
  select r.owner_user_id,
    count(*) filter (where r.status = 'confirmed'),
    count(*) filter (where r.status = 'blocked'),
    count(*) filter (where r.status = 'cancelled')
  from public.reservations r
  where p_owner is null or r.owner_user_id = p_owner
  group by r.owner_user_id;
$$;

comment on function public.rebuild_reservation_counts(uuid) is
  'Recounts reservation_counts from reservations (one owner, or all). For bulk loads that skip triggers.';

revoke execute on function public.rebuild_reservation_counts(uuid) from public, anon, authenticated;

create or replace function public.rebuild_reservation_overlaps(p_owner uuid default null)
returns void
language sql
set search_path = ''
as $$
  delete from public.reservation_overlaps f where p_owner is null or f.owner_user_id = p_owner;
  insert into public.reservation_overlaps (id, owner_user_id)
  select r.id, r.owner_user_id
  from public.reservations r
  where r.status = 'confirmed'
    and (p_owner is null or r.owner_user_id = p_owner)
    and (
      exists (
        select 1 from public.reservations o
        where o.gite_id = r.gite_id and o.status = 'confirmed'
          and o.date_debut < r.date_fin and o.date_debut >= r.date_debut - 31
          and o.date_fin > r.date_debut and o.id <> r.id
      ) or exists (
        select 1 from public.reservations o
        where o.gite_id = r.gite_id and o.status = 'confirmed'
          and o.date_fin - o.date_debut > 31
          and o.date_debut < r.date_fin and o.date_fin > r.date_debut and o.id <> r.id
      )
    );
$$;

comment on function public.rebuild_reservation_overlaps(uuid) is
  'Recomputes reservation_overlaps from reservations (one owner, or all). For bulk loads that skip triggers.';

revoke execute on function public.rebuild_reservation_overlaps(uuid) from public, anon, authenticated;

select public.rebuild_reservation_counts();
select public.rebuild_reservation_overlaps();

-- =============================================================================
-- has_overlap reads the flags
-- =============================================================================
-- Same meaning and same API as before (a computed field PostgREST calls per
-- row), now one primary-key probe. Security invoker: RLS on the flags table
-- shows the caller their own flags only.
create or replace function public.has_overlap(public.reservations)
returns boolean
language sql
stable
parallel safe
as $$
  select exists (select 1 from public.reservation_overlaps f where f.id = $1.id)
$$;

comment on function public.has_overlap(public.reservations) is
  'Computed field: a confirmed stay that shares a night with another confirmed stay of its gîte (reservation_overlaps).';
