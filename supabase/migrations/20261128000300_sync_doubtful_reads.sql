-- =============================================================================
-- The sync no longer cancels stays on a doubtful read
--
-- apply_feed_sync cancelled every future stay of a feed that no longer listed
-- it. Two reads made that wrong:
--   * a platform answering, for a while, a valid calendar with no event in it
--     (an outage, a maintenance page served as an empty VCALENDAR): every
--     future stay of the feed was cancelled, its cleaning too, the owner told
--     « Réservation annulée » for each, and the dates reopened on the other
--     platforms through the export — a double booking waiting to happen;
--   * an event the parser cannot read (dates it does not understand): it was
--     left out, so its stay was cancelled as if the guest had.
-- And a calendar removed then added back (or replaced by the listing's new
-- link) imported every stay a second time: its stays, whose link to the
-- removed calendar was cleared, are now taken back instead (step 0 below).
-- Now an empty calendar that would cancel stays is believed only once it has
-- stayed empty for an hour (ical_feeds.empty_since; the feed is read every
-- 15 minutes, so after 4 or 5 reads), and the worker passes the UIDs of the
-- events it could not read (p_keep_uids), whose stays are kept as they are.
-- =============================================================================

alter table public.ical_feeds add column empty_since timestamptz;

comment on column public.ical_feeds.empty_since is
  'Since when the feed has answered an empty calendar that would cancel stays (null: it has not): its cancellations wait until it has stayed empty an hour.';

-- A released echo (20261128000500: the platform's copy of one of our stays,
-- which we cancelled or moved) may be only our own export reflected back. For
-- its first day it stays a block — no cleaning, no linen, no double booking,
-- not published — even though its feed still lists it; a day later, still
-- listed, it is a real booking of that platform and gets its feed's status.
alter table public.reservations add column echo_released_at timestamptz;

comment on column public.reservations.echo_released_at is
  'When this imported event stopped being an echo (its original cancelled or moved): a block for a day, left out of the export, in case it is only our own export reflected back.';

-- What the feed says a stay already imported is, that first day aside.
create or replace function public.synced_status(
  p_cancelled boolean,
  p_echo_of uuid,
  p_owner_marked_closure boolean,
  p_kind text,
  p_echo_released_at timestamptz
)
returns text
language sql
stable
set search_path = ''
as $$
  select case
    when not p_cancelled and p_echo_of is null
      and p_echo_released_at > now() - interval '1 day' then 'blocked'
    else public.imported_status(p_cancelled, p_echo_of, p_owner_marked_closure, p_kind)
  end
$$;

revoke all on function public.synced_status(boolean, uuid, boolean, text, timestamptz)
  from public, anon, authenticated;

-- The new parameter has a default: a worker deployed before this migration
-- still calls it with four.
drop function public.apply_feed_sync(text, uuid, jsonb, jsonb);

create function public.apply_feed_sync(
  p_worker text,
  p_task_id uuid,
  p_fetch jsonb,
  p_events jsonb,
  p_keep_uids jsonb default '[]'::jsonb
)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_task public.sync_queue;
  v_feed public.ical_feeds;
  v_added integer := 0;
  v_updated integer := 0;
  v_cancelled integer := 0;
  v_echoes integer := 0;
  v_today date := (now() at time zone 'Europe/Paris')::date;
  v_rows jsonb;
  -- An empty calendar not believed yet: nothing is cancelled, the feed is read again.
  v_held boolean := false;
