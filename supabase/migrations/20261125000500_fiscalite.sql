-- =============================================================================
-- Fiscalité (issue 7): what the tax engine (src/features/fiscalite) needs from
-- the database — the year's receipts per gîte category, the owner's charges,
-- depreciable components, vehicle, household settings and carry-forwards.
--
-- THE DATE RULE. A stay's receipts belong to the nights they pay for: its
-- amount is spread evenly over its nights in cents (the remainder of the
-- division on its last night), and each night counts in the year it falls in.
-- Renting a furnished gîte is a continuous service, taxed as it is performed
-- (CGI art. 38, 2 bis: « créances acquises » — for a continuous service, as it
-- is performed), so a stay from 30 December to 2 January gives two nights'
-- receipts to the first year and one to the next. It is the same allocation
-- the statistics use: both read stay_month_shares() below, so the revenue on
-- the Statistiques page and the receipts on the Fiscalité page always agree.
--
-- Plain SQL, runs unchanged on hosted Supabase (PG 15+).
-- =============================================================================

-- =============================================================================
-- stay_month_shares(): a stay's nights and amount, month by month
-- =============================================================================
-- For one stay [p_date_debut, p_date_fin) of p_montant_centimes (null: no
-- amount entered) and a window [p_from, p_to): one row per month of the window
-- the stay has nights in — the month (its first day), the nights in it and
-- their part of the amount. Each night's part is amount / nights (integer
-- division), the last night also gets amount % nights, so the parts of a stay
-- add up to its amount to the cent whatever the months or years it spans.
-- Computed per month, not per night: a few rows a stay instead of one a night.
--
-- Written to be INLINED into its callers (stay_statistics, fiscal_receipts):
-- LANGUAGE sql, immutable, not strict, no SET clause — Postgres then plans the
-- body inside the caller's query instead of calling a function per stay. That
-- is why it has no `set search_path` (a SET clause forbids inlining): every
-- function it calls is schema-qualified (pg_catalog.*) and its callers run with
-- search_path = ''. It reads no table, so it leaks nothing: executable by the
-- roles of its callers (a security invoker caller needs EXECUTE to inline it).
create or replace function public.stay_month_shares(
  p_date_debut date,
  p_date_fin date,
  p_montant_centimes bigint,
  p_from date,
  p_to date
)
returns table (mois date, nuits integer, centimes bigint)
language sql
immutable
parallel safe
as $$
  select
    seg.mois,
    seg.fin - seg.debut,
    case
      when p_montant_centimes is null then 0::bigint
      else (p_montant_centimes / (p_date_fin - p_date_debut)) * (seg.fin - seg.debut)
        + case when seg.fin = p_date_fin then p_montant_centimes % (p_date_fin - p_date_debut)
               else 0 end
    end
  from (
    select
      m::date as mois,
      greatest(m::date, p_date_debut, p_from) as debut,
      least((m + interval '1 month')::date, p_date_fin, p_to) as fin
    from pg_catalog.generate_series(
      pg_catalog.date_trunc('month', greatest(p_date_debut, p_from)::timestamp),
      (least(p_date_fin, p_to) - 1)::timestamp,
      interval '1 month'
    ) as m
  ) seg
  where seg.fin > seg.debut
$$;

comment on function public.stay_month_shares(date, date, bigint, date, date) is
  'A stay''s nights and amount (cents, remainder on the last night) per month of [p_from, p_to). Shared by stay_statistics and fiscal_receipts.';

revoke all on function public.stay_month_shares(date, date, bigint, date, date) from public, anon, authenticated;
grant execute on function public.stay_month_shares(date, date, bigint, date, date) to authenticated, service_role;

