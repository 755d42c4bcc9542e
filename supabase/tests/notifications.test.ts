/**
 * Notifications (issue 9, item 1), against the real local stack: each kind is made once by
 * the database where its event happens (a feed's new and cancelled stays, a double booking,
 * the micro-BIC thresholds, the scheduled checks), nothing when nothing happened, and owners
 * read and mark only their own.
 */
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedUpOwner, superuserPool } from '../../dev/test/clients.ts';
import {
  GITE_CATEGORIES,
  isTaxYear,
  RULES,
  rulesFor,
  TAX_YEARS,
} from '../../src/features/fiscalite/rules.ts';
import type { Database } from '../../src/lib/database.types.ts';
import type { FeedEvent } from '../functions/_shared/sync/types.ts';

const stack = inject('stack');
type Client = SupabaseClient<Database>;
type Owner = Awaited<ReturnType<typeof signedUpOwner>>;

let db: pg.Pool;

beforeAll(async () => {
  db = await superuserPool(stack);
});

afterAll(async () => {
  await db.end();
});

/** An ISO date `days` from today in Paris (the database's notification_today()). */
function inDays(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function createGite(client: Client, extra: { categorie_fiscale?: string } = {}) {
  const { data, error } = await client
    .from('gites')
    .insert({ nom: `Gîte ${randomUUID().slice(0, 6)}`, ...extra })
    .select('id, nom')
    .single();
  if (error) throw error;
  return data;
}

async function addStay(
  client: Client,
  gite_id: string,
  date_debut: string,
  date_fin: string,
  extra: { montant?: number; nb_personnes?: number } = {},
) {
  const { data, error } = await client
    .from('reservations')
    .insert({ gite_id, date_debut, date_fin, ...extra })
    .select('id')
    .single();
  if (error) throw error;
  return data.id;
}

async function notificationsOf(owner: Owner, type?: string) {
  const { rows } = await db.query<{
    id: string;
    type: string;
    titre: string;
    message: string | null;
    lien: string | null;
    reservation_id: string | null;
    dedupe_key: string | null;
    is_read: boolean;
    data: Record<string, unknown>;
  }>(
    `select id, type, titre, message, lien, reservation_id, dedupe_key, is_read, data
     from public.notifications
     where owner_user_id = $1 and ($2::text is null or type = $2)
     order by created_at, id`,
    [owner.user.id, type ?? null],
  );
  return rows;
}

describe('a feed’s new and cancelled stays', () => {
  let owner: Owner;
  let gite: { id: string; nom: string };
  let feed: string;

  const stay = (uid: string, start: string, end: string): FeedEvent => ({
    uid,
    start,
    end,
    kind: 'stay',
    cancelled: false,
    guestName: null,
    summary: 'Reserved',
  });

  /** Applies `events` as the sync worker does: a held task, then apply_feed_sync. */
  async function sync(events: FeedEvent[]) {
    const { rows } = await db.query<{ id: string }>(
      `insert into public.sync_queue (owner_user_id, gite_id, feed_id, status, attempts,
         locked_by, locked_until, started_at)
       values ($1, $2, $3, 'processing', 1, 'w-notif', now() + interval '5 minutes', now())
       returning id`,
      [owner.user.id, gite.id, feed],
    );
    const { rows: applied } = await db.query<{ r: { applied: boolean } }>(
      'select public.apply_feed_sync($1, $2, $3::jsonb, $4::jsonb) as r',
      [
        'w-notif',
        rows[0]?.id,
        JSON.stringify({
          http_status: 200,
          bytes: 100,
          duration_ms: 5,
          content_hash: randomUUID(),
        }),
        JSON.stringify(events),
      ],
    );
    expect(applied[0]?.r.applied).toBe(true);
  }

  beforeAll(async () => {
    owner = await signedUpOwner(stack, 'notif-feed');
    gite = await createGite(owner.client);
    const { rows } = await db.query<{ id: string }>(
      `insert into public.ical_feeds (owner_user_id, gite_id, platform, label, url, next_sync_at)
       values ($1, $2, 'airbnb', 'Airbnb', $3, now() + interval '1 day') returning id`,
      [owner.user.id, gite.id, `https://www.airbnb.fr/calendar/ical/${randomUUID()}.ics`],
    );
    feed = rows[0]?.id ?? '';
  });

  it('sums up a first import in one notification, then one per new stay and per cancellation, and nothing for a re-sync of the same events', async () => {
    const a = stay('a@airbnb', inDays(10), inDays(13));
    const b = stay('b@airbnb', inDays(20), inDays(22));
    await sync([a, b]);
    const all = await notificationsOf(owner);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      type: 'reservation_new',
      titre: `Calendrier importé : ${gite.nom}`,
      message: '2 séjours à venir importés depuis Airbnb.',
      lien: '/reservations',
    });

    // The same feed again: nothing changed, nothing to say.
    await sync([a, b]);
    expect(await notificationsOf(owner)).toHaveLength(1);

    // A new stay.
    const c = { ...stay('c@airbnb', inDays(30), inDays(34)), guestName: 'Jeanne Martin' };
    await sync([a, b, c]);
    const added = await notificationsOf(owner, 'reservation_new');
    expect(added).toHaveLength(2);
    const [, cNotice] = added;
    const [d30, d34] = [inDays(30), inDays(34)].map((d) => d.split('-').reverse().join('/'));
    expect(cNotice).toMatchObject({
      titre: `Nouvelle réservation : ${gite.nom}`,
      message: `Du ${d30} au ${d34} — Jeanne Martin (Airbnb).`,
    });
    expect(cNotice?.reservation_id).toBeTruthy();

    // a moves by a day: written by the sync, but neither new nor cancelled.
    const moved = stay('a@airbnb', inDays(11), inDays(13));
    await sync([moved, b, c]);
    expect(await notificationsOf(owner)).toHaveLength(2);

    // b leaves the feed: cancelled once, and a re-sync says nothing more.
    await sync([moved, c]);
    await sync([moved, c]);
    const cancelled = await notificationsOf(owner, 'reservation_cancelled');
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]?.titre).toBe(`Réservation annulée : ${gite.nom}`);
    expect(await notificationsOf(owner)).toHaveLength(3);
  });

  it('does not tell an owner about the imported stay they cancel themselves', async () => {
    const before = (await notificationsOf(owner)).length;
    const { data, error } = await owner.client
      .from('reservations')
      .update({ status: 'cancelled' })
      .eq('external_uid', 'a@airbnb')
      .select('id');
    expect(error).toBeNull();
    expect(data).toHaveLength(1);
    expect(await notificationsOf(owner)).toHaveLength(before);
  });
});