begin
  v_task := public.held_sync_task(p_worker, p_task_id);
  if v_task.id is null then
    return jsonb_build_object('applied', false);
  end if;
  select f.* into v_feed from public.ical_feeds f where f.id = v_task.feed_id;

  -- 0. Stays a calendar the owner removed left behind (feed_id cleared) come back to a
  --    calendar of the same gîte that lists them again — the same link added back, or the
  --    listing's new link — instead of being imported a second time: one row per UID, the
  --    latest, and never one this calendar already holds.
  update public.reservations r
    set feed_id = v_feed.id
  from (
    select distinct on (o.external_uid) o.id
    from public.reservations o
    where o.gite_id = v_feed.gite_id
      and o.feed_id is null
      and o.external_uid in (select e ->> 'uid' from jsonb_array_elements(p_events) e)
      and not exists (
        select 1 from public.reservations x
        where x.gite_id = v_feed.gite_id and x.feed_id = v_feed.id
          and x.external_uid = o.external_uid)
    order by o.external_uid, o.created_at desc, o.id
  ) as orphan
  where r.id = orphan.id;

  -- 1. The events whose row would change (new ones included): read, not locked; each
  --    event's echo looked up once.
  with events as (
    select e.uid, e.start, e."end", e.kind, coalesce(e.cancelled, false) as cancelled,
      nullif(btrim(left(e."guestName", 200)), '') as guest_name
    from jsonb_to_recordset(p_events) as e (
      uid text, start date, "end" date, kind text, cancelled boolean, "guestName" text
    )
  ),
  classified as materialized (
    select e.*,
      case when e.cancelled or e.kind not in ('block', 'to_complete') then null
           else public.echo_original(v_feed.gite_id, v_feed.id, e.kind, e.start, e."end") end
        as echo_of
    from events e
  )
  select jsonb_agg(to_jsonb(c)) into v_rows
  from classified c
  left join public.reservations r
    on r.gite_id = v_feed.gite_id and r.feed_id = v_feed.id and r.external_uid = c.uid
  where r.id is null
     or (r.date_debut, r.date_fin, r.feed_kind, r.echo_of, r.status, r.client_nom)
        is distinct from (c.start, c."end", c.kind, c.echo_of,
          public.synced_status(c.cancelled, c.echo_of, r.owner_marked_closure, c.kind, r.echo_released_at),
          coalesce(r.client_nom, c.guest_name));

  -- 2. Only those are upserted (same statement as before, guard kept for concurrent edits):
  --    no statement, no row lock, no trigger when nothing changed.
  if v_rows is not null then
    with c as (
      select * from jsonb_to_recordset(v_rows) as x (
        uid text, start date, "end" date, kind text, cancelled boolean, guest_name text,
        echo_of uuid)
    ),
    upserted as (
      insert into public.reservations as r (
        owner_user_id, gite_id, feed_id, external_uid, plateforme, status, client_nom,
        date_debut, date_fin, feed_kind, echo_of
      )
      select v_feed.owner_user_id, v_feed.gite_id, v_feed.id, c.uid, v_feed.platform,
        public.imported_status(c.cancelled, c.echo_of, false, c.kind),
        c.guest_name, c.start, c."end", c.kind, c.echo_of
      from c
      on conflict (gite_id, feed_id, external_uid) do update
        set date_debut = excluded.date_debut,
            date_fin = excluded.date_fin,
            feed_kind = excluded.feed_kind,
            echo_of = excluded.echo_of,
            status = public.synced_status(excluded.status = 'cancelled', excluded.echo_of,
              r.owner_marked_closure, excluded.feed_kind, r.echo_released_at),
            client_nom = coalesce(r.client_nom, excluded.client_nom)
        where (r.date_debut, r.date_fin, r.feed_kind, r.echo_of, r.status, r.client_nom)
          is distinct from (
            excluded.date_debut, excluded.date_fin, excluded.feed_kind, excluded.echo_of,
            public.synced_status(excluded.status = 'cancelled', excluded.echo_of,
              r.owner_marked_closure, excluded.feed_kind, r.echo_released_at),
            coalesce(r.client_nom, excluded.client_nom))
      returning (r.xmax = 0) as inserted, r.echo_of is not null as echo
    )
    select count(*) filter (where inserted and not echo), count(*) filter (where not inserted),
      count(*) filter (where inserted and echo)
      into v_added, v_updated, v_echoes
    from upserted;
  end if;

  -- 3. Stays that left the feed: the update runs (and its triggers fire) only if there is one.
  --    An event the parser could not read (p_keep_uids) has not left the feed: its stay is
  --    kept as it is. A calendar with no event at all that would cancel stays is believed
  --    only once it has stayed empty for an hour (a platform's glitch, not every guest
  --    cancelling at once); until then nothing is cancelled and the body is not remembered,
  --    so that the next reads apply it again.
  if exists (
    select 1 from public.reservations r
    where r.gite_id = v_feed.gite_id and r.feed_id = v_feed.id and r.status <> 'cancelled'
      and r.date_debut >= v_today
      and not exists (
        select 1 from jsonb_array_elements(p_events) e where e ->> 'uid' = r.external_uid)
      and not (coalesce(p_keep_uids, '[]'::jsonb) ? r.external_uid)
  ) then
    v_held := jsonb_array_length(p_events) = 0
      and jsonb_array_length(coalesce(p_keep_uids, '[]'::jsonb)) = 0
      and (v_feed.empty_since is null or v_feed.empty_since > now() - interval '1 hour');
    if not v_held then
      update public.reservations r
        set status = 'cancelled'
      where r.gite_id = v_feed.gite_id
        and r.feed_id = v_feed.id
        and r.status <> 'cancelled'
        and r.date_debut >= v_today
        and not exists (
          select 1 from jsonb_array_elements(p_events) e where e ->> 'uid' = r.external_uid
        )
        and not (coalesce(p_keep_uids, '[]'::jsonb) ? r.external_uid);
      get diagnostics v_cancelled = row_count;
    end if;
  end if;

  update public.ical_feeds f
    set last_synced_at = now(),
        last_success_at = now(),
        last_status = 'success',
        last_http_status = (p_fetch ->> 'http_status')::integer,
        last_error = null,
        consecutive_failures = 0,
        etag = case when v_held then f.etag else p_fetch ->> 'etag' end,
        last_modified = case when v_held then f.last_modified else p_fetch ->> 'last_modified' end,
        content_hash = case when v_held then f.content_hash else p_fetch ->> 'content_hash' end,
        empty_since = case when v_held then coalesce(f.empty_since, now()) end,
        next_sync_at = public.next_feed_sync_at(now())
  where f.id = v_feed.id;

  update public.sync_queue q
    set status = 'done', finished_at = now(), locked_by = null, locked_until = null,
        last_error = null
  where q.id = v_task.id;

  -- A held read says why in the feed's history (the owner sees it there).
  insert into public.sync_logs (owner_user_id, gite_id, feed_id, task_id, status, http_status,
    bytes, duration_ms, added, updated, cancelled, error)
  values (v_feed.owner_user_id, v_feed.gite_id, v_feed.id, v_task.id, 'success',
    (p_fetch ->> 'http_status')::integer, (p_fetch ->> 'bytes')::integer,
    (p_fetch ->> 'duration_ms')::integer, v_added, v_updated, v_cancelled,
    case when v_held then
      'Calendrier reçu vide : ses séjours à venir ne seront annulés que s''il reste vide une heure (une panne de la plateforme ne doit rien annuler).'
    end);

  return jsonb_build_object('applied', true, 'added', v_added, 'updated', v_updated,
    'cancelled', v_cancelled, 'echoes', v_echoes)
    || case when v_held then jsonb_build_object('held', true) else '{}'::jsonb end;
end;
$$;

comment on function public.apply_feed_sync(text, uuid, jsonb, jsonb, jsonb) is
  'Worker: applies a whole fetched feed to the gîte''s reservations in one transaction; keeps the stays of unreadable events (p_keep_uids) and holds an empty calendar''s cancellations for an hour.';

revoke execute on function public.apply_feed_sync(text, uuid, jsonb, jsonb, jsonb) from public, anon, authenticated;
grant execute on function public.apply_feed_sync(text, uuid, jsonb, jsonb, jsonb) to service_role;