-- =============================================================================
-- stay_statistics(p_year, p_gite_id): same signature and result as in
-- 20261125000400_stay_statistics.sql, now on stay_month_shares()
-- =============================================================================
-- (See that migration for the counting rules; they are unchanged.) The nights
-- and the amount of each stay are no longer expanded night by night: the
-- shared function gives them month by month, which is also fewer rows.
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
      round(r.montant * 100)::bigint as amount_cents
    from public.reservations r
    where r.owner_user_id = (select auth.uid())
      and r.status in ('confirmed', 'blocked')
      and r.date_fin > v_start
      and r.date_debut < v_stop
      and (p_gite_id is null or r.gite_id = p_gite_id)
  ),
  night_rows as (
    select
      extract(year from sh.mois)::integer as y,
      extract(month from sh.mois)::integer as m,
      s.gite_id as g,
      s.plateforme as p,
      coalesce(sum(sh.nuits) filter (where s.status = 'confirmed'), 0)::bigint as booked,
      coalesce(sum(sh.nuits) filter (where s.status = 'blocked'), 0)::bigint as blocked,
      -- Only confirmed stays earn: a block's amount, if any, is not revenue.
      coalesce(sum(sh.centimes) filter (where s.status = 'confirmed'), 0)::bigint as cents,
      0::bigint as arrivals,
      0::bigint as arrivals_without_amount
    from stays s
    cross join lateral public.stay_month_shares(
      s.date_debut, s.date_fin, s.amount_cents, v_start, v_stop
    ) sh
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

-- =============================================================================
-- fiscal_receipts(p_year)
-- =============================================================================
-- The signed-in owner's receipts per gîte category (gites.categorie_fiscale,
-- today's category of each gîte) for p_year, p_year - 1 and p_year - 2 (the
-- micro-BIC ceilings test N-1 and N-2), in cents, by the date rule above.
-- Stays that count: confirmed ones, never an echo of our own calendar
-- (echo_of), nor a period the owner marked as a closure (owner_marked_closure),
-- nor a platform block (feed_kind 'block'; such rows are 'blocked' anyway, the
-- extra conditions keep a hand-edited status from counting them). The amount
-- is reservations.montant as entered (no taxe de séjour column exists: the
-- owner enters the rent). `sejours` / `sejours_sans_montant`: stays with nights
-- in that year, and those of them whose amount is not entered yet (the
-- receipts are then incomplete and the page says so).
-- Stable + security invoker: RLS applies, the app reads it with GET.
create or replace function public.fiscal_receipts(p_year integer)
returns table (
  annee integer,
  categorie_fiscale text,
  recettes_centimes bigint,
  sejours bigint,
  sejours_sans_montant bigint
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
  if p_year is null or p_year not between 2002 and 2100 then
    raise exception 'Année invalide : choisissez une année entre 2002 et 2100.'
      using errcode = '22023';
  end if;
  v_start := make_date(p_year - 2, 1, 1);
  v_stop := make_date(p_year + 1, 1, 1);

  return query
  with stays as (
    select
      g.categorie_fiscale as cat,
      r.date_debut,
      r.date_fin,
      round(r.montant * 100)::bigint as amount_cents
    from public.reservations r
    join public.gites g on g.id = r.gite_id and g.owner_user_id = r.owner_user_id
    where r.owner_user_id = (select auth.uid())
      and r.status = 'confirmed'
      and r.echo_of is null
      and not r.owner_marked_closure
      and r.feed_kind is distinct from 'block'
      and r.date_fin > v_start
      and r.date_debut < v_stop
  ),
  shares as (
    select
      extract(year from sh.mois)::integer as y,
      s.cat,
      sh.centimes,
      s.amount_cents is null as no_amount,
      -- The stay's first month within that year: where it is counted once.
      sh.mois = greatest(
        pg_catalog.date_trunc('month', s.date_debut::timestamp)::date,
        pg_catalog.date_trunc('year', sh.mois::timestamp)::date
      ) as first_in_year
    from stays s
    cross join lateral public.stay_month_shares(
      s.date_debut, s.date_fin, s.amount_cents, v_start, v_stop
    ) sh
  )
  select
    p.y,
    p.cat,
    sum(p.centimes)::bigint,
    count(*) filter (where p.first_in_year)::bigint,
    count(*) filter (where p.first_in_year and p.no_amount)::bigint
  from shares p
  group by p.y, p.cat
  order by p.y desc, p.cat;
end;
$$;

comment on function public.fiscal_receipts(integer) is
  'Receipts (cents) of the signed-in owner per gîte tax category for a year and the two before, each stay''s amount spread over its nights (CGI 38-2 bis).';

revoke all on function public.fiscal_receipts(integer) from public, anon, authenticated;
grant execute on function public.fiscal_receipts(integer) to authenticated, service_role;

-- =============================================================================
-- fiscal_trip_totals(p_year)
-- =============================================================================
-- The business kilometres of the year from km_trajets: a round trip counts
-- twice (the engine's tripKilometres). The page lists the trips a page at a
-- time; the total comes from here, never from loading every trip.
create or replace function public.fiscal_trip_totals(p_year integer)
returns table (trajets bigint, km_professionnels numeric)
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  if p_year is null or p_year not between 2000 and 2100 then
    raise exception 'Année invalide : choisissez une année entre 2000 et 2100.'
      using errcode = '22023';
  end if;
  return query
  select
    count(*)::bigint,
    coalesce(sum(t.distance_km * case when t.aller_retour then 2 else 1 end), 0)::numeric
  from public.km_trajets t
  where t.owner_user_id = (select auth.uid())
    and t.date >= make_date(p_year, 1, 1)
    and t.date < make_date(p_year + 1, 1, 1);
end;
$$;

comment on function public.fiscal_trip_totals(integer) is
  'Number of business trips of the signed-in owner in a year and their kilometres (round trips twice).';

revoke all on function public.fiscal_trip_totals(integer) from public, anon, authenticated;
grant execute on function public.fiscal_trip_totals(integer) to authenticated, service_role;

-- =============================================================================
-- charges_fiscales: the owner's deductible charges of a year (régime réel)
-- =============================================================================
-- nature: the engine's ChargeKind (src/features/fiscalite/regime-reel.ts).
create table public.charges_fiscales (
  id uuid primary key default gen_random_uuid(),
  owner_user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  annee integer not null check (annee between 2000 and 2100),
  nature text not null check (nature in (
    'interets_emprunt', 'assurance_emprunteur', 'assurances', 'taxe_fonciere', 'cfe',
    'commissions_plateformes', 'gestion_conciergerie', 'menage_linge', 'entretien_reparations',
    'energie_eau', 'telecom_internet', 'petit_equipement', 'comptabilite', 'frais_bancaires',
    'deplacements', 'autres'
  )),
  libelle text check (char_length(libelle) <= 200),
  montant_centimes bigint not null check (montant_centimes between 0 and 10000000000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.charges_fiscales enable row level security;

comment on table public.charges_fiscales is
  'Deductible charges of a tax year, by kind, entered by the owner (régime réel).';

create index idx_charges_fiscales_owner_annee on public.charges_fiscales (owner_user_id, annee);

create trigger charges_fiscales_set_updated_at
  before update on public.charges_fiscales
  for each row execute function public.set_updated_at();

create policy "Owners read their tax charges" on public.charges_fiscales
  for select to authenticated using ((select auth.uid()) = owner_user_id);
create policy "Owners add their tax charges" on public.charges_fiscales
  for insert to authenticated with check ((select auth.uid()) = owner_user_id);
create policy "Owners edit their tax charges" on public.charges_fiscales
  for update to authenticated
  using ((select auth.uid()) = owner_user_id) with check ((select auth.uid()) = owner_user_id);
create policy "Owners delete their tax charges" on public.charges_fiscales
  for delete to authenticated using ((select auth.uid()) = owner_user_id);

revoke all on table public.charges_fiscales from anon, authenticated;
grant select, insert, update, delete on table public.charges_fiscales to authenticated;
grant select, insert, update, delete on table public.charges_fiscales to service_role;

-- =============================================================================
-- composants_amortissables: what is depreciated, component by component
-- =============================================================================
-- nature: the engine's DepreciableKind, or 'terrain' (land: never depreciated,
-- so it has no duration; listed because the purchase price must be split).
create table public.composants_amortissables (
  id uuid primary key default gen_random_uuid(),
  owner_user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  gite_id uuid not null,
  libelle text not null check (char_length(btrim(libelle)) between 1 and 200),
  nature text not null check (nature in (
    'terrain', 'gros_oeuvre', 'facades_etancheite', 'installations_techniques',
    'agencements_interieurs', 'mobilier', 'equipements', 'travaux'
  )),
  cout_centimes bigint not null check (cout_centimes between 0 and 10000000000),
  date_mise_en_service date check (date_mise_en_service between '1950-01-01' and '2100-12-31'),
  duree_annees integer check (duree_annees between 1 and 100),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint composants_amortissables_terrain_check check (
    case when nature = 'terrain' then duree_annees is null
         else duree_annees is not null and date_mise_en_service is not null end
  ),
  constraint composants_amortissables_gite_fkey foreign key (gite_id, owner_user_id)
    references public.gites (id, owner_user_id) on delete cascade
);
alter table public.composants_amortissables enable row level security;

comment on table public.composants_amortissables is
  'Depreciable components (and land) of a gîte: cost, date put into service, duration.';

create index idx_composants_owner_gite on public.composants_amortissables (owner_user_id, gite_id);
create index composants_amortissables_gite_id_idx on public.composants_amortissables (gite_id);

create trigger composants_amortissables_set_updated_at
  before update on public.composants_amortissables
  for each row execute function public.set_updated_at();

create policy "Owners read their depreciable components" on public.composants_amortissables
  for select to authenticated using ((select auth.uid()) = owner_user_id);
create policy "Owners add their depreciable components" on public.composants_amortissables
  for insert to authenticated with check ((select auth.uid()) = owner_user_id);
create policy "Owners edit their depreciable components" on public.composants_amortissables
  for update to authenticated
  using ((select auth.uid()) = owner_user_id) with check ((select auth.uid()) = owner_user_id);
create policy "Owners delete their depreciable components" on public.composants_amortissables
  for delete to authenticated using ((select auth.uid()) = owner_user_id);

revoke all on table public.composants_amortissables from anon, authenticated;
grant select, insert, update, delete on table public.composants_amortissables to authenticated;
grant select, insert, update, delete on table public.composants_amortissables to service_role;

-- =============================================================================
-- vehicules_fiscaux: the vehicle of a tax year (one per owner and year)
-- =============================================================================
-- Kilometres driven in the year (all uses, odometer) and the actual costs paid,
-- by the engine's VehicleCostKind. The deduction is costs × business km /
-- km_total (business km from km_trajets) — never the barème kilométrique,
-- which is for salaried and BNC taxpayers, not BIC (vehicle.ts).
create table public.vehicules_fiscaux (
  id uuid primary key default gen_random_uuid(),
  owner_user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  annee integer not null check (annee between 2000 and 2100),
  libelle text check (char_length(libelle) <= 100),
  km_total numeric(8, 1) not null check (km_total > 0),
  frais_carburant_centimes bigint not null default 0
    check (frais_carburant_centimes between 0 and 10000000000),
  frais_assurance_centimes bigint not null default 0
    check (frais_assurance_centimes between 0 and 10000000000),
  frais_entretien_reparations_centimes bigint not null default 0
    check (frais_entretien_reparations_centimes between 0 and 10000000000),
  frais_pneumatiques_centimes bigint not null default 0
    check (frais_pneumatiques_centimes between 0 and 10000000000),
  frais_location_credit_bail_centimes bigint not null default 0
    check (frais_location_credit_bail_centimes between 0 and 10000000000),
  frais_interets_emprunt_centimes bigint not null default 0
    check (frais_interets_emprunt_centimes between 0 and 10000000000),
  frais_autres_centimes bigint not null default 0
    check (frais_autres_centimes between 0 and 10000000000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- One vehicle a year (also the owner index RLS filters on).
  constraint vehicules_fiscaux_owner_annee_key unique (owner_user_id, annee)
);
alter table public.vehicules_fiscaux enable row level security;

comment on table public.vehicules_fiscaux is
  'The vehicle of a tax year: total km and actual costs, deducted pro rata of business km.';

create trigger vehicules_fiscaux_set_updated_at
  before update on public.vehicules_fiscaux
  for each row execute function public.set_updated_at();

create policy "Owners read their tax vehicles" on public.vehicules_fiscaux
  for select to authenticated using ((select auth.uid()) = owner_user_id);
create policy "Owners add their tax vehicles" on public.vehicules_fiscaux
  for insert to authenticated with check ((select auth.uid()) = owner_user_id);
create policy "Owners edit their tax vehicles" on public.vehicules_fiscaux
  for update to authenticated
  using ((select auth.uid()) = owner_user_id) with check ((select auth.uid()) = owner_user_id);
create policy "Owners delete their tax vehicles" on public.vehicules_fiscaux
  for delete to authenticated using ((select auth.uid()) = owner_user_id);

revoke all on table public.vehicules_fiscaux from anon, authenticated;
grant select, insert, update, delete on table public.vehicules_fiscaux to authenticated;
grant select, insert, update, delete on table public.vehicules_fiscaux to service_role;

-- =============================================================================
-- parametres_fiscaux: the household's optional settings of a tax year
-- =============================================================================
-- taux_marginal_bp: the marginal income-tax rate in basis points (the barème's
-- rates: 0, 11, 30, 41, 45 %), to put euros on the comparison;
-- autres_revenus_pro_centimes: the household's other professional income, for
-- the LMP test (CGI 155 IV). Both optional.
create table public.parametres_fiscaux (
  id uuid primary key default gen_random_uuid(),
  owner_user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  annee integer not null check (annee between 2000 and 2100),
  taux_marginal_bp integer check (taux_marginal_bp in (0, 1100, 3000, 4100, 4500)),
  autres_revenus_pro_centimes bigint
    check (autres_revenus_pro_centimes between 0 and 10000000000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint parametres_fiscaux_owner_annee_key unique (owner_user_id, annee)
);
alter table public.parametres_fiscaux enable row level security;

comment on table public.parametres_fiscaux is
  'Optional household settings of a tax year: marginal rate, other professional income.';

create trigger parametres_fiscaux_set_updated_at
  before update on public.parametres_fiscaux
  for each row execute function public.set_updated_at();

create policy "Owners read their tax settings" on public.parametres_fiscaux
  for select to authenticated using ((select auth.uid()) = owner_user_id);
create policy "Owners add their tax settings" on public.parametres_fiscaux
  for insert to authenticated with check ((select auth.uid()) = owner_user_id);
create policy "Owners edit their tax settings" on public.parametres_fiscaux
  for update to authenticated
  using ((select auth.uid()) = owner_user_id) with check ((select auth.uid()) = owner_user_id);
create policy "Owners delete their tax settings" on public.parametres_fiscaux
  for delete to authenticated using ((select auth.uid()) = owner_user_id);

revoke all on table public.parametres_fiscaux from anon, authenticated;
grant select, insert, update, delete on table public.parametres_fiscaux to authenticated;
grant select, insert, update, delete on table public.parametres_fiscaux to service_role;

-- =============================================================================
-- reports_fiscaux: carry-forwards entered by hand (years before the app)
-- =============================================================================
-- The opening balance of what earlier years left: LMNP deficits by year of
-- origin (usable for ten years, CGI 156 I 1° ter) and deferred depreciation
-- (ARD, CGI 39 C II, no time limit; annee_origine = the year it was deferred).
-- Once a year's simulation is saved, the next year starts from what that
-- simulation's retained régime carries out instead.
create table public.reports_fiscaux (
  id uuid primary key default gen_random_uuid(),
  owner_user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  nature text not null check (nature in ('deficit', 'amortissements_differes')),
  annee_origine integer not null check (annee_origine between 2000 and 2100),
  montant_centimes bigint not null check (montant_centimes between 1 and 10000000000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint reports_fiscaux_owner_nature_annee_key unique (owner_user_id, nature, annee_origine)
);
alter table public.reports_fiscaux enable row level security;

comment on table public.reports_fiscaux is
  'Carry-forwards from before the app: LMNP deficits by year of origin, deferred depreciation.';

create trigger reports_fiscaux_set_updated_at
  before update on public.reports_fiscaux
  for each row execute function public.set_updated_at();

create policy "Owners read their tax carry-forwards" on public.reports_fiscaux
  for select to authenticated using ((select auth.uid()) = owner_user_id);
create policy "Owners add their tax carry-forwards" on public.reports_fiscaux
  for insert to authenticated with check ((select auth.uid()) = owner_user_id);
create policy "Owners edit their tax carry-forwards" on public.reports_fiscaux
  for update to authenticated
  using ((select auth.uid()) = owner_user_id) with check ((select auth.uid()) = owner_user_id);
create policy "Owners delete their tax carry-forwards" on public.reports_fiscaux
  for delete to authenticated using ((select auth.uid()) = owner_user_id);

revoke all on table public.reports_fiscaux from anon, authenticated;
grant select, insert, update, delete on table public.reports_fiscaux to authenticated;
grant select, insert, update, delete on table public.reports_fiscaux to service_role;
