-- =============================================================================
-- Month totals kept by triggers: statistics and tax receipts without reading
-- the stays
-- =============================================================================
-- stay_statistics and fiscal_receipts computed their figures from the stays
-- at each call: about 25 ms in the database for an owner with 50 gîtes and
-- 2,200 stays a year (bench:stats on 70,000 owners), over the 50 ms target
-- through the API. They now read stay_month_totals: one row per gîte,
-- platform and month, kept by statement triggers on reservations — whoever
-- writes the stays — with the same counting rules (stay_month_shares: each
-- night in its month, the amount spread over the nights to the cent).
--
-- Which stays count, in one place (stay_month_contribution):
-- - "earning": confirmed, and none of the things that make an imported row a
--   block (an echo of our own calendar, a closure the owner marked, a platform
--   block) — the extra conditions keep a hand-edited status from counting one;
-- - "blocked": status 'blocked' (nights the gîte could not be let);
-- - cancelled stays count for nothing.

-- =============================================================================
-- One stay's part, month by month
-- =============================================================================
-- Arrivals are counted in the arrival's month; `sejours_annee` counts a stay
-- once in each year it has nights, in the month of its first night of that
-- year (what the tax page calls "stays of the year").
create or replace function public.stay_month_contribution(
  p_status text,
  p_echo_of uuid,
  p_owner_marked_closure boolean,
  p_feed_kind text,
  p_date_debut date,
  p_date_fin date,
  p_montant numeric
)
returns table (
  annee integer,
  mois integer,
  nuits_louees integer,
  nuits_bloquees integer,
  revenu_centimes bigint,
  arrivees integer,
  arrivees_sans_montant integer,
  sejours_annee integer,
  sejours_annee_sans_montant integer
)
language sql
immutable
parallel safe
-- No SET clause: it would stop Postgres from inlining this into its callers
-- (as for stay_month_shares). Every name is schema-qualified; it reads no table.
as $$
  select
    extract(year from sh.mois)::integer,
    extract(month from sh.mois)::integer,
    case when k.earning then sh.nuits else 0 end,
    case when p_status = 'blocked' then sh.nuits else 0 end,
    case when k.earning then sh.centimes else 0 end,
    case when k.earning and sh.mois = k.first_month then 1 else 0 end,
    case when k.earning and sh.mois = k.first_month and p_montant is null then 1 else 0 end,
    case when k.earning and sh.mois = greatest(
        k.first_month, pg_catalog.date_trunc('year', sh.mois::timestamp)::date) then 1 else 0 end,
    case when k.earning and p_montant is null and sh.mois = greatest(
        k.first_month, pg_catalog.date_trunc('year', sh.mois::timestamp)::date) then 1 else 0 end
  from (
    select
      p_status = 'confirmed'
        and p_echo_of is null
        and not coalesce(p_owner_marked_closure, false)
        and p_feed_kind is distinct from 'block' as earning,
      pg_catalog.date_trunc('month', p_date_debut::timestamp)::date as first_month
  ) k
  cross join lateral public.stay_month_shares(
    p_date_debut, p_date_fin, pg_catalog.round(p_montant * 100)::bigint,
    '-infinity'::date, 'infinity'::date
  ) sh
  where p_status in ('confirmed', 'blocked')
$$;

comment on function public.stay_month_contribution(text, uuid, boolean, text, date, date, numeric) is
  'A stay''s nights, revenue (cents), arrivals and stays-of-the-year per month, as stay_month_totals adds them up.';

revoke all on function public.stay_month_contribution(text, uuid, boolean, text, date, date, numeric)
  from public, anon;
-- Callers are security definer (the trigger) or run as the owner (none yet); harmless, pure.
grant execute on function public.stay_month_contribution(text, uuid, boolean, text, date, date, numeric)
  to authenticated, service_role;

-- =============================================================================
-- stay_month_totals
-- =============================================================================
create table public.stay_month_totals (
  id uuid primary key default gen_random_uuid(),
  owner_user_id uuid not null references auth.users (id) on delete cascade,
  gite_id uuid not null,
  plateforme text not null,
  annee integer not null,
  mois integer not null check (mois between 1 and 12),
  nuits_louees integer not null default 0,
  nuits_bloquees integer not null default 0,
  revenu_centimes bigint not null default 0,
  arrivees integer not null default 0,
  arrivees_sans_montant integer not null default 0,
  sejours_annee integer not null default 0,
  sejours_annee_sans_montant integer not null default 0,
  -- The triggers' upsert key; also the index of the foreign key to gîtes.
  constraint stay_month_totals_key unique (gite_id, plateforme, annee, mois),
  constraint stay_month_totals_gite_fkey foreign key (gite_id, owner_user_id)
    references public.gites (id, owner_user_id) on delete cascade
);
alter table public.stay_month_totals enable row level security;

