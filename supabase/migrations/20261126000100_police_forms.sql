-- =============================================================================
-- Fiches individuelles de police (issue 9, item 2)
--
-- French law (CESEDA art. R.814-1 to R.814-3, formerly R.611-42): whoever lets
-- a tourist accommodation — a gîte included — has every guest of foreign
-- nationality (EU citizens too) fill in and sign an individual police form on
-- arrival: surname and first names, date and place of birth, nationality, usual
-- home address, mobile phone and e-mail, arrival date and planned departure.
-- Children under 15 may be written on the form of an adult travelling with
-- them. The host keeps the forms 6 months and hands them to the police or the
-- gendarmerie on request only (no automatic transmission since 2015).
--
-- Here:
--   * police_forms: one row a guest's form, under its stay (reservation);
--     owners read and delete theirs, nobody else reads anything;
--   * submit_police_form(token, submission_id, form): the guest's only way
--     in, anonymous, through the stay's welcome-sheet token (the same lookup
--     as guest_sheet(token)); it writes that token's stay only, answers an
--     acknowledgement and nothing of what is stored, validates every field
--     (with a stable code in `details`/`hint` for the page's messages), is
--     idempotent by the client's submission id, and caps the forms of a stay;
--   * purge_police_forms(): deletes the forms 6 months after their planned
--     departure, set-based; pg_cron runs it daily where available, the local
--     stack's runner with its other minute jobs.
--
-- Plain SQL, runs unchanged on hosted Supabase (PG 15+).
-- =============================================================================

-- =============================================================================
-- Countries (ISO 3166-1 alpha-2, plus XK for Kosovo)
-- =============================================================================
-- The same list as src/guest/police-form-rules.ts (police-forms.test.ts checks
-- that they agree). A nationality is a country's; France and its overseas
-- territories are not a foreign nationality: a French guest has no form.
create or replace function public.police_form_countries()
returns text[]
language sql
immutable
parallel safe
set search_path = ''
as $$
  select string_to_array(
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ '
    'BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM '
    'DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS '
    'GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN '
    'KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ '
    'MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM '
    'PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV '
    'SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI '
    'VN VU WF WS XK YE YT ZA ZM ZW', ' ')
$$;

-- France and the overseas territories whose people are French nationals.
create or replace function public.police_form_french_territories()
returns text[]
language sql
immutable
parallel safe
set search_path = ''
as $$
  select array['FR', 'BL', 'GF', 'GP', 'MF', 'MQ', 'NC', 'PF', 'PM', 'RE', 'TF', 'WF', 'YT']
$$;

revoke all on function public.police_form_countries() from public, anon, authenticated;
revoke all on function public.police_form_french_territories() from public, anon, authenticated;
grant execute on function public.police_form_countries() to authenticated, service_role;
grant execute on function public.police_form_french_territories() to authenticated, service_role;

-- =============================================================================
-- police_forms
-- =============================================================================
create table public.police_forms (
  id uuid primary key default gen_random_uuid(),
  owner_user_id uuid not null references auth.users (id) on delete cascade,
  reservation_id uuid not null,
  -- Made by the guest's page for one submission: sending it again (a retry after a lost
  -- answer) records nothing new.
  submission_id uuid not null,
  nom text not null check (char_length(nom) between 1 and 100 and nom = btrim(nom)),
  prenoms text not null check (char_length(prenoms) between 1 and 150 and prenoms = btrim(prenoms)),
  date_naissance date not null,
  lieu_naissance text not null
    check (char_length(lieu_naissance) between 1 and 150 and lieu_naissance = btrim(lieu_naissance)),
  nationalite text not null check (nationalite ~ '^[A-Z]{2}$'),
  -- Usual home address (domicile habituel).
  adresse text not null check (char_length(adresse) between 1 and 200 and adresse = btrim(adresse)),
  code_postal text check (char_length(code_postal) between 1 and 20 and code_postal = btrim(code_postal)),
  ville text not null check (char_length(ville) between 1 and 100 and ville = btrim(ville)),
  pays text not null check (pays ~ '^[A-Z]{2}$'),
  telephone text not null check (
    telephone ~ '^\+?[0-9 ().-]{6,25}$'
    and char_length(regexp_replace(telephone, '[^0-9]', '', 'g')) between 6 and 15
  ),
  email text not null check (char_length(email) <= 254 and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  date_arrivee date not null,
  date_depart date not null,
  -- Children under 15 travelling with this adult, written on this form.
  enfants_moins_15 smallint not null default 0 check (enfants_moins_15 between 0 and 20),
  -- The language the guest filled the form in (the printout has both anyway).
  langue text not null default 'fr' check (langue in ('fr', 'en')),
  created_at timestamptz not null default now(),
  constraint police_forms_dates_check check (date_depart > date_arrivee),
  -- Born after 1900 and 15 or older on arrival: a younger child is on an adult's form.
  constraint police_forms_birth_check check (
    date_naissance >= date '1900-01-01'
    and date_naissance <= (date_arrivee - interval '15 years')::date
  ),
  constraint police_forms_nationality_check check (
    nationalite = any (public.police_form_countries())
    and not (nationalite = any (public.police_form_french_territories()))
  ),
  constraint police_forms_country_check check (pays = any (public.police_form_countries())),
  constraint police_forms_reservation_fkey foreign key (reservation_id, owner_user_id)
    references public.reservations (id, owner_user_id) on delete cascade,
  constraint police_forms_submission_key unique (reservation_id, submission_id)
);
alter table public.police_forms enable row level security;

comment on table public.police_forms is
  'Fiches individuelles de police (CESEDA R.814-1): written by guests through submit_police_form, read by their owner, deleted 6 months after departure by purge_police_forms.';

-- The owner's list (newest first) and the 6-month purge (across owners, by date).
create index police_forms_owner_created_idx
  on public.police_forms (owner_user_id, created_at desc, id desc);
create index police_forms_date_depart_idx on public.police_forms (date_depart);

create policy "Owners read their police forms" on public.police_forms
  for select to authenticated using ((select auth.uid()) = owner_user_id);
create policy "Owners delete their police forms" on public.police_forms
  for delete to authenticated using ((select auth.uid()) = owner_user_id);

revoke all on table public.police_forms from anon, authenticated;
grant select, delete on table public.police_forms to authenticated;
grant select, insert, update, delete on table public.police_forms to service_role;

-- =============================================================================
-- The guest's submission (anonymous, token-checked)
-- =============================================================================
-- submit_police_form(token, submission_id, form) records one guest's form for
-- the token's stay and answers 'recorded' (or 'already_recorded' for a
-- submission id it has seen for that stay). Nothing stored is ever returned.
--
-- Refusals, as PostgREST errors (the guest page maps `hint`, and `details`
-- for a field, to its French and English messages; `message` is French):
--   28000 (HTTP 403) hint 'token_unknown' — no sheet has this token;
--   28000 (HTTP 403) hint 'token_closed' — the sheet is revoked, expired or
--     not open yet, or its stay is cancelled;
--   22023 (HTTP 400) details <field> hint <reason> — a field is missing or
--     wrong ('required', 'too_long', 'invalid', 'too_young', 'french',
--     'outside_stay', 'before_arrival');
--   P0001 (HTTP 400) hint 'too_many_forms' — the stay has reached the cap.
--
-- `form` is a JSON object: nom, prenoms, date_naissance (YYYY-MM-DD),
-- lieu_naissance, nationalite (ISO code), adresse, code_postal (optional),
-- ville, pays (ISO code), telephone, email, date_arrivee, date_depart,
-- enfants_moins_15 (0–20, optional), langue ('fr' | 'en', optional).
create or replace function public.police_form_field_error(p_field text, p_reason text, p_message text)
returns void
language plpgsql
volatile
set search_path = ''
as $$
begin
  raise exception '%', p_message using errcode = '22023', detail = p_field, hint = p_reason;
