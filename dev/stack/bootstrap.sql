-- =============================================================================
-- LOCAL STACK ONLY — never run on hosted Supabase.
--
-- Gives a plain PostgreSQL cluster what a hosted Supabase project already has
-- before our migrations run: the API roles, the `extensions` schema, a minimal
-- `auth` schema (users, sessions, refresh tokens, auth.uid()/role()/jwt()), the
-- CLI's migration history table, and Supabase's permissive default privileges in
-- schema public. Our migrations are therefore tested against the same defaults
-- as production and must revoke what they do not want exposed.
--
-- Applied once, as the superuser, right after the cluster is created.
-- =============================================================================

-- =============================================================================
-- Roles
-- =============================================================================
-- Same shape as Supabase: three NOLOGIN API roles, PostgREST logs in as
-- `authenticator` (NOINHERIT) and switches to the role named in the JWT.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticator') then
    create role authenticator login noinherit password 'authenticator-local';
  end if;
end
$$;

grant anon, authenticated, service_role to authenticator;

-- PostgREST reads these per-role settings; Supabase sets the same timeouts.
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';

-- =============================================================================
-- Schema extensions (Supabase installs extensions here, not in public)
-- =============================================================================
create schema if not exists extensions;
grant usage on schema extensions to postgres, anon, authenticated, service_role;
alter default privileges in schema extensions
  grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges in schema extensions
  grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges in schema extensions
  grant all on sequences to postgres, anon, authenticated, service_role;

create extension if not exists pgcrypto with schema extensions;

-- Supabase's database search_path includes `extensions`, so unqualified
-- gen_random_uuid()/crypt() resolve there too (gen_random_uuid is core anyway).
do $$
begin
  execute format('alter database %I set search_path = "$user", public, extensions',
    current_database());
end
$$;

-- =============================================================================
-- Schema public: Supabase's default privileges
-- =============================================================================
-- Hosted Supabase grants ALL on every new table, sequence and function of
-- public to the API roles. Reproduced on purpose: a migration that forgets to
-- revoke is caught by the RLS matrix test, as it would be exposed in production.
grant usage on schema public to postgres, anon, authenticated, service_role;
alter default privileges in schema public
  grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges in schema public
  grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges in schema public
  grant all on sequences to postgres, anon, authenticated, service_role;

-- =============================================================================
-- Schema auth (the subset of GoTrue's schema the local auth service uses)
-- =============================================================================
create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;

create table if not exists auth.users (
  id uuid primary key default gen_random_uuid(),
  email text unique check (email = lower(email)),
  encrypted_password text,
  email_confirmed_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb not null default '{}'::jsonb,
  raw_user_meta_data jsonb not null default '{}'::jsonb,
  role text not null default 'authenticated',
  aud text not null default 'authenticated',
  is_anonymous boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table if not exists auth.sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  not_after timestamptz
);
create index if not exists sessions_user_id_idx on auth.sessions (user_id);

create table if not exists auth.refresh_tokens (
  id bigserial primary key,
  token text unique,
  user_id uuid references auth.users (id) on delete cascade,
  session_id uuid references auth.sessions (id) on delete cascade,
  parent text,
  revoked boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index if not exists refresh_tokens_user_id_idx on auth.refresh_tokens (user_id);
create index if not exists refresh_tokens_session_id_idx on auth.refresh_tokens (session_id);
create index if not exists refresh_tokens_parent_idx on auth.refresh_tokens (parent);

-- The API roles never touch auth tables directly (as on hosted Supabase).
revoke all on all tables in schema auth from anon, authenticated;
revoke all on all sequences in schema auth from anon, authenticated;

-- Supabase's definitions: PostgREST >= 9 sets `request.jwt.claims` (the whole
-- JWT payload as JSON); older versions set one `request.jwt.claim.<name>` each.
create or replace function auth.uid()
returns uuid
language sql
stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

create or replace function auth.role()
returns text
language sql
stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

create or replace function auth.email()
returns text
language sql
stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;

create or replace function auth.jwt()
returns jsonb
language sql
stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

grant execute on function auth.uid(), auth.role(), auth.email(), auth.jwt()
  to anon, authenticated, service_role;

-- =============================================================================
-- Schema supabase_migrations (as the Supabase CLI creates it)
-- =============================================================================
create schema if not exists supabase_migrations;

create table if not exists supabase_migrations.schema_migrations (
  version text primary key,
  statements text[],
  name text
);
