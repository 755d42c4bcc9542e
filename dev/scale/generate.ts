/**
 * The SQL that generates scale data: owners, their gîtes and feeds, years of stays. Shared by
 * `npm run seed:scale` (70,000 owners, staging tables in schema scale_seed) and
 * `seedLargeOwner()` (one owner, staging in temporary tables). Everything is set-based:
 * generate_series and window functions, one INSERT … SELECT per table and chunk.
 *
 * Staging tables hold what the generator decides before writing the real rows (how many gîtes
 * an owner has, each gîte's years of history, how busy it is, its nightly rate, its feeds), so
 * the reservations INSERT can run in owner chunks on several connections.
 */

/** Every generated owner signs in with this password (README, bench, e2e). */
export const SCALE_PASSWORD = 'scale-owner-2026';

/**
 * bcrypt (cost 10) of SCALE_PASSWORD, computed once with pgcrypto's crypt(): 70,000 owners share
 * it instead of hashing 70,000 times (≈ 1 h of CPU). seed-scale checks it still verifies.
 */
export const SCALE_PASSWORD_HASH = '$2a$10$QW/pl8M.noOlxSTfCNGgGeFUUp9FqsY71ORK7rk8mwNjwBgDM3RBy';

export const scaleEmail = (n: number) => `owner-${n}@scale.liveownerunit.fr`;

/** A schema name or pg_temp, spliced into SQL (never user input). */
type Staging = 'scale_seed' | 'pg_temp';

export function createStagingSql(staging: Staging): string {
  // Temporary tables live until the end of the session; unlogged ones skip the WAL.
  const kind = staging === 'pg_temp' ? 'temporary' : 'unlogged';
  const table = (name: string) => `${staging}.${name}`;
  return `
    create ${kind} table ${table('owners')} (
      n integer primary key,
      id uuid not null,
      email text not null,
      gites integer not null,
      years integer not null,
      largest boolean not null
    );
    create ${kind} table ${table('gites')} (
      id uuid primary key,
      owner_id uuid not null,
      owner_n integer not null,
      k integer not null,
      years integer not null,
      busy float8 not null,
      rate numeric not null,
      menage numeric not null,
      capacite integer not null,
      nfeeds integer not null,
      third_platform text not null,
      feed_airbnb uuid not null,
      feed_booking uuid not null,
      feed_third uuid not null,
      start_day date not null,
      end_day date not null,
      max_stays integer not null
    );
    create index on ${table('gites')} (owner_n);`;
}

/**
 * Owners n = $1 … $2 into staging. Owners 1…$3 are the designated largest ($5 gîtes with $6
 * years each — 50 and 10 — the bench's subjects); the others follow a long tail: most have 1–3
 * gîtes, a few up to 50. $4 is the e-mail of a single owner (seedLargeOwner), else null for
 * owner-<n>@scale.liveownerunit.fr.
 */
export function stageOwnersSql(staging: Staging): string {
  return `
    insert into ${staging}.owners (n, id, email, gites, years, largest)
    select
      r.n,
      gen_random_uuid(),
      coalesce($4::text, 'owner-' || r.n || '@scale.liveownerunit.fr'),
      case
        when r.n <= $3 then $5::int
        when r.u1 < 0.58 then 1
        when r.u1 < 0.82 then 2
        when r.u1 < 0.92 then 3
        when r.u1 < 0.97 then 4 + floor(r.u2 * 3)::int
        when r.u1 < 0.995 then 7 + floor(r.u2 * 14)::int
        when r.u1 < 0.9995 then 21 + floor(r.u2 * 29)::int
        else 50
      end,
      case when r.n <= $3 then $6::int else 3 + floor(r.u3 * 8)::int end,
      r.n <= $3
    from (
      select n, random() as u1, random() as u2, random() as u3
      from generate_series($1::int, $2::int) as n
      offset 0
    ) r`;
}

/**
 * The owners' gîtes into staging: history (3–10 years, up to the owner's), how busy (the largest
 * owners' gîtes are full: ~42 stays a year), rate, capacity, 1–3 feeds. Stays run from
 * start_day to a year ahead (end_day); max_stays is enough stays to always reach end_day.
 */