end;
$$;

revoke all on function public.police_form_field_error(text, text, text)
  from public, anon, authenticated;

-- A trimmed text field: null when absent or blank; refused when longer than p_max.
create or replace function public.police_form_text(
  p_form jsonb,
  p_field text,
  p_label text,
  p_max integer,
  p_required boolean default true
)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_value jsonb := p_form -> p_field;
  v_text text;
begin
  if v_value is not null and jsonb_typeof(v_value) not in ('string', 'number', 'null') then
    perform public.police_form_field_error(p_field, 'invalid', p_label || ' : valeur illisible.');
  end if;
  v_text := nullif(btrim(p_form ->> p_field), '');
  if v_text is null and p_required then
    perform public.police_form_field_error(p_field, 'required', p_label || ' : champ obligatoire.');
  end if;
  if char_length(v_text) > p_max then
    perform public.police_form_field_error(p_field, 'too_long',
      format('%s : %s caractères au plus.', p_label, p_max));
  end if;
  return v_text;
end;
$$;

revoke all on function public.police_form_text(jsonb, text, text, integer, boolean)
  from public, anon, authenticated;

-- A calendar day written YYYY-MM-DD (and a real one: no 31 February).
create or replace function public.police_form_date(p_form jsonb, p_field text, p_label text)
returns date
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_text text := public.police_form_text(p_form, p_field, p_label, 10);
begin
  if v_text !~ '^\d{4}-\d{2}-\d{2}$' then
    perform public.police_form_field_error(p_field, 'invalid', p_label || ' : date invalide.');
  end if;
  begin
    return v_text::date;
  exception when others then
    perform public.police_form_field_error(p_field, 'invalid', p_label || ' : date invalide.');
  end;
  return null;
