-- =============================================================================
-- A planned cleaning follows its stay into the past
--
-- A stay whose departure moved to a day already past — the guests left early
-- and the owner (or the platform, through the sync) shortened the stay the
-- next day — left its planned cleaning on the old departure day: still on the
-- cleaner's link, and « ménage de demain sans intervenant » on a day with no
-- turnover. The cleaning now moves to the real departure day (shown overdue);
-- a past departure still gets no new cleaning.
-- =============================================================================

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
    -- A past departure gets no new cleaning, but a planned one follows its stay there (the
    -- guests left early: the turnover is on their real departure day, not the old one).
    and (n.date_fin >= current_date
      or exists (select 1 from public.cleaning_schedule c
                 where c.reservation_id = n.id and c.status = 'planned'))
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