export function stageGitesSql(staging: Staging): string {
  return `
    insert into ${staging}.gites (
      id, owner_id, owner_n, k, years, busy, rate, menage, capacite, nfeeds, third_platform,
      feed_airbnb, feed_booking, feed_third, start_day, end_day, max_stays
    )
    select
      x.id, x.owner_id, x.owner_n, x.k, x.years, x.busy, x.rate, x.menage, x.capacite, x.nfeeds,
      x.third_platform, x.feed_airbnb, x.feed_booking, x.feed_third,
      current_date - (x.years * 365.25)::int,
      current_date + 365,
      -- Expected stay + gap is 4.9 + gap_max / 3 days; 20 % margin, then the surplus is cut.
      ceil((365 + x.years * 365.25) / (0.8 * (4.9 + x.gap_max / 3.0)))::int + 5
    from (
      select
        r.*,
        case when r.largest then 8.0 else 8 + (1 - r.busy) * 45 end as gap_max
      from (
        select
          gen_random_uuid() as id,
          o.id as owner_id,
          o.n as owner_n,
          o.largest,
          k,
          case when o.largest then o.years else greatest(3, o.years - floor(random() * 3)::int) end
            as years,
          case when o.largest then 1.0 else 0.2 + random() * 0.7 end as busy,
          round((55 + random() * 200)::numeric, 0) as rate,
          round((35 + random() * 60)::numeric, 0) as menage,
          2 + floor(random() * 11)::int as capacite,
          case when random() < 0.4 then 1 when random() < 0.67 then 2 else 3 end as nfeeds,
          case when random() < 0.6 then 'abritel' else 'gites_de_france' end as third_platform,
          gen_random_uuid() as feed_airbnb,
          gen_random_uuid() as feed_booking,
          gen_random_uuid() as feed_third
        from ${staging}.owners o
        cross join lateral generate_series(1, o.gites) as k
        offset 0
      ) r
    ) x`;
}

/** auth.users for the staged owners, all with the same bcrypt hash ($1). */
export function insertUsersSql(staging: Staging): string {
  return `
    insert into auth.users (
      id, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data,
      created_at, updated_at
    )
    select
      o.id, o.email, $1::text, now(),
      '{"provider": "email", "providers": ["email"]}'::jsonb,
      jsonb_build_object('full_name', 'Propriétaire ' || o.n),
      now() - make_interval(days => o.years * 365),
      now()
    from ${staging}.owners o`;
}

const VILLES = [
  ['Coulon', '79510'],
  ['Sarlat-la-Canéda', '24200'],
  ['Meursault', '21190'],
  ['Île-de-Batz', '29253'],
  ['Gérardmer', '88400'],
  ['Séné', '56860'],
  ['Évian-les-Bains', '74500'],
  ['Rocamadour', '46500'],
  ['Eguisheim', '68420'],
  ['Collioure', '66190'],
  ['Étretat', '76790'],
  ['Gordes', '84220'],
  ['Saint-Émilion', '33330'],
  ['Conques', '12320'],
  ['Pérouges', '01800'],
  ['Vézelay', '89450'],
  ['Annecy', '74000'],
  ['Chamonix-Mont-Blanc', '74400'],
  ['Carnac', '56340'],
  ['Honfleur', '14600'],
] as const;

const NOMS_GITES = [
  'Le Moulin',
  'La Grange',
  'Le Fournil',
  'La Bergerie',
  'Le Pressoir',
  'La Longère',
  'Le Chai',
  'La Forge',
  'Les Tilleuls',
  "L'Écurie",
  'La Maison du Passeur',
  'Le Colombier',
  'La Chaumière',
  'Le Lavoir',
  'Les Hirondelles',
] as const;

const sqlText = (value: string) => `'${value.replace(/'/g, "''")}'`;
const sqlArray = (values: readonly string[]) => `array[${values.map(sqlText).join(', ')}]`;

/** The staged gîtes into public.gites. */
export function insertGitesSql(staging: Staging): string {
  const villes = sqlArray(VILLES.map(([ville]) => ville));
  const codes = sqlArray(VILLES.map(([, code]) => code));
  return `
    insert into public.gites (
      id, owner_user_id, nom, adresse, code_postal, ville, capacite, categorie_fiscale, couleur,
      ordre, created_at, updated_at
    )
    select
      g.id, g.owner_id,
      (${sqlArray(NOMS_GITES)})[1 + (g.k - 1) % ${NOMS_GITES.length}]
        || case when g.k > ${NOMS_GITES.length} then ' ' || g.k else '' end,
      g.k || ' chemin des Vignes',
      (${codes})[1 + v.i],
      (${villes})[1 + v.i],
      g.capacite,
      case when g.k % 3 = 0 then 'meuble_tourisme_non_classe' else 'meuble_tourisme_classe' end,
      '#' || lpad(to_hex((abs(hashtext(g.id::text)) % 16777216)), 6, '0'),
      g.k,
      g.start_day::timestamptz,
      g.start_day::timestamptz
    from ${staging}.gites g
    cross join lateral (select abs(hashtext(g.id::text)) % ${VILLES.length} as i) v`;
}