describe('double booking', () => {
  it('notifies once when two stays of a gîte come to share a night, not again for an unrelated edit', async () => {
    const owner = await signedUpOwner(stack, 'notif-double');
    const gite = await createGite(owner.client);
    await addStay(owner.client, gite.id, inDays(5), inDays(9));
    expect(await notificationsOf(owner, 'double_booking')).toHaveLength(0);
    const second = await addStay(owner.client, gite.id, inDays(8), inDays(11));
    const notices = await notificationsOf(owner, 'double_booking');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      titre: `Double réservation possible : ${gite.nom}`,
      reservation_id: second,
    });
    expect(notices[0]?.data.reservation_ids).toHaveLength(2);
    // Departure day = next arrival day is no overlap; a note edit flags nothing new.
    await addStay(owner.client, gite.id, inDays(11), inDays(12));
    await owner.client.from('reservations').update({ notes: 'Arrivée tardive' }).eq('id', second);
    expect(await notificationsOf(owner, 'double_booking')).toHaveLength(1);
  });
});

describe('micro-BIC ceiling', () => {
  it('keeps the SQL ceilings equal to src/features/fiscalite/rules.ts', async () => {
    for (const year of TAX_YEARS) {
      for (const category of GITE_CATEGORIES) {
        const { rows } = await db.query<{ c: string | null }>(
          'select public.micro_bic_ceiling($1, $2) as c',
          [year, category],
        );
        const rules = RULES[year];
        expect(Number(rows[0]?.c), `${year} ${category}`).toBe(
          rules.tiers[rules.tierOf[category]]?.ceiling,
        );
      }
    }
    const { rows } = await db.query('select public.micro_bic_ceiling(2099, $1) as c', [
      'chambre_hotes',
    ]);
    expect(rows[0]?.c).toBeNull();
  });

  it('says nothing about the revenue of a past year', async () => {
    const owner = await signedUpOwner(stack, 'notif-bic-past');
    const gite = await createGite(owner.client, {
      categorie_fiscale: 'meuble_tourisme_non_classe',
    });
    const last = Number(inDays(0).slice(0, 4)) - 1;
    await addStay(owner.client, gite.id, `${last}-05-10`, `${last}-05-12`, { montant: 90000 });
    const { rows } = await db.query<{ n: string }>(
      'select sum(revenu_centimes) as n from public.stay_month_totals where owner_user_id = $1',
      [owner.user.id],
    );
    expect(Number(rows[0]?.n)).toBe(9_000_000);
    expect(await notificationsOf(owner, 'micro_bic_ceiling')).toHaveLength(0);
  });

  it('measures a year’s receipts against the next year’s ceilings when they are known', async () => {
    const owner = await signedUpOwner(stack, 'notif-bic-next');
    const gite = await createGite(owner.client, { categorie_fiscale: 'meuble_tourisme_classe' });
    await addStay(owner.client, gite.id, '2025-05-10', '2025-05-12', { montant: 80000 });
    await addStay(owner.client, gite.id, '2026-05-10', '2026-05-12', { montant: 80000 });
    const checks = async (year: number) =>
      (
        await db.query<{ plafond: string }>('select plafond from public.micro_bic_checks($1, $2)', [
          owner.user.id,
          year,
        ])
      ).rows.map((row) => Number(row.plafond));
    // 2025 receipts decide 2026's micro-BIC: 2026's 83,600 €. 2027's are not known: 2026's own.
    expect(await checks(2025)).toEqual([83_600_00]);
    expect(await checks(2026)).toEqual([83_600_00]);
  });

  it('notifies once at 80 % and once above 100 % of the year’s ceiling', async () => {
    const owner = await signedUpOwner(stack, 'notif-bic');
    const gite = await createGite(owner.client, {
      categorie_fiscale: 'meuble_tourisme_non_classe',
    });
    const year = Number(inDays(0).slice(0, 4));
    if (!isTaxYear(year)) {
      // No rules for this year yet (rulesFor throws): the database must not guess either.
      await addStay(owner.client, gite.id, `${year}-01-10`, `${year}-01-12`, { montant: 900000 });
      expect(await notificationsOf(owner, 'micro_bic_ceiling')).toHaveLength(0);
      return;
    }
    const ceiling = rulesFor(year).tiers[rulesFor(year).tierOf.meuble_tourisme_non_classe]
      ?.ceiling as number;
    // 79 %: nothing yet.
    await addStay(owner.client, gite.id, `${year}-01-10`, `${year}-01-12`, {
      montant: (ceiling * 0.79) / 100,
    });
    expect(await notificationsOf(owner, 'micro_bic_ceiling')).toHaveLength(0);
    // 84 %: the 80 % notice, once.
    await addStay(owner.client, gite.id, `${year}-02-10`, `${year}-02-12`, {
      montant: (ceiling * 0.05) / 100,
    });
    await addStay(owner.client, gite.id, `${year}-02-14`, `${year}-02-15`, { montant: 1 });
    let notices = await notificationsOf(owner, 'micro_bic_ceiling');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      dedupe_key: `micro_bic_ceiling:${year}:80`,
      lien: '/fiscalite',
    });
    expect(notices[0]?.message).toContain('84 % du plafond du micro-BIC');
    // Above the ceiling: the 100 % notice, once.
    await addStay(owner.client, gite.id, `${year}-03-10`, `${year}-03-12`, {
      montant: (ceiling * 0.2) / 100,
    });
    await addStay(owner.client, gite.id, `${year}-03-14`, `${year}-03-15`, { montant: 1 });
    notices = await notificationsOf(owner, 'micro_bic_ceiling');
    expect(notices.map((n) => n.dedupe_key)).toEqual([
      `micro_bic_ceiling:${year}:80`,
      `micro_bic_ceiling:${year}:100`,
    ]);
    expect(notices[1]?.titre).toBe(`Plafond du micro-BIC dépassé (${year})`);
  });
});