end;
$$;

revoke all on function public.police_form_date(jsonb, text, text) from public, anon, authenticated;

create or replace function public.submit_police_form(
  p_token text,
  p_submission_id uuid,
  p_form jsonb
)
returns text
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  -- Forms a stay can hold: a large group gîte's adults, with room for a few mistakes.
  c_max_forms constant integer := 40;
  v_sheet public.client_access_tokens;
  v_stay public.reservations;
  v_now timestamptz := now();
  v_nom text;
  v_prenoms text;
  v_naissance date;
  v_lieu text;
  v_nationalite text;
  v_adresse text;
  v_code_postal text;
  v_ville text;
  v_pays text;
  v_telephone text;
  v_email text;
  v_arrivee date;
  v_depart date;
  v_enfants_text text;
  v_enfants integer;
  v_langue text;
  v_count integer;
begin
  -- The token first: nothing about the form is looked at for a wrong one.
  if p_token is not null and length(p_token) <= 128 then
    select t.* into v_sheet from public.client_access_tokens t
    where t.token_hash = public.access_token_hash(p_token);
  end if;
  if v_sheet.id is null then
    raise exception 'Lien inconnu.' using errcode = '28000', hint = 'token_unknown';
  end if;
  -- One submission at a time per sheet: the cap and the retry check below see each other.
  perform 1 from public.client_access_tokens t where t.id = v_sheet.id for update;
  select r.* into v_stay from public.reservations r where r.id = v_sheet.reservation_id;
  if v_sheet.revoked_at is not null or v_stay.status is distinct from 'confirmed'
     or v_now >= v_sheet.valid_until or v_now < v_sheet.valid_from then
    raise exception 'Ce lien n’est plus valable.' using errcode = '28000', hint = 'token_closed';
  end if;

  if p_submission_id is null then
    perform public.police_form_field_error('submission_id', 'required',
      'Identifiant d’envoi manquant.');
  end if;
  -- A retry of a submission already recorded: the same answer, nothing written.
  if exists (
    select 1 from public.police_forms f
    where f.reservation_id = v_stay.id and f.submission_id = p_submission_id
  ) then
    return 'already_recorded';
  end if;
  if p_form is null or jsonb_typeof(p_form) <> 'object' then
    perform public.police_form_field_error('form', 'invalid', 'Formulaire illisible.');
  end if;

  v_nom := public.police_form_text(p_form, 'nom', 'Nom', 100);
  v_prenoms := public.police_form_text(p_form, 'prenoms', 'Prénoms', 150);
  v_naissance := public.police_form_date(p_form, 'date_naissance', 'Date de naissance');
  v_lieu := public.police_form_text(p_form, 'lieu_naissance', 'Lieu de naissance', 150);
  v_nationalite := upper(public.police_form_text(p_form, 'nationalite', 'Nationalité', 2));
  v_adresse := public.police_form_text(p_form, 'adresse', 'Adresse', 200);
  v_code_postal := public.police_form_text(p_form, 'code_postal', 'Code postal', 20, false);
  v_ville := public.police_form_text(p_form, 'ville', 'Ville', 100);
  v_pays := upper(public.police_form_text(p_form, 'pays', 'Pays de résidence', 2));
  v_telephone := public.police_form_text(p_form, 'telephone', 'Téléphone mobile', 25);
  v_email := public.police_form_text(p_form, 'email', 'E-mail', 254);
  v_arrivee := public.police_form_date(p_form, 'date_arrivee', 'Date d’arrivée');
  v_depart := public.police_form_date(p_form, 'date_depart', 'Date de départ prévue');
  v_enfants_text := coalesce(public.police_form_text(p_form, 'enfants_moins_15',
    'Enfants de moins de 15 ans', 2, false), '0');
  v_langue := coalesce(public.police_form_text(p_form, 'langue', 'Langue', 2, false), 'fr');

  if v_naissance < date '1900-01-01' or v_naissance > current_date then
    perform public.police_form_field_error('date_naissance', 'invalid',
      'Date de naissance : date invalide.');
  end if;
  if not (v_nationalite = any (public.police_form_countries())) then
    perform public.police_form_field_error('nationalite', 'invalid', 'Nationalité inconnue.');
  end if;
  if v_nationalite = any (public.police_form_french_territories()) then
    perform public.police_form_field_error('nationalite', 'french',
      'Les voyageurs de nationalité française n’ont pas de fiche de police à remplir.');
  end if;
  if not (v_pays = any (public.police_form_countries())) then
    perform public.police_form_field_error('pays', 'invalid', 'Pays de résidence inconnu.');
  end if;
  if v_telephone !~ '^\+?[0-9 ().-]{6,25}$'
     or char_length(regexp_replace(v_telephone, '[^0-9]', '', 'g')) not between 6 and 15 then
    perform public.police_form_field_error('telephone', 'invalid',
      'Téléphone mobile : numéro invalide (chiffres, espaces, + au début).');
  end if;
  if v_email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
    perform public.police_form_field_error('email', 'invalid', 'E-mail : adresse invalide.');
  end if;
  if v_arrivee < v_stay.date_debut or v_arrivee >= v_stay.date_fin then
    perform public.police_form_field_error('date_arrivee', 'outside_stay',
      format('Date d’arrivée : entre le %s et le %s.',
        to_char(v_stay.date_debut, 'DD/MM/YYYY'), to_char(v_stay.date_fin - 1, 'DD/MM/YYYY')));
  end if;
  if v_depart <= v_arrivee then
    perform public.police_form_field_error('date_depart', 'before_arrival',
      'Date de départ : après la date d’arrivée.');
  end if;
  if v_depart > v_stay.date_fin then
    perform public.police_form_field_error('date_depart', 'outside_stay',
      format('Date de départ : le %s au plus tard.', to_char(v_stay.date_fin, 'DD/MM/YYYY')));
  end if;
  if v_naissance > (v_arrivee - interval '15 years')::date then
    perform public.police_form_field_error('date_naissance', 'too_young',
      'Un enfant de moins de 15 ans figure sur la fiche d’un adulte qui l’accompagne.');
  end if;
  if v_enfants_text !~ '^\d{1,2}$' or v_enfants_text::integer > 20 then
    perform public.police_form_field_error('enfants_moins_15', 'invalid',
      'Enfants de moins de 15 ans : un nombre de 0 à 20.');
  end if;
  v_enfants := v_enfants_text::integer;
  if v_langue not in ('fr', 'en') then
    perform public.police_form_field_error('langue', 'invalid', 'Langue inconnue (fr ou en).');
  end if;

  select count(*) into v_count from public.police_forms f where f.reservation_id = v_stay.id;
  if v_count >= c_max_forms then
    raise exception 'Ce séjour a déjà % fiches de police : contactez votre hôte.', c_max_forms
      using errcode = 'P0001', hint = 'too_many_forms';
  end if;

  insert into public.police_forms (
    owner_user_id, reservation_id, submission_id, nom, prenoms, date_naissance,
    lieu_naissance, nationalite, adresse, code_postal, ville, pays, telephone, email,
    date_arrivee, date_depart, enfants_moins_15, langue
  ) values (
    v_stay.owner_user_id, v_stay.id, p_submission_id, v_nom, v_prenoms, v_naissance,
    v_lieu, v_nationalite, v_adresse, v_code_postal, v_ville, v_pays, v_telephone, v_email,
    v_arrivee, v_depart, v_enfants, v_langue
  )
  on conflict (reservation_id, submission_id) do nothing;
  return case when found then 'recorded' else 'already_recorded' end;
