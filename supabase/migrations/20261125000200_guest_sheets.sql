-- =============================================================================
-- Guest welcome sheets ("fiches clients", issue 6, items 3–4)
--
-- The owner makes a secret link for a stay (/g/<token>); the guest opens it
-- with no account. The tables are in 20261123000300 (client_access_tokens and
-- the infos_gites_* / activites_gites tables). Here:
--
--   * owners write their sheet links only through functions: the token is
--     made by the database (192 random bits), only its sha-256 is stored, the
--     raw token is returned once, at creation;
--   * guest_sheet(token), the ONE thing the anon role can call for a sheet:
--     that stay's gîte information and the guest's first name, nothing else.
--
-- Plain SQL, runs unchanged on hosted Supabase (PG 15+).
-- =============================================================================

-- =============================================================================
-- Writes go through the functions below
-- =============================================================================
-- An owner could otherwise insert a hash of a token of their choosing (a weak
-- one), or reset first_opened_at / open_count. Reading their own links (the
-- list page) stays a plain RLS-checked select.
drop policy "Owners add their guest sheet links" on public.client_access_tokens;
drop policy "Owners edit their guest sheet links" on public.client_access_tokens;
drop policy "Owners delete their guest sheet links" on public.client_access_tokens;
revoke insert, update, delete on table public.client_access_tokens from authenticated;

-- One live (not revoked) link per stay: a new one replaces the old.
create unique index client_access_tokens_one_live_per_reservation
  on public.client_access_tokens (reservation_id) where revoked_at is null;

-- =============================================================================
-- Validity
-- =============================================================================
-- Days are the gîte's days (Europe/Paris): a sheet valid "from the 11th to the
-- 15th" opens at 00:00 on the 11th and closes at 24:00 on the 15th, Paris time.
-- Default: 3 days before arrival until the day after departure (inclusive),
-- the same rule as src/features/guest-sheets/validity.ts shows in the form.
create or replace function public.guest_sheet_window(
  p_date_debut date,
  p_date_fin date,
  p_from date,
  p_until date
)
returns table (valid_from timestamptz, valid_until timestamptz)
language plpgsql
stable
set search_path = ''
as $$
declare
  v_from date := coalesce(p_from, p_date_debut - 3);
  v_until date := coalesce(p_until, p_date_fin + 1);
begin
  if v_until < v_from then
    raise exception 'La fin de validité doit suivre le début.' using errcode = '22023';
  end if;
  if v_until - v_from > 366 then
    raise exception 'Un lien est valable un an au plus.' using errcode = '22023';
  end if;
  valid_from := v_from::timestamp at time zone 'Europe/Paris';
  valid_until := (v_until + 1)::timestamp at time zone 'Europe/Paris';
  return next;
end;
$$;

revoke all on function public.guest_sheet_window(date, date, date, date)
  from public, anon, authenticated;
grant execute on function public.guest_sheet_window(date, date, date, date) to service_role;

-- =============================================================================
-- Owner functions: create (or replace), regenerate, revoke
-- =============================================================================
-- What the owner gets back once: the sheet and its raw token. The token is
-- never readable again (only its hash is kept): to send the link again after
-- losing it, the owner regenerates it.
create or replace function public.create_guest_sheet(
  p_reservation_id uuid,
  p_langue text default 'fr',
  p_valid_from date default null,
  p_valid_until date default null
)
returns table (
  id uuid,
  token text,
  langue text,
  valid_from timestamptz,
  valid_until timestamptz
)
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_owner uuid := (select auth.uid());
  v_stay public.reservations;
  v_window record;
  v_token text;
begin
  select r.* into v_stay from public.reservations r
  where r.id = p_reservation_id and r.owner_user_id = v_owner;
  if v_owner is null or v_stay.id is null then
    raise exception 'Réservation introuvable.' using errcode = 'P0002';
  end if;
  if v_stay.status <> 'confirmed' then
    raise exception 'Une fiche client ne se crée que pour un séjour confirmé.'
      using errcode = '22023';
  end if;
  if p_langue is null or p_langue not in ('fr', 'en') then
    raise exception 'Langue inconnue (fr ou en).' using errcode = '22023';
  end if;
  select * into v_window
  from public.guest_sheet_window(v_stay.date_debut, v_stay.date_fin, p_valid_from, p_valid_until);

  -- The previous link of this stay, if any, stops working now.
  update public.client_access_tokens t set revoked_at = now()
  where t.reservation_id = v_stay.id and t.revoked_at is null;

  -- 24 random bytes = 192 bits, URL-safe base64 without padding: 32 characters.
  v_token := translate(encode(extensions.gen_random_bytes(24), 'base64'), '+/', '-_');
  return query
  insert into public.client_access_tokens as t
    (owner_user_id, reservation_id, token_hash, langue, valid_from, valid_until)
  values (
    v_owner, v_stay.id, pg_catalog.sha256(pg_catalog.convert_to(v_token, 'UTF8')), p_langue,
    v_window.valid_from, v_window.valid_until
  )
  returning t.id, v_token, t.langue, t.valid_from, t.valid_until;
