-- =============================================================================
-- Support: the replies of a ticket
-- =============================================================================
-- A ticket (cm_support_tickets) holds the owner's first message; what follows,
-- the support team's replies and the owner's answers, are rows of
-- cm_support_messages. The support team writes with the service role (its own
-- tool; no support UI lives in the owner app); owners add their own answers
-- only, and never edit or delete a message.

alter table public.cm_support_tickets
  add constraint cm_support_tickets_id_owner_key unique (id, owner_user_id);

create table public.cm_support_messages (
  id uuid primary key default gen_random_uuid(),
  owner_user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  ticket_id uuid not null,
  auteur text not null default 'proprietaire' check (auteur in ('proprietaire', 'support')),
  message text not null check (char_length(btrim(message)) between 1 and 10000),
  created_at timestamptz not null default now(),
  constraint cm_support_messages_ticket_fkey foreign key (ticket_id, owner_user_id)
    references public.cm_support_tickets (id, owner_user_id) on delete cascade
);
alter table public.cm_support_messages enable row level security;

-- A ticket's thread in order (also the foreign key's index).
create index cm_support_messages_ticket_idx on public.cm_support_messages (ticket_id, created_at);
create index cm_support_messages_owner_idx on public.cm_support_messages (owner_user_id);

create policy "Owners read their support messages" on public.cm_support_messages
  for select to authenticated using ((select auth.uid()) = owner_user_id);
create policy "Owners add their support messages" on public.cm_support_messages
  for insert to authenticated with check ((select auth.uid()) = owner_user_id);

revoke all on table public.cm_support_messages from anon, authenticated;
grant select on table public.cm_support_messages to authenticated;
-- `auteur` is not granted: an owner's message is always the owner's.
grant insert (id, owner_user_id, ticket_id, message) on table public.cm_support_messages
  to authenticated;
grant select, insert, update, delete on table public.cm_support_messages to service_role;

-- =============================================================================
-- A message moves its ticket
-- =============================================================================
-- Any message brings the ticket to the top of the owner's list (updated_at).
-- A support reply puts an open ticket in progress and tells the owner (a
-- notification, one per reply); an owner's answer reopens a resolved ticket.
create or replace function public.cm_support_messages_after_insert()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.cm_support_tickets t
    set updated_at = now(),
        status = case
          when m.auteur = 'support' and t.status = 'open' then 'in_progress'
          when m.auteur = 'proprietaire' and t.status = 'resolved' then 'open'
          else t.status
        end
  from new_rows m
  where t.id = m.ticket_id;

  insert into public.notifications (owner_user_id, type, titre, message, lien, data, dedupe_key)
  select m.owner_user_id, 'support_reply',
    left('Réponse du support : ' || t.sujet, 200),
    left(m.message, 280),
    '/aide/' || t.id,
    jsonb_build_object('ticket_id', t.id, 'message_id', m.id),
    'support_reply:' || m.id
  from new_rows m
  join public.cm_support_tickets t on t.id = m.ticket_id
  where m.auteur = 'support'
  on conflict (owner_user_id, dedupe_key) where dedupe_key is not null do nothing;
  return null;
end;
$$;

revoke all on function public.cm_support_messages_after_insert() from public, anon, authenticated;

create trigger cm_support_messages_after_insert
  after insert on public.cm_support_messages
  referencing new table as new_rows
  for each statement execute function public.cm_support_messages_after_insert();
