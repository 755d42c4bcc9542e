-- =============================================================================
-- Notifications (issue 9, item 1): made by the database where each event
-- happens, one place per kind, never by polling public.notifications.
--
--   kind                   where
--   reservation_new        trigger on reservations (insert, or cancelled → confirmed), feed rows
--   reservation_cancelled  trigger on reservations (confirmed → cancelled), feed rows
--   double_booking         trigger on reservation_overlaps (a stay becomes flagged)
--   micro_bic_ceiling      trigger on stay_month_totals (the year's revenue went up)
--   sync_failed            fail_sync_task (20261124000300)
--   feed_stale             notify_stale_feeds()          scheduled
--   cleaning_unassigned    notify_unassigned_cleanings() scheduled
--   linen_low              notify_linen_shortfalls()     scheduled
--
-- Every producer inserts … on conflict (owner_user_id, dedupe_key) do nothing:
-- the same event seen twice (a scheduled check run again, a replayed
-- statement) gives one notification. Texts are French and built here once;
-- the app renders them as text. The triggers run on the iCal sync's writes:
-- each first checks its transition tables (a few rows) and returns at once
-- when nothing it notifies about happened.
-- =============================================================================

-- =============================================================================
-- Shared helpers
-- =============================================================================
-- "12/07/2026"
create or replace function public.notification_date(p_date date)
returns text
language sql
immutable
set search_path = ''
as $$
  select pg_catalog.to_char(p_date, 'DD/MM/YYYY')
$$;

-- Whole euros with French grouping: 12345678 cents → "123 456 €".
create or replace function public.notification_euros(p_cents bigint)
returns text
language sql
immutable
set search_path = ''
as $$
  select pg_catalog.replace(
    pg_catalog.to_char(pg_catalog.floor(p_cents / 100.0)::bigint, 'FM999,999,999,990'), ',', ' '
  ) || ' €'
$$;

-- The owner's "today" (the app and the sync reckon days in Paris).
create or replace function public.notification_today()
returns date
language sql
stable
set search_path = ''
as $$
  select (pg_catalog.now() at time zone 'Europe/Paris')::date
$$;

-- A feed as the owner knows it: its label, else its platform's name (src/lib/platforms.ts).
create or replace function public.notification_feed_name(p_label text, p_platform text)
returns text
language sql
immutable
set search_path = ''
as $$
  select coalesce(nullif(btrim(p_label), ''), case p_platform
    when 'airbnb' then 'Airbnb'
    when 'booking' then 'Booking.com'
    when 'abritel' then 'Abritel'
    when 'gites_de_france' then 'Gîtes de France'
    else 'calendrier externe' end)
$$;

revoke all on function public.notification_date(date) from public, anon, authenticated;
revoke all on function public.notification_feed_name(text, text) from public, anon, authenticated;
revoke all on function public.notification_euros(bigint) from public, anon, authenticated;
revoke all on function public.notification_today() from public, anon, authenticated;

-- =============================================================================
-- New and cancelled stays from a feed
-- =============================================================================
-- Rows with a feed only (direct bookings are the owner's own doing), stays
-- only (confirmed; blocks and echoes are 'blocked'), still to come (leaving
-- today or later). apply_feed_sync writes only the rows that change, and
-- this trigger then looks only at status changes: a re-sync of the same
-- events notifies nothing.
-- - A feed's first import (its last_success_at still null while the sync
--   writes: apply_feed_sync updates the feed after the stays) is the calendar
--   the owner already knows, not news: one summary notification for the feed
--   instead of one per stay.
-- - An owner cancelling an imported stay in the app is not told about it.
create or replace function public.reservations_notify_feed_changes()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_today date := public.notification_today();
  v_actor uuid := (select auth.uid());
begin
  if tg_op = 'INSERT' then
    if not exists (
      select 1 from new_rows n
      where n.feed_id is not null and n.status = 'confirmed' and n.date_fin >= v_today
    ) then
      return null;
    end if;

    -- First import of a feed: one summary.
    insert into public.notifications (owner_user_id, type, titre, message, lien, gite_id, data,
      dedupe_key)
    select f.owner_user_id, 'reservation_new',
      left('Calendrier importé : ' || g.nom, 200),
      case when count(*) = 1 then '1 séjour à venir importé depuis '
           else count(*) || ' séjours à venir importés depuis ' end
        || public.notification_feed_name(f.label, f.platform) || '.',
      '/reservations', f.gite_id,
      jsonb_build_object('feed_id', f.id, 'sejours', count(*), 'premier_import', true),
      'feed_imported:' || f.id
    from new_rows n
    join public.ical_feeds f on f.id = n.feed_id
    join public.gites g on g.id = n.gite_id
    where n.status = 'confirmed' and n.date_fin >= v_today and f.last_success_at is null
    group by f.id, f.owner_user_id, f.gite_id, f.label, f.platform, g.nom
    order by f.id
    on conflict (owner_user_id, dedupe_key) where dedupe_key is not null do nothing;

    -- Later syncs: one notification per new stay.
    insert into public.notifications (owner_user_id, type, titre, message, lien, gite_id,
      reservation_id, data, dedupe_key)
    select n.owner_user_id, 'reservation_new',
      left('Nouvelle réservation : ' || g.nom, 200),
      'Du ' || public.notification_date(n.date_debut) || ' au '
        || public.notification_date(n.date_fin)
        || coalesce(' — ' || n.client_nom, '')
        || ' (' || public.notification_feed_name(f.label, f.platform) || ').',
      '/reservations', n.gite_id, n.id,
      jsonb_build_object('feed_id', n.feed_id, 'date_debut', n.date_debut,
        'date_fin', n.date_fin),
      'reservation_new:' || n.id
    from new_rows n
    join public.ical_feeds f on f.id = n.feed_id
    join public.gites g on g.id = n.gite_id
    where n.status = 'confirmed' and n.date_fin >= v_today and f.last_success_at is not null
    order by n.id
    on conflict (owner_user_id, dedupe_key) where dedupe_key is not null do nothing;
    return null;
  end if;

  -- UPDATE: a feed's stay cancelled, or back after a cancellation.
  if not exists (
    select 1 from old_rows o join new_rows n on n.id = o.id
    where n.feed_id is not null and n.date_fin >= v_today
      and ((o.status = 'confirmed' and n.status = 'cancelled')
        or (o.status = 'cancelled' and n.status = 'confirmed'))
      and n.owner_user_id is distinct from v_actor
  ) then
    return null;
  end if;

  insert into public.notifications (owner_user_id, type, titre, message, lien, gite_id,
    reservation_id, data, dedupe_key)
  select n.owner_user_id,
    case when n.status = 'cancelled' then 'reservation_cancelled' else 'reservation_new' end,
    left(case when n.status = 'cancelled' then 'Réservation annulée : '
              else 'Réservation rétablie : ' end || g.nom, 200),
    'Du ' || public.notification_date(n.date_debut) || ' au '
      || public.notification_date(n.date_fin)
      || coalesce(' — ' || n.client_nom, '')
      || ' (' || public.notification_feed_name(f.label, f.platform) || ').',
    '/reservations', n.gite_id, n.id,
    jsonb_build_object('feed_id', n.feed_id, 'date_debut', n.date_debut, 'date_fin', n.date_fin),
    -- A stay cancelled, restored and cancelled again another day is news again.
    case when n.status = 'cancelled' then 'reservation_cancelled:' else 'reservation_back:' end
      || n.id || ':' || v_today
  from old_rows o
  join new_rows n on n.id = o.id
  join public.ical_feeds f on f.id = n.feed_id
  join public.gites g on g.id = n.gite_id
  where n.date_fin >= v_today
    and ((o.status = 'confirmed' and n.status = 'cancelled')
      or (o.status = 'cancelled' and n.status = 'confirmed'))
    and n.owner_user_id is distinct from v_actor
  order by n.id
  on conflict (owner_user_id, dedupe_key) where dedupe_key is not null do nothing;
  return null;
end;
$$;

comment on function public.reservations_notify_feed_changes() is
  'AFTER statement trigger on reservations: notifies the owner of a feed''s new, cancelled and restored stays.';

revoke all on function public.reservations_notify_feed_changes() from public, anon, authenticated;

create trigger reservations_notify_feed_changes_insert
  after insert on public.reservations
  referencing new table as new_rows
  for each statement execute function public.reservations_notify_feed_changes();
create trigger reservations_notify_feed_changes_update
  after update on public.reservations
  referencing old table as old_rows new table as new_rows
  for each statement execute function public.reservations_notify_feed_changes();

-- =============================================================================
-- Possible double booking
-- =============================================================================
-- reservations_refresh_overlaps (20261124000200) inserts a flag only when a
-- stay becomes flagged (on conflict do nothing for those already flagged): each
-- inserted flag is the event. One notification per gîte and statement, naming
-- the stays newly flagged there; stays already over are left out. The key is
-- the set of stays, so the same clash flagged again (a rebuild) is not news.
create or replace function public.reservation_overlaps_notify()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_today date := public.notification_today();
begin
  if not exists (select 1 from new_rows) then
    return null;
  end if;

  insert into public.notifications (owner_user_id, type, titre, message, lien, gite_id,
    reservation_id, data, dedupe_key)
  select s.owner_user_id, 'double_booking',
    left('Double réservation possible : ' || g.nom, 200),
    left('Ces séjours partagent au moins une nuit avec un autre séjour du gîte : '
      || s.liste || '.', 2000),
    '/reservations', s.gite_id, s.dernier,
    jsonb_build_object('reservation_ids', s.ids),
    'double_booking:' || s.gite_id || ':' || md5(s.cle)
  from (
    select r.owner_user_id, r.gite_id,
      string_agg('du ' || public.notification_date(r.date_debut) || ' au '
        || public.notification_date(r.date_fin) || coalesce(' (' || r.client_nom || ')', ''),
        ', ' order by r.date_debut, r.id) as liste,
      jsonb_agg(r.id order by r.date_debut, r.id) as ids,
      string_agg(r.id::text, ',' order by r.id) as cle,
      (array_agg(r.id order by r.created_at desc, r.id))[1] as dernier
    from new_rows f
    join public.reservations r on r.id = f.id
    where r.date_fin >= v_today
    group by r.owner_user_id, r.gite_id
  ) s
  join public.gites g on g.id = s.gite_id
  order by s.gite_id
  on conflict (owner_user_id, dedupe_key) where dedupe_key is not null do nothing;
  return null;
end;
$$;

comment on function public.reservation_overlaps_notify() is
  'AFTER INSERT statement trigger on reservation_overlaps: notifies the owner of stays newly flagged as overlapping.';

revoke all on function public.reservation_overlaps_notify() from public, anon, authenticated;

create trigger reservation_overlaps_notify
  after insert on public.reservation_overlaps
  referencing new table as new_rows
  for each statement execute function public.reservation_overlaps_notify();

-- =============================================================================
-- Revenue approaching the micro-BIC ceiling
-- =============================================================================
-- The ceiling (cents) of each gîte category's legal tier, by year of income.
-- COPY of src/features/fiscalite/rules.ts (RULES[year].tiers[tierOf[category]]
-- .ceiling), which carries the legal sources: change both together. Null for
-- a year the rules do not know (no guess, as rulesFor()).
create or replace function public.micro_bic_ceiling(p_annee integer, p_categorie text)
returns bigint
language sql
immutable
set search_path = ''
as $$
  select c.plafond
  from (values
    (2023, 'meuble_tourisme_classe', 18870000::bigint),
    (2023, 'chambre_hotes', 18870000),
    (2023, 'meuble_tourisme_non_classe', 1500000),
    (2023, 'meuble_longue_duree', 7770000),
    (2024, 'meuble_tourisme_classe', 18870000),
    (2024, 'chambre_hotes', 18870000),
    (2024, 'meuble_tourisme_non_classe', 7770000),
    (2024, 'meuble_longue_duree', 7770000),
    (2025, 'meuble_tourisme_classe', 7770000),
    (2025, 'chambre_hotes', 7770000),
    (2025, 'meuble_tourisme_non_classe', 1500000),
    (2025, 'meuble_longue_duree', 7770000),
    (2026, 'meuble_tourisme_classe', 8360000),
    (2026, 'chambre_hotes', 8360000),
    (2026, 'meuble_tourisme_non_classe', 1500000),
    (2026, 'meuble_longue_duree', 8360000)
  ) as c (annee, categorie, plafond)
  where c.annee = p_annee and c.categorie = p_categorie
$$;

comment on function public.micro_bic_ceiling(integer, text) is
  'Micro-BIC ceiling (cents) of a gîte category for a year of income; copy of src/features/fiscalite/rules.ts.';

revoke all on function public.micro_bic_ceiling(integer, text) from public, anon, authenticated;
grant execute on function public.micro_bic_ceiling(integer, text) to service_role;

-- The owner's ceilings for a year, as micro-bic.ts ceilingChecks() tests them:
-- for each ceiling of a category with receipts, the receipts of the
-- categories whose ceiling is at most that one, against it.
create or replace function public.micro_bic_checks(p_owner uuid, p_annee integer)
returns table (plafond bigint, recettes bigint, categories text[])
language sql
stable
set search_path = ''
as $$
  with receipts as (
    select g.categorie_fiscale as categorie, sum(t.revenu_centimes)::bigint as recettes,
      public.micro_bic_ceiling(p_annee, g.categorie_fiscale) as plafond
    from public.stay_month_totals t
    join public.gites g on g.id = t.gite_id
    where t.owner_user_id = p_owner and t.annee = p_annee
    group by g.categorie_fiscale
    having sum(t.revenu_centimes) > 0
  )
  select c.plafond, sum(r.recettes)::bigint,
    array_agg(r.categorie order by r.categorie)
  from (select distinct plafond from receipts where plafond is not null) c
  join receipts r on r.plafond <= c.plafond
  group by c.plafond
$$;

revoke all on function public.micro_bic_checks(uuid, integer) from public, anon, authenticated;
grant execute on function public.micro_bic_checks(uuid, integer) to service_role;

-- After the totals change: the owners and years (this year and later) whose
-- revenue went up are checked; one notification per owner, year and threshold
-- ('80': at least 80 % of a ceiling, as ceilingWarnings(); '100': above it).
-- Feeds carry no amounts, so the sync's writes rarely get past the first test.
create or replace function public.stay_month_totals_notify_ceiling()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_year integer := extract(year from public.notification_today())::integer;
  v_pairs jsonb;
begin
  if tg_op = 'INSERT' then
    select jsonb_agg(distinct jsonb_build_object('o', n.owner_user_id, 'a', n.annee))
      into v_pairs
    from new_rows n
    where n.annee >= v_year and n.revenu_centimes > 0;
  else
    select jsonb_agg(distinct jsonb_build_object('o', n.owner_user_id, 'a', n.annee))
      into v_pairs
    from new_rows n join old_rows o on o.id = n.id
    where n.annee >= v_year and n.revenu_centimes > o.revenu_centimes;
  end if;
  if v_pairs is null then
    return null;
  end if;

  insert into public.notifications (owner_user_id, type, titre, message, lien, data, dedupe_key)
  select p.owner_user_id, 'micro_bic_ceiling',
    case when w.niveau = 100 then 'Plafond du micro-BIC dépassé (' || p.annee || ')'
         else 'Plafond du micro-BIC bientôt atteint (' || p.annee || ')' end,
    'Vos recettes ' || p.annee || ' (' || w.libelles || ') : '
      || public.notification_euros(w.recettes)
      || case when w.niveau = 100 then ', au-dessus du plafond du micro-BIC ('
                || public.notification_euros(w.plafond) || ').'
              else ', soit ' || (w.recettes * 100 / w.plafond) || ' % du plafond du micro-BIC ('
                || public.notification_euros(w.plafond) || ').' end,
    '/fiscalite',
    jsonb_build_object('annee', p.annee, 'seuil', w.niveau, 'recettes_centimes', w.recettes,
      'plafond_centimes', w.plafond),
    'micro_bic_ceiling:' || p.annee || ':' || w.niveau
  from (
    select distinct (x ->> 'o')::uuid as owner_user_id, (x ->> 'a')::integer as annee
    from jsonb_array_elements(v_pairs) x
  ) p
  cross join lateral (
    -- The most pressing check of the owner's year: exceeded first, then the highest share.
    select case when c.recettes > c.plafond then 100 else 80 end as niveau,
      c.plafond, c.recettes,
      (select string_agg(case k.c
          when 'meuble_tourisme_classe' then 'meublé de tourisme classé'
          when 'meuble_tourisme_non_classe' then 'meublé de tourisme non classé'
          when 'chambre_hotes' then 'chambre d’hôtes'
          else 'location meublée longue durée' end, ', ' order by k.c)
        from unnest(c.categories) k (c)) as libelles
    from public.micro_bic_checks(p.owner_user_id, p.annee) c
    where c.recettes * 5 >= c.plafond * 4
    order by (c.recettes > c.plafond) desc, c.recettes::numeric / c.plafond desc
    limit 1
  ) w
  -- Passing 100 % after the 80 % notice is news; 80 % after 100 % is not.
  where not exists (
    select 1 from public.notifications x
    where x.owner_user_id = p.owner_user_id
      and x.dedupe_key = 'micro_bic_ceiling:' || p.annee || ':100'
  )
  order by p.owner_user_id, p.annee
  on conflict (owner_user_id, dedupe_key) where dedupe_key is not null do nothing;
  return null;
end;
$$;

comment on function public.stay_month_totals_notify_ceiling() is
  'AFTER statement trigger on stay_month_totals: notifies owners whose revenue of the year reaches 80 % or passes 100 % of a micro-BIC ceiling.';

revoke all on function public.stay_month_totals_notify_ceiling() from public, anon, authenticated;

create trigger stay_month_totals_notify_ceiling_insert
  after insert on public.stay_month_totals
  referencing new table as new_rows
  for each statement execute function public.stay_month_totals_notify_ceiling();
create trigger stay_month_totals_notify_ceiling_update
  after update on public.stay_month_totals
  referencing old table as old_rows new table as new_rows
  for each statement execute function public.stay_month_totals_notify_ceiling();

-- =============================================================================
-- Scheduled checks
-- =============================================================================
-- Each reads an index of the few rows concerned, never a whole table, and can
-- run again at any time: a second call the same day adds nothing.

-- Feeds with no successful read for 24 hours (the sync reads each every
-- 15 minutes). One notification per feed and stale spell: the key carries the
-- last success, so a feed that recovers and stalls again is news again.
create index ical_feeds_stale_idx
  on public.ical_feeds ((coalesce(last_success_at, created_at))) where is_active;

create or replace function public.notify_stale_feeds()
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_count integer;
begin
  insert into public.notifications (owner_user_id, type, titre, message, lien, gite_id, data,
    dedupe_key)
  select f.owner_user_id, 'feed_stale',
    left('Calendrier non synchronisé : ' || public.notification_feed_name(f.label, f.platform)
      || ' (' || g.nom || ')', 200),
    case when f.last_success_at is null
         then 'Ce calendrier n’a encore jamais pu être lu. Vérifiez son lien.'
         else 'Dernière lecture réussie le '
           || public.notification_date((f.last_success_at at time zone 'Europe/Paris')::date)
           || '. Les réservations de cette plateforme ne sont plus à jour : vérifiez le lien du calendrier.'
    end,
    '/gites', f.gite_id,
    jsonb_build_object('feed_id', f.id, 'last_success_at', f.last_success_at),
    'feed_stale:' || f.id || ':'
      || extract(epoch from coalesce(f.last_success_at, f.created_at))::bigint
  from public.ical_feeds f
  join public.gites g on g.id = f.gite_id
  where f.is_active
    and coalesce(f.last_success_at, f.created_at) < now() - interval '24 hours'
  order by f.owner_user_id, f.id
  on conflict (owner_user_id, dedupe_key) where dedupe_key is not null do nothing;
  get diagnostics v_count = row_count;
  return v_count;
end;
$$;

-- Tomorrow's planned cleanings that nobody is assigned to.
create index cleaning_schedule_unassigned_idx
  on public.cleaning_schedule (date) where cleaner_id is null and status = 'planned';

create or replace function public.notify_unassigned_cleanings()
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_tomorrow date := public.notification_today() + 1;
  v_count integer;
begin
  insert into public.notifications (owner_user_id, type, titre, message, lien, gite_id,
    reservation_id, data, dedupe_key)
  select c.owner_user_id, 'cleaning_unassigned',
    left('Ménage de demain sans intervenant : ' || g.nom, 200),
    'Le ménage du ' || public.notification_date(c.date)
      || ' n’est confié à personne. Choisissez un intervenant dans Ménage.',
    '/menage', c.gite_id, c.reservation_id,
    jsonb_build_object('cleaning_id', c.id, 'date', c.date),
    'cleaning_unassigned:' || c.id || ':' || c.date
  from public.cleaning_schedule c
  join public.gites g on g.id = c.gite_id
  where c.date = v_tomorrow and c.cleaner_id is null and c.status = 'planned'
  order by c.owner_user_id, c.id
  on conflict (owner_user_id, dedupe_key) where dedupe_key is not null do nothing;
  get diagnostics v_count = row_count;
  return v_count;
end;
$$;

-- Linen: linen_forecast's rule (20261125000700) for every owner at once — the
-- stays arriving from today for 7 days need, per article, a fixed part per
-- stay plus a part per guest (guest count, else the gîte's capacity, else 2);
-- what the clean pile lacks is short. Only gîtes with linen stocks are looked
-- at, each through its stays' (gite_id, date_debut) index. One notification
-- per gîte and day, listing the articles short.
create or replace function public.notify_linen_shortfalls()
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_today date := public.notification_today();
  v_count integer;
begin
  insert into public.notifications (owner_user_id, type, titre, message, lien, gite_id, data,
    dedupe_key)
  select s.owner_user_id, 'linen_low',
    left('Linge insuffisant : ' || g.nom, 200),
    left('Pour les arrivées des 7 prochains jours, il manque : ' || s.liste || '.', 2000),
    '/linge', s.gite_id,
    jsonb_build_object('articles', s.articles, 'du', v_today, 'au', v_today + 6),
    'linen_low:' || s.gite_id || ':' || v_today
  from (
    select n.owner_user_id, n.gite_id,
      string_agg(n.article || ' (' || n.manque || ')', ', ' order by n.article) as liste,
      jsonb_agg(jsonb_build_object('article', n.article, 'manque', n.manque)
        order by n.article) as articles
    from (
      select s.owner_user_id, s.gite_id, s.article,
        c.stays * s.besoin_par_sejour + c.people * s.besoin_par_personne - s.quantite_propre
          as manque
      from (select distinct l.gite_id from public.linen_stocks l) sg
      cross join lateral (
        select count(*)::integer as stays,
          sum(coalesce(r.nb_personnes, gi.capacite, 2))::integer as people
        from public.reservations r
        join public.gites gi on gi.id = r.gite_id
        where r.gite_id = sg.gite_id
          and r.status = 'confirmed'
          and r.date_debut >= v_today
          and r.date_debut < v_today + 7
      ) c
      join public.linen_stocks s on s.gite_id = sg.gite_id
      where c.stays > 0
    ) n
    where n.manque > 0
    group by n.owner_user_id, n.gite_id
  ) s
  join public.gites g on g.id = s.gite_id
  order by s.owner_user_id, s.gite_id
  on conflict (owner_user_id, dedupe_key) where dedupe_key is not null do nothing;
  get diagnostics v_count = row_count;
  return v_count;
end;
$$;

-- The three checks in one call (the local stack's timer).
create or replace function public.run_notification_checks()
returns jsonb
language sql
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'feed_stale', public.notify_stale_feeds(),
    'cleaning_unassigned', public.notify_unassigned_cleanings(),
    'linen_low', public.notify_linen_shortfalls()
  )
$$;

revoke all on function public.notify_stale_feeds() from public, anon, authenticated;
revoke all on function public.notify_unassigned_cleanings() from public, anon, authenticated;
revoke all on function public.notify_linen_shortfalls() from public, anon, authenticated;
revoke all on function public.run_notification_checks() from public, anon, authenticated;
grant execute on function public.notify_stale_feeds() to service_role;
grant execute on function public.notify_unassigned_cleanings() to service_role;
grant execute on function public.notify_linen_shortfalls() to service_role;
grant execute on function public.run_notification_checks() to service_role;

-- =============================================================================
-- Schedule (pg_cron where available, as 20261124000400; the local stack's
-- timer calls run_notification_checks() every minute)
-- =============================================================================
do $migration$
begin
  if not exists (select 1 from pg_catalog.pg_available_extensions where name = 'pg_cron') then
    raise notice 'pg_cron is not available: the notification checks are left to the host.';
    return;
  end if;
  create extension if not exists pg_cron;
  perform cron.schedule('lou-notify-stale-feeds', '7 * * * *',
    'select public.notify_stale_feeds()');
  perform cron.schedule('lou-notify-unassigned-cleanings', '12 * * * *',
    'select public.notify_unassigned_cleanings()');
  -- 06:30 UTC: 07:30 or 08:30 in Paris, before the day's arrivals.
  perform cron.schedule('lou-notify-linen-shortfalls', '30 6 * * *',
    'select public.notify_linen_shortfalls()');
end
$migration$;