describe('scheduled checks', () => {
  const call = async (fn: string) => {
    await db.query(`select public.${fn}()`);
  };

  it('notify_unassigned_cleanings: one per cleaning of tomorrow with no cleaner, none on a second call', async () => {
    const owner = await signedUpOwner(stack, 'notif-menage');
    const gite = await createGite(owner.client);
    const other = await createGite(owner.client);
    await addStay(owner.client, gite.id, inDays(-2), inDays(1));
    // The day after tomorrow, or assigned: not concerned.
    await addStay(owner.client, gite.id, inDays(1), inDays(2));
    const assigned = await addStay(owner.client, other.id, inDays(-3), inDays(1));
    const { data: cleaner, error } = await owner.client
      .from('cleaners')
      .insert({ nom: 'Martine' })
      .select('id')
      .single();
    if (error) throw error;
    await db.query(
      'update public.cleaning_schedule set cleaner_id = $1 where reservation_id = $2',
      [cleaner.id, assigned],
    );
    await call('notify_unassigned_cleanings');
    await call('notify_unassigned_cleanings');
    const notices = await notificationsOf(owner, 'cleaning_unassigned');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.titre).toBe(`Ménage de demain sans intervenant : ${gite.nom}`);
    expect(notices[0]?.lien).toBe('/menage');
  });

  it('notify_stale_feeds: one per feed not read for 24 hours, none on a second call', async () => {
    const owner = await signedUpOwner(stack, 'notif-stale');
    const gite = await createGite(owner.client);
    const feed = (success: string | null, active = true) =>
      db.query(
        `insert into public.ical_feeds (owner_user_id, gite_id, platform, url, is_active,
           last_success_at, created_at, next_sync_at)
         values ($1, $2, 'booking', $3, $4, $5::timestamptz, now() - interval '10 days',
           now() + interval '1 day')`,
        [owner.user.id, gite.id, `https://ical.booking.com/${randomUUID()}.ics`, active, success],
      );
    await feed(new Date(Date.now() - 3 * 86_400_000).toISOString());
    await feed(new Date(Date.now() - 3_600_000).toISOString()); // fresh
    await feed(null, false); // paused by the owner
    await call('notify_stale_feeds');
    await call('notify_stale_feeds');
    const notices = await notificationsOf(owner, 'feed_stale');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.titre).toBe(`Calendrier non synchronisé : Booking.com (${gite.nom})`);
  });

  it('notify_linen_shortfalls: one per gîte short for the coming week, listing the articles, none on a second call', async () => {
    const owner = await signedUpOwner(stack, 'notif-linge');
    const short = await createGite(owner.client);
    const enough = await createGite(owner.client);
    for (const [gite_id, article, quantite_propre] of [
      [short.id, 'Draps', 2],
      [short.id, 'Serviettes', 10],
      [enough.id, 'Draps', 50],
    ] as const) {
      const { error } = await owner.client.from('linen_stocks').insert({
        gite_id,
        article,
        quantite_propre,
        besoin_par_sejour: 2,
        besoin_par_personne: 1,
      });
      if (error) throw error;
    }
    await addStay(owner.client, short.id, inDays(2), inDays(4), { nb_personnes: 4 });
    await addStay(owner.client, enough.id, inDays(3), inDays(5), { nb_personnes: 4 });
    // Beyond the week: not counted.
    await addStay(owner.client, short.id, inDays(9), inDays(12), { nb_personnes: 8 });
    await call('notify_linen_shortfalls');
    await call('notify_linen_shortfalls');
    const notices = await notificationsOf(owner, 'linen_low');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      titre: `Linge insuffisant : ${short.nom}`,
      message: 'Pour les arrivées des 7 prochains jours, il manque : Draps (4).',
      lien: '/linge',
    });
  });
});

