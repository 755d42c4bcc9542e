-- =============================================================================
-- Operations: cleaning, linen, tax simulations, mileage
-- =============================================================================

-- =============================================================================
-- cleaning_schedule
-- =============================================================================
-- One cleaning per stay's departure (reservation_id unique), created and moved
-- by whatever code changes stays (the ménage issue picks one place), plus
-- cleanings the owner adds by hand (reservation_id null).
create table public.cleaning_schedule (
  id uuid primary key default gen_random_uuid(),
  owner_user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  gite_id uuid not null,
  reservation_id uuid,
  date date not null,
  heure_debut time,                       -- time window for the cleaner
  heure_fin time,
  status text not null default 'planned' check (status in ('planned', 'done', 'cancelled')),
  cleaner_nom text check (char_length(cleaner_nom) <= 200),
  cleaner_telephone text check (char_length(cleaner_telephone) <= 40),
  notes text check (char_length(notes) <= 5000),        -- owner's notes to the cleaner
  done_at timestamptz,
  done_note text check (char_length(done_note) <= 5000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint cleaning_schedule_window_check
    check (heure_debut is null or heure_fin is null or heure_fin > heure_debut),
  constraint cleaning_schedule_done_check check (done_at is null or status = 'done'),
  constraint cleaning_schedule_gite_fkey foreign key (gite_id, owner_user_id)
    references public.gites (id, owner_user_id) on delete cascade,
  -- A stay deleted by its owner takes its cleaning with it (imported stays are
  -- cancelled, never deleted, so their cleanings are updated instead).
  constraint cleaning_schedule_reservation_fkey foreign key (reservation_id, owner_user_id)
    references public.reservations (id, owner_user_id) on delete cascade,
  -- One cleaning per stay; also the FK index on reservation_id.
  constraint cleaning_schedule_reservation_key unique (reservation_id)
);
alter table public.cleaning_schedule enable row level security;

-- Plan 1.1.2: idx_cleaning_gite_date (also the FK index on gite_id) and
-- idx_cleaning_status, which starts with the owner to help under RLS.
create index idx_cleaning_gite_date on public.cleaning_schedule (gite_id, date desc);
create index idx_cleaning_status on public.cleaning_schedule (owner_user_id, status, date);
create index cleaning_schedule_owner_user_id_idx on public.cleaning_schedule (owner_user_id, date);

create trigger cleaning_schedule_set_updated_at
  before update on public.cleaning_schedule
  for each row execute function public.set_updated_at();

create policy "Owners read their cleanings" on public.cleaning_schedule
  for select to authenticated using ((select auth.uid()) = owner_user_id);
create policy "Owners add their cleanings" on public.cleaning_schedule
  for insert to authenticated with check ((select auth.uid()) = owner_user_id);
create policy "Owners edit their cleanings" on public.cleaning_schedule
  for update to authenticated
  using ((select auth.uid()) = owner_user_id) with check ((select auth.uid()) = owner_user_id);
create policy "Owners delete their cleanings" on public.cleaning_schedule
  for delete to authenticated using ((select auth.uid()) = owner_user_id);

revoke all on table public.cleaning_schedule from anon, authenticated;
grant select, insert, update, delete on table public.cleaning_schedule to authenticated;
grant select, insert, update, delete on table public.cleaning_schedule to service_role;

-- =============================================================================
-- linen_stocks
-- =============================================================================
create table public.linen_stocks (
  id uuid primary key default gen_random_uuid(),
  owner_user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  gite_id uuid not null,
  article text not null check (char_length(btrim(article)) between 1 and 100), -- draps 140, housses…
  quantite_en_service integer not null default 0 check (quantite_en_service >= 0),
  quantite_propre integer not null default 0 check (quantite_propre >= 0),
  quantite_sale integer not null default 0 check (quantite_sale >= 0),
  seuil_alerte integer not null default 0 check (seuil_alerte >= 0),
  -- What one stay consumes: a fixed part plus a part per guest.
  besoin_par_sejour integer not null default 0 check (besoin_par_sejour >= 0),
  besoin_par_personne integer not null default 0 check (besoin_par_personne >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint linen_stocks_gite_fkey foreign key (gite_id, owner_user_id)
    references public.gites (id, owner_user_id) on delete cascade
);
alter table public.linen_stocks enable row level security;

-- Plan's idx_linen_stocks_gite, unique per article (also the FK index).
create unique index idx_linen_stocks_gite on public.linen_stocks (gite_id, article);
create index linen_stocks_owner_user_id_idx on public.linen_stocks (owner_user_id);

create trigger linen_stocks_set_updated_at
  before update on public.linen_stocks
  for each row execute function public.set_updated_at();

create policy "Owners read their linen stocks" on public.linen_stocks
  for select to authenticated using ((select auth.uid()) = owner_user_id);
create policy "Owners add their linen stocks" on public.linen_stocks
  for insert to authenticated with check ((select auth.uid()) = owner_user_id);
create policy "Owners edit their linen stocks" on public.linen_stocks
  for update to authenticated
  using ((select auth.uid()) = owner_user_id) with check ((select auth.uid()) = owner_user_id);
create policy "Owners delete their linen stocks" on public.linen_stocks
  for delete to authenticated using ((select auth.uid()) = owner_user_id);

revoke all on table public.linen_stocks from anon, authenticated;
grant select, insert, update, delete on table public.linen_stocks to authenticated;
grant select, insert, update, delete on table public.linen_stocks to service_role;

-- =============================================================================
-- simulations_fiscales
-- =============================================================================
-- A saved tax simulation (micro-BIC vs régime réel) for one year. inputs_hash
-- identifies the inputs it was computed from: same hash → serve the saved
-- result; a change to that year's stays, charges or trips → stale, recompute.
-- This replaces the plan's Redis "cache fiscal".
create table public.simulations_fiscales (
  id uuid primary key default gen_random_uuid(),
  owner_user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  annee integer not null check (annee between 2000 and 2100),
  nom text check (char_length(nom) <= 200),
  regime_retenu text check (regime_retenu in ('micro_bic', 'reel')),
  recettes_brutes numeric(12, 2) check (recettes_brutes >= 0),
  inputs jsonb not null default '{}' check (jsonb_typeof(inputs) = 'object'),
  inputs_hash text not null check (char_length(inputs_hash) between 1 and 128),
  resultats jsonb not null default '{}' check (jsonb_typeof(resultats) = 'object'),
  is_stale boolean not null default false,
  computed_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.simulations_fiscales enable row level security;

create index idx_simulations_owner_annee on public.simulations_fiscales (owner_user_id, annee desc);

create trigger simulations_fiscales_set_updated_at
  before update on public.simulations_fiscales
  for each row execute function public.set_updated_at();

create policy "Owners read their tax simulations" on public.simulations_fiscales
  for select to authenticated using ((select auth.uid()) = owner_user_id);
create policy "Owners add their tax simulations" on public.simulations_fiscales
  for insert to authenticated with check ((select auth.uid()) = owner_user_id);
create policy "Owners edit their tax simulations" on public.simulations_fiscales
  for update to authenticated
  using ((select auth.uid()) = owner_user_id) with check ((select auth.uid()) = owner_user_id);
create policy "Owners delete their tax simulations" on public.simulations_fiscales
  for delete to authenticated using ((select auth.uid()) = owner_user_id);

revoke all on table public.simulations_fiscales from anon, authenticated;
grant select, insert, update, delete on table public.simulations_fiscales to authenticated;
grant select, insert, update, delete on table public.simulations_fiscales to service_role;

-- =============================================================================
-- km_trajets
-- =============================================================================
-- Business trips. At the régime réel a BIC owner deducts the vehicle's real
-- costs pro rata of these kilometres (not the barème kilométrique).
create table public.km_trajets (
  id uuid primary key default gen_random_uuid(),
  owner_user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  gite_id uuid,                           -- the gîte the trip was for, if any
  date date not null,
  motif text not null check (char_length(btrim(motif)) between 1 and 500),
  lieu_depart text check (char_length(lieu_depart) <= 200),
  lieu_arrivee text check (char_length(lieu_arrivee) <= 200),
  distance_km numeric(8, 1) not null check (distance_km > 0),
  aller_retour boolean not null default false,
  vehicule text check (char_length(vehicule) <= 100),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Deleting a gîte keeps the trips (they still count for that tax year).
  constraint km_trajets_gite_fkey foreign key (gite_id, owner_user_id)
    references public.gites (id, owner_user_id) on delete set null (gite_id)
);
alter table public.km_trajets enable row level security;

create index idx_km_trajets_owner_date on public.km_trajets (owner_user_id, date desc);
create index km_trajets_gite_id_idx on public.km_trajets (gite_id) where gite_id is not null;

create trigger km_trajets_set_updated_at
  before update on public.km_trajets
  for each row execute function public.set_updated_at();

create policy "Owners read their trips" on public.km_trajets
  for select to authenticated using ((select auth.uid()) = owner_user_id);
create policy "Owners add their trips" on public.km_trajets
  for insert to authenticated with check ((select auth.uid()) = owner_user_id);
create policy "Owners edit their trips" on public.km_trajets
  for update to authenticated
  using ((select auth.uid()) = owner_user_id) with check ((select auth.uid()) = owner_user_id);
create policy "Owners delete their trips" on public.km_trajets
  for delete to authenticated using ((select auth.uid()) = owner_user_id);

revoke all on table public.km_trajets from anon, authenticated;
grant select, insert, update, delete on table public.km_trajets to authenticated;
grant select, insert, update, delete on table public.km_trajets to service_role;
