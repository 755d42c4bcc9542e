-- =============================================================================
-- A guest-sheet link follows its stay's dates
--
-- A sheet's validity was computed once, from the stay's dates when the link
-- was made (by default 3 days before arrival to the end of the day after
-- departure). When the stay's dates changed afterwards — the guest shortened
-- it on the platform and the sync moved the row, or the owner edited it — the
-- link kept its old window: a guest who left early could still read the Wi-Fi
-- and the door code during the next guests' stay, and a stay moved later had
-- a link that closed before the guest arrived.
--
-- Now, when a stay's arrival or departure moves, each of its live links moves
-- its start by as many days as the arrival and its end as the departure: the
-- default window stays the default, and a window the owner set ("5 days
-- before", "2 days after") keeps its distance to the stay. Days are counted in
-- Paris time, as everywhere for sheets (a day is 23 or 25 hours at a change of
-- time).
-- =============================================================================

create or replace function public.guest_sheets_follow_stay()
returns trigger
language plpgsql
-- The owner's role cannot write client_access_tokens (only the sheet functions
-- do); the sync's role neither.
security definer
set search_path = ''
as $$
begin
  update public.client_access_tokens t
    set valid_from = v.valid_from,
        -- A window the shift would close before it opens keeps one day.
        valid_until = greatest(v.valid_until, v.valid_from + interval '1 day'),
        updated_at = now()
  from (
    select s.id,
      ((s.valid_from at time zone 'Europe/Paris')
        + (new.date_debut - old.date_debut) * interval '1 day') at time zone 'Europe/Paris'
        as valid_from,
      ((s.valid_until at time zone 'Europe/Paris')
        + (new.date_fin - old.date_fin) * interval '1 day') at time zone 'Europe/Paris'
        as valid_until
    from public.client_access_tokens s
    where s.reservation_id = new.id and s.revoked_at is null
  ) as v
  where t.id = v.id;
  return null;
end;
$$;

revoke all on function public.guest_sheets_follow_stay() from public, anon, authenticated;

create trigger reservations_guest_sheets_follow_stay
  after update of date_debut, date_fin on public.reservations
  for each row
  when (old.date_debut is distinct from new.date_debut or old.date_fin is distinct from new.date_fin)
  execute function public.guest_sheets_follow_stay();
