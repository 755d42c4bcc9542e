-- =============================================================================
-- Guest information: the five infos_gites_* tables, guest sheet links,
-- activities nearby
--
-- The legacy 119-column infos_gites table is split by theme (plan 1.1.1) so a
-- page loads only the section it shows. Every table hangs off a gîte through
-- the composite FK (gite_id, owner_user_id) → gites (id, owner_user_id).
-- Guests never read these tables directly: the public welcome sheet goes
-- through a security definer function that checks a token (guest-sheet issue).
-- =============================================================================

-- =============================================================================
-- infos_gites_core (one row per gîte)
-- =============================================================================
create table public.infos_gites_core (
  id uuid primary key default gen_random_uuid(),
  owner_user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  gite_id uuid not null,
  nom text check (char_length(nom) <= 200),                     -- name shown to guests
  adresse_complete text check (char_length(adresse_complete) <= 500),
  latitude numeric(10, 8) check (latitude between -90 and 90),
  longitude numeric(11, 8) check (longitude between -180 and 180),
  telephone_urgence text check (char_length(telephone_urgence) <= 40),
  email_contact text check (char_length(email_contact) <= 320),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint infos_gites_core_gite_fkey foreign key (gite_id, owner_user_id)
    references public.gites (id, owner_user_id) on delete cascade
);
alter table public.infos_gites_core enable row level security;

-- Plan's idx_infos_core_gite, unique: one core row per gîte (also the FK index).
create unique index idx_infos_core_gite on public.infos_gites_core (gite_id);
create index idx_infos_core_owner on public.infos_gites_core (owner_user_id);

create trigger infos_gites_core_set_updated_at
  before update on public.infos_gites_core
  for each row execute function public.set_updated_at();

create policy "Owners read their gîte details" on public.infos_gites_core
  for select to authenticated using ((select auth.uid()) = owner_user_id);
create policy "Owners add their gîte details" on public.infos_gites_core
  for insert to authenticated with check ((select auth.uid()) = owner_user_id);
create policy "Owners edit their gîte details" on public.infos_gites_core
  for update to authenticated
  using ((select auth.uid()) = owner_user_id) with check ((select auth.uid()) = owner_user_id);
create policy "Owners delete their gîte details" on public.infos_gites_core
  for delete to authenticated using ((select auth.uid()) = owner_user_id);

revoke all on table public.infos_gites_core from anon, authenticated;
grant select, insert, update, delete on table public.infos_gites_core to authenticated;
grant select, insert, update, delete on table public.infos_gites_core to service_role;

