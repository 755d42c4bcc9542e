-- =============================================================================
-- Demo data — run once on a fresh local database, after the migrations.
--
-- Log in as demo@liveownerunit.fr / demo-gites-2026.
-- Dates are relative to the day the seed runs (from 1 January of last year to
-- six months ahead), so the demo always has past stays — a whole previous year
-- for the statistics and the tax simulation —, today's arrivals and a future.
-- Everything is set-based and deterministic (hashtext, no random()).
-- =============================================================================

-- =============================================================================
-- Demo owner
-- =============================================================================
insert into auth.users (
  id, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data
) values (
  '00000000-0000-4000-8000-0000000000d1',
  'demo@liveownerunit.fr',
  extensions.crypt('demo-gites-2026', extensions.gen_salt('bf', 10)),
  now(),
  '{"provider": "email", "providers": ["email"]}',
  '{"full_name": "Claire Bernard"}'
);

-- =============================================================================
-- Gîtes and their feeds
-- =============================================================================
insert into public.gites (
  id, owner_user_id, nom, adresse, code_postal, ville, capacite, categorie_fiscale, couleur, ordre
) values
  ('00000000-0000-4000-8000-00000000a001', '00000000-0000-4000-8000-0000000000d1',
   'Le Moulin de la Sèvre', '12 chemin du Halage', '79510', 'Coulon', 6,
   'meuble_tourisme_classe', '#2f7d6d', 1),
  ('00000000-0000-4000-8000-00000000a002', '00000000-0000-4000-8000-0000000000d1',
   'La Grange aux Hirondelles', 'Lieu-dit La Borie', '24200', 'Sarlat-la-Canéda', 8,
   'meuble_tourisme_classe', '#b5651d', 2),
  ('00000000-0000-4000-8000-00000000a003', '00000000-0000-4000-8000-0000000000d1',
   'Le Petit Gîte du Lavoir', '3 rue du Lavoir', '21190', 'Meursault', 4,
   'meuble_tourisme_non_classe', '#5b6bb5', 3);

-- The demo calendars: `npm start` serves them itself at this reserved name
-- (dev/sync/local-sync.ts), in each platform's style, and syncs them every 15
-- minutes like any feed. Nothing answers there on a hosted project.
insert into public.ical_feeds (
  id, owner_user_id, gite_id, platform, label, url,
  last_synced_at, last_success_at, last_status, last_http_status, next_sync_at
) values
  ('00000000-0000-4000-8000-00000000f011', '00000000-0000-4000-8000-0000000000d1',
   '00000000-0000-4000-8000-00000000a001', 'airbnb', 'Airbnb',
   'https://calendriers.demo.localhost/airbnb/41872365.ics',
   now() - interval '9 minutes', now() - interval '9 minutes', 'success', 200, now() + interval '6 minutes'),
  ('00000000-0000-4000-8000-00000000f012', '00000000-0000-4000-8000-0000000000d1',
   '00000000-0000-4000-8000-00000000a001', 'booking', 'Booking.com',
   'https://calendriers.demo.localhost/booking/5c0e9a4b.ics',
   now() - interval '4 minutes', now() - interval '4 minutes', 'not_modified', 304, now() + interval '11 minutes'),
  ('00000000-0000-4000-8000-00000000f021', '00000000-0000-4000-8000-0000000000d1',
   '00000000-0000-4000-8000-00000000a002', 'airbnb', 'Airbnb',
   'https://calendriers.demo.localhost/airbnb/50917734.ics',
   now() - interval '12 minutes', now() - interval '12 minutes', 'success', 200, now() + interval '3 minutes'),
  ('00000000-0000-4000-8000-00000000f022', '00000000-0000-4000-8000-0000000000d1',
   '00000000-0000-4000-8000-00000000a002', 'gites_de_france', 'Gîtes de France',
   'https://calendriers.demo.localhost/gites-de-france/G24-812.ics',
   now() - interval '2 minutes', now() - interval '2 minutes', 'success', 200, now() + interval '13 minutes'),
  ('00000000-0000-4000-8000-00000000f031', '00000000-0000-4000-8000-0000000000d1',
   '00000000-0000-4000-8000-00000000a003', 'booking', 'Booking.com',
   'https://calendriers.demo.localhost/booking/e4a7c2d9.ics',
   now() - interval '7 minutes', now() - interval '7 minutes', 'success', 200, now() + interval '8 minutes'),
  ('00000000-0000-4000-8000-00000000f032', '00000000-0000-4000-8000-0000000000d1',
   '00000000-0000-4000-8000-00000000a003', 'gites_de_france', 'Gîtes de France',
   'https://calendriers.demo.localhost/gites-de-france/G21-1047.ics',
   now() - interval '14 minutes', now() - interval '14 minutes', 'success', 200, now() + interval '1 minute');