/** 1–3 feeds per staged gîte: Airbnb, then Booking.com, then Abritel or Gîtes de France. */
export function insertFeedsSql(staging: Staging): string {
  return `
    insert into public.ical_feeds (
      id, owner_user_id, gite_id, platform, label, url, last_synced_at, last_success_at,
      last_status, last_http_status, next_sync_at
    )
    select
      f.id, g.owner_id, g.id, f.platform, f.label,
      case f.platform
        when 'airbnb' then 'https://www.airbnb.fr/calendar/ical/' || (abs(hashtext(f.id::text)) % 90000000 + 10000000) || '.ics?s=' || substr(md5(f.id::text), 1, 16)
        when 'booking' then 'https://admin.booking.com/hotel/hoteladmin/ical.html?t=' || f.id
        when 'abritel' then 'https://www.abritel.fr/icalendar/' || replace(f.id::text, '-', '') || '.ics'
        else 'https://www.gites-de-france.com/fr/ical/' || substr(md5(f.id::text), 1, 12) || '.ics'
      end,
      now() - interval '10 minutes', now() - interval '10 minutes', 'success', 200,
      now() + make_interval(secs => abs(hashtext(f.id::text)) % 3600)
    from ${staging}.gites g
    cross join lateral (
      values
        (1, g.feed_airbnb, 'airbnb', 'Airbnb'),
        (2, g.feed_booking, 'booking', 'Booking.com'),
        (3, g.feed_third, g.third_platform,
          case g.third_platform when 'abritel' then 'Abritel' else 'Gîtes de France' end)
    ) as f (i, id, platform, label)
    where f.i <= g.nfeeds`;
}

const PRENOMS = [
  'Léa',
  'Hélène',
  'François',
  'Chloé',
  'Jérôme',
  'Anaïs',
  'Benoît',
  'Céline',
  'Gaëlle',
  'Noël',
  'Zoé',
  'Maël',
  'Aurélie',
  'Sébastien',
  'Mélanie',
  'Clément',
  'Inès',
  'Loïc',
  'Thérèse',
  'Bérénice',
  'Stéphane',
  'Frédérique',
  'Raphaël',
  'Agnès',
  'Jérémie',
  'Océane',
  'Grégoire',
  'Émilie',
  'Cécile',
  'Hervé',
  'Élodie',
  'Timothée',
  'Héloïse',
  'Joël',
  'Mathéo',
  'Camille',
  'Nicolas',
  'Julie',
  'Thomas',
  'Manon',
  'Pierre',
  'Sophie',
  'Antoine',
  'Laure',
  'Guillaume',
  'Marie',
  'Louis',
  'Claire',
  'Éric',
  'Ève',
  'Jean-Noël',
  'Marie-Thérèse',
  'Hans',
  'Emma',
  'Sven',
  'Joaquín',
  'Sofie',
  'Björn',
  'Małgorzata',
  'Søren',
] as const;