describe('reading and marking', () => {
  let a: Owner;
  let b: Owner;

  beforeAll(async () => {
    a = await signedUpOwner(stack, 'notif-a');
    b = await signedUpOwner(stack, 'notif-b');
    for (const owner of [a, b]) {
      for (const titre of ['Un', 'Deux', 'Trois']) {
        await db.query(
          `insert into public.notifications (owner_user_id, type, titre) values ($1, 'info', $2)`,
          [owner.user.id, titre],
        );
      }
    }
  });

  const unread = async (owner: Owner) => {
    const { count, error } = await owner.client
      .from('notifications')
      .select('id', { count: 'exact', head: true })
      .eq('is_read', false);
    if (error) throw error;
    return count;
  };

  it('shows an owner only their own notifications, and B cannot mark A’s read', async () => {
    const { data } = await b.client.from('notifications').select('owner_user_id');
    expect(data?.every((n) => n.owner_user_id === b.user.id)).toBe(true);
    expect(data).toHaveLength(3);
    const aIds = (await notificationsOf(a)).map((n) => n.id);
    const { data: touched, error } = await b.client
      .from('notifications')
      .update({ is_read: true, read_at: new Date().toISOString() })
      .in('id', aIds)
      .select('id');
    expect(error).toBeNull();
    expect(touched).toHaveLength(0);
    expect(await unread(a)).toBe(3);
  });

  it('lets an owner change nothing but is_read and read_at, and insert none', async () => {
    const [first] = await notificationsOf(a);
    const { error } = await a.client
      .from('notifications')
      .update({ titre: 'Piraté' })
      .eq('id', first?.id ?? '');
    expect(error?.code).toBe('42501');
    const { error: insertError } = await a.client
      .from('notifications')
      .insert({ type: 'info', titre: 'Faux' });
    expect(insertError?.code).toBe('42501');
  });

  it('marks one read, then all read, and the unread count follows', async () => {
    const [first] = await notificationsOf(a);
    const { error } = await a.client
      .from('notifications')
      .update({ is_read: true, read_at: new Date().toISOString() })
      .eq('id', first?.id ?? '');
    expect(error).toBeNull();
    expect(await unread(a)).toBe(2);
    const { data, error: allError } = await a.client
      .from('notifications')
      .update({ is_read: true, read_at: new Date().toISOString() })
      .eq('owner_user_id', a.user.id)
      .eq('is_read', false)
      .select('id');
    expect(allError).toBeNull();
    expect(data).toHaveLength(2);
    expect(await unread(a)).toBe(0);
    expect(await unread(b)).toBe(3);
  });
});