-- =============================================================================
-- Reservations, from January of last year to six months ahead
-- =============================================================================
-- One slot per gîte and week, Saturday to Saturday, from the week of 1 January
-- of last year to 26 weeks ahead. About 80 % of slots hold a stay (90 % in July-August), 5 % an
-- owner's block. Platform shares: Airbnb ~45 %, Booking.com ~30 %, Gîtes de
-- France ~10 %, direct ~15 %; a platform the gîte is not listed on gives way to
-- one of its feeds. Stays fit inside their week, so a gîte never double-books.
with
noms (i, nom) as (
  select ordinality - 1, nom
  from unnest(array[
    'Léa Martin', 'Hélène Dubois', 'François Lefèvre', 'Chloé Moreau', 'Jérôme Girard',
    'Anaïs Roux', 'Benoît Fournier', 'Céline Bonnet', 'Gaëlle Mercier', 'Noël Lambert',
    'Zoé Fontaine', 'Maël Chevalier', 'Aurélie Garnier', 'Sébastien Faure', 'Mélanie Rousseau',
    'Clément Blanc', 'Inès Guérin', 'Loïc Muller', 'Thérèse Henry', 'Bérénice Perrin',
    'Stéphane Robin', 'Frédérique Masson', 'Raphaël Sanchez', 'Agnès Nicolas', 'Jérémie Lemaire',
    'Océane Duval', 'Grégoire Denis', 'Émilie Marchand', 'Cécile Dupont', 'Hervé Leclerc',
    'Élodie Gauthier', 'Timothée Mathieu', 'Héloïse Barbier', 'Joël Arnaud', 'Mathéo Renaud',
    'Hans Müller', 'Emma Thompson', 'Sven Lindqvist', 'Joaquín Pérez', 'Sofie De Smet'
  ]) with ordinality as t (nom, ordinality)
),
tarifs (gite_id, nuit, menage) as (
  values
    ('00000000-0000-4000-8000-00000000a001'::uuid, 118, 60),
    ('00000000-0000-4000-8000-00000000a002'::uuid, 165, 80),
    ('00000000-0000-4000-8000-00000000a003'::uuid, 82, 45)
),
slots as (
  select
    g.id as gite_id,
    g.capacite,
    t.nuit,
    t.menage,
    w as semaine,
    -- Saturdays: date_trunc('week') is a Monday.
    (date_trunc('week', current_date)::date - 2 + 7 * w) as samedi,
    abs(hashtext(g.id::text || ':' || w)) as h
  from public.gites g
  join tarifs t on t.gite_id = g.id
  cross join generate_series(
    -((current_date - make_date(extract(year from current_date)::int - 1, 1, 1)) / 7 + 1), 25
  ) as w
  where g.owner_user_id = '00000000-0000-4000-8000-0000000000d1'
),
tirages as (
  select
    s.*,
    extract(month from s.samedi)::int in (7, 8) as ete,
    s.h % 100 as p_occupe,
    (s.h / 100) % 100 as p_plateforme,
    -- Arrive Saturday most of the time, sometimes Sunday or Monday.
    case when (s.h / 10000) % 10 < 7 then 0 else 1 + (s.h / 10000) % 2 end as decalage,
    (s.h / 100000) % 10 as p_duree
  from slots s
),
sejours as (
  select
    t.*,
    case
      when t.p_occupe < 5 then 'blocked'
      when t.p_occupe < case when t.ete then 95 else 80 end then 'confirmed'
    end as status,
    case
      when t.p_plateforme < 45 then 'airbnb'
      when t.p_plateforme < 75 then 'booking'
      when t.p_plateforme < 85 then 'gites_de_france'
      else 'direct'
    end as voulu,
    t.samedi + t.decalage as debut,
    -- A full week in summer, otherwise 2 to 7 nights, always inside the slot.
    case
      when t.ete then 7 - t.decalage
      else least(7 - t.decalage, 2 + t.p_duree % 6)
    end as nuits
  from tirages t
)
insert into public.reservations (
  owner_user_id, gite_id, feed_id, external_uid, plateforme, status, client_nom, client_email,
  client_telephone, nb_personnes, montant, date_debut, date_fin, notes, created_at, feed_kind
)
select
  '00000000-0000-4000-8000-0000000000d1',
  s.gite_id,
  f.id,
  case
    when f.platform = 'airbnb' then upper(substr(md5(s.gite_id::text || s.semaine), 1, 16)) || '@airbnb.com'
    when f.platform = 'booking' then md5(s.gite_id::text || s.semaine) || '@booking.com'
    when f.platform is not null then 'gdf-' || substr(md5(s.gite_id::text || s.semaine), 1, 20)
  end,
  coalesce(f.platform, 'direct'),
  s.status,
  case
    when s.status = 'blocked' then null
    -- Booking.com sends no guest name: future ones are still to be completed.
    when f.platform = 'booking' and s.debut > current_date and s.h % 3 = 0 then null
    else n.nom
  end,
  case
    when s.status = 'confirmed' and f.id is null then
      lower(translate(replace(n.nom, ' ', '.'), 'éèëêàâäïîôöüùûçñíóúÉ', 'eeeeaaaiioouuucniouE')) || '@exemple.fr'
  end,
  case
    when s.status = 'confirmed' and (f.id is null or s.h % 2 = 0) then
      '+33 6 ' || lpad(((s.h / 7) % 100)::text, 2, '0') || ' ' || lpad(((s.h / 11) % 100)::text, 2, '0')
      || ' ' || lpad(((s.h / 13) % 100)::text, 2, '0') || ' ' || lpad(((s.h / 17) % 100)::text, 2, '0')
  end,
  case when s.status = 'confirmed' then 2 + s.h % (s.capacite - 1) end,
  case
    when s.status = 'confirmed' then
      round(s.nuits * s.nuit * case when s.ete then 1.35 when extract(month from s.debut) in (11, 12, 1, 2) then 0.85 else 1 end + s.menage, 2)
  end,
  s.debut,
  s.debut + s.nuits,
  case
    when s.status = 'blocked' then 'Travaux / usage personnel'
    when s.h % 9 = 0 then 'Arrivée tardive prévue vers 21 h.'
    when s.h % 13 = 0 then 'Vient avec un chien (accepté).'
  end,
  s.debut - interval '45 days',
  -- What the feed says, as the sync would store it (supabase/functions/_shared/sync).
  case
    when f.platform is null then null
    when f.platform = 'booking' then 'to_complete'
    when s.status = 'blocked' then 'block'
    else 'stay'
  end
