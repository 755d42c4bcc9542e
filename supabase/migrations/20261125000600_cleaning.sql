-- =============================================================================
-- Ménage: a cleaning per confirmed stay's departure, kept by the database;
-- cleaners with a secret link (no account) to their coming tasks
-- =============================================================================

-- =============================================================================
-- Secret links: one way to make and check them
-- =============================================================================
-- The rule of every anonymous link (guest sheets, cleaners): a token of 192
-- random bits made by the database, shown once, and only its sha-256 kept, so
-- a leaked table or backup opens nothing.
create or replace function public.new_access_token()
returns text
language sql
volatile
set search_path = ''
as $$
  -- 24 random bytes, URL-safe base64 without padding: 32 characters.
  select translate(encode(extensions.gen_random_bytes(24), 'base64'), '+/', '-_')
$$;

create or replace function public.access_token_hash(p_token text)
returns bytea
language sql
immutable
strict
set search_path = ''
as $$
  select pg_catalog.sha256(pg_catalog.convert_to(p_token, 'UTF8'))
$$;

-- Used inside security definer functions only.
revoke all on function public.new_access_token() from public, anon, authenticated;
revoke all on function public.access_token_hash(text) from public, anon, authenticated;

-- =============================================================================
-- cleaners
-- =============================================================================
-- The people who clean an owner's gîtes. Each can have one secret link to the
-- page of their coming tasks (cleaner_tasks): made, replaced and revoked by the
-- owner through functions, so the owner never writes token_hash.
create table public.cleaners (
  id uuid primary key default gen_random_uuid(),
  owner_user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  nom text not null check (char_length(btrim(nom)) between 1 and 200),
  telephone text check (char_length(telephone) <= 40),
  token_hash bytea check (octet_length(token_hash) = 32),
  link_created_at timestamptz,
  link_revoked_at timestamptz,
  link_opened_at timestamptz,             -- last opening; no IP or user agent is stored
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint cleaners_id_owner_key unique (id, owner_user_id),
  constraint cleaners_link_check check (token_hash is null or link_created_at is not null)
);
alter table public.cleaners enable row level security;

create unique index cleaners_token_hash_idx on public.cleaners (token_hash) where token_hash is not null;
create index cleaners_owner_user_id_idx on public.cleaners (owner_user_id, nom);

create trigger cleaners_set_updated_at
  before update on public.cleaners
  for each row execute function public.set_updated_at();

create policy "Owners read their cleaners" on public.cleaners
  for select to authenticated using ((select auth.uid()) = owner_user_id);
create policy "Owners add their cleaners" on public.cleaners
  for insert to authenticated with check ((select auth.uid()) = owner_user_id);
create policy "Owners edit their cleaners" on public.cleaners
  for update to authenticated
  using ((select auth.uid()) = owner_user_id) with check ((select auth.uid()) = owner_user_id);
create policy "Owners delete their cleaners" on public.cleaners
  for delete to authenticated using ((select auth.uid()) = owner_user_id);

revoke all on table public.cleaners from anon, authenticated;
-- The link columns are written by the link functions only.
grant select, delete on table public.cleaners to authenticated;
grant insert (owner_user_id, nom, telephone), update (nom, telephone)
  on table public.cleaners to authenticated;
grant select, insert, update, delete on table public.cleaners to service_role;

-- =============================================================================
-- cleaning_schedule: assigned to a cleaner
-- =============================================================================
-- The free-text cleaner columns give way to a cleaner of the owner's (name,
-- phone and link in one place). Nothing wrote them yet.
alter table public.cleaning_schedule
  drop column cleaner_nom,
  drop column cleaner_telephone,
  add column cleaner_id uuid,
  add constraint cleaning_schedule_cleaner_fkey foreign key (cleaner_id, owner_user_id)
    references public.cleaners (id, owner_user_id) on delete set null (cleaner_id);

-- A cleaner's coming tasks (their page), and the FK index.
create index cleaning_schedule_cleaner_idx
  on public.cleaning_schedule (cleaner_id, date) where cleaner_id is not null;

