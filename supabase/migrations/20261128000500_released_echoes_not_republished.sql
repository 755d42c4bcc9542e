-- =============================================================================
-- A released echo is not published back at once
--
-- An echo is a platform's copy of a stay we export (20261124000500). When that
-- stay is cancelled or moved, its echoes are released: they become what their
-- feed says, a stay to complete or a block, since a real booking could have
-- been made on the platform before it read our export. But the export then
-- published the released echo itself: the platform kept the dates closed
-- because of it, its feed kept sending them, and a cancelled direct stay left
-- its dates closed on every platform for good (a phantom stay the owner could
-- never sell again).
--
-- Now a released echo carries echo_released_at and stays a block for a day,
-- left out of the export: no cleaning, no linen, no « double réservation »
-- against the moved stay, no « annulée » notice when it goes. If it was only
-- our reflection, the platform reopens the dates at its next read of our
-- calendar (every few hours), its feed drops the event and the sync cancels
-- it. If it is still in the feed a day later, it is a real booking of that
-- platform: the sync gives it its feed's status (a stay to complete, with its
-- cleaning) and the export publishes it so that the others close those dates.
-- =============================================================================

-- (echo_released_at, and the sync keeping such a row a block for that day:
-- 20261128000300.)

create or replace function public.reservations_release_echoes()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_originals uuid[];
begin
  if tg_op = 'DELETE' then
    select array_agg(o.id) into v_originals from old_rows o;
  else
    select array_agg(o.id) into v_originals
    from old_rows o join new_rows n on n.id = o.id
    where (o.gite_id, o.date_debut, o.date_fin, o.status, o.echo_of)
      is distinct from (n.gite_id, n.date_debut, n.date_fin, n.status, n.echo_of);
  end if;
  if v_originals is null then
    return null;
  end if;

  with echoes as (
    select e.id, e.feed_kind, e.owner_marked_closure,
      public.echo_original(e.gite_id, e.feed_id, e.feed_kind, e.date_debut, e.date_fin, e.id)
        as new_original
    from public.reservations e
    where e.echo_of = any (v_originals) and e.status <> 'cancelled'
  )
  update public.reservations r
    set echo_of = x.new_original,
        -- Released: it may be our own export reflected back. A block for a day (no
        -- cleaning, no double booking, not published); the sync then gives it its
        -- feed's status if the feed still lists it.
        status = case when x.new_original is null then 'blocked'
                      else public.imported_status(false, x.new_original, x.owner_marked_closure,
                        x.feed_kind) end,
        echo_released_at = case when x.new_original is null then now() end
  from echoes x
  where r.id = x.id
    and (r.echo_of, r.status) is distinct from (
      x.new_original,
      public.imported_status(false, x.new_original, x.owner_marked_closure, x.feed_kind));
  return null;
end;
$$;


create or replace function public.ical_export(p_token text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_link public.gite_export_links;
begin
  select l.* into v_link from public.gite_export_links l
  where l.token = p_token and l.revoked_at is null;
  if v_link.id is null then
    return null;
  end if;
  update public.gite_export_links l set last_fetched_at = now()
  where l.id = v_link.id
    and (l.last_fetched_at is null or l.last_fetched_at < now() - interval '1 minute');
  return jsonb_build_object(
    'gite', (select g.nom from public.gites g where g.id = v_link.gite_id),
    'events', coalesce((
      select jsonb_agg(jsonb_build_object(
        'uid', r.id::text || '@liveownerunit.fr',
        'start', r.date_debut, 'end', r.date_fin, 'status', r.status
      ) order by r.date_debut, r.id)
      from public.reservations r
      where r.gite_id = v_link.gite_id
        and r.status in ('confirmed', 'blocked')
        and r.echo_of is null
        and (r.echo_released_at is null or r.echo_released_at < now() - interval '1 day')
        and r.date_fin >= (now() at time zone 'Europe/Paris')::date - 60
    ), '[]'::jsonb)
  );
end;
$$;