end;
$$;

revoke all on function public.create_guest_sheet(uuid, text, date, date)
  from public, anon, authenticated;
grant execute on function public.create_guest_sheet(uuid, text, date, date) to authenticated;

-- A new token for a sheet of the owner's (same stay, language and validity
-- unless given); the old token is dead from now on.
create or replace function public.regenerate_guest_sheet(
  p_sheet_id uuid,
  p_langue text default null,
  p_valid_from date default null,
  p_valid_until date default null
)
returns table (
  id uuid,
  token text,
  langue text,
  valid_from timestamptz,
  valid_until timestamptz
)
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_sheet public.client_access_tokens;
begin
  select t.* into v_sheet from public.client_access_tokens t
  where t.id = p_sheet_id and t.owner_user_id = (select auth.uid());
  if v_sheet.id is null then
    raise exception 'Fiche client introuvable.' using errcode = 'P0002';
  end if;
  return query
  select * from public.create_guest_sheet(
    v_sheet.reservation_id,
    coalesce(p_langue, v_sheet.langue),
    coalesce(p_valid_from, (v_sheet.valid_from at time zone 'Europe/Paris')::date),
    coalesce(p_valid_until, (v_sheet.valid_until at time zone 'Europe/Paris')::date - 1)
  );
end;
$$;

revoke all on function public.regenerate_guest_sheet(uuid, text, date, date)
  from public, anon, authenticated;
grant execute on function public.regenerate_guest_sheet(uuid, text, date, date) to authenticated;

