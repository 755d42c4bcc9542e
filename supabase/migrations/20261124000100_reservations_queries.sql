-- =============================================================================
-- Reservations at scale: what the Réservations list, the calendar and the
-- dashboard read (issue 3)
--
--   * computed fields public.client_nom_search(reservations) and
--     public.has_overlap(reservations), used by PostgREST like columns:
--       select=*,has_overlap            client_nom_search=like.*dupont*
--   * public.search_reservations(p_query): the guest-name search that uses the
--     trigram index (a LIKE filter on the table cannot, under RLS: see below);
--   * public.dashboard_summary(p_today) for the Tableau de bord;
--   * the indexes and planner statistics these and the list's filters and
--     sorts need, all led by owner_user_id or gite_id so that one owner's
--     request reads one owner's rows (checked by `npm run bench:reservations`
--     on 70,000 owners).
--
-- Plain SQL, runs unchanged on hosted Supabase (PG 15+).
-- =============================================================================

-- =============================================================================
-- Extensions
-- =============================================================================
-- btree_gin lets one GIN index hold owner_user_id next to the trigrams, so a
-- name search reads the owner's matching rows only (see idx_reservations_client_nom).
create extension if not exists btree_gin with schema extensions;

-- =============================================================================
-- Computed field: client_nom_search
-- =============================================================================
-- The guest name as the trigram index stores it (lower case, no accents). The
-- client normalises its search term the same way (src/lib/search-normalize.ts)
-- and can filter with LIKE: client_nom_search=like.*dupont*. Results are
-- right, but under RLS that filter is evaluated row by row on the owner's rows
-- and never through the trigram index: PostgreSQL only lets a user's filter
-- into an index scan of an RLS table when its operator is leakproof, and LIKE
-- (textlike) is not (only a superuser could mark it). Fine for an owner with a
-- few hundred stays; for the list's search box use search_reservations() below,
-- which is indexed whatever the owner's size.
--
-- Deliberately without `set search_path` (a SET clause prevents inlining; the
-- inlined form is public.unaccent_lower(client_nom), the index expression, so a
-- query without RLS — service_role — still uses the index). Every name in the
-- body is schema-qualified, and the function is security invoker.
-- The parameter is unnamed on purpose: `supabase gen types` (and
-- dev/gen-types.ts) then type the function as a computed field of reservations
-- (Args { '': reservations Row }), which supabase-js uses to type `select`.
create or replace function public.client_nom_search(public.reservations)
returns text
language sql
immutable
parallel safe
as $$
  select public.unaccent_lower($1.client_nom)
$$;

comment on function public.client_nom_search(public.reservations) is
  'Computed field: the guest name lower-cased without accents (trigram-indexed). Filter with like.*term*.';

revoke execute on function public.client_nom_search(public.reservations) from public, anon;
grant execute on function public.client_nom_search(public.reservations) to authenticated, service_role;

-- =============================================================================
-- Computed field: has_overlap
-- =============================================================================
-- True when the stay is confirmed and another confirmed stay of the same gîte
-- shares at least one night with it. Departure day = arrival day of the next
-- stay is not an overlap (date_fin is the departure day). Cancelled stays and
-- blocks never overlap anything. Security invoker: it sees the caller's rows.
--
-- Cost: PostgREST evaluates it once per returned row, so it must be a couple of
-- index probes, whatever the gîte's history. A stay o overlaps r when
-- o.date_debut < r.date_fin and o.date_fin > r.date_debut; scanning every stay
-- that starts before r.date_fin would read the gîte's whole past for a recent
-- stay. Instead:
--   * stays of at most 31 nights that overlap r start within 31 days before r:
--     a bounded range of idx_reservations_gite_confirmed;
--   * longer stays (rare: long lets) are all in the small partial index
--     idx_reservations_gite_long_stays.
-- Both probes are index-only (every column they read is in the index).
create or replace function public.has_overlap(public.reservations)
returns boolean
language sql
stable
parallel safe
as $$
  select case
    when $1.status = 'confirmed' then
      exists (
        select 1
        from public.reservations o
        where o.gite_id = $1.gite_id
          and o.status = 'confirmed'
          and o.date_debut < $1.date_fin
          and o.date_debut >= $1.date_debut - 31
          and o.date_fin > $1.date_debut
          and o.id <> $1.id
      )
      or exists (
        select 1
        from public.reservations o
        where o.gite_id = $1.gite_id
          and o.status = 'confirmed'
          and o.date_fin - o.date_debut > 31
          and o.date_debut < $1.date_fin
          and o.date_fin > $1.date_debut
          and o.id <> $1.id
      )
    else false
  end