comment on table public.stay_month_totals is
  'Per gîte, platform and month: nights, revenue and arrivals of the stays, kept by triggers on reservations.';

-- What the owner's statistics and receipts read: their rows of a few years.
create index stay_month_totals_owner_idx on public.stay_month_totals (owner_user_id, annee);

create policy "Owners read their month totals" on public.stay_month_totals
  for select to authenticated using ((select auth.uid()) = owner_user_id);

revoke all on table public.stay_month_totals from anon, authenticated;
grant select on table public.stay_month_totals to authenticated;
grant select, insert, update, delete on table public.stay_month_totals to service_role;

-- =============================================================================
-- Kept by the stays' writes
-- =============================================================================
-- Statement-level: one pass per statement (an iCal sync applying 40 events),
-- the old rows' parts taken off and the new ones' added, only for rows whose
-- counted columns changed. Rows of a gîte being deleted are skipped (its totals
-- go with it, by the foreign key). Keys are written in order, so two writers
-- never wait on each other's rows in opposite orders.
create or replace function public.add_stay_month_totals(p_stays public.reservations[], p_sign integer)
returns void
language sql
volatile
security definer
set search_path = ''
as $$
  insert into public.stay_month_totals as t (
    owner_user_id, gite_id, plateforme, annee, mois, nuits_louees, nuits_bloquees,
    revenu_centimes, arrivees, arrivees_sans_montant, sejours_annee, sejours_annee_sans_montant
  )
  select s.owner_user_id, s.gite_id, s.plateforme, x.annee, x.mois,
    p_sign * sum(x.nuits_louees), p_sign * sum(x.nuits_bloquees),
    p_sign * sum(x.revenu_centimes), p_sign * sum(x.arrivees),
    p_sign * sum(x.arrivees_sans_montant), p_sign * sum(x.sejours_annee),
    p_sign * sum(x.sejours_annee_sans_montant)
  from unnest(p_stays) s
  join public.gites g on g.id = s.gite_id and g.owner_user_id = s.owner_user_id
  cross join lateral public.stay_month_contribution(
    s.status, s.echo_of, s.owner_marked_closure, s.feed_kind, s.date_debut, s.date_fin, s.montant
  ) x
  group by s.owner_user_id, s.gite_id, s.plateforme, x.annee, x.mois
  order by s.gite_id, s.plateforme, x.annee, x.mois
  on conflict (gite_id, plateforme, annee, mois) do update set
    nuits_louees = t.nuits_louees + excluded.nuits_louees,
    nuits_bloquees = t.nuits_bloquees + excluded.nuits_bloquees,
    revenu_centimes = t.revenu_centimes + excluded.revenu_centimes,
    arrivees = t.arrivees + excluded.arrivees,
    arrivees_sans_montant = t.arrivees_sans_montant + excluded.arrivees_sans_montant,
    sejours_annee = t.sejours_annee + excluded.sejours_annee,
    sejours_annee_sans_montant = t.sejours_annee_sans_montant + excluded.sejours_annee_sans_montant
$$;

revoke all on function public.add_stay_month_totals(public.reservations[], integer)
  from public, anon, authenticated;

create or replace function public.reservations_refresh_month_totals()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_removed public.reservations[];
  v_added public.reservations[];
begin
  if tg_op = 'INSERT' then
    select array_agg(n) into v_added from new_rows n where n.status in ('confirmed', 'blocked');
  elsif tg_op = 'DELETE' then
    select array_agg(o) into v_removed from old_rows o where o.status in ('confirmed', 'blocked');
  else
    -- Only the rows whose counted columns changed (a note edited moves nothing).
    select array_agg(o), array_agg(n) into v_removed, v_added
    from old_rows o join new_rows n on n.id = o.id
    where (n.gite_id, n.plateforme, n.status, n.date_debut, n.date_fin, n.montant,
           n.echo_of, n.owner_marked_closure, n.feed_kind)
          is distinct from
          (o.gite_id, o.plateforme, o.status, o.date_debut, o.date_fin, o.montant,
           o.echo_of, o.owner_marked_closure, o.feed_kind);
  end if;
  if v_removed is not null then
    perform public.add_stay_month_totals(v_removed, -1);
  end if;
  if v_added is not null then
    perform public.add_stay_month_totals(v_added, 1);
  end if;
  return null;
end;
$$;

revoke all on function public.reservations_refresh_month_totals() from public, anon, authenticated;

create trigger reservations_refresh_month_totals_insert
  after insert on public.reservations
  referencing new table as new_rows
  for each statement execute function public.reservations_refresh_month_totals();
