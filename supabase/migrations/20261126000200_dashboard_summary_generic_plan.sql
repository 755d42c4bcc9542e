-- =============================================================================
-- dashboard_summary: planned once per connection
-- =============================================================================
-- The load test (npm run load, docs/PERFORMANCE.md) found the dashboard the
-- costliest request of an owner's session in the database: every call planned
-- its 12-part query again (2.9 ms) to execute it in 0.6-1.3 ms. As a PL/pgSQL
-- function with plan_cache_mode = force_generic_plan the plan is kept for the
-- connection's life: 3.8 -> 1.5 ms for a 260-stay owner, 9.4 -> 7.1 ms for the
-- largest (22,000 stays), same answer. PL/pgSQL rather than SQL so that hosted
-- Postgres 15-17 (whose SQL functions keep no plan) gains the same.
-- Same signature, result, grants and comment: CREATE OR REPLACE keeps them.
-- =============================================================================

create or replace function public.dashboard_summary(p_today date default current_date)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
-- The generic plan reads the same (owner_user_id, …) indexes as the custom ones.
set plan_cache_mode = force_generic_plan
as $$
begin
  return (
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
  );
end
$$;