from sejours s
join noms n on n.i = (s.h / 7) % 40
-- The feed the stay came through: the wanted platform, or another feed of the
-- gîte when it is not listed there. Blocks come through Airbnb ("Airbnb (Not
-- available)") when the gîte has it, else they are the owner's own.
left join lateral (
  select feed.id, feed.platform
  from public.ical_feeds feed
  where feed.gite_id = s.gite_id
    and case when s.status = 'blocked' then feed.platform = 'airbnb' else s.voulu <> 'direct' end
  order by feed.platform = s.voulu desc, feed.platform
  limit 1
) f on true
where s.status is not null;

-- One stay cancelled by its guest: the next Airbnb stay of the Moulin.
update public.reservations
set status = 'cancelled', notes = 'Annulé par le voyageur (remboursement Airbnb).'
where id = (
  select id from public.reservations
  where gite_id = '00000000-0000-4000-8000-00000000a001'
    and plateforme = 'airbnb' and status = 'confirmed' and date_debut > current_date
  order by date_debut
  limit 1
);

-- =============================================================================
-- Gîte information (the Moulin is filled in; the others have their core row)
-- =============================================================================
insert into public.infos_gites_core (
  owner_user_id, gite_id, nom, adresse_complete, latitude, longitude, telephone_urgence, email_contact
)
select
  owner_user_id, id, nom, adresse || ', ' || code_postal || ' ' || ville,
  case ordre when 1 then 46.31843210 when 2 then 44.88921760 else 46.97581230 end,
  case ordre when 1 then -0.59012350 when 2 then 1.21654780 else 4.77012440 end,
  '+33 6 12 34 56 78', 'demo@liveownerunit.fr'
from public.gites
where owner_user_id = '00000000-0000-4000-8000-0000000000d1';

insert into public.infos_gites_wifi (
  owner_user_id, gite_id, ssid, wifi_password, securite, debit_approximatif, localisation_box,
  zones_reception
) values (
  '00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-00000000a001',
  'Moulin-Sevre', 'loutre-marais-2026', 'WPA', 'Fibre, environ 300 Mb/s',
  'Dans le placard de l''entrée, à gauche', array['salon', 'cuisine', 'chambres', 'terrasse']
);

