-- =============================================================================
-- Billing (cm_clients, cm_subscriptions), support tickets, error reports
--
-- The billing tables are written only by service_role (the payment provider's
-- webhooks, an admin); an owner reads their own rows and nothing else.
-- =============================================================================

-- =============================================================================
-- cm_clients (the owner's billing profile, one per owner)
-- =============================================================================
create table public.cm_clients (
  id uuid primary key default gen_random_uuid(),
  owner_user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  email text not null check (char_length(email) between 3 and 320),
  nom text check (char_length(nom) <= 200),
  prenom text check (char_length(prenom) <= 200),
  entreprise text check (char_length(entreprise) <= 200),
  siret text check (siret ~ '^[0-9]{14}$'),
  telephone text check (char_length(telephone) <= 40),
  adresse text check (char_length(adresse) <= 500),
  stripe_customer_id text unique check (char_length(stripe_customer_id) <= 255),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint cm_clients_owner_key unique (owner_user_id),
  -- Target of the composite FKs of subscriptions and tickets.
  constraint cm_clients_id_owner_key unique (id, owner_user_id)
);
alter table public.cm_clients enable row level security;

create index idx_cm_clients_email on public.cm_clients (email);
-- Owner index: cm_clients_owner_key (owner_user_id).

create trigger cm_clients_set_updated_at
  before update on public.cm_clients
  for each row execute function public.set_updated_at();

create policy "Owners read their billing profile" on public.cm_clients
  for select to authenticated using ((select auth.uid()) = owner_user_id);

revoke all on table public.cm_clients from anon, authenticated;
grant select on table public.cm_clients to authenticated;
grant select, insert, update, delete on table public.cm_clients to service_role;

-- =============================================================================
-- cm_subscriptions
-- =============================================================================
create table public.cm_subscriptions (
  id uuid primary key default gen_random_uuid(),
  owner_user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  client_id uuid not null,
  plan text not null check (plan in ('free', 'starter', 'pro', 'business')),
  -- The payment provider's (Stripe's) statuses, spelled as it sends them.
  status text not null check (status in (
    'trialing', 'active', 'past_due', 'canceled', 'unpaid', 'incomplete', 'incomplete_expired',
    'paused'
  )),
  montant_mensuel numeric(10, 2) not null default 0 check (montant_mensuel >= 0),
  current_period_start timestamptz,
  current_period_end timestamptz,
  cancel_at_period_end boolean not null default false,
  canceled_at timestamptz,
  stripe_subscription_id text unique check (char_length(stripe_subscription_id) <= 255),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint cm_subscriptions_period_check check (
    current_period_start is null or current_period_end is null
    or current_period_end > current_period_start
  ),
  constraint cm_subscriptions_client_fkey foreign key (client_id, owner_user_id)
    references public.cm_clients (id, owner_user_id) on delete cascade
);
alter table public.cm_subscriptions enable row level security;

create index idx_cm_subscriptions_client on public.cm_subscriptions (client_id);
create index idx_cm_subscriptions_status on public.cm_subscriptions (status);
-- "Is this owner on a paid plan?" (sync priority, feature gates).
create index cm_subscriptions_owner_user_id_idx on public.cm_subscriptions (owner_user_id, status);

create trigger cm_subscriptions_set_updated_at
  before update on public.cm_subscriptions
  for each row execute function public.set_updated_at();

create policy "Owners read their subscriptions" on public.cm_subscriptions
  for select to authenticated using ((select auth.uid()) = owner_user_id);

revoke all on table public.cm_subscriptions from anon, authenticated;
grant select on table public.cm_subscriptions to authenticated;
grant select, insert, update, delete on table public.cm_subscriptions to service_role;