end;
$$;

comment on function public.submit_police_form(text, uuid, jsonb) is
  'Anonymous: a guest''s police form for the stay of a welcome-sheet token (answers an acknowledgement only).';

revoke all on function public.submit_police_form(text, uuid, jsonb) from public, anon, authenticated;
grant execute on function public.submit_police_form(text, uuid, jsonb) to anon;

-- =============================================================================
-- Deletion 6 months after departure
-- =============================================================================
-- A form is kept until 6 months after its planned departure (a Paris day),
-- then deleted, across owners, in one statement. Returns how many went.
create or replace function public.purge_police_forms()
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_count integer;
begin
  delete from public.police_forms f
  where f.date_depart < ((now() at time zone 'Europe/Paris')::date - interval '6 months')::date;
  get diagnostics v_count = row_count;
  return v_count;
end;
$$;

revoke all on function public.purge_police_forms() from public, anon, authenticated;
grant execute on function public.purge_police_forms() to service_role;

-- Schedule (pg_cron where available, as 20261125000900; the local stack's
-- runner calls purge_police_forms() with its other minute jobs).
do $migration$
begin
  if not exists (select 1 from pg_catalog.pg_available_extensions where name = 'pg_cron') then
    raise notice 'pg_cron is not available: the police forms purge is left to the host.';
    return;
  end if;
  create extension if not exists pg_cron;
  -- 02:40 UTC daily: a form goes within a day of its 6 months.
  perform cron.schedule('lou-purge-police-forms', '40 2 * * *',
    'select public.purge_police_forms()');
end
$migration$;
