-- =============================================================================
-- Statistics: nights, revenue and arrivals by month, per platform and per gîte
-- =============================================================================
-- The statistics page reads these aggregates, never the year's stays: an owner
-- with 50 gîtes has thousands of stays a year, and the phone on a weak
-- connection gets a few hundred small rows instead.
--
-- Counting rules (the page's figures add up because of them):
-- - a night belongs to the month it starts in: a stay from 29 June to 3 July
--   gives 2 nights to June and 2 to July (the departure day is not a night);
-- - a stay's amount is spread evenly over its nights in cents, the remainder of
--   the division going to its last night, so months and years add up to the
--   cent and a stay across New Year's Eve is split between the two years;
-- - confirmed stays are booked nights; blocks (owner closures, platform
--   blocks) are nights the gîte could not be let, and are taken out of the
--   nights available; cancelled stays count for nothing;
-- - arrivals are counted in the month of the arrival day; those without an
--   amount (imported stays not yet completed) are counted apart, so the page
--   can say that the revenue is incomplete.

-- =============================================================================
-- stay_statistics(p_year, p_gite_id)
-- =============================================================================
-- Rows for p_year and p_year - 1 (the page shows them side by side), in two
-- groupings told apart by `vue`:
-- - 'plateforme': (annee, mois, plateforme), gite_id null;
-- - 'gite': (annee, mois, gite_id), plateforme null.
-- Year totals, per-gîte and per-platform figures are sums of these rows.
-- At most 24 × (6 platforms + gîtes) rows. Security invoker: RLS applies, and
-- the explicit owner filter lets the planner use idx_reservations_owner_fin
-- (stays overlapping the two years: date_fin > start, date_debut < stop).
-- Stable, so the app reads it with GET and the service worker can cache it.
create or replace function public.stay_statistics(p_year integer, p_gite_id uuid default null)
returns table (
  vue text,
  annee integer,
  mois integer,
  plateforme text,
  gite_id uuid,
  nuits_louees bigint,
  nuits_bloquees bigint,
  revenu_centimes bigint,
  arrivees bigint,
  arrivees_sans_montant bigint
)
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  v_start date;
  v_stop date;
begin
  if p_year is null or p_year not between 2000 and 2100 then
    raise exception 'Année invalide : choisissez une année entre 2000 et 2100.'
      using errcode = '22023';
  end if;
  v_start := make_date(p_year - 1, 1, 1);
  v_stop := make_date(p_year + 1, 1, 1);

  return query
  with stays as (
    select
      r.gite_id,
      r.plateforme,
      r.status,
      r.date_debut,
      r.date_fin,
      (r.date_fin - r.date_debut) as nights_total,
      round(r.montant * 100)::bigint as amount_cents
    from public.reservations r
    where r.owner_user_id = (select auth.uid())
      and r.status in ('confirmed', 'blocked')
      and r.date_fin > v_start
      and r.date_debut < v_stop
      and (p_gite_id is null or r.gite_id = p_gite_id)
  ),
  nights as (
    select
      s.gite_id,
      s.plateforme,
      s.status,
      n.night,
      -- This night's share of the amount: an equal part, the remainder on the last.
      case
        when s.status <> 'confirmed' or s.amount_cents is null then 0::bigint
        else s.amount_cents / s.nights_total
          + case when n.night = s.date_fin - 1 then s.amount_cents % s.nights_total else 0 end
      end as cents
    from stays s
    cross join lateral (
      select d::date as night
      from generate_series(
        greatest(s.date_debut, v_start)::timestamp,
        (least(s.date_fin, v_stop) - 1)::timestamp,
        interval '1 day'
      ) as d
    ) n
  ),
  night_rows as (
    select
      extract(year from nt.night)::integer as y,
      extract(month from nt.night)::integer as m,
      nt.gite_id as g,
      nt.plateforme as p,
      count(*) filter (where nt.status = 'confirmed') as booked,
      count(*) filter (where nt.status = 'blocked') as blocked,
      sum(nt.cents)::bigint as cents,
      0::bigint as arrivals,
      0::bigint as arrivals_without_amount
    from nights nt
    group by 1, 2, 3, 4
  ),
  arrival_rows as (
    select
      extract(year from s.date_debut)::integer as y,
      extract(month from s.date_debut)::integer as m,
      s.gite_id as g,
      s.plateforme as p,
      0::bigint as booked,
      0::bigint as blocked,
      0::bigint as cents,
      count(*) as arrivals,
      count(*) filter (where s.amount_cents is null) as arrivals_without_amount
    from stays s
    where s.status = 'confirmed' and s.date_debut >= v_start
    group by 1, 2, 3, 4
  ),
  all_rows as (
    select * from night_rows
    union all
    select * from arrival_rows
  )
  select
    case when grouping(a.p) = 0 then 'plateforme' else 'gite' end,
    a.y,
    a.m,
    a.p,
    a.g,
    sum(a.booked)::bigint,
    sum(a.blocked)::bigint,
    sum(a.cents)::bigint,
    sum(a.arrivals)::bigint,
    sum(a.arrivals_without_amount)::bigint
  from all_rows a
  group by grouping sets ((a.y, a.m, a.p), (a.y, a.m, a.g))
  order by 1, 2, 3, 4, 5;
end;
$$;

comment on function public.stay_statistics(integer, uuid) is
  'Nights, revenue (cents) and arrivals of the signed-in owner by month, per platform and per gîte, for a year and the year before.';

revoke all on function public.stay_statistics(integer, uuid) from public, anon, authenticated;
grant execute on function public.stay_statistics(integer, uuid) to authenticated, service_role;