-- =============================================================================
-- error_logs (errors the app reports, with their Sentry event id)
-- =============================================================================
create table public.error_logs (
  id bigint generated always as identity primary key,
  owner_user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  occurred_at timestamptz not null default now(),
  level text not null default 'error' check (level in ('error', 'warning', 'info')),
  message text not null check (char_length(message) between 1 and 5000),
  stack text check (char_length(stack) <= 20000),
  url text check (char_length(url) <= 2048),
  user_agent text check (char_length(user_agent) <= 500),
  app_version text check (char_length(app_version) <= 100),
  sentry_event_id text check (char_length(sentry_event_id) <= 64),
  context jsonb not null default '{}' check (jsonb_typeof(context) = 'object'),
  -- Target of cm_support_tickets' composite FK: a ticket attaches only its
  -- owner's reports (ids are sequential, so a plain FK would let anyone probe).
  constraint error_logs_id_owner_key unique (id, owner_user_id)
);
alter table public.error_logs enable row level security;

-- Plan's idx_error_logs_timestamp, on the final column name (operators' view).
create index idx_error_logs_timestamp on public.error_logs (occurred_at desc);
create index error_logs_owner_user_id_idx on public.error_logs (owner_user_id, occurred_at desc);

-- Reports are append-only for owners: no update, no delete.
create policy "Owners read their error reports" on public.error_logs
  for select to authenticated using ((select auth.uid()) = owner_user_id);
create policy "Owners add their error reports" on public.error_logs
  for insert to authenticated with check ((select auth.uid()) = owner_user_id);

revoke all on table public.error_logs from anon, authenticated;
grant select, insert on table public.error_logs to authenticated;
grant select, insert, update, delete on table public.error_logs to service_role;
-- The identity's sequence got Supabase's default grants too.
revoke all on sequence public.error_logs_id_seq from anon, authenticated;

-- =============================================================================
-- cm_support_tickets
-- =============================================================================
create table public.cm_support_tickets (
  id uuid primary key default gen_random_uuid(),
  owner_user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  client_id uuid,                         -- billing profile, when the owner has one
  sujet text not null check (char_length(btrim(sujet)) between 1 and 200),
  message text not null check (char_length(btrim(message)) between 1 and 10000),
  status text not null default 'open' check (status in ('open', 'in_progress', 'resolved', 'closed')),
  priorite text not null default 'normal' check (priorite in ('low', 'normal', 'high')),
  -- An error the app reported, attached to the ticket.
  error_log_id bigint,
  sentry_event_id text check (char_length(sentry_event_id) <= 64),
  closed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint cm_support_tickets_client_fkey foreign key (client_id, owner_user_id)
    references public.cm_clients (id, owner_user_id) on delete set null (client_id),
  constraint cm_support_tickets_error_log_fkey foreign key (error_log_id, owner_user_id)
    references public.error_logs (id, owner_user_id) on delete set null (error_log_id)
);
alter table public.cm_support_tickets enable row level security;

-- Plan's idx_cm_tickets_client_status (also the FK index on client_id).
create index idx_cm_tickets_client_status on public.cm_support_tickets (client_id, status);
create index cm_support_tickets_owner_user_id_idx
  on public.cm_support_tickets (owner_user_id, status, updated_at desc);
create index cm_support_tickets_error_log_id_idx
  on public.cm_support_tickets (error_log_id) where error_log_id is not null;

create trigger cm_support_tickets_set_updated_at
  before update on public.cm_support_tickets
  for each row execute function public.set_updated_at();

-- Owners open and follow their tickets; support history is never deleted by
-- the owner. Columns the support team sets (priority) are not granted.
create policy "Owners read their support tickets" on public.cm_support_tickets
  for select to authenticated using ((select auth.uid()) = owner_user_id);
create policy "Owners add their support tickets" on public.cm_support_tickets
  for insert to authenticated with check ((select auth.uid()) = owner_user_id);
create policy "Owners edit their support tickets" on public.cm_support_tickets
  for update to authenticated
  using ((select auth.uid()) = owner_user_id) with check ((select auth.uid()) = owner_user_id);

revoke all on table public.cm_support_tickets from anon, authenticated;
grant select on table public.cm_support_tickets to authenticated;
grant insert (id, owner_user_id, client_id, sujet, message, error_log_id, sentry_event_id)
  on table public.cm_support_tickets to authenticated;
grant update (sujet, message, status, closed_at) on table public.cm_support_tickets to authenticated;
grant select, insert, update, delete on table public.cm_support_tickets to service_role;
