-- =============================================================================
-- Legacy infos_gites → the five infos_gites_* tables (plan, action 1.1.1)
--
-- The old app kept everything a guest needs in one 119-column row per gîte,
-- `public.infos_gites`. This file adds, in a schema PostgREST does not expose:
--
--   legacy_migration.migrate_infos_gites(source regclass default null)
--       copies every legacy row into infos_gites_core / _wifi / _consignes /
--       _equipements / _contacts and returns one report row per legacy row;
--   legacy_migration.infos_gites_state
--       what each gîte's last run did (source hash, status, reason).
--
-- and runs it once at the end of this migration when `public.infos_gites`
-- exists. The schema of this project has no such table (it was never created
-- here), so on a fresh database — and in the local stack — the migration only
-- defines the function: a no-op. On a database restored from the old app, an
-- operator re-runs it with
--
--     select * from legacy_migration.migrate_infos_gites();
--
-- (as `postgres`; no API role can call it), e.g. once more right before the
-- old app is switched off, to pick up what owners typed there meanwhile.
--
-- Idempotent. A legacy row whose content (md5 of the whole row) is the one the
-- last successful run copied is skipped without a single write ('unchanged').
-- A changed row is copied again; each upsert only touches a row whose values
-- differ, so a change in the wifi password rewrites the wifi row and nothing
-- else. Until the switch the legacy table is the source of truth: re-copying a
-- changed legacy row overwrites the same fields edited in the new editor for
-- that gîte (gîtes whose legacy row did not change are never touched). The
-- migration never deletes: contacts or an English row the owner added in the
-- new editor stay, and a value emptied in the legacy row leaves the new row
-- as it was.
--
-- Bad legacy values (text longer than the new checks allow, a latitude of 123
-- or 'abc', an arrival time that is no time, an unknown wifi security, a gîte
-- that no longer exists or has another owner): that gîte is skipped and
-- reported, its five tables untouched, and the other gîtes are migrated. Each
-- gîte is written in its own subtransaction (a plpgsql block with an exception
-- handler), so a gîte is copied whole or not at all. Why not one transaction
-- for the whole run: with 70,000 owners one owner's 201-character name would
-- block everyone's migration, and the report already names the few rows to fix
-- by hand before re-running (skipped rows are retried at every run).
--
-- The legacy shape (derived from the plan's five tables and its
-- `INSERT ... SELECT gite_id, owner_user_id, nom, adresse, ...`): one row per
-- gîte, keyed by gite_id, with
--   core        nom, adresse, latitude, longitude, telephone_urgence, email_contact
--   wifi        wifi_ssid, wifi_password, wifi_securite (WPA/WPA2/WPA3/WEP/aucune…),
--               wifi_debit, wifi_localisation_box, wifi_zones_reception (text
--               "salon, chambre 1" or text[]), wifi_qr_code_url (dropped: the
--               guest page draws the QR code from the SSID and password)
--   consignes   consignes_arrivee, consignes_sejour, consignes_sortie,
--               instructions_parking and their *_en English versions;
--               code_acces, horaire_arrivee, horaire_depart shared by both
--               languages (text: '16:00', '16h', '16h30' or a time)
--   équipements one column per appliance or feature, grouped by section below
--               (text how-tos, or booleans / 'oui'/'non')
--   contacts    <type>_nom, <type>_telephone, <type>_adresse, <type>_horaires
--               for medecin, pharmacie, hopital, veterinaire, plombier,
--               electricien, taxi, gardien
-- Columns are read by name from to_jsonb(row): a column the real table lacks
-- reads as empty, and columns not listed here are not copied (the report of a
-- real run should be checked against the table's actual column list).
-- =============================================================================

create schema if not exists legacy_migration;
revoke all on schema legacy_migration from public, anon, authenticated, service_role;

comment on schema legacy_migration is
  'One-off copy of the legacy infos_gites table into the infos_gites_* tables; not exposed by the API.';

-- =============================================================================
-- The equipment sections' JSON shape (shared with the editor and the guest page)
-- =============================================================================
comment on column public.infos_gites_equipements.chauffage is
  'Section "Chauffage": {"items": [{"nom": text, "mode_emploi": text}, ...]} in the owner''s order.';
comment on column public.infos_gites_equipements.cuisine is
  'Section "Cuisine": {"items": [{"nom": text, "mode_emploi": text}, ...]} in the owner''s order.';
comment on column public.infos_gites_equipements.multimedia is
  'Section "Multimédia": {"items": [{"nom": text, "mode_emploi": text}, ...]} in the owner''s order.';
comment on column public.infos_gites_equipements.exterieur is
  'Section "Extérieur": {"items": [{"nom": text, "mode_emploi": text}, ...]} in the owner''s order.';
comment on column public.infos_gites_equipements.divers is
  'Section "Divers": {"items": [{"nom": text, "mode_emploi": text}, ...]} in the owner''s order.';

-- =============================================================================
-- legacy_migration.infos_gites_state: what the last run did, per gîte
-- =============================================================================
create table legacy_migration.infos_gites_state (
  gite_id uuid primary key references public.gites (id) on delete cascade,
  -- md5 of the legacy row (to_jsonb) the last run read.
  source_hash text not null,
  status text not null check (status in ('migrated', 'skipped')),
  -- Why a gîte was skipped (null when migrated).
  detail text,
  updated_at timestamptz not null default now()
);
alter table legacy_migration.infos_gites_state enable row level security;
revoke all on table legacy_migration.infos_gites_state from public, anon, authenticated, service_role;

-- =============================================================================
-- Helpers (pure): legacy text → new types
-- =============================================================================

-- '' and whitespace → null, otherwise the text trimmed.
create or replace function legacy_migration.clean_text(value text)
returns text
language sql
immutable
set search_path = ''
as $$
  select nullif(btrim(value), '')
$$;

-- '16:00', '16:00:00', '16h', '16h30', '16 h 30' → time; '' → null; anything
-- else raises 22007 (invalid_datetime_format), which skips the gîte.
create or replace function legacy_migration.parse_time(value text)
returns time
language plpgsql
immutable
set search_path = ''
as $$
declare
  cleaned text := lower(regexp_replace(coalesce(value, ''), '\s', '', 'g'));
  parts text[];
begin
  if cleaned = '' then
    return null;
  end if;
  parts := regexp_match(cleaned, '^([01]?[0-9]|2[0-3])(?:[:h]([0-5][0-9])?(?::([0-5][0-9]))?)?$');
  if parts is null then
    raise exception using errcode = '22007', message = format('horaire illisible : %s', value);
  end if;
  return make_time(parts[1]::int, coalesce(parts[2], '0')::int, coalesce(parts[3], '0')::double precision);
end;
$$;

-- A legacy équipement value as the guest reads it: text as is, booleans and
-- 'oui'/'non' flags as « Oui » / « Non »; empty → null (item left out).
create or replace function legacy_migration.equipment_text(value jsonb)
returns text
language sql
immutable
set search_path = ''
as $$
  select case
    when value is null or jsonb_typeof(value) = 'null' then null
    when jsonb_typeof(value) = 'boolean' then case when value::text = 'true' then 'Oui' else 'Non' end
    when lower(btrim(value #>> '{}')) in ('true', 't', 'oui', 'o', 'yes', '1') then 'Oui'
    when lower(btrim(value #>> '{}')) in ('false', 'f', 'non', 'n', 'no', '0') then 'Non'
    else nullif(btrim(value #>> '{}'), '')
  end
$$;

-- {"items": [...]} from the legacy row's columns of one section, in the order
-- given ([column, label] pairs); null when none of them holds anything.
create or replace function legacy_migration.equipment_section(legacy jsonb, columns text[])
returns jsonb
language sql
immutable
set search_path = ''
as $$
  select case when count(*) = 0 then null
    else jsonb_build_object('items', jsonb_agg(
      jsonb_build_object('nom', c.label, 'mode_emploi', c.how_to) order by c.n))
    end
  from (
    select i.n, columns[i.n][2] as label,
           legacy_migration.equipment_text(legacy -> columns[i.n][1]) as how_to
    from generate_subscripts(columns, 1) as i(n)
  ) c
  where c.how_to is not null
$$;

-- 'salon, chambre 1; terrasse' or a text[] → '{salon,"chambre 1",terrasse}'.
create or replace function legacy_migration.zones(value jsonb)
returns text[]
language sql
immutable
set search_path = ''
as $$
  select coalesce(array_agg(z order by n) filter (where z is not null), '{}')
  from (
    select legacy_migration.clean_text(t) as z, n
    from unnest(case
      when value is null or jsonb_typeof(value) = 'null' then '{}'::text[]
      when jsonb_typeof(value) = 'array' then array(select jsonb_array_elements_text(value))
      else regexp_split_to_array(value #>> '{}', '\s*[,;\n]\s*')
    end) with ordinality as u(t, n)
  ) zs
$$;

-- =============================================================================
-- legacy_migration.migrate_infos_gites
-- =============================================================================
create or replace function legacy_migration.migrate_infos_gites(source regclass default null)
returns table (gite_id uuid, status text, detail text)
language plpgsql
set search_path = ''
as $$
#variable_conflict use_column
declare
  src regclass := coalesce(source, to_regclass('public.infos_gites'));
  legacy jsonb;
  hash text;
  v_gite uuid;
  v_owner uuid;
  previous legacy_migration.infos_gites_state;
  step text;
  wrote boolean;
  n integer;
  err_detail text;
  err_constraint text;
  -- Equipment sections: [legacy column, label shown to guests], in display order.
  chauffage_cols constant text[] := array[
    ['chauffage_type', 'Type de chauffage'], ['chauffage_mode_emploi', 'Chauffage'],
    ['thermostat', 'Thermostat'], ['climatisation', 'Climatisation'],
    ['cheminee', 'Cheminée / poêle']];
  cuisine_cols constant text[] := array[
    ['machine_cafe', 'Machine à café'], ['bouilloire', 'Bouilloire'],
    ['lave_vaisselle', 'Lave-vaisselle'], ['four', 'Four'], ['micro_ondes', 'Micro-ondes'],
    ['plaques_cuisson', 'Plaques de cuisson'], ['refrigerateur', 'Réfrigérateur'],
    ['grille_pain', 'Grille-pain']];
  multimedia_cols constant text[] := array[
    ['tv', 'Télévision'], ['box_tv', 'Box TV'], ['streaming_codes', 'Streaming'],
    ['console', 'Console de jeux']];
  exterieur_cols constant text[] := array[
    ['piscine', 'Piscine'], ['spa', 'Spa'], ['barbecue', 'Barbecue'], ['jardin', 'Jardin'],
    ['salon_jardin', 'Salon de jardin']];
  divers_cols constant text[] := array[
    ['machine_laver', 'Lave-linge'], ['seche_linge', 'Sèche-linge'],
    ['fer_repasser', 'Fer à repasser'], ['aspirateur', 'Aspirateur'], ['lit_bebe', 'Lit bébé'],
    ['animaux_acceptes', 'Animaux acceptés'], ['tri_dechets', 'Tri des déchets']];
  -- Contact groups: legacy prefix, contact type, name used when the legacy row has none.
  contact_types constant text[] := array[
    ['medecin', 'medecin', 'Médecin'], ['pharmacie', 'pharmacie', 'Pharmacie'],
    ['hopital', 'hopital', 'Hôpital'], ['veterinaire', 'veterinaire', 'Vétérinaire'],
    ['plombier', 'plombier', 'Plombier'], ['electricien', 'electricien', 'Électricien'],
    ['taxi', 'taxi', 'Taxi'], ['gardien', 'gardien', 'Gardien']];
  c integer;
  prefix text;
  contact_nom text;
  contact_tel text;
  contact_adresse text;
  contact_dispo text;
  has_content boolean;
  equip jsonb;
begin
  if src is null then
    raise notice 'legacy_migration: no legacy table public.infos_gites, nothing to migrate';
    return;
  end if;

  for legacy in execute format('select to_jsonb(l) from %s l order by l.gite_id', src) loop
    hash := md5(legacy::text);
    v_gite := nullif(legacy ->> 'gite_id', '')::uuid;
    select * into previous from legacy_migration.infos_gites_state s where s.gite_id = v_gite;

    -- Copied before, and the legacy row has not changed since: nothing to write.
    if previous.status = 'migrated' and previous.source_hash = hash then
      gite_id := v_gite; status := 'unchanged'; detail := null;
      return next;
      continue;
    end if;

    select g.owner_user_id into v_owner from public.gites g where g.id = v_gite;
    if v_owner is null
       or (legacy ? 'owner_user_id' and legacy ->> 'owner_user_id' is not null
           and (legacy ->> 'owner_user_id')::uuid <> v_owner) then
      gite_id := v_gite; status := 'skipped';
      detail := case when v_owner is null then 'gîte introuvable'
                     else 'le gîte appartient à un autre propriétaire' end;
      -- A gîte that does not exist cannot hold a state row (foreign key): reported only.
      if v_owner is not null then
        insert into legacy_migration.infos_gites_state as s (gite_id, source_hash, status, detail)
        values (v_gite, hash, 'skipped', detail)
        on conflict on constraint infos_gites_state_pkey do update
          set source_hash = excluded.source_hash, status = excluded.status,
              detail = excluded.detail, updated_at = now()
          where (s.source_hash, s.status, s.detail)
                is distinct from (excluded.source_hash, excluded.status, excluded.detail);
      end if;
      return next;
      continue;
    end if;

    wrote := false;
    begin
      -- ---- core ------------------------------------------------------------
      step := 'infos_gites_core';
      if coalesce(legacy_migration.clean_text(legacy ->> 'nom'), legacy_migration.clean_text(legacy ->> 'adresse'),
                  legacy_migration.clean_text(legacy ->> 'latitude'), legacy_migration.clean_text(legacy ->> 'longitude'),
                  legacy_migration.clean_text(legacy ->> 'telephone_urgence'),
                  legacy_migration.clean_text(legacy ->> 'email_contact')) is not null then
        insert into public.infos_gites_core as t
          (owner_user_id, gite_id, nom, adresse_complete, latitude, longitude, telephone_urgence, email_contact)
        values (v_owner, v_gite,
          legacy_migration.clean_text(legacy ->> 'nom'),
          legacy_migration.clean_text(legacy ->> 'adresse'),
          replace(legacy_migration.clean_text(legacy ->> 'latitude'), ',', '.')::numeric,
          replace(legacy_migration.clean_text(legacy ->> 'longitude'), ',', '.')::numeric,
          legacy_migration.clean_text(legacy ->> 'telephone_urgence'),
          legacy_migration.clean_text(legacy ->> 'email_contact'))
        on conflict (gite_id) do update
          set nom = excluded.nom, adresse_complete = excluded.adresse_complete,
              latitude = excluded.latitude, longitude = excluded.longitude,
              telephone_urgence = excluded.telephone_urgence, email_contact = excluded.email_contact
          where (t.nom, t.adresse_complete, t.latitude, t.longitude, t.telephone_urgence, t.email_contact)
                is distinct from (excluded.nom, excluded.adresse_complete, excluded.latitude,
                                  excluded.longitude, excluded.telephone_urgence, excluded.email_contact);
        get diagnostics n = row_count;
        wrote := wrote or n > 0;
      end if;

      -- ---- wifi ------------------------------------------------------------
      step := 'infos_gites_wifi';
      if coalesce(legacy_migration.clean_text(legacy ->> 'wifi_ssid'),
                  legacy_migration.clean_text(legacy ->> 'wifi_password'),
                  legacy_migration.clean_text(legacy ->> 'wifi_debit'),
                  legacy_migration.clean_text(legacy ->> 'wifi_localisation_box')) is not null
         or cardinality(legacy_migration.zones(legacy -> 'wifi_zones_reception')) > 0 then
        insert into public.infos_gites_wifi as t
          (owner_user_id, gite_id, ssid, wifi_password, securite, debit_approximatif, localisation_box, zones_reception)
        values (v_owner, v_gite,
          legacy_migration.clean_text(legacy ->> 'wifi_ssid'),
          legacy_migration.clean_text(legacy ->> 'wifi_password'),
          case
            when upper(legacy_migration.clean_text(legacy ->> 'wifi_securite')) like 'WPA%' then 'WPA'
            when upper(legacy_migration.clean_text(legacy ->> 'wifi_securite')) = 'WEP' then 'WEP'
            when lower(legacy_migration.clean_text(legacy ->> 'wifi_securite'))
                 in ('aucune', 'aucun', 'none', 'nopass', 'ouvert', 'open') then 'nopass'
            when legacy_migration.clean_text(legacy ->> 'wifi_securite') is null then
              case when legacy_migration.clean_text(legacy ->> 'wifi_password') is null then 'nopass' else 'WPA' end
            -- Unknown: the check constraint refuses it and the gîte is reported.
            else legacy ->> 'wifi_securite'
          end,
          legacy_migration.clean_text(legacy ->> 'wifi_debit'),
          legacy_migration.clean_text(legacy ->> 'wifi_localisation_box'),
          legacy_migration.zones(legacy -> 'wifi_zones_reception'))
        on conflict (gite_id) do update
          set ssid = excluded.ssid, wifi_password = excluded.wifi_password, securite = excluded.securite,
              debit_approximatif = excluded.debit_approximatif, localisation_box = excluded.localisation_box,
              zones_reception = excluded.zones_reception
          where (t.ssid, t.wifi_password, t.securite, t.debit_approximatif, t.localisation_box, t.zones_reception)
                is distinct from (excluded.ssid, excluded.wifi_password, excluded.securite,
                                  excluded.debit_approximatif, excluded.localisation_box, excluded.zones_reception);
        get diagnostics n = row_count;
        wrote := wrote or n > 0;
      end if;

      -- ---- consignes, fr then en -------------------------------------------
      step := 'infos_gites_consignes';
      for c in 1..2 loop
        prefix := case when c = 1 then '' else '_en' end;
        has_content := coalesce(
          legacy_migration.clean_text(legacy ->> ('consignes_arrivee' || prefix)),
          legacy_migration.clean_text(legacy ->> ('consignes_sejour' || prefix)),
          legacy_migration.clean_text(legacy ->> ('consignes_sortie' || prefix)),
          legacy_migration.clean_text(legacy ->> ('instructions_parking' || prefix)),
          -- The shared fields make a French row on their own, never an English one.
          case when c = 1 then coalesce(
            legacy_migration.clean_text(legacy ->> 'code_acces'),
            legacy_migration.clean_text(legacy ->> 'horaire_arrivee'),
            legacy_migration.clean_text(legacy ->> 'horaire_depart')) end) is not null;
        continue when not has_content;
        insert into public.infos_gites_consignes as t
          (owner_user_id, gite_id, langue, consignes_arrivee, consignes_sejour, consignes_sortie,
           code_acces, horaire_arrivee, horaire_depart, instructions_parking)
        values (v_owner, v_gite, case when c = 1 then 'fr' else 'en' end,
          legacy_migration.clean_text(legacy ->> ('consignes_arrivee' || prefix)),
          legacy_migration.clean_text(legacy ->> ('consignes_sejour' || prefix)),
          legacy_migration.clean_text(legacy ->> ('consignes_sortie' || prefix)),
          legacy_migration.clean_text(legacy ->> 'code_acces'),
          legacy_migration.parse_time(legacy ->> 'horaire_arrivee'),
          legacy_migration.parse_time(legacy ->> 'horaire_depart'),
          legacy_migration.clean_text(legacy ->> ('instructions_parking' || prefix)))
        on conflict (gite_id, langue) do update
          set consignes_arrivee = excluded.consignes_arrivee, consignes_sejour = excluded.consignes_sejour,
              consignes_sortie = excluded.consignes_sortie, code_acces = excluded.code_acces,
              horaire_arrivee = excluded.horaire_arrivee, horaire_depart = excluded.horaire_depart,
              instructions_parking = excluded.instructions_parking
          where (t.consignes_arrivee, t.consignes_sejour, t.consignes_sortie, t.code_acces,
                 t.horaire_arrivee, t.horaire_depart, t.instructions_parking)
                is distinct from (excluded.consignes_arrivee, excluded.consignes_sejour,
                                  excluded.consignes_sortie, excluded.code_acces, excluded.horaire_arrivee,
                                  excluded.horaire_depart, excluded.instructions_parking);
        get diagnostics n = row_count;
        wrote := wrote or n > 0;
      end loop;

      -- ---- équipements -----------------------------------------------------
      step := 'infos_gites_equipements';
      equip := jsonb_build_object(
        'chauffage', legacy_migration.equipment_section(legacy, chauffage_cols),
        'cuisine', legacy_migration.equipment_section(legacy, cuisine_cols),
        'multimedia', legacy_migration.equipment_section(legacy, multimedia_cols),
        'exterieur', legacy_migration.equipment_section(legacy, exterieur_cols),
        'divers', legacy_migration.equipment_section(legacy, divers_cols));
      if jsonb_strip_nulls(equip) <> '{}'::jsonb then
        insert into public.infos_gites_equipements as t
          (owner_user_id, gite_id, chauffage, cuisine, multimedia, exterieur, divers)
        values (v_owner, v_gite,
          coalesce(equip -> 'chauffage', '{}'), coalesce(equip -> 'cuisine', '{}'),
          coalesce(equip -> 'multimedia', '{}'), coalesce(equip -> 'exterieur', '{}'),
          coalesce(equip -> 'divers', '{}'))
        on conflict (gite_id) do update
          set chauffage = excluded.chauffage, cuisine = excluded.cuisine, multimedia = excluded.multimedia,
              exterieur = excluded.exterieur, divers = excluded.divers
          where (t.chauffage, t.cuisine, t.multimedia, t.exterieur, t.divers)
                is distinct from (excluded.chauffage, excluded.cuisine, excluded.multimedia,
                                  excluded.exterieur, excluded.divers);
        get diagnostics n = row_count;
        wrote := wrote or n > 0;
      end if;

      -- ---- contacts: one row per type, with an id derived from (gîte, type),
      -- so re-runs update the row they made instead of adding another ------------
      step := 'infos_gites_contacts';
      for c in 1..array_length(contact_types, 1) loop
        prefix := contact_types[c][1];
        contact_nom := legacy_migration.clean_text(legacy ->> (prefix || '_nom'));
        contact_tel := legacy_migration.clean_text(legacy ->> (prefix || '_telephone'));
        contact_adresse := legacy_migration.clean_text(legacy ->> (prefix || '_adresse'));
        contact_dispo := legacy_migration.clean_text(legacy ->> (prefix || '_horaires'));
        continue when coalesce(contact_nom, contact_tel, contact_adresse, contact_dispo) is null;
        insert into public.infos_gites_contacts as t
          (id, owner_user_id, gite_id, type, nom, telephone, adresse, disponibilite, ordre)
        values (md5(v_gite::text || ':legacy-contact:' || prefix)::uuid, v_owner, v_gite,
          contact_types[c][2], coalesce(contact_nom, contact_types[c][3]),
          contact_tel, contact_adresse, contact_dispo, c)
        on conflict (id) do update
          set type = excluded.type, nom = excluded.nom, telephone = excluded.telephone,
              adresse = excluded.adresse, disponibilite = excluded.disponibilite
          where (t.type, t.nom, t.telephone, t.adresse, t.disponibilite)
                is distinct from (excluded.type, excluded.nom, excluded.telephone,
                                  excluded.adresse, excluded.disponibilite);
        get diagnostics n = row_count;
        wrote := wrote or n > 0;
      end loop;

      insert into legacy_migration.infos_gites_state as s (gite_id, source_hash, status, detail)
      values (v_gite, hash, 'migrated', null)
      on conflict on constraint infos_gites_state_pkey do update
        set source_hash = excluded.source_hash, status = excluded.status, detail = null, updated_at = now();

      gite_id := v_gite;
      status := case when previous.gite_id is null or previous.status = 'skipped' then 'inserted'
                     when wrote then 'updated' else 'unchanged' end;
      detail := null;
    exception when data_exception or integrity_constraint_violation then
      -- Everything this gîte's block wrote is rolled back; the other gîtes are not.
      get stacked diagnostics err_detail = message_text, err_constraint = constraint_name;
      gite_id := v_gite;
      status := 'skipped';
      detail := format('%s : %s%s', step, err_detail,
                       case when coalesce(err_constraint, '') <> '' then format(' (%s)', err_constraint) else '' end);
      insert into legacy_migration.infos_gites_state as s (gite_id, source_hash, status, detail)
      values (v_gite, hash, 'skipped', detail)
      on conflict on constraint infos_gites_state_pkey do update
        set source_hash = excluded.source_hash, status = excluded.status,
            detail = excluded.detail, updated_at = now()
        where (s.source_hash, s.status, s.detail)
              is distinct from (excluded.source_hash, excluded.status, excluded.detail);
    end;
    return next;
  end loop;
end;
$$;

comment on function legacy_migration.migrate_infos_gites(regclass) is
  'Copies the legacy infos_gites rows (default public.infos_gites) into the five infos_gites_* tables; idempotent; returns one row per legacy row: inserted, updated, unchanged or skipped (with the reason).';

-- Only the owner of the schema (postgres, who runs migrations) may run it: no API role.
revoke all on function legacy_migration.clean_text(text) from public, anon, authenticated, service_role;
revoke all on function legacy_migration.parse_time(text) from public, anon, authenticated, service_role;
revoke all on function legacy_migration.equipment_text(jsonb) from public, anon, authenticated, service_role;
revoke all on function legacy_migration.equipment_section(jsonb, text[]) from public, anon, authenticated, service_role;
revoke all on function legacy_migration.zones(jsonb) from public, anon, authenticated, service_role;
revoke all on function legacy_migration.migrate_infos_gites(regclass) from public, anon, authenticated, service_role;

-- =============================================================================
-- The first run: only where the legacy table exists (a no-op everywhere else)
-- =============================================================================
do $$
begin
  if to_regclass('public.infos_gites') is not null then
    perform legacy_migration.migrate_infos_gites();
  end if;
end;
$$;