create trigger reservations_refresh_month_totals_update
  after update on public.reservations
  referencing old table as old_rows new table as new_rows
  for each statement execute function public.reservations_refresh_month_totals();
create trigger reservations_refresh_month_totals_delete
  after delete on public.reservations
  referencing old table as old_rows
  for each statement execute function public.reservations_refresh_month_totals();

-- The totals from scratch, for one owner or all: after a bulk load that skipped
-- the triggers (session_replication_role = replica), and here for the stays
-- already there. Returns the rows written.
create or replace function public.rebuild_stay_month_totals(p_owner uuid default null)
returns bigint
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_rows bigint;
begin
  delete from public.stay_month_totals t where p_owner is null or t.owner_user_id = p_owner;
  insert into public.stay_month_totals (
    owner_user_id, gite_id, plateforme, annee, mois, nuits_louees, nuits_bloquees,
    revenu_centimes, arrivees, arrivees_sans_montant, sejours_annee, sejours_annee_sans_montant
  )
  select r.owner_user_id, r.gite_id, r.plateforme, x.annee, x.mois,
    sum(x.nuits_louees), sum(x.nuits_bloquees), sum(x.revenu_centimes), sum(x.arrivees),
    sum(x.arrivees_sans_montant), sum(x.sejours_annee), sum(x.sejours_annee_sans_montant)
  from public.reservations r
  cross join lateral public.stay_month_contribution(
    r.status, r.echo_of, r.owner_marked_closure, r.feed_kind, r.date_debut, r.date_fin, r.montant
  ) x
  where r.status in ('confirmed', 'blocked')
    and (p_owner is null or r.owner_user_id = p_owner)
  group by r.owner_user_id, r.gite_id, r.plateforme, x.annee, x.mois;
  get diagnostics v_rows = row_count;
  return v_rows;
end;
$$;

revoke all on function public.rebuild_stay_month_totals(uuid) from public, anon, authenticated;
grant execute on function public.rebuild_stay_month_totals(uuid) to service_role;

select public.rebuild_stay_month_totals();

-- =============================================================================
-- stay_statistics and fiscal_receipts read the totals
-- =============================================================================
-- Same signatures and results as before (supabase/tests/stay-statistics.test.ts,
-- fiscalite.test.ts); a few hundred index reads instead of the stays.
create or replace function public.stay_statistics(p_year integer, p_gite_id uuid default null)
returns table (
  vue text,
  annee integer,
  mois integer,
  plateforme text,
  gite_id uuid,
  nuits_louees bigint,
  nuits_bloquees bigint,
  revenu_centimes bigint,
  arrivees bigint,
  arrivees_sans_montant bigint
)
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  if p_year is null or p_year not between 2000 and 2100 then
    raise exception 'Année invalide : choisissez une année entre 2000 et 2100.'
      using errcode = '22023';
  end if;
  return query
  select
    case when grouping(t.plateforme) = 0 then 'plateforme' else 'gite' end,
    t.annee,
    t.mois,
    t.plateforme,
    t.gite_id,
    sum(t.nuits_louees)::bigint,
    sum(t.nuits_bloquees)::bigint,
    sum(t.revenu_centimes)::bigint,
    sum(t.arrivees)::bigint,
    sum(t.arrivees_sans_montant)::bigint
  from public.stay_month_totals t
  where t.owner_user_id = (select auth.uid())
    and t.annee between p_year - 1 and p_year
    and (p_gite_id is null or t.gite_id = p_gite_id)
  group by grouping sets ((t.annee, t.mois, t.plateforme), (t.annee, t.mois, t.gite_id))
  having sum(t.nuits_louees) <> 0 or sum(t.nuits_bloquees) <> 0 or sum(t.arrivees) <> 0
  order by 1, 2, 3, 4, 5;
end;
$$;

create or replace function public.fiscal_receipts(p_year integer)
returns table (
  annee integer,
  categorie_fiscale text,
  recettes_centimes bigint,
  sejours bigint,
  sejours_sans_montant bigint
)
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  if p_year is null or p_year not between 2002 and 2100 then
    raise exception 'Année invalide : choisissez une année entre 2002 et 2100.'
      using errcode = '22023';
  end if;
  return query
  select
    t.annee,
    g.categorie_fiscale,
    sum(t.revenu_centimes)::bigint,
    sum(t.sejours_annee)::bigint,
    sum(t.sejours_annee_sans_montant)::bigint
  from public.stay_month_totals t
  join public.gites g on g.id = t.gite_id
  where t.owner_user_id = (select auth.uid())
    and t.annee between p_year - 2 and p_year
  group by t.annee, g.categorie_fiscale
  having sum(t.nuits_louees) > 0
  order by t.annee desc, g.categorie_fiscale;
end;
$$;