insert into public.infos_gites_consignes (
  owner_user_id, gite_id, langue, consignes_arrivee, consignes_sejour, consignes_sortie,
  code_acces, horaire_arrivee, horaire_depart, instructions_parking
) values
  ('00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-00000000a001', 'fr',
   'La clé est dans la boîte à code à droite de la porte bleue.',
   'Merci de ne pas fumer à l''intérieur. Les barques sont à votre disposition.',
   'Laissez la clé dans la boîte, lancez le lave-vaisselle et sortez les poubelles.',
   '4721', '16:00', '10:00', 'Parking gratuit devant le moulin, deux places.'),
  ('00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-00000000a001', 'en',
   'The key is in the key box to the right of the blue door.',
   'Please do not smoke indoors. The boats are yours to use.',
   'Leave the key in the box, start the dishwasher and take the bins out.',
   '4721', '16:00', '10:00', 'Free parking in front of the mill, two spaces.');

insert into public.infos_gites_equipements (
  owner_user_id, gite_id, chauffage, cuisine, multimedia, exterieur, divers
) values (
  '00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-00000000a001',
  '{"type": "poêle à granulés", "mode_emploi": "Bouton M/A à l''arrière, 21 °C conseillé"}',
  '{"lave_vaisselle": true, "machine_cafe": "Senseo", "four": true}',
  '{"tv": true, "streaming": "Chromecast"}',
  '{"barbecue": true, "barques": 2, "jardin": "clos"}',
  '{"machine_laver": true, "animaux_acceptes": true}'
);

insert into public.infos_gites_contacts (owner_user_id, gite_id, type, nom, telephone, disponibilite, ordre)
values
  ('00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-00000000a001', 'proprietaire',
   'Claire Bernard', '+33 6 12 34 56 78', '8 h – 21 h', 1),
  ('00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-00000000a001', 'pharmacie',
   'Pharmacie du Marais', '+33 5 49 35 90 12', 'Lun.–sam. 9 h – 19 h', 2),
  ('00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-00000000a001', 'urgence',
   'SAMU', '15', '24 h/24', 3);

insert into public.activites_gites (
  owner_user_id, gite_id, nom, categorie, description, distance_km, url
) values
  ('00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-00000000a001',
   'Balade en barque dans la Venise verte', 'nature', 'Embarcadère à 200 m du gîte.', 0.2, null),
  ('00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-00000000a001',
   'Marché de Coulon', 'marche', 'Le vendredi matin, place de l''Église.', 0.8, null),
  ('00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-00000000a001',
   'La Crêperie du Marais', 'restaurant', 'Galettes au beurre de Bougon.', 1.5, null),
  ('00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-00000000a001',
   'Maison du Marais mouillé', 'culture', 'Écomusée, idéal avec des enfants.', 0.6,
   'https://www.marais-poitevin.com/');

insert into public.linen_stocks (
  owner_user_id, gite_id, article, quantite_en_service, quantite_propre, quantite_sale,
  seuil_alerte, besoin_par_sejour, besoin_par_personne
) values
  ('00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-00000000a001',
   'Draps 140 × 190', 3, 6, 3, 4, 3, 0),
  ('00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-00000000a001',
   'Housses de couette', 3, 5, 2, 3, 3, 0),
  ('00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-00000000a001',
   'Serviettes de bain', 6, 10, 6, 6, 0, 1);

-- =============================================================================
-- Billing profile and an active subscription
-- =============================================================================
insert into public.cm_clients (id, owner_user_id, email, nom, prenom, telephone, adresse)
values (
  '00000000-0000-4000-8000-00000000c001', '00000000-0000-4000-8000-0000000000d1',
  'demo@liveownerunit.fr', 'Bernard', 'Claire', '+33 6 12 34 56 78',
  '12 chemin du Halage, 79510 Coulon'
);

insert into public.cm_subscriptions (
  owner_user_id, client_id, plan, status, montant_mensuel, current_period_start, current_period_end
) values (
  '00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-00000000c001', 'pro', 'active',
  19.00, date_trunc('month', now()), date_trunc('month', now()) + interval '1 month'
);

insert into public.notifications (owner_user_id, type, titre, message, lien)
values (
  '00000000-0000-4000-8000-0000000000d1', 'info', 'Bienvenue sur LiveOwnerUnit',
  'Vos trois gîtes et leurs calendriers sont prêts. Bonne saison !', '/gites'
);