$$;

comment on function public.has_overlap(public.reservations) is
  'Computed field: a confirmed stay that shares a night with another confirmed stay of its gîte.';

revoke execute on function public.has_overlap(public.reservations) from public, anon;
grant execute on function public.has_overlap(public.reservations) to authenticated, service_role;

-- =============================================================================
-- Indexes
-- =============================================================================
-- has_overlap's probes: the confirmed stays of a gîte by arrival, and the long
-- ones apart.
create index idx_reservations_gite_confirmed
  on public.reservations (gite_id, date_debut desc)
  include (date_fin, id, owner_user_id)
  where status = 'confirmed';
create index idx_reservations_gite_long_stays
  on public.reservations (gite_id, date_debut)
  include (date_fin, id, owner_user_id)
  where status = 'confirmed' and date_fin - date_debut > 31;

-- Guest-name search: the owner next to the trigrams (btree_gin), so a search
-- reads the owner's matching rows only, never every owner's "dupont". It
-- replaces the trigrams-only index of the same name, which no owner query
-- could use (they all filter on owner_user_id, and under RLS the LIKE cannot
-- reach an index anyway, see client_nom_search).
-- The owner is indexed as text, on purpose: only search_reservations() asks
-- for owner_user_id::text. With the plain uuid column, the planner used this
-- index's compact "all rows of owner X" as a cheap-looking bitmap in unrelated
-- queries (the calendar's per-gîte reads: BitmapAnd of 22,000 owner rows with
-- the gîte's, 50 times, 100 ms — measured on 70,000 owners).
drop index public.idx_reservations_client_nom;
create index idx_reservations_client_nom
  on public.reservations
  using gin ((owner_user_id::text), public.unaccent_lower(client_nom) extensions.gin_trgm_ops);

-- Departures (dashboard) and "stays overlapping [from, to)" (calendar, the
-- list's date filter): date_fin > from, with date_debut < to checked in the
-- index before any row is read.
create index idx_reservations_owner_fin
  on public.reservations (owner_user_id, date_fin, date_debut);

-- The list sorted by amount, largest first, stays without an amount (blocks,
-- stays to complete) last, ties by arrival then id — the order
-- `order=montant.desc.nullslast,date_debut.desc,id.desc` asks for. (Smallest
-- first with amounts missing last is a top-N sort of the owner's rows: no
-- single index serves "nulls last" both ways; a rare sort, kept off the write
-- path.)
create index idx_reservations_owner_montant
  on public.reservations (owner_user_id, montant desc nulls last, date_debut desc, id desc);

-- =============================================================================
-- Planner statistics
-- =============================================================================
-- Under RLS every query compares owner_user_id with (select auth.uid()), a
-- value the planner does not know: it estimates the rows of "an average owner"
-- (≈ 250 at 70,000 owners) even for an owner with 20,000 stays, and then picks
-- plans that read all of a big owner's rows (bitmap scan + sort instead of the
-- ordered index scan that stops after 50 rows: 14 ms instead of 1.7 ms for a
-- keyset page, measured). Telling it that an owner has about 10,000 stays
-- (n_distinct = -0.0001: distinct owners = 0.01 % of the rows) makes it choose
-- the plans that are right for the biggest owners, which cost small owners
-- nothing (they are index range scans either way). Takes effect at the next
-- ANALYZE.
alter table public.reservations alter column owner_user_id set (n_distinct = -0.0001);

-- A gîte belongs to one owner: without this, the planner multiplies the
-- selectivities of "owner = me" and "gîte = X" and expects ~1 row for a gîte's
-- history (then picks plans that are wrong for 400).
create statistics public.reservations_owner_gite_dependencies (dependencies)
  on owner_user_id, gite_id from public.reservations;

analyze public.reservations;

-- =============================================================================
-- Guest-name search
-- =============================================================================
-- The Réservations search box: the caller's stays whose guest name contains
-- p_query, ignoring case and accents. Security definer so that the name filter
-- can use the trigram index (see client_nom_search for why a LIKE filter under
-- RLS cannot); it filters on auth.uid() itself, so it returns the caller's rows
-- only (none without a signed-in user). PostgREST applies the rest on top:
--   rpc/search_reservations?select=*,has_overlap&gite_id=eq.…&order=date_debut.desc,id.desc
--   with Prefer: count=exact and a Range, like the table.
-- p_query is normalised here as well (public.unaccent_lower), and LIKE's
-- wildcards in it are matched literally. Trigrams need 3 characters: a shorter
-- term still works but reads all the owner's rows.
create or replace function public.search_reservations(p_query text)
returns setof public.reservations
language sql
stable
security definer
set search_path = ''
as $$
  select r.*
  from public.reservations r
  where r.owner_user_id = (select auth.uid())
    -- The same condition in the form idx_reservations_client_nom holds.
    and r.owner_user_id::text = (select auth.uid())::text
    and public.unaccent_lower(r.client_nom) like
      '%' || replace(replace(replace(
        public.unaccent_lower(btrim(coalesce(p_query, ''))),
        '\', '\\'), '%', '\%'), '_', '\_') || '%'
$$;

comment on function public.search_reservations(text) is
  'The caller''s reservations whose guest name contains p_query (case and accents ignored), via the trigram index.';

revoke execute on function public.search_reservations(text) from public, anon, service_role;
grant execute on function public.search_reservations(text) to authenticated;

-- =============================================================================
-- Dashboard
-- =============================================================================
-- One round trip for the Tableau de bord. Each part is a range read of an
-- owner-led index (today's arrivals, today's departures, the next 7 days, the
-- month's stays, this year's and last year's stays up to today); nothing reads
-- the owner's whole history. Security invoker and filtered on auth.uid()
-- explicitly as well, so a caller that bypasses RLS still gets only their own
-- rows (and service_role, with no uid, gets empty lists).
create or replace function public.dashboard_summary(p_today date default current_date)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  with
  me as (
    select (select auth.uid()) as uid
  ),
  arrivals_today as (
    select r.*, g.nom as gite_nom
    from public.reservations r
    join public.gites g on g.id = r.gite_id
    where r.owner_user_id = (select uid from me)
      and r.date_debut = p_today
      and r.status = 'confirmed'
  ),
  departures_today as (
    select r.*, g.nom as gite_nom
    from public.reservations r
    join public.gites g on g.id = r.gite_id
    where r.owner_user_id = (select uid from me)
      and r.date_fin = p_today
      and r.status = 'confirmed'
  ),
  next_7_days as (
    select e.*
    from (
      select 'arrival' as kind, r.date_debut as event_date, r.id, r.gite_id, r.client_nom,
        r.plateforme, r.status, r.date_debut, r.date_fin, r.nb_personnes
      from public.reservations r
      where r.owner_user_id = (select uid from me)
        and r.date_debut > p_today and r.date_debut <= p_today + 7
        and r.status = 'confirmed'
      union all
      select 'departure', r.date_fin, r.id, r.gite_id, r.client_nom,
        r.plateforme, r.status, r.date_debut, r.date_fin, r.nb_personnes
      from public.reservations r
      where r.owner_user_id = (select uid from me)
        and r.date_fin > p_today and r.date_fin <= p_today + 7
        and r.status = 'confirmed'
    ) e
    -- A departure frees the gîte before the next arrival of the same day.
    order by e.event_date, e.kind desc, e.date_debut, e.id
    limit 50
  ),
  -- The month's bounds are written out (not taken from a CTE) so that the
  -- planner sees them: idx_reservations_owner_fin, date_fin > month start.
  month_stays as (
    select
      r.gite_id,
      r.status,
      greatest(r.date_debut, date_trunc('month', p_today::timestamp)::date) as from_day,
      least(r.date_fin, (date_trunc('month', p_today::timestamp) + interval '1 month')::date)
        as to_day
    from public.reservations r
    where r.owner_user_id = (select uid from me)
      and r.date_fin > date_trunc('month', p_today::timestamp)::date
      and r.date_debut < (date_trunc('month', p_today::timestamp) + interval '1 month')::date
      and r.status in ('confirmed', 'blocked')
  ),
  -- Nights as a set, so that two overlapping stays count their shared nights
  -- once, and a blocked night that is also booked counts as booked.
  month_nights as (
    select s.gite_id, n.night::date as night, bool_or(s.status = 'confirmed') as booked
    from month_stays s
    cross join lateral generate_series(s.from_day, s.to_day - 1, interval '1 day') as n (night)
    group by s.gite_id, n.night
  ),
  occupancy as (
    select
      g.id as gite_id,
      g.nom as gite_nom,
      g.ordre,
      count(n.night) filter (where n.booked) as nights_booked,
      count(n.night) filter (where not n.booked) as nights_blocked,
      (date_trunc('month', p_today::timestamp) + interval '1 month')::date
        - date_trunc('month', p_today::timestamp)::date as nights_in_month
    from public.gites g
    left join month_nights n on n.gite_id = g.id
    where g.owner_user_id = (select uid from me)
    group by g.id, g.nom, g.ordre
    -- An inactive gîte shows only if it still has nights this month.
    having bool_or(g.is_active) or count(n.night) > 0
  ),
  -- Two range reads of idx_reservations_status (owner, status, date_debut).
  revenue as (
    select
      (
        select coalesce(sum(r.montant), 0)
        from public.reservations r
        where r.owner_user_id = (select uid from me)
          and r.status = 'confirmed'
          and r.date_debut >= date_trunc('year', p_today::timestamp)::date
          and r.date_debut <= p_today
      ) as ytd,
      (
        select coalesce(sum(r.montant), 0)
        from public.reservations r
        where r.owner_user_id = (select uid from me)
          and r.status = 'confirmed'
          and r.date_debut >= (date_trunc('year', p_today::timestamp) - interval '1 year')::date
          -- 29 February → 28 February of the year before.
          and r.date_debut <= (p_today - interval '1 year')::date
      ) as ytd_previous
  )
  select jsonb_build_object(
    'today', p_today,
    'arrivals_today', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', a.id, 'gite_id', a.gite_id, 'gite_nom', a.gite_nom, 'client_nom', a.client_nom,
        'plateforme', a.plateforme, 'status', a.status, 'date_debut', a.date_debut,
        'date_fin', a.date_fin, 'nb_personnes', a.nb_personnes
      ) order by a.gite_nom, a.id)
      from arrivals_today a
    ), '[]'::jsonb),
    'departures_today', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', d.id, 'gite_id', d.gite_id, 'gite_nom', d.gite_nom, 'client_nom', d.client_nom,
        'plateforme', d.plateforme, 'status', d.status, 'date_debut', d.date_debut,
        'date_fin', d.date_fin, 'nb_personnes', d.nb_personnes
      ) order by d.gite_nom, d.id)
      from departures_today d
    ), '[]'::jsonb),
    'next_7_days', coalesce((
      select jsonb_agg(jsonb_build_object(
        'kind', e.kind, 'date', e.event_date,
        'id', e.id, 'gite_id', e.gite_id, 'gite_nom', g.nom, 'client_nom', e.client_nom,
        'plateforme', e.plateforme, 'status', e.status, 'date_debut', e.date_debut,
        'date_fin', e.date_fin, 'nb_personnes', e.nb_personnes
      ) order by e.event_date, e.kind desc, e.date_debut, e.id)
      from next_7_days e
      join public.gites g on g.id = e.gite_id
    ), '[]'::jsonb),
    'occupancy', coalesce((
      select jsonb_agg(jsonb_build_object(
        'gite_id', o.gite_id, 'gite_nom', o.gite_nom,
        'nights_booked', o.nights_booked, 'nights_blocked', o.nights_blocked,
        'nights_in_month', o.nights_in_month,
        'rate', round(o.nights_booked::numeric / o.nights_in_month, 4)
      ) order by o.ordre, o.gite_nom, o.gite_id)
      from occupancy o
    ), '[]'::jsonb),
    'revenue_ytd', (select ytd from revenue),
    'revenue_ytd_previous', (select ytd_previous from revenue)
  )
$$;

comment on function public.dashboard_summary(date) is
  'The Tableau de bord of the calling owner on p_today: arrivals, departures, next 7 days, month occupancy, revenue year-to-date.';

revoke execute on function public.dashboard_summary(date) from public, anon, service_role;
grant execute on function public.dashboard_summary(date) to authenticated;