const NOMS = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefèvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Lefebvre',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  'Legrand',
  'Garnier',
  'Faure',
  'Rousseau',
  'Blanc',
  'Guérin',
  'Muller',
  'Henry',
  'Roussel',
  'Nicolas',
  'Perrin',
  'Morin',
  'Mathieu',
  'Clément',
  'Gauthier',
  'Dumont',
  'Lopez',
  'Fontaine',
  'Chevalier',
  'Robin',
  'Masson',
  'Sanchez',
  'Gérard',
  'Nguyen',
  'Boyer',
  'Denis',
  'Lemaire',
  'Duval',
  'Joly',
  'Gautier',
  'Roger',
  'Roche',
  'Roy',
  'Noël',
  'Meyer',
  'Lucas',
  'Meunier',
  'Jean',
  'Pérez',
  'Marchand',
  'Dufour',
  'Blanchard',
  'Marie',
  'Barbier',
  'Brun',
  'Dumas',
  'Brunet',
  'Schmitt',
  'Leroux',
  'Colin',
  'Fernandez',
  'Pierre',
  'Renard',
  'Arnaud',
  'Rolland',
  'Caron',
  'Aubert',
  'Giraud',
  'Leclerc',
  'Vidal',
  'Bourgeois',
  'Renaud',
  'Lemoine',
  'Picard',
  'Gaillard',
  'Philippe',
  'Leclercq',
  'Lacroix',
  'Fabre',
  'Dupuis',
  "d'Aubigné",
  'Dupônt',
  'Lœwenbruck',
  'Cœurdevey',
  'Lætitia-Besson',
  'Müller',
  'Schröder',
  'Straße',
  'Ødegaard',
  'Łukaszewicz',
  'Françoise-Génin',
  'Ébrard',
  'Îlot',
  'Bézier',
  'Châtelain',
  'Sénéchal',
  'Hénault',
  'Berthelot',
  'Poirier',
  'Quémener',
] as const;

/** Monthly share of stays kept (a gîte is fuller in summer); index 1 = January. */
const SAISON = [0.35, 0.45, 0.5, 0.7, 0.75, 0.9, 1, 1, 0.85, 0.7, 0.4, 0.55] as const;
/** Price multiplier by month. */
const PRIX = [0.85, 0.85, 0.9, 1, 1, 1.15, 1.35, 1.35, 1.05, 0.95, 0.85, 0.95] as const;

/**
 * Stays of the staged gîtes of owners n = $1 … $2. Per gîte, stays follow each other: a gap of
 * 0 to gap_max days (mostly short), then 2–14 nights (weekends, weeks, a few long stays), the
 * start of each stay being a running sum (a window over the gîte's generate_series, so stays of
 * one gîte never overlap). Then the season thins them out (fewer in winter, and fewer the
 * further ahead they are). Platforms: Airbnb 45 %, Booking.com 30 %, Abritel 10 %, Gîtes de
 * France 5 %, direct 10 %; a stay comes through the gîte's feed of its platform when it has one,
 * else it was entered by hand. 4 % owner blocks, 3 % cancelled; Booking.com sends no guest name
 * (a quarter of its stays are still "to complete").
 */
