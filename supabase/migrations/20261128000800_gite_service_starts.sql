-- =============================================================================
-- Since when each gîte is counted in the statistics
--
-- Nights available were "nights of the period × every current gîte": a gîte
-- added to the app in July counted January–June as empty nights, and for the
-- previous year (the comparison) a whole year with no stay — the occupancy and
-- RevPAR of a new owner's previous year came out near zero. A gîte now counts
-- from the earlier of the day it was added and the first month it has a night
-- let or blocked (stays imported from before it was added).
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
      (select min(make_date(t.annee, t.mois, 1))
       from public.stay_month_totals t
       where t.gite_id = g.id and t.nuits_louees + t.nuits_bloquees > 0)
    )
  from public.gites g
  where g.owner_user_id = (select auth.uid())
$$;

comment on function public.gite_service_starts() is
  'The signed-in owner''s gîtes and the first day each counts in the statistics: added to the app, or its first month with nights if earlier.';

revoke all on function public.gite_service_starts() from public, anon, authenticated;
grant execute on function public.gite_service_starts() to authenticated, service_role;
