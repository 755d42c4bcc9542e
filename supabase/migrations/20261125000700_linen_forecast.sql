-- =============================================================================
-- Linge: what the coming stays need against what is clean
-- =============================================================================
-- linen_stocks holds, per gîte and article, the quantities in use, clean and
-- dirty, an alert threshold, and what one stay takes (a fixed part plus a part
-- per guest). linen_forecast says, for each article, how much the stays
-- arriving in the next days need and how much is missing from the clean pile.
-- A stay without a guest count counts as the gîte's capacity (else 2): better
-- one set too many than a bed without sheets.

create or replace function public.linen_forecast(p_from date, p_days integer default 7)
returns table (
  stock_id uuid,
  gite_id uuid,
  article text,
  quantite_propre integer,
  seuil_alerte integer,
  arrivees integer,
  besoin integer,
  manque integer
)
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  if p_from is null or p_days is null or p_days not between 1 and 60 then
    raise exception 'Période invalide : de 1 à 60 jours à partir d''une date.'
      using errcode = '22023';
  end if;
  return query
  with coming as (
    select r.gite_id,
      count(*)::integer as stays,
      sum(coalesce(r.nb_personnes, g.capacite, 2))::integer as people
    from public.reservations r
    join public.gites g on g.id = r.gite_id
    where r.owner_user_id = (select auth.uid())
      and r.status = 'confirmed'
      and r.date_debut >= p_from
      and r.date_debut < p_from + p_days
    group by r.gite_id
  ),
  needs as (
    select s.id, s.gite_id, s.article, s.quantite_propre, s.seuil_alerte,
      coalesce(c.stays, 0) as stays,
      coalesce(c.stays, 0) * s.besoin_par_sejour + coalesce(c.people, 0) * s.besoin_par_personne
        as need
    from public.linen_stocks s
    left join coming c on c.gite_id = s.gite_id
    where s.owner_user_id = (select auth.uid())
  )
  select n.id, n.gite_id, n.article, n.quantite_propre, n.seuil_alerte, n.stays, n.need,
    greatest(0, n.need - n.quantite_propre)
  from needs n
  order by n.gite_id, n.article;
end;
$$;

comment on function public.linen_forecast(date, integer) is
  'Per linen article of the signed-in owner: what the stays arriving in [p_from, p_from + p_days) need, and what is missing from the clean stock.';

revoke all on function public.linen_forecast(date, integer) from public, anon, authenticated;
grant execute on function public.linen_forecast(date, integer) to authenticated, service_role;
