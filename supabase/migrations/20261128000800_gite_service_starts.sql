-- =============================================================================
-- Since when each gîte is counted in the statistics
--
-- Nights available were "nights of the period × every current gîte": a gîte
-- added to the app in July counted January–June as empty nights, and for the
-- previous year (the comparison) a whole year with no stay — the occupancy and
-- RevPAR of a new owner's previous year came out near zero. A gîte now counts
-- from the earlier of the day it was added and its first stay's arrival (let or
-- blocked; stays imported from before it was added).
-- =============================================================================

create or replace function public.gite_service_starts()
returns table (gite_id uuid, since date)
language sql
stable
security invoker
set search_path = ''
as $$
  select g.id,
    least(
      (g.created_at at time zone 'Europe/Paris')::date,
      -- The first arrival: idx_reservations_gite_dates, from the gîte's earliest stay.
      (select r.date_debut
       from public.reservations r
       where r.gite_id = g.id and r.status <> 'cancelled'
       order by r.date_debut
       limit 1)
    )
  from public.gites g
  where g.owner_user_id = (select auth.uid())
$$;

comment on function public.gite_service_starts() is
  'The signed-in owner''s gîtes and the first day each counts in the statistics: added to the app, or its first stay''s arrival if earlier.';

revoke all on function public.gite_service_starts() from public, anon, authenticated;
grant execute on function public.gite_service_starts() to authenticated, service_role;
