-- =============================================================================
-- Police forms outlive their stay
--
-- The law has the host keep each guest's police form 6 months after the stay
-- (CESEDA R.814-1). A stay is deleted with its gîte, and the forms went with it
-- (on delete cascade): an owner who deleted a gîte lost forms the law still
-- wants kept. Now:
--   * a form keeps the name of the gîte the guest stayed in (`gite_nom`),
--     written when the form is recorded;
--   * deleting the stay (with its gîte) detaches its forms (reservation_id
--     becomes null) instead of deleting them; purge_police_forms() still
--     deletes them 6 months after their departure, and the owner can still
--     read, print and delete them;
--   * deleting the owner's account still deletes everything (owner_user_id
--     cascades from auth.users).
-- =============================================================================

alter table public.police_forms add column gite_nom text;

update public.police_forms as form
set gite_nom = gite.nom
from public.reservations as stay
join public.gites as gite on gite.id = stay.gite_id
where stay.id = form.reservation_id;

alter table public.police_forms
  alter column gite_nom set not null,
  add constraint police_forms_gite_nom_check check (char_length(gite_nom) between 1 and 200);

comment on column public.police_forms.gite_nom is
  'The gîte the guest stayed in, as named when the form was recorded: the form keeps it after the stay and its gîte are deleted.';

-- The name comes from the stay's gîte, whoever inserts (submit_police_form, or
-- service_role): a caller cannot write another name.
create or replace function public.police_forms_set_gite_nom()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  select gite.nom into new.gite_nom
  from public.reservations as stay
  join public.gites as gite on gite.id = stay.gite_id
  where stay.id = new.reservation_id and stay.owner_user_id = new.owner_user_id;
  return new;
end;
$$;

revoke all on function public.police_forms_set_gite_nom() from public, anon, authenticated;

create trigger police_forms_set_gite_nom
  before insert on public.police_forms
  for each row execute function public.police_forms_set_gite_nom();

-- Detach instead of delete. Only reservation_id is set to null: owner_user_id
-- is part of the key and stays (PG 15+ column list).
alter table public.police_forms
  alter column reservation_id drop not null,
  drop constraint police_forms_reservation_fkey,
  add constraint police_forms_reservation_fkey foreign key (reservation_id, owner_user_id)
    references public.reservations (id, owner_user_id) on delete set null (reservation_id);

comment on table public.police_forms is
  'Fiches individuelles de police (CESEDA R.814-1): written by guests through submit_police_form, read by their owner, kept when their stay is deleted (reservation_id null), deleted 6 months after departure by purge_police_forms.';
