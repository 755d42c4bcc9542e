-- =============================================================================
-- Saving a gîte keeps its feeds' labels
--
-- save_gite wrote each feed's label from what the form sent, and the form has
-- no label field: every save of a gîte erased its feeds' labels (« Chambre
-- bleue »…), and two Airbnb feeds of one gîte then looked alike in the sync
-- history. A label is now written only when the caller sends one.
-- =============================================================================

create or replace function public.save_gite(gite jsonb, feeds jsonb default '[]'::jsonb)
returns uuid
language plpgsql
security invoker
set search_path = ''
as $$
declare
  saved_id uuid := nullif(gite ->> 'id', '')::uuid;
  kept_feed_ids uuid[];
  feed jsonb;
begin
  if jsonb_typeof(gite) is distinct from 'object' or jsonb_typeof(feeds) is distinct from 'array' then
    raise exception using errcode = '22023', message = 'save_gite expects a gîte object and an array of feeds';
  end if;

  if saved_id is null then
    insert into public.gites (nom, adresse, code_postal, ville, capacite, couleur)
    values (gite ->> 'nom', gite ->> 'adresse', gite ->> 'code_postal', gite ->> 'ville',
            (gite ->> 'capacite')::integer, gite ->> 'couleur')
    returning id into saved_id;
  else
    update public.gites g
       set nom = gite ->> 'nom',
           adresse = gite ->> 'adresse',
           code_postal = gite ->> 'code_postal',
           ville = gite ->> 'ville',
           capacite = (gite ->> 'capacite')::integer,
           couleur = gite ->> 'couleur'
     where g.id = saved_id;
    if not found then
      -- Another owner's gîte is invisible under RLS: same answer as a deleted one.
      raise exception using errcode = 'P0002', message = 'gîte introuvable';
    end if;
  end if;

  -- Feeds the form no longer lists are removed first, so a URL moved from a removed
  -- feed to a new one does not clash with unique (gite_id, url).
  select coalesce(array_agg((f ->> 'id')::uuid), '{}')
    into kept_feed_ids
    from jsonb_array_elements(feeds) f
   where nullif(f ->> 'id', '') is not null;
  delete from public.ical_feeds f where f.gite_id = saved_id and f.id <> all (kept_feed_ids);

  for feed in select value from jsonb_array_elements(feeds) loop
    insert into public.ical_feeds as f (id, gite_id, platform, url, label)
    values (coalesce(nullif(feed ->> 'id', '')::uuid, gen_random_uuid()), saved_id,
            feed ->> 'platform', feed ->> 'url', feed ->> 'label')
    on conflict (id) do update
       -- The form has no label field: a feed's label (seed, import, API) is kept unless
       -- the caller sends one.
       set platform = excluded.platform, url = excluded.url,
           label = case when feed ? 'label' then excluded.label else f.label end
     where f.gite_id = excluded.gite_id;
    if not found then
      -- The id belongs to a feed of another gîte: never move it silently.
      raise exception using errcode = '23505', message = 'ce calendrier appartient à un autre gîte';
    end if;
  end loop;

  return saved_id;
end;
$$;