export function insertReservationsSql(staging: Staging): string {
  const saison = `'{${SAISON.join(',')}}'::float8[]`;
  const prix = `'{${PRIX.join(',')}}'::numeric[]`;
  return `
    insert into public.reservations (
      id, owner_user_id, gite_id, feed_id, external_uid, plateforme, status, client_nom,
      client_email, client_telephone, nb_personnes, montant, date_debut, date_fin, notes,
      cancelled_at, created_at, updated_at
    )
    select
      y.id, y.owner_id, y.gite_id, y.feed_id,
      case when y.feed_id is not null then
        y.id::text || case y.plateforme
          when 'airbnb' then '@airbnb.com' when 'booking' then '@booking.com'
          when 'abritel' then '@abritel.fr' else '@gites-de-france.com' end
      end,
      y.plateforme, y.status, y.client_nom,
      case when y.plateforme = 'direct' and y.status = 'confirmed' then
        lower(translate(replace(y.client_nom, ' ', '.'),
          'éèëêàâäïîôöüùûçñíóúøłßæœÉÎÖÜ''', 'eeeeaaaiioouuucniouolsaeEIOU')) || '@exemple.fr'
      end,
      case when y.status <> 'blocked' and (y.feed_id is null or y.u_misc < 0.5) then
        '+33 6 ' || to_char(floor(y.u_misc * 100000000)::int, 'FM00 00 00 00')
      end,
      case when y.status <> 'blocked' then 1 + floor(y.u_misc * y.capacite)::int end,
      case when y.status <> 'blocked' then
        round(y.nights * y.rate * (${prix})[extract(month from y.debut)::int] + y.menage, 2)
      end,
      y.debut,
      y.debut + y.nights,
      case
        when y.status = 'blocked' then 'Travaux / usage personnel'
        when y.u_note < 0.04 then 'Arrivée tardive prévue vers 21 h.'
        when y.u_note < 0.07 then 'Vient avec un chien (accepté).'
      end,
      case when y.status = 'cancelled' then least(now(), y.created_at + interval '3 days') end,
      y.created_at,
      case when y.status = 'cancelled' then least(now(), y.created_at + interval '3 days')
        else y.created_at end
    from (
      select
        x.*,
        case
          when x.status = 'blocked' then g.feed_airbnb
          when x.plateforme = 'airbnb' then g.feed_airbnb
          when x.plateforme = 'booking' and g.nfeeds >= 2 then g.feed_booking
          when x.plateforme = g.third_platform and g.nfeeds = 3 then g.feed_third
        end as feed_id,
        case
          when x.status = 'blocked' then null
          when x.plateforme = 'booking' and x.u_name < 0.25 then null
          else (${sqlArray(PRENOMS)})[1 + floor(x.u_name * ${PRENOMS.length})::int]
            || ' ' || (${sqlArray(NOMS)})[1 + floor(x.u_last * ${NOMS.length})::int]
        end as client_nom,
        g.owner_id, g.id as gite_id, g.rate, g.menage, g.capacite,
        least(now(), (x.debut - 7 - floor(x.u_lead * 150)::int)::timestamptz) as created_at
      from ${staging}.gites g
      cross join lateral (
        select
          s.id, s.nights, s.u_misc, s.u_note, s.u_name, s.u_last, s.u_lead,
          case when s.u_status < 0.04 then 'blocked' when s.u_status < 0.07 then 'cancelled'
            else 'confirmed' end as status,
          case
            when s.u_status < 0.04 then 'airbnb'
            when s.u_plat < 0.45 then 'airbnb'
            when s.u_plat < 0.75 then 'booking'
            when s.u_plat < 0.85 then 'abritel'
            when s.u_plat < 0.90 then 'gites_de_france'
            else 'direct'
          end as plateforme,
          s.u_keep,
          g.start_day + (sum(s.nights + s.gap) over (order by s.k) - s.nights)::int as debut
        from (
          select
            k,
            gen_random_uuid() as id,
            case
              when r1 < 0.30 then 2 when r1 < 0.42 then 3 when r1 < 0.52 then 4
              when r1 < 0.60 then 5 when r1 < 0.66 then 6 when r1 < 0.90 then 7
              else 8 + floor((r1 - 0.90) * 70)::int
            end as nights,
            floor(r2 * r2 * (case when g.busy >= 1 then 8.0 else 8 + (1 - g.busy) * 45 end))::int as gap,
            u_keep, u_status, u_plat, u_name, u_last, u_misc, u_note, u_lead
          from (
            select k, random() as r1, random() as r2, random() as u_keep, random() as u_status,
              random() as u_plat, random() as u_name, random() as u_last, random() as u_misc,
              random() as u_note, random() as u_lead
            from generate_series(1, g.max_stays) as k
            offset 0
          ) r
        ) s
      ) x
      where g.owner_n between $1 and $2
        and x.debut + x.nights <= g.end_day
        and x.u_keep < power((${saison})[extract(month from x.debut)::int], 1.5 - g.busy)
          * case when x.debut > current_date
              then 1 - 0.85 * (x.debut - current_date) / 365.0 else 1 end
    ) y`;
}

/**
 * Double bookings, as iCal imports produce them: about 0.3 % of the owners' confirmed stays get a
 * direct booking on top, starting 1–3 days later. Runs on a sample of pages (tablesample), so it
 * costs little on 18 M rows; `has_overlap` flags both stays.
 */
export function insertOverlapsSql(scope: 'all' | 'owner'): string {
  // On the whole table, a sample of pages (cheap on 18 M rows); for one owner ($1), a sample of
  // their rows.
  const source =
    scope === 'all' ? 'public.reservations r tablesample system (0.3)' : 'public.reservations r';
  const filter = scope === 'all' ? '' : 'and r.owner_user_id = $1 and random() < 0.003';
  return `
    insert into public.reservations (
      owner_user_id, gite_id, plateforme, status, client_nom, nb_personnes, montant,
      date_debut, date_fin, notes, created_at, updated_at
    )
    select
      r.owner_user_id, r.gite_id, 'direct', 'confirmed', r.client_nom, r.nb_personnes, r.montant,
      r.date_debut + d.shift, r.date_fin + d.shift,
      'Saisie à la main en double ?', r.created_at, r.created_at
    from ${source}
    cross join lateral (select 1 + (abs(hashtext(r.id::text)) % 3) as shift) d
    where r.status = 'confirmed' and r.date_fin - r.date_debut > d.shift ${filter}`;
}
