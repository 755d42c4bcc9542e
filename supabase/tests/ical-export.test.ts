/**
 * The gîte calendar export (migration 20261124000500, supabase/functions/_shared/export/)
 * through the local stack's gateway, as a platform fetches it: no API key, the token in the
 * path. The body is read back with our own feed parser, as Airbnb or Booking.com would read it.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedUpOwner, superuserPool, testClient } from '../../dev/test/clients.ts';
import { parseFeed } from '../functions/_shared/sync/parse-feed.ts';

const stack = inject('stack');

let db: pg.Pool;
let owner: Awaited<ReturnType<typeof signedUpOwner>>;
let gite: string;

beforeAll(async () => {
  db = await superuserPool(stack);
  owner = await signedUpOwner(stack, 'export');
  const { data, error } = await owner.client
    .from('gites')
    .insert({ nom: 'Le Moulin <script>' })
    .select('id')
    .single();
  if (error) throw error;
  gite = data.id;
  const { rows: feeds } = await db.query<{ id: string }>(
    `insert into public.ical_feeds (owner_user_id, gite_id, platform, url, next_sync_at)
     values ($1, $2, 'airbnb', 'https://www.airbnb.fr/calendar/ical/77.ics', now() + interval '1 day')
     returning id`,
    [owner.user.id, gite],
  );
  const feed = feeds[0]?.id;
  await db.query(
    `insert into public.reservations
       (owner_user_id, gite_id, feed_id, external_uid, plateforme, status, client_nom, date_debut, date_fin)
     values
       ($1, $2, null, null, 'direct', 'confirmed', 'Hélène Direct', '2031-05-01', '2031-05-08'),
       ($1, $2, $3, 'a@airbnb', 'airbnb', 'confirmed', 'Invité Airbnb', '2031-06-01', '2031-06-04'),
       ($1, $2, null, null, 'direct', 'blocked', null, '2031-07-01', '2031-07-03'),
       ($1, $2, null, null, 'direct', 'cancelled', 'Annulé', '2031-08-01', '2031-08-03'),
       ($1, $2, null, null, 'direct', 'confirmed', 'Très ancien', '2020-01-01', '2020-01-05')`,
    [owner.user.id, gite, feed],
  );
});

afterAll(async () => {
  await db.end();
});

/** GET as a platform: no apikey, no Authorization. */
const fetchExport = (path: string, init: RequestInit = {}) =>
  fetch(`${stack.url}/functions/v1/ical-export/${path}`, init);

async function newLink(): Promise<string> {
  const { data, error } = await owner.client.rpc('create_gite_export_link', { p_gite_id: gite });
  if (error) throw error;
  return data.token;
}

describe('calendar export', () => {
  it("publishes the gîte's confirmed stays and blocks, direct and imported, and nothing about the guests", async () => {
    const token = await newLink();
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const response = await fetchExport(`${token}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const body = await response.text();
    expect(body).toContain('BEGIN:VCALENDAR\r\n');
    for (const secret of ['Hélène', 'Invité', 'Annulé', 'ancien'])
      expect(body).not.toContain(secret);

    const parsed = await parseFeed(body, 'other');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.events.map((e) => [e.start, e.end, e.kind, e.summary])).toEqual([
      ['2031-05-01', '2031-05-08', 'stay', 'Réservé'],
      ['2031-06-01', '2031-06-04', 'stay', 'Réservé'],
      ['2031-07-01', '2031-07-03', 'block', 'Indisponible'],
    ]);
    // The gîte's name is the calendar's name, escaped by ical.js, never interpreted.
    expect(body).toContain('X-WR-CALNAME:Le Moulin <script>');
  });

  it('stops at once when the link is replaced or revoked, and says nothing about near misses', async () => {
    const old = await newLink();
    const current = await newLink();
    expect((await fetchExport(`${old}.ics`)).status).toBe(404);
    expect((await fetchExport(`${current}.ics`)).status).toBe(200);

    const { data: links } = await owner.client
      .from('gite_export_links')
      .select('token, revoked_at')
      .is('revoked_at', null);
    expect(links).toEqual([{ token: current, revoked_at: null }]);

    const { error } = await owner.client.rpc('revoke_gite_export_link', { p_gite_id: gite });
    expect(error).toBeNull();
    const revoked = await fetchExport(`${current}.ics`);
    const unknown = await fetchExport(
      `${current.slice(0, -1)}${current.endsWith('A') ? 'B' : 'A'}.ics`,
    );
    const malformed = await fetchExport('short.ics');
    for (const response of [revoked, unknown, malformed]) {
      expect(response.status).toBe(404);
      expect(await response.text()).toBe('Calendrier introuvable.');
    }
  });

  it("refuses to make a link for another owner's gîte, and shows nobody else's links", async () => {
    const other = await signedUpOwner(stack, 'export-other');
    const { error } = await other.client.rpc('create_gite_export_link', { p_gite_id: gite });
    expect(error?.code).toBe('P0002');
    await newLink();
    const { data } = await other.client.from('gite_export_links').select('token');
    expect(data).toEqual([]);
    const anon = testClient(stack);
    const { data: anonRows } = await anon.from('gite_export_links').select('token');
    expect(anonRows ?? []).toEqual([]);
    const { error: anonCreate } = await anon.rpc('create_gite_export_link', { p_gite_id: gite });
    expect(anonCreate?.code).toBe('42501');
  });

  it('answers only GET and HEAD', async () => {
    const token = await newLink();
    const post = await fetchExport(`${token}.ics`, { method: 'POST' });
    expect(post.status).toBe(405);
    const head = await fetchExport(`${token}.ics`, { method: 'HEAD' });
    expect(head.status).toBe(200);
  });
});
