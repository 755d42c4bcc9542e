-- =============================================================================
-- The micro-BIC ceiling notice measures a year against the next year's ceilings
--
-- Year N's receipts decide the micro-BIC of N+1 and N+2 (CGI 50-0 1: the
-- micro-BIC of year Y is open while Y-1 or Y-2 stays within Y's ceilings), so
-- they are measured against N+1's ceilings, N's own when N+1's are not in the
-- table yet — as ceilingWarnings() in src/features/fiscalite/ceiling-warning.ts
-- now does (2025 classé: 83,600 € of 2026, not 77,700 €).
-- =============================================================================

create or replace function public.micro_bic_checks(p_owner uuid, p_annee integer)
returns table (plafond bigint, recettes bigint, categories text[])
language sql
stable
set search_path = ''
as $$
  with ceiling_year as (
    select case when public.micro_bic_ceiling(p_annee + 1, 'meuble_tourisme_classe') is not null
                then p_annee + 1 else p_annee end as annee
  ),
  receipts as (
    select g.categorie_fiscale as categorie, sum(t.revenu_centimes)::bigint as recettes,
      public.micro_bic_ceiling((select annee from ceiling_year), g.categorie_fiscale) as plafond
    from public.stay_month_totals t
    join public.gites g on g.id = t.gite_id
    where t.owner_user_id = p_owner and t.annee = p_annee
    group by g.categorie_fiscale
    having sum(t.revenu_centimes) > 0
  )
  select c.plafond, sum(r.recettes)::bigint,
    array_agg(r.categorie order by r.categorie)
  from (select distinct plafond from receipts where plafond is not null) c
  join receipts r on r.plafond <= c.plafond
  group by c.plafond
$$;