-- =============================================================================
-- infos_gites_wifi (one row per gîte)
-- =============================================================================
-- The plan's qr_code_url is dropped: the guest page draws the QR code from the
-- SSID and password, so a stored image could only go stale.
create table public.infos_gites_wifi (
  id uuid primary key default gen_random_uuid(),
  owner_user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  gite_id uuid not null,
  ssid text check (char_length(ssid) <= 64),
  wifi_password text check (char_length(wifi_password) <= 128),
  securite text not null default 'WPA' check (securite in ('WPA', 'WEP', 'nopass')), -- QR "T:" field
  debit_approximatif text check (char_length(debit_approximatif) <= 100),
  localisation_box text check (char_length(localisation_box) <= 500),
  zones_reception text[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint infos_gites_wifi_gite_fkey foreign key (gite_id, owner_user_id)
    references public.gites (id, owner_user_id) on delete cascade
);
alter table public.infos_gites_wifi enable row level security;

create unique index idx_infos_wifi_gite on public.infos_gites_wifi (gite_id);
create index infos_gites_wifi_owner_user_id_idx on public.infos_gites_wifi (owner_user_id);

create trigger infos_gites_wifi_set_updated_at
  before update on public.infos_gites_wifi
  for each row execute function public.set_updated_at();

create policy "Owners read their wifi settings" on public.infos_gites_wifi
  for select to authenticated using ((select auth.uid()) = owner_user_id);
create policy "Owners add their wifi settings" on public.infos_gites_wifi
  for insert to authenticated with check ((select auth.uid()) = owner_user_id);
create policy "Owners edit their wifi settings" on public.infos_gites_wifi
  for update to authenticated
  using ((select auth.uid()) = owner_user_id) with check ((select auth.uid()) = owner_user_id);
create policy "Owners delete their wifi settings" on public.infos_gites_wifi
  for delete to authenticated using ((select auth.uid()) = owner_user_id);

revoke all on table public.infos_gites_wifi from anon, authenticated;
grant select, insert, update, delete on table public.infos_gites_wifi to authenticated;
grant select, insert, update, delete on table public.infos_gites_wifi to service_role;

-- =============================================================================
-- infos_gites_consignes (one row per gîte and language)
-- =============================================================================
create table public.infos_gites_consignes (
  id uuid primary key default gen_random_uuid(),
  owner_user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  gite_id uuid not null,
  langue text not null default 'fr' check (langue in ('fr', 'en')),
  consignes_arrivee text check (char_length(consignes_arrivee) <= 10000),
  consignes_sejour text check (char_length(consignes_sejour) <= 10000),
  consignes_sortie text check (char_length(consignes_sortie) <= 10000),
  code_acces text check (char_length(code_acces) <= 100),
  horaire_arrivee time,
  horaire_depart time,
  instructions_parking text check (char_length(instructions_parking) <= 5000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint infos_gites_consignes_gite_fkey foreign key (gite_id, owner_user_id)
    references public.gites (id, owner_user_id) on delete cascade
);
alter table public.infos_gites_consignes enable row level security;

-- Plan's idx_infos_consignes_gite, unique per language (also the FK index).
create unique index idx_infos_consignes_gite on public.infos_gites_consignes (gite_id, langue);
create index infos_gites_consignes_owner_user_id_idx on public.infos_gites_consignes (owner_user_id);

create trigger infos_gites_consignes_set_updated_at
  before update on public.infos_gites_consignes
  for each row execute function public.set_updated_at();

create policy "Owners read their house instructions" on public.infos_gites_consignes
  for select to authenticated using ((select auth.uid()) = owner_user_id);
create policy "Owners add their house instructions" on public.infos_gites_consignes
  for insert to authenticated with check ((select auth.uid()) = owner_user_id);
create policy "Owners edit their house instructions" on public.infos_gites_consignes
  for update to authenticated
  using ((select auth.uid()) = owner_user_id) with check ((select auth.uid()) = owner_user_id);
create policy "Owners delete their house instructions" on public.infos_gites_consignes
  for delete to authenticated using ((select auth.uid()) = owner_user_id);

revoke all on table public.infos_gites_consignes from anon, authenticated;
grant select, insert, update, delete on table public.infos_gites_consignes to authenticated;
grant select, insert, update, delete on table public.infos_gites_consignes to service_role;

-- =============================================================================
-- infos_gites_equipements (one row per gîte, a JSON object per section)
-- =============================================================================
create table public.infos_gites_equipements (
  id uuid primary key default gen_random_uuid(),
  owner_user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  gite_id uuid not null,
  chauffage jsonb not null default '{}' check (jsonb_typeof(chauffage) = 'object'),
  cuisine jsonb not null default '{}' check (jsonb_typeof(cuisine) = 'object'),
  multimedia jsonb not null default '{}' check (jsonb_typeof(multimedia) = 'object'),
  exterieur jsonb not null default '{}' check (jsonb_typeof(exterieur) = 'object'),
  divers jsonb not null default '{}' check (jsonb_typeof(divers) = 'object'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint infos_gites_equipements_gite_fkey foreign key (gite_id, owner_user_id)
    references public.gites (id, owner_user_id) on delete cascade
);
alter table public.infos_gites_equipements enable row level security;

create unique index idx_infos_equipements_gite on public.infos_gites_equipements (gite_id);
create index infos_gites_equipements_owner_user_id_idx
  on public.infos_gites_equipements (owner_user_id);

create trigger infos_gites_equipements_set_updated_at
  before update on public.infos_gites_equipements
  for each row execute function public.set_updated_at();

create policy "Owners read their equipment notes" on public.infos_gites_equipements
  for select to authenticated using ((select auth.uid()) = owner_user_id);
create policy "Owners add their equipment notes" on public.infos_gites_equipements
  for insert to authenticated with check ((select auth.uid()) = owner_user_id);
create policy "Owners edit their equipment notes" on public.infos_gites_equipements
  for update to authenticated
  using ((select auth.uid()) = owner_user_id) with check ((select auth.uid()) = owner_user_id);
create policy "Owners delete their equipment notes" on public.infos_gites_equipements
  for delete to authenticated using ((select auth.uid()) = owner_user_id);

revoke all on table public.infos_gites_equipements from anon, authenticated;
grant select, insert, update, delete on table public.infos_gites_equipements to authenticated;
grant select, insert, update, delete on table public.infos_gites_equipements to service_role;

-- =============================================================================
-- infos_gites_contacts (several per gîte)
-- =============================================================================
create table public.infos_gites_contacts (
  id uuid primary key default gen_random_uuid(),
  owner_user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  gite_id uuid not null,
  type text not null default 'autre' check (type in (
    'urgence', 'proprietaire', 'gardien', 'medecin', 'pharmacie', 'hopital', 'veterinaire',
    'plombier', 'electricien', 'taxi', 'autre'
  )),
  nom text not null check (char_length(btrim(nom)) between 1 and 200),
  telephone text check (char_length(telephone) <= 40),
  adresse text check (char_length(adresse) <= 500),
  disponibilite text check (char_length(disponibilite) <= 500),
  ordre integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint infos_gites_contacts_gite_fkey foreign key (gite_id, owner_user_id)
    references public.gites (id, owner_user_id) on delete cascade
);
alter table public.infos_gites_contacts enable row level security;

create index idx_infos_contacts_gite on public.infos_gites_contacts (gite_id, type, ordre);
create index infos_gites_contacts_owner_user_id_idx on public.infos_gites_contacts (owner_user_id);

create trigger infos_gites_contacts_set_updated_at
  before update on public.infos_gites_contacts
  for each row execute function public.set_updated_at();

create policy "Owners read their local contacts" on public.infos_gites_contacts
  for select to authenticated using ((select auth.uid()) = owner_user_id);
create policy "Owners add their local contacts" on public.infos_gites_contacts
  for insert to authenticated with check ((select auth.uid()) = owner_user_id);
create policy "Owners edit their local contacts" on public.infos_gites_contacts
  for update to authenticated
  using ((select auth.uid()) = owner_user_id) with check ((select auth.uid()) = owner_user_id);
create policy "Owners delete their local contacts" on public.infos_gites_contacts
  for delete to authenticated using ((select auth.uid()) = owner_user_id);

revoke all on table public.infos_gites_contacts from anon, authenticated;
grant select, insert, update, delete on table public.infos_gites_contacts to authenticated;
grant select, insert, update, delete on table public.infos_gites_contacts to service_role;

-- =============================================================================
-- client_access_tokens (guest welcome-sheet links)
-- =============================================================================
-- Only a hash of the token is stored (sha-256, 32 bytes): a leaked table or
-- backup gives no working link. The raw token (>= 128 random bits) exists only
-- in the link sent to the guest. Revoking sets revoked_at; rows are kept so the
-- owner sees the sheet's history.
create table public.client_access_tokens (
  id uuid primary key default gen_random_uuid(),
  owner_user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  reservation_id uuid not null,
  token_hash bytea not null check (octet_length(token_hash) = 32),
  langue text not null default 'fr' check (langue in ('fr', 'en')),
  valid_from timestamptz not null,
  valid_until timestamptz not null,
  revoked_at timestamptz,
  first_opened_at timestamptz,            -- no IP or user agent is ever stored
  last_opened_at timestamptz,
  open_count integer not null default 0 check (open_count >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint client_access_tokens_validity_check check (valid_until > valid_from),
  constraint client_access_tokens_reservation_fkey foreign key (reservation_id, owner_user_id)
    references public.reservations (id, owner_user_id) on delete cascade
);
alter table public.client_access_tokens enable row level security;

comment on column public.client_access_tokens.token_hash is
  'sha-256 of the raw token; the raw token is never stored.';

-- Plan's idx_fiches_token (token lookup), on the hash and unique.
create unique index idx_fiches_token on public.client_access_tokens (token_hash);
create index idx_fiches_reservation on public.client_access_tokens (reservation_id);
create index client_access_tokens_owner_user_id_idx
  on public.client_access_tokens (owner_user_id, created_at desc);

create trigger client_access_tokens_set_updated_at
  before update on public.client_access_tokens
  for each row execute function public.set_updated_at();

create policy "Owners read their guest sheet links" on public.client_access_tokens
  for select to authenticated using ((select auth.uid()) = owner_user_id);
create policy "Owners add their guest sheet links" on public.client_access_tokens
  for insert to authenticated with check ((select auth.uid()) = owner_user_id);
create policy "Owners edit their guest sheet links" on public.client_access_tokens
  for update to authenticated
  using ((select auth.uid()) = owner_user_id) with check ((select auth.uid()) = owner_user_id);
create policy "Owners delete their guest sheet links" on public.client_access_tokens
  for delete to authenticated using ((select auth.uid()) = owner_user_id);

revoke all on table public.client_access_tokens from anon, authenticated;
grant select, insert, update, delete on table public.client_access_tokens to authenticated;
grant select, insert, update, delete on table public.client_access_tokens to service_role;

-- =============================================================================
-- activites_gites (activities near a gîte)
-- =============================================================================
create table public.activites_gites (
  id uuid primary key default gen_random_uuid(),
  owner_user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  gite_id uuid not null,
  nom text not null check (char_length(btrim(nom)) between 1 and 200),
  categorie text not null default 'autre' check (categorie in (
    'restaurant', 'visite', 'nature', 'sport', 'culture', 'loisirs', 'enfants', 'marche',
    'commerce', 'autre'
  )),
  description text check (char_length(description) <= 5000),
  adresse text check (char_length(adresse) <= 500),
  distance_km numeric(7, 2) check (distance_km >= 0),
  url text check (char_length(url) <= 2048 and url ~* '^https?://[^[:space:]]+$'),
  telephone text check (char_length(telephone) <= 40),
  latitude numeric(10, 8) check (latitude between -90 and 90),
  longitude numeric(11, 8) check (longitude between -180 and 180),
  ordre integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint activites_gites_gite_fkey foreign key (gite_id, owner_user_id)
    references public.gites (id, owner_user_id) on delete cascade
);
alter table public.activites_gites enable row level security;

-- Plan's idx_activites_gite (also the FK index), extended to serve the
-- per-gîte list filtered by category; its idx_activites_categorie starts with
-- the owner so it helps under RLS.
create index idx_activites_gite on public.activites_gites (gite_id, categorie, ordre);
create index idx_activites_categorie on public.activites_gites (owner_user_id, categorie);

create trigger activites_gites_set_updated_at
  before update on public.activites_gites
  for each row execute function public.set_updated_at();

create policy "Owners read their nearby activities" on public.activites_gites
  for select to authenticated using ((select auth.uid()) = owner_user_id);
create policy "Owners add their nearby activities" on public.activites_gites
  for insert to authenticated with check ((select auth.uid()) = owner_user_id);
create policy "Owners edit their nearby activities" on public.activites_gites
  for update to authenticated
  using ((select auth.uid()) = owner_user_id) with check ((select auth.uid()) = owner_user_id);
create policy "Owners delete their nearby activities" on public.activites_gites
  for delete to authenticated using ((select auth.uid()) = owner_user_id);

revoke all on table public.activites_gites from anon, authenticated;
grant select, insert, update, delete on table public.activites_gites to authenticated;
grant select, insert, update, delete on table public.activites_gites to service_role;
