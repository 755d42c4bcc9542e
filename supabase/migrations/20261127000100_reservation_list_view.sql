-- =============================================================================
-- The Réservations list reads a view shaped for it, with generic plans
-- =============================================================================
-- `npm run load -- --per-endpoint` (docs/PERFORMANCE.md) measured where a
-- session's CPU goes. The list (pages 1 and 5) and the name search were the
-- three costliest requests, for two reasons this migration removes:
--
-- 1. PostgREST 12 spends about 0.1 ms of CPU per column named in `select=`
--    (page 1 with 19 columns and 2 embeds: 2.9 ms; `select=*`: 0.9 ms), more
--    than Postgres spends running the query. The list now reads this view,
--    which has exactly the list's columns, with `select=*`. The overlap flag is
--    an EXISTS, where the embeds built one JSON object per row (and per row an
--    offset skips); the gîte's name and colour come from the page's gîtes.
-- 2. Postgres planned the list's query again at every request (a custom plan:
--    0.7 ms, as long as its execution) because PostgREST passes the limit and
--    offset as parameters. Owners' requests now keep the generic plan, which
--    reads the same (owner_user_id, ...) indexes (see the role setting below).
--
-- Per request, Postgres + PostgREST CPU: page 1 4.9 -> 2.0 ms, page 5 6.1 ->
-- 3.4 ms, the name search 5.7 -> 3.4 ms (npm run load -- --per-endpoint,
-- 70,000-owner dataset; docs/PERFORMANCE.md).
-- =============================================================================

-- security_invoker: the caller's RLS applies to reservations, gites and
-- reservation_overlaps, exactly as for the embeds it replaces (an owner sees
-- only their own rows; the RLS matrix test refuses a view without it).
create view public.reservation_list
with (security_invoker = true)
as
select
  r.id,
  r.owner_user_id,
  r.gite_id,
  r.feed_id,
  r.external_uid,
  r.plateforme,
  r.status,
  r.client_nom,
  r.client_email,
  r.client_telephone,
  r.nb_personnes,
  r.nb_adultes,
  r.montant,
  r.date_debut,
  r.date_fin,
  r.notes,
  r.feed_kind,
  r.echo_of,
  r.owner_marked_closure,
  exists (select 1 from public.reservation_overlaps o where o.id = r.id) as has_overlap
-- No gîte name or colour: the Réservations page has the owner's gîtes already
-- (the filter, the form). Read here they cost two lookups per row, for every
-- row an offset skips too (page 5: 1.6 -> 0.5 ms). And no join: with one, the
-- generic plan starts from the owner's gîtes, reads every stay of each and
-- sorts them (72 ms for the 22,000-stay owner) instead of walking
-- idx_reservations_owner_dates and stopping at the page.
from public.reservations r;

comment on view public.reservation_list is
  'The Réservations list''s rows (read with select=*): the stay and whether it overlaps another stay.';

revoke all on table public.reservation_list from anon, authenticated;
grant select on table public.reservation_list to authenticated, service_role;

-- The name search over the same rows. SECURITY DEFINER for the reason
-- search_reservations is: under RLS, LIKE (not leakproof) cannot use the
-- trigram index; the owner is therefore checked here, in the index's form.
create function public.search_reservation_list(p_query text)
returns setof public.reservation_list
language sql
stable
security definer
set search_path = ''
as $$
  select l.*
  from public.reservation_list l
  where l.owner_user_id = (select auth.uid())
    -- The same condition in the form idx_reservations_client_nom holds.
    and l.owner_user_id::text = (select auth.uid())::text
    and public.unaccent_lower(l.client_nom) like
      '%' || replace(replace(replace(
        public.unaccent_lower(btrim(coalesce(p_query, ''))),
        '\', '\\'), '%', '\%'), '_', '\_') || '%'
$$;

comment on function public.search_reservation_list(text) is
  'The signed-in owner''s list rows whose guest name contains p_query (accents and case ignored).';

revoke all on function public.search_reservation_list(text) from public, anon, authenticated;
grant execute on function public.search_reservation_list(text) to authenticated, service_role;

-- The earlier search stays for app builds from before this one that may still
-- be installed as a PWA; it now returns the same stays, found by the function
-- above (one place for the matching rules).
create or replace function public.search_reservations(p_query text)
returns setof public.reservations
language sql
stable
security definer
set search_path = ''
as $$
  select r.*
  from public.reservations r
  where r.id in (select l.id from public.search_reservation_list(p_query) l)
$$;

comment on function public.search_reservations(text) is
  'Superseded by search_reservation_list (the list''s view); kept for app builds from before it still installed as a PWA.';

-- PostgREST applies a role's settings at each request (as it does
-- statement_timeout). With plan_cache_mode = auto, Postgres planned the list's
-- query at every request; every query owners send filters on owner_user_id
-- (RLS), which the generic plan uses as the custom one does.
alter role authenticated set plan_cache_mode = force_generic_plan;

-- The calendar's stays, for the same reason: its ten columns named in
-- `select=` cost PostgREST 1.5 ms a request, this view read with `select=*`
-- 0.9 ms; the overlap flag is an EXISTS instead of the has_overlap() call per
-- row (the 5,000-stay owners' month: 6.4-6.5 -> 5.4-6.2 ms in Postgres).
create view public.calendar_stays
with (security_invoker = true)
as
select
  r.id,
  r.gite_id,
  r.client_nom,
  r.plateforme,
  r.status,
  r.date_debut,
  r.date_fin,
  r.nb_personnes,
  r.montant,
  exists (select 1 from public.reservation_overlaps o where o.id = r.id) as has_overlap
from public.reservations r;

comment on view public.calendar_stays is
  'The calendar''s stays (read with select=*): what a stay''s bar and its details show.';

revoke all on table public.calendar_stays from anon, authenticated;
grant select on table public.calendar_stays to authenticated, service_role;
