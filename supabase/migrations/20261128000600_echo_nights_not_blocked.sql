-- =============================================================================
-- An echo's nights are not blocked nights
--
-- An echo (a platform's copy of one of our stays, sent back in its feed once
-- it has read our export) is stored as 'blocked' so that it is never a stay,
-- revenue or a double booking. But stay_month_contribution counted its nights
-- as blocked: with the export read by Airbnb and Booking.com, a 10-night
-- direct stay in June counted 10 nights let and 20 blocked, and the occupancy
-- (nights let / nights available, blocked nights not available) showed 100 %
-- instead of 33 %.
--
-- Now an echo counts for nothing; the totals already kept are corrected by
-- taking the echoes' blocked nights off, set-based, in the same transaction
-- (the triggers use the new rule from here on).
-- =============================================================================

create or replace function public.stay_month_contribution(
  p_status text,
  p_echo_of uuid,
  p_owner_marked_closure boolean,
  p_feed_kind text,
  p_date_debut date,
  p_date_fin date,
  p_montant numeric
)
returns table (
  annee integer,
  mois integer,
  nuits_louees integer,
  nuits_bloquees integer,
  revenu_centimes bigint,
  arrivees integer,
  arrivees_sans_montant integer,
  sejours_annee integer,
  sejours_annee_sans_montant integer
)
language sql
immutable
parallel safe
-- No SET clause: it would stop Postgres from inlining this into its callers
-- (as for stay_month_shares). Every name is schema-qualified; it reads no table.
as $$
  select
    extract(year from sh.mois)::integer,
    extract(month from sh.mois)::integer,
    case when k.earning then sh.nuits else 0 end,
    -- An echo is a platform's copy of a stay or block counted already (by itself).
    case when p_status = 'blocked' and p_echo_of is null then sh.nuits else 0 end,
    case when k.earning then sh.centimes else 0 end,
    case when k.earning and sh.mois = k.first_month then 1 else 0 end,
    case when k.earning and sh.mois = k.first_month and p_montant is null then 1 else 0 end,
    case when k.earning and sh.mois = greatest(
        k.first_month, pg_catalog.date_trunc('year', sh.mois::timestamp)::date) then 1 else 0 end,
    case when k.earning and p_montant is null and sh.mois = greatest(
        k.first_month, pg_catalog.date_trunc('year', sh.mois::timestamp)::date) then 1 else 0 end
  from (
    select
      p_status = 'confirmed'
        and p_echo_of is null
        and not coalesce(p_owner_marked_closure, false)
        and p_feed_kind is distinct from 'block' as earning,
      pg_catalog.date_trunc('month', p_date_debut::timestamp)::date as first_month
  ) k
  cross join lateral public.stay_month_shares(
    p_date_debut, p_date_fin, pg_catalog.round(p_montant * 100)::bigint,
    '-infinity'::date, 'infinity'::date
  ) sh
  where p_status in ('confirmed', 'blocked')
$$;


update public.stay_month_totals t
  set nuits_bloquees = t.nuits_bloquees - e.nuits
from (
  select r.gite_id, r.plateforme,
    extract(year from sh.mois)::integer as annee,
    extract(month from sh.mois)::integer as mois,
    sum(sh.nuits)::integer as nuits
  from public.reservations r
  cross join lateral public.stay_month_shares(
    r.date_debut, r.date_fin, 0, '-infinity'::date, 'infinity'::date) sh
  where r.status = 'blocked' and r.echo_of is not null
  group by 1, 2, 3, 4
) e
where t.gite_id = e.gite_id and t.plateforme = e.plateforme
  and t.annee = e.annee and t.mois = e.mois;
