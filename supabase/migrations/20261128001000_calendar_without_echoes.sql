-- =============================================================================
-- The calendar leaves echoes out
--
-- An echo is a platform's copy of one of our stays, sent back in its feed once
-- it has read our export; it is stored (as a block pointing at the stay) so
-- that it is never a stay or a double booking. The calendar drew it all the
-- same: with Airbnb and Booking.com importing the export, each direct stay got
-- two more hatched « Bloqué » bars under it, as if the platforms had blocked
-- those dates. The stay's own bar says it all. (The list still shows echoes,
-- labelled « écho ».) A released echo — our stay cancelled or moved — is no
-- echo any more (echo_of null) and is drawn as the block it is.
-- =============================================================================

create or replace view public.calendar_stays
with (security_invoker = true)
as
select
  r.id,
  r.gite_id,
  r.client_nom,
  r.plateforme,
  r.status,
  r.date_debut,
  r.date_fin,
  r.nb_personnes,
  r.montant,
  exists (select 1 from public.reservation_overlaps o where o.id = r.id) as has_overlap
from public.reservations r
where r.echo_of is null;
