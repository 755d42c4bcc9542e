-- =============================================================================
-- Extensions and shared helpers
--
-- Runs unchanged on hosted Supabase (PG 15+) and on the local stack. Every
-- extension lives in schema `extensions`, as Supabase recommends, and every
-- reference to one of its objects is schema-qualified.
-- =============================================================================

-- =============================================================================
-- Extensions
-- =============================================================================
create extension if not exists pgcrypto with schema extensions;   -- digest(), gen_random_bytes(), crypt()
create extension if not exists pg_trgm with schema extensions;    -- trigram index for guest-name search
create extension if not exists unaccent with schema extensions;   -- "Dupônt" finds "dupont"

-- =============================================================================
-- Function privileges
-- =============================================================================
-- Functions are executable by PUBLIC by default, and Supabase additionally
-- grants EXECUTE on every new function of schema public to anon and
-- authenticated. Nothing we write should be callable through /rest/v1/rpc by
-- accident: revoke both defaults, then grant each function to who needs it.
-- (The per-schema REVOKE undoes Supabase's per-schema GRANT; the global one is
-- needed because a per-schema REVOKE cannot remove the built-in PUBLIC grant.)
-- This comes after the extensions above so their functions keep their grants.
alter default privileges in schema public revoke execute on functions from anon, authenticated;
alter default privileges revoke execute on functions from public;

-- =============================================================================
-- updated_at trigger
-- =============================================================================
-- One shared trigger function keeps `updated_at` honest on every table that
-- has the column, whatever client wrote the row.
create or replace function public.set_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;

comment on function public.set_updated_at() is
  'BEFORE UPDATE trigger: sets updated_at to now().';

revoke execute on function public.set_updated_at() from public, anon, authenticated;

-- =============================================================================
-- Accent- and case-insensitive text for search
-- =============================================================================
-- unaccent() is only STABLE (its dictionary could change), so it cannot appear
-- in an index expression. Pinning the dictionary by name makes the result
-- depend on the input alone, which is what IMMUTABLE promises; the GIN trigram
-- index on reservations is built on this function, and a search written as
--   public.unaccent_lower(client_nom) like '%' || public.unaccent_lower($1) || '%'
-- uses it: "dupont", "Dupont" and "Dupônt" find the same guest.
create or replace function public.unaccent_lower(input text)
returns text
language sql
immutable
parallel safe
strict
set search_path = ''
as $$
  select lower(extensions.unaccent('extensions.unaccent'::regdictionary, input))
$$;

comment on function public.unaccent_lower(text) is
  'lower(unaccent(input)) with a pinned dictionary, usable in index expressions.';

revoke execute on function public.unaccent_lower(text) from public, anon;
grant execute on function public.unaccent_lower(text) to authenticated, service_role;