-- Ends a sheet of the owner's now. Revoking twice keeps the first time.
create or replace function public.revoke_guest_sheet(p_sheet_id uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  update public.client_access_tokens t
    set revoked_at = coalesce(t.revoked_at, now())
  where t.id = p_sheet_id and t.owner_user_id = (select auth.uid());
  if not found then
    raise exception 'Fiche client introuvable.' using errcode = 'P0002';
  end if;
end;
$$;

revoke all on function public.revoke_guest_sheet(uuid) from public, anon, authenticated;
grant execute on function public.revoke_guest_sheet(uuid) to authenticated;

-- =============================================================================
-- The guest's sheet (anonymous, token-checked)
-- =============================================================================
-- guest_sheet(token) answers, as jsonb:
--
--   null — no sheet has this token. Nothing says whether it "almost" matched:
--     the lookup is by sha-256 of the token (a one-character change gives an
--     unrelated hash), through a unique index, so neither the answer nor the
--     time it takes depends on how close a guess is.
--   {"status": "expired" | "revoked" | "not_yet", "langue", "contact"} — a
--     sheet that is past its end, revoked (or its stay cancelled), or not open
--     yet: only what the "link no longer valid" page needs, the owner's
--     contact; no stay, no gîte details.
--   {"status": "ok", …} — the stay's gîte information (core, wifi, house
--     instructions in French and English, equipment, contacts, activities),
--     the stay's dates and the guest's first name. Never another stay, never
--     the owner's account, the guest's surname, e-mail, phone or the amount.
--
-- Each successful opening is recorded (first_opened_at, last_opened_at,
-- open_count; at most one write a minute per sheet, so a guest reloading does
-- not write every time). No IP or user agent is stored anywhere.
--
-- The anon role has no grant on any of these tables: this function (security
-- definer, empty search_path, every name qualified) is all it can reach.
create or replace function public.guest_sheet(p_token text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_sheet public.client_access_tokens;
  v_stay public.reservations;
  v_status text;
  v_contact jsonb;
  v_now timestamptz := now();
begin
  -- Our tokens are 32 characters; anything far longer is not worth hashing.
  if p_token is null or length(p_token) > 128 then
    return null;
  end if;
  select t.* into v_sheet from public.client_access_tokens t
  where t.token_hash = pg_catalog.sha256(pg_catalog.convert_to(p_token, 'UTF8'));
  if v_sheet.id is null then
    return null;
  end if;
  select r.* into v_stay from public.reservations r where r.id = v_sheet.reservation_id;

  v_status := case
    when v_sheet.revoked_at is not null or v_stay.status <> 'confirmed' then 'revoked'
    when v_now >= v_sheet.valid_until then 'expired'
    when v_now < v_sheet.valid_from then 'not_yet'
    else 'ok'
  end;

  -- The owner's contact: their "propriétaire" contact for this gîte, else the
  -- gîte's emergency phone and contact e-mail.
  select jsonb_build_object(
      'nom', p.nom,
      'telephone', coalesce(p.telephone, c.telephone_urgence),
      'email', c.email_contact
    )
    into v_contact
  from (select 1) as one
  left join public.infos_gites_core c on c.gite_id = v_stay.gite_id
  left join lateral (
    select x.nom, x.telephone from public.infos_gites_contacts x
    where x.gite_id = v_stay.gite_id and x.type = 'proprietaire'
    order by x.ordre, x.created_at limit 1
  ) p on true;

  if v_status <> 'ok' then
    return jsonb_build_object('status', v_status, 'langue', v_sheet.langue, 'contact', v_contact);
  end if;

  update public.client_access_tokens t
    set first_opened_at = coalesce(t.first_opened_at, v_now),
        last_opened_at = v_now,
        open_count = t.open_count + 1
  where t.id = v_sheet.id
    and (t.last_opened_at is null or t.last_opened_at < v_now - interval '1 minute');

  return jsonb_build_object(
    'status', 'ok',
    'langue', v_sheet.langue,
    'valid_until', v_sheet.valid_until,
    'contact', v_contact,
    'guest', jsonb_build_object(
      'prenom', nullif(split_part(btrim(coalesce(v_stay.client_nom, '')), ' ', 1), '')
    ),
    'stay', jsonb_build_object('arrivee', v_stay.date_debut, 'depart', v_stay.date_fin),
    'gite', (
      select jsonb_build_object(
        'nom', coalesce(c.nom, g.nom),
        'adresse', c.adresse_complete,
        'latitude', c.latitude,
        'longitude', c.longitude,
        'telephone_urgence', c.telephone_urgence,
        'email_contact', c.email_contact
      )
      from public.gites g
      left join public.infos_gites_core c on c.gite_id = g.id
      where g.id = v_stay.gite_id
    ),
    'wifi', (
      select jsonb_build_object(
        'ssid', w.ssid,
        'password', w.wifi_password,
        'securite', w.securite,
        'debit', w.debit_approximatif,
        'localisation_box', w.localisation_box,
        'zones', to_jsonb(w.zones_reception)
      )
      from public.infos_gites_wifi w where w.gite_id = v_stay.gite_id
    ),
    'consignes', coalesce((
      select jsonb_object_agg(x.langue, jsonb_build_object(
        'arrivee', x.consignes_arrivee,
        'sejour', x.consignes_sejour,
        'sortie', x.consignes_sortie,
        'code_acces', x.code_acces,
        'horaire_arrivee', to_char(x.horaire_arrivee, 'HH24:MI'),
        'horaire_depart', to_char(x.horaire_depart, 'HH24:MI'),
        'parking', x.instructions_parking
      ))
      from public.infos_gites_consignes x where x.gite_id = v_stay.gite_id
    ), '{}'::jsonb),
    'equipements', (
      select jsonb_build_object(
        'chauffage', e.chauffage,
        'cuisine', e.cuisine,
        'multimedia', e.multimedia,
        'exterieur', e.exterieur,
        'divers', e.divers
      )
      from public.infos_gites_equipements e where e.gite_id = v_stay.gite_id
    ),
    'contacts', coalesce((
      select jsonb_agg(jsonb_build_object(
        'type', x.type,
        'nom', x.nom,
        'telephone', x.telephone,
        'adresse', x.adresse,
        'disponibilite', x.disponibilite
      ) order by x.type = 'urgence' desc, x.ordre, x.created_at)
      from public.infos_gites_contacts x where x.gite_id = v_stay.gite_id
    ), '[]'::jsonb),
    'activites', coalesce((
      select jsonb_agg(jsonb_build_object(
        'nom', a.nom,
        'categorie', a.categorie,
        'description', a.description,
        'adresse', a.adresse,
        'distance_km', a.distance_km,
        'url', a.url,
        'telephone', a.telephone
      ) order by a.distance_km nulls last, a.ordre, a.nom)
      from (
        select * from public.activites_gites a0 where a0.gite_id = v_stay.gite_id
        order by a0.distance_km nulls last, a0.ordre, a0.nom
        limit 100
      ) a
    ), '[]'::jsonb)
  );
end;
$$;

comment on function public.guest_sheet(text) is
  'Anonymous: the welcome sheet at /g/<token> (token-checked by its sha-256).';

revoke all on function public.guest_sheet(text) from public, anon, authenticated;
grant execute on function public.guest_sheet(text) to anon, authenticated, service_role;
