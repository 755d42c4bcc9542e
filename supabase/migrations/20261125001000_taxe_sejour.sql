-- =============================================================================
-- Taxe de séjour: per-gîte settings and the period's ledger
-- =============================================================================
-- French rules encoded here (sources, read 2026-11; the commune's deliberation
-- always wins, so every figure below is the owner's setting, never a guess):
-- - CGCT L2333-26 / L2333-29: the commune (or EPCI) levies the taxe de séjour
--   "au réel" on people staying who are not domiciled there.
-- - CGCT L2333-30: a rate per person and per night, by lodging category
--   (classified meublés de tourisme: one rate per star level) → rule
--   'tarif_fixe', the commune's rate in cents per person-night.
--   For lodging without classification (or awaiting it), 1 % to 5 % of the
--   cost per person of the night (price of the lodging excluding taxes
--   divided by ALL occupants, minors included), capped since the loi de
--   finances pour 2021 (art. 124) at the highest rate the commune adopted
--   → rule 'pourcentage', the rate in basis points (100..500) and that cap.
-- - CGCT L2333-31: exempt are minors, seasonal workers employed in the
--   commune, emergency / temporary rehousing, rents under a threshold set by
--   the council. Only minors are handled here (adults = taxable persons).
-- - CGCT L3333-1: the département may add 10 % (taxe additionnelle) → a
--   per-gîte yes/no; the rate typed is the commune's rate WITHOUT it.
--   (Île-de-France's extra regional surcharge is not handled.)
-- - CGCT L2333-34 II: platforms that take the payment collect the tax
--   themselves for non-professional lodgers; the owner says per gîte which
--   platforms do: those stays are listed but not owed by the owner.
-- - L2333-34 / the registre du logeur (formerly R2333-51): per stay, the date,
--   the number of people, of nights, the price per night for unclassified
--   lodging, the amount, the exemptions. The ledger rows carry all of them.
-- Unsure, stated: how communes round. We round once, each (stay, month) row's
-- amount to the nearest cent, half up (src/features/taxe-sejour/ledger.ts
-- computes exactly the same). The price used for the percentage rule is the
-- stay's `montant` (this app's stay price; gîtes rarely charge VAT, so HT =
-- TTC) — if it includes cleaning fees, the owner must know it overstates.

-- =============================================================================
-- reservations.nb_adultes (additive, nullable)
-- =============================================================================
-- Feeds give no adults/children split. Taxable persons = nb_adultes when the
-- owner entered it, else nb_personnes (and the ledger flags the stay).
alter table public.reservations add column nb_adultes integer
  check (nb_adultes between 0 and 100);
alter table public.reservations add constraint reservations_nb_adultes_le_personnes_check
  check (nb_adultes is null or nb_personnes is null or nb_adultes <= nb_personnes);

comment on column public.reservations.nb_adultes is
  'Guests aged 18 or more (taxe de séjour); NULL when unknown: nb_personnes is then counted as adults.';

-- =============================================================================
-- taxe_sejour_settings
-- =============================================================================
create table public.taxe_sejour_settings (
  id uuid primary key default gen_random_uuid(),
  owner_user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  gite_id uuid not null,
  commune text not null check (char_length(btrim(commune)) between 1 and 200),
  regle text not null check (regle in ('tarif_fixe', 'pourcentage')),
  -- tarif_fixe: the commune's rate per person-night, cents, surcharge excluded.
  tarif_centimes integer check (tarif_centimes between 1 and 5000),
  -- pourcentage: basis points of the cost per person-night (100 = 1 %), and
  -- the cap (the commune's highest rate, cents, surcharge excluded).
  taux_points_base integer check (taux_points_base between 100 and 500),
  plafond_centimes integer check (plafond_centimes between 1 and 5000),
  taxe_additionnelle boolean not null default false,
  plateformes_collectrices text[] not null default '{}'
    check (plateformes_collectrices <@ array['airbnb', 'booking', 'abritel', 'gites_de_france', 'other']::text[]),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint taxe_sejour_settings_rule_fields_check check (
    (regle = 'tarif_fixe' and tarif_centimes is not null
      and taux_points_base is null and plafond_centimes is null)
    or (regle = 'pourcentage' and tarif_centimes is null
      and taux_points_base is not null and plafond_centimes is not null)
  ),
  constraint taxe_sejour_settings_gite_fkey foreign key (gite_id, owner_user_id)
    references public.gites (id, owner_user_id) on delete cascade
);
alter table public.taxe_sejour_settings enable row level security;

comment on table public.taxe_sejour_settings is
  'Per gîte: the commune''s taxe de séjour rule (fixed rate or percentage with cap), departmental surcharge, platforms that collect it.';

-- One setting per gîte (also the FK's index).
create unique index idx_taxe_sejour_settings_gite on public.taxe_sejour_settings (gite_id);
create index taxe_sejour_settings_owner_user_id_idx on public.taxe_sejour_settings (owner_user_id);

create trigger taxe_sejour_settings_set_updated_at
  before update on public.taxe_sejour_settings
  for each row execute function public.set_updated_at();

create policy "Owners read their taxe de sejour settings" on public.taxe_sejour_settings
  for select to authenticated using ((select auth.uid()) = owner_user_id);
create policy "Owners add their taxe de sejour settings" on public.taxe_sejour_settings
  for insert to authenticated with check ((select auth.uid()) = owner_user_id);
create policy "Owners edit their taxe de sejour settings" on public.taxe_sejour_settings
  for update to authenticated
  using ((select auth.uid()) = owner_user_id) with check ((select auth.uid()) = owner_user_id);
create policy "Owners delete their taxe de sejour settings" on public.taxe_sejour_settings
  for delete to authenticated using ((select auth.uid()) = owner_user_id);

revoke all on table public.taxe_sejour_settings from anon, authenticated;
grant select, insert, update, delete on table public.taxe_sejour_settings to authenticated;
grant select, insert, update, delete on table public.taxe_sejour_settings to service_role;

-- =============================================================================
-- taxe_sejour_ledger(p_from, p_to)
-- =============================================================================
-- One row per stay and calendar month of [p_from, p_to): the nights of that
-- month, the taxable adults, the rate and the amount. Stays counted: those
-- that earn (same rule as stay_month_contribution: confirmed, not an echo,
-- not a closure, not a platform block). The amount is NULL when it cannot be
-- computed (no setting for the gîte, no guest count, percentage without a
-- price); `anomalies` says why, and 'repartition_inconnue' when adults are
-- taken from nb_personnes.
create or replace function public.taxe_sejour_ledger(p_from date, p_to date)
returns table (
  reservation_id uuid,
  gite_id uuid,
  gite_nom text,
  commune text,
  mois date,
  date_debut date,
  date_fin date,
  plateforme text,
  client_nom text,
  nuits integer,
  nuits_sejour integer,
  nb_personnes integer,
  adultes_taxables integer,
  personnes_exonerees integer,
  regle text,
  prix_nuitee_centimes bigint,
  tarif_centimes numeric,
  montant_centimes bigint,
  collecte_par text,
  anomalies text[]
)
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  if p_from is null or p_to is null or p_to <= p_from or p_to - p_from > 366 then
    raise exception 'Période invalide : la fin doit suivre le début, sur un an au plus.'
      using errcode = '22023';
  end if;
  return query
  with stays as (
    select r.id, r.gite_id, g.nom, r.date_debut, r.date_fin, r.plateforme, r.client_nom,
      r.nb_personnes, r.nb_adultes,
      case when r.montant is null then null else pg_catalog.round(r.montant * 100)::bigint end
        as prix_centimes,
      s.commune, s.regle, s.tarif_centimes, s.taux_points_base, s.plafond_centimes,
      coalesce(s.taxe_additionnelle, false) as additionnelle,
      s.id is not null as has_setting,
      coalesce(r.plateforme = any (s.plateformes_collectrices), false) as platform_collects
    from public.reservations r
    join public.gites g on g.id = r.gite_id and g.owner_user_id = r.owner_user_id
    left join public.taxe_sejour_settings s
      on s.gite_id = r.gite_id and s.owner_user_id = r.owner_user_id
    where r.owner_user_id = (select auth.uid())
      and r.status = 'confirmed'
      and r.echo_of is null
      and not coalesce(r.owner_marked_closure, false)
      and r.feed_kind is distinct from 'block'
      and r.date_debut < p_to
      and r.date_fin > p_from
  ),
  parts as (
    select st.*, m.mois::date as mois,
      (least(st.date_fin, p_to, (m.mois + interval '1 month')::date)
        - greatest(st.date_debut, p_from, m.mois::date)) as nuits,
      st.date_fin - st.date_debut as nuits_sejour,
      coalesce(st.nb_adultes, st.nb_personnes) as adultes,
      coalesce(st.nb_personnes, st.nb_adultes) as occupants,
      case when st.additionnelle then 11 else 10 end as k
    from stays st
    cross join lateral pg_catalog.generate_series(
      pg_catalog.date_trunc('month', greatest(st.date_debut, p_from)::timestamp),
      pg_catalog.date_trunc('month', (least(st.date_fin, p_to) - 1)::timestamp),
      interval '1 month'
    ) as m(mois)
  ),
  priced as (
    select p.*,
      -- Percentage rule: is the cost per person-night × rate above the cap?
      -- Compared in integers: taux × prix vs cap × 10000 × nights × occupants.
      (p.regle = 'pourcentage' and p.prix_centimes is not null and p.occupants > 0
        and p.taux_points_base::numeric * p.prix_centimes
          > p.plafond_centimes::numeric * 10000 * p.nuits_sejour * p.occupants) as capped
    from parts p
  )
  select pr.id, pr.gite_id, pr.nom, pr.commune, pr.mois, pr.date_debut, pr.date_fin,
    pr.plateforme, pr.client_nom, pr.nuits, pr.nuits_sejour, pr.nb_personnes, pr.adultes,
    case when pr.nb_personnes is not null and pr.nb_adultes is not null
      then pr.nb_personnes - pr.nb_adultes else null end,
    pr.regle,
    case when pr.prix_centimes is null then null
      else pg_catalog.round(pr.prix_centimes::numeric / pr.nuits_sejour)::bigint end,
    -- The rate per taxable person-night, surcharge included, in cents (for
    -- display; the amount is computed from exact figures, rounded once).
    case
      when pr.regle = 'tarif_fixe' then pr.tarif_centimes::numeric * pr.k / 10
      when pr.regle = 'pourcentage' and pr.capped then pr.plafond_centimes::numeric * pr.k / 10
      when pr.regle = 'pourcentage' and pr.prix_centimes is not null and pr.occupants > 0 then
        pg_catalog.round(pr.taux_points_base::numeric * pr.prix_centimes * pr.k
          / (100000::numeric * pr.nuits_sejour * pr.occupants), 4)
      else null
    end,
    case
      when pr.adultes is null then null
      when pr.regle = 'tarif_fixe' then
        pg_catalog.round(pr.nuits::numeric * pr.adultes * pr.tarif_centimes * pr.k / 10)::bigint
      when pr.regle = 'pourcentage' and pr.capped then
        pg_catalog.round(pr.nuits::numeric * pr.adultes * pr.plafond_centimes * pr.k / 10)::bigint
      when pr.regle = 'pourcentage' and pr.prix_centimes is not null and pr.occupants > 0 then
        -- One division of integers: nights × adults × rate × price × k
        -- / (10 × 10000 × stay nights × occupants).
        pg_catalog.round(
          (pr.nuits::numeric * pr.adultes * pr.taux_points_base * pr.prix_centimes * pr.k)
          / (100000::numeric * pr.nuits_sejour * pr.occupants))::bigint
      when pr.regle = 'pourcentage' and pr.adultes = 0 then 0::bigint
      else null
    end,
    case when pr.platform_collects then 'plateforme' else 'proprietaire' end,
    array_remove(array[
      case when not pr.has_setting then 'sans_reglage' end,
      case when pr.nb_personnes is null and pr.nb_adultes is null then 'personnes_inconnues' end,
      case when pr.nb_adultes is null and pr.nb_personnes is not null then 'repartition_inconnue' end,
      case when pr.regle = 'pourcentage' and pr.prix_centimes is null then 'prix_inconnu' end
    ], null)::text[]
  from priced pr
  order by pr.mois, pr.date_debut, pr.id;
end;
$$;

comment on function public.taxe_sejour_ledger(date, date) is
  'Taxe de séjour ledger of the signed-in owner: one row per stay and month of [p_from, p_to), with nights, taxable adults, rate, amount (cents) and who collects it.';

revoke all on function public.taxe_sejour_ledger(date, date) from public, anon, authenticated;
grant execute on function public.taxe_sejour_ledger(date, date) to authenticated, service_role;

-- =============================================================================
-- taxe_sejour_totals(p_from, p_to)
-- =============================================================================
-- The same rows added up per month and collector, so the report's totals
-- never need the period's rows in the browser.
create or replace function public.taxe_sejour_totals(p_from date, p_to date)
returns table (
  mois date,
  collecte_par text,
  sejours integer,
  nuitees_taxables bigint,
  montant_centimes bigint,
  lignes_incompletes integer
)
language sql
stable
security invoker
set search_path = ''
as $$
  select l.mois, l.collecte_par, count(*)::integer,
    coalesce(sum(l.nuits::bigint * l.adultes_taxables), 0)::bigint,
    coalesce(sum(l.montant_centimes), 0)::bigint,
    count(*) filter (where l.montant_centimes is null)::integer
  from public.taxe_sejour_ledger(p_from, p_to) l
  group by l.mois, l.collecte_par
  order by l.mois, l.collecte_par
$$;

comment on function public.taxe_sejour_totals(date, date) is
  'Taxe de séjour totals of the signed-in owner per month and collector (owner or platform) over [p_from, p_to).';

revoke all on function public.taxe_sejour_totals(date, date) from public, anon, authenticated;
grant execute on function public.taxe_sejour_totals(date, date) to authenticated, service_role;