-- =============================================================================
-- Departure cleanings follow the stays (one place: these triggers)
-- =============================================================================
-- Every writer of reservations (the owner, the iCal sync, cascades) goes
-- through them:
-- - a confirmed stay leaving today or later has a cleaning on its departure
--   day, in its gîte;
-- - a stay that moves (dates or gîte) moves its cleaning, unless the cleaning
--   is done; one that is confirmed again gets its cancelled cleaning back;
-- - a stay cancelled, or turned into a block, cancels its planned cleaning;
-- - a stay deleted takes its cleaning with it (the foreign key's cascade).
-- Past departures get none: an owner entering last year's stays for the
-- statistics does not want a year of cleanings to tick off.
-- Statement-level with transition tables: an iCal sync that writes 40 stays
-- runs each statement once, not 40 times.
create or replace function public.reservations_sync_cleanings()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    insert into public.cleaning_schedule (owner_user_id, gite_id, reservation_id, date)
    select n.owner_user_id, n.gite_id, n.id, n.date_fin
    from new_rows n
    where n.status = 'confirmed' and n.date_fin >= current_date
    on conflict (reservation_id) do nothing;
    return null;
  end if;

  -- UPDATE: stays that are (still or again) confirmed and moved, or confirmed again.
  insert into public.cleaning_schedule (owner_user_id, gite_id, reservation_id, date)
  select n.owner_user_id, n.gite_id, n.id, n.date_fin
  from new_rows n
  join old_rows o on o.id = n.id
  where n.status = 'confirmed'
    and n.date_fin >= current_date
    and (o.status <> 'confirmed' or o.date_fin <> n.date_fin or o.gite_id <> n.gite_id)
  on conflict (reservation_id) do update
    set date = excluded.date,
        gite_id = excluded.gite_id,
        status = case when public.cleaning_schedule.status = 'cancelled' then 'planned'
                      else public.cleaning_schedule.status end
    where public.cleaning_schedule.status <> 'done';

  -- Stays no longer confirmed: their planned cleaning is cancelled.
  update public.cleaning_schedule c
    set status = 'cancelled'
  from new_rows n
  join old_rows o on o.id = n.id
  where c.reservation_id = n.id
    and n.status <> 'confirmed'
    and o.status = 'confirmed'
    and c.status = 'planned';
  return null;
end;
$$;

revoke all on function public.reservations_sync_cleanings() from public, anon, authenticated;

create trigger reservations_sync_cleanings_insert
  after insert on public.reservations
  referencing new table as new_rows
  for each statement execute function public.reservations_sync_cleanings();
create trigger reservations_sync_cleanings_update
  after update on public.reservations
  referencing old table as old_rows new table as new_rows
  for each statement execute function public.reservations_sync_cleanings();

-- What the triggers would have made, for stays written without them (bulk
-- loads under session_replication_role = replica, and the stays booked before
-- this migration): the missing cleanings of coming departures. Returns how
-- many it added.
create or replace function public.rebuild_departure_cleanings(p_owner uuid default null)
returns bigint
language sql
volatile
security definer
set search_path = ''
as $$
  with added as (
    insert into public.cleaning_schedule (owner_user_id, gite_id, reservation_id, date)
    select r.owner_user_id, r.gite_id, r.id, r.date_fin
    from public.reservations r
    where r.status = 'confirmed'
      and r.date_fin >= current_date
      and (p_owner is null or r.owner_user_id = p_owner)
    on conflict (reservation_id) do nothing
    returning 1
  )
  select count(*) from added
$$;

revoke all on function public.rebuild_departure_cleanings(uuid) from public, anon, authenticated;
grant execute on function public.rebuild_departure_cleanings(uuid) to service_role;

select public.rebuild_departure_cleanings();

-- =============================================================================
-- What a cleaning needs to know (computed fields, also read by cleaner_tasks)
-- =============================================================================
-- "Même jour": guests arrive in that gîte the day of the cleaning, so it must
-- be done between the departure and the arrival.
create or replace function public.cleaning_same_day(public.cleaning_schedule)
returns boolean
language sql
stable
set search_path = ''
as $$
  select exists (
    select 1 from public.reservations r
    where r.gite_id = $1.gite_id
      and r.status = 'confirmed'
      and r.date_debut = $1.date
  )
$$;

-- The next stay to arrive in that gîte on or after the cleaning day (within
-- 60 days): how many guests to prepare for, and when.
create or replace function public.cleaning_next_stay(public.cleaning_schedule)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object('arrivee', r.date_debut, 'personnes', r.nb_personnes)
  from public.reservations r
  where r.gite_id = $1.gite_id
    and r.status = 'confirmed'
    and r.date_debut >= $1.date
    and r.date_debut < $1.date + 60
  order by r.date_debut
  limit 1
$$;

revoke all on function public.cleaning_same_day(public.cleaning_schedule) from public, anon;
revoke all on function public.cleaning_next_stay(public.cleaning_schedule) from public, anon;
grant execute on function public.cleaning_same_day(public.cleaning_schedule)
  to authenticated, service_role;
grant execute on function public.cleaning_next_stay(public.cleaning_schedule)
  to authenticated, service_role;

-- =============================================================================
-- Cleaner links (owner side)
-- =============================================================================
-- A new link for a cleaner of the owner's: the previous one stops working.
-- Returns the raw token, once.
create or replace function public.create_cleaner_link(p_cleaner_id uuid)
returns text
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_token text := public.new_access_token();
begin
  update public.cleaners c
    set token_hash = public.access_token_hash(v_token),
        link_created_at = now(),
        link_revoked_at = null,
        link_opened_at = null
  where c.id = p_cleaner_id and c.owner_user_id = (select auth.uid());
  if not found then
    raise exception 'Intervenant introuvable.' using errcode = 'P0002';
  end if;
  return v_token;
end;
$$;

create or replace function public.revoke_cleaner_link(p_cleaner_id uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  update public.cleaners c
    set token_hash = null, link_revoked_at = now()
  where c.id = p_cleaner_id and c.owner_user_id = (select auth.uid());
  if not found then
    raise exception 'Intervenant introuvable.' using errcode = 'P0002';
  end if;
end;
$$;

revoke all on function public.create_cleaner_link(uuid) from public, anon, authenticated;
revoke all on function public.revoke_cleaner_link(uuid) from public, anon, authenticated;
grant execute on function public.create_cleaner_link(uuid) to authenticated;
grant execute on function public.revoke_cleaner_link(uuid) to authenticated;

-- =============================================================================
-- The cleaner's page (anonymous, through the token only)
-- =============================================================================
-- The tasks of this cleaner from yesterday to 30 days ahead (planned, and those
-- done in that window so a cleaner sees what they ticked off): gîte name and
-- address, day and time window, "même jour", the next guests' count and the
-- owner's notes. Never the guests' names, the amounts, other cleaners' tasks,
-- or anything of the owner's account. An unknown or revoked token → null.
create or replace function public.cleaner_tasks(p_token text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_cleaner public.cleaners;
begin
  if p_token is null or length(p_token) > 128 then
    return null;
  end if;
  select c.* into v_cleaner from public.cleaners c
  where c.token_hash = public.access_token_hash(p_token);
  if v_cleaner.id is null then
    return null;
  end if;

  -- At most one write a minute per cleaner (a page reloaded does not write each time).
  update public.cleaners c set link_opened_at = now()
  where c.id = v_cleaner.id
    and (c.link_opened_at is null or c.link_opened_at < now() - interval '1 minute');

  return jsonb_build_object(
    'intervenant', v_cleaner.nom,
    'taches', coalesce((
      select jsonb_agg(jsonb_build_object(
          'id', t.id,
          'date', t.date,
          'heure_debut', to_char(t.heure_debut, 'HH24:MI'),
          'heure_fin', to_char(t.heure_fin, 'HH24:MI'),
          'statut', t.status,
          'notes', t.notes,
          'fait_le', t.done_at,
          'note_fin', t.done_note,
          'meme_jour', public.cleaning_same_day(t),
          'prochain_sejour', public.cleaning_next_stay(t),
          'gite', jsonb_build_object(
            'nom', coalesce(i.nom, g.nom),
            'adresse', coalesce(i.adresse_complete, concat_ws(', ', g.adresse,
              concat_ws(' ', g.code_postal, g.ville)))
          )
        ) order by t.date, t.heure_debut nulls last, g.nom)
      from public.cleaning_schedule t
      join public.gites g on g.id = t.gite_id
      left join public.infos_gites_core i on i.gite_id = t.gite_id
      where t.cleaner_id = v_cleaner.id
        and t.status in ('planned', 'done')
        and t.date between current_date - 1 and current_date + 30
    ), '[]'::jsonb)
  );
end;
$$;

-- The cleaner marks one of their tasks done (from the day before it is due),
-- with an optional note for the owner. Returns the task's new state, or null
-- when the token or the task is not theirs (nothing tells the two apart).
create or replace function public.cleaner_mark_done(p_token text, p_task_id uuid, p_note text default null)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_cleaner_id uuid;
  v_task public.cleaning_schedule;
begin
  if p_token is null or length(p_token) > 128 then
    return null;
  end if;
  if p_note is not null and char_length(p_note) > 2000 then
    raise exception 'Note trop longue (2 000 caractères au plus).' using errcode = '22023';
  end if;
  select c.id into v_cleaner_id from public.cleaners c
  where c.token_hash = public.access_token_hash(p_token);
  if v_cleaner_id is null then
    return null;
  end if;
  update public.cleaning_schedule t
    set status = 'done',
        done_at = now(),
        done_note = nullif(btrim(p_note), '')
  where t.id = p_task_id
    and t.cleaner_id = v_cleaner_id
    and t.status = 'planned'
    and t.date <= current_date + 1
  returning t.* into v_task;
  if v_task.id is null then
    return null;
  end if;
  return jsonb_build_object('id', v_task.id, 'statut', v_task.status, 'fait_le', v_task.done_at,
    'note_fin', v_task.done_note);
end;
$$;

revoke all on function public.cleaner_tasks(text) from public, anon, authenticated;
revoke all on function public.cleaner_mark_done(text, uuid, text) from public, anon, authenticated;
grant execute on function public.cleaner_tasks(text) to anon, authenticated;
grant execute on function public.cleaner_mark_done(text, uuid, text) to anon, authenticated;
