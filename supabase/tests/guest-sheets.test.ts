/**
 * Guest welcome sheets (migration 20261125000200): the owner's functions to make, regenerate
 * and revoke a sheet link, and guest_sheet(token), the only way the anon key reaches a gîte's
 * information — through the real stack's PostgREST, as the guest page calls it.
 */
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedUpOwner, superuserPool, testClient } from '../../dev/test/clients.ts';

const stack = inject('stack');

type Owner = Awaited<ReturnType<typeof signedUpOwner>>;
interface Sheet {
  id: string;
  token: string;
  langue: string;
  valid_from: string;
  valid_until: string;
}

let db: pg.Pool;
let ownerA: Owner;
let ownerB: Owner;
let giteA: string;
let stayA: string;
let otherStayA: string;

const HOSTILE = '<img src=x onerror="alert(1)"><script>alert("x")</script> & "quotes"';

/** Stays start in a week: the default window (3 days before) is open now? No: 7 > 3. */
function isoDay(offsetDays: number): string {
  const day = new Date(Date.now() + offsetDays * 86_400_000);
  return day.toISOString().slice(0, 10);
}

async function createSheet(owner: Owner, reservation: string, extra: Record<string, string> = {}) {
  const { data, error } = await owner.client.rpc('create_guest_sheet', {
    p_reservation_id: reservation,
    ...extra,
  });
  if (error) throw error;
  const sheet = (data as unknown as Sheet[])[0];
  if (!sheet) throw new Error('create_guest_sheet returned no row');
  return sheet;
}

/** The guest page's call: POST /rest/v1/rpc/guest_sheet with the anon key only. */
async function openAsGuest(token: string): Promise<Record<string, unknown> | null> {
  const { data, error } = await testClient(stack).rpc('guest_sheet', { p_token: token });
  if (error) throw error;
  return data as Record<string, unknown> | null;
}

beforeAll(async () => {
  db = await superuserPool(stack);
  ownerA = await signedUpOwner(stack, 'sheets-a');
  ownerB = await signedUpOwner(stack, 'sheets-b');
  const { rows: gites } = await db.query<{ id: string }>(
    `insert into public.gites (owner_user_id, nom) values ($1, 'Le Moulin'), ($1, 'La Grange')
     returning id`,
    [ownerA.user.id],
  );
  giteA = gites[0]?.id ?? '';
  const otherGite = gites[1]?.id ?? '';
  const { rows: stays } = await db.query<{ id: string }>(
    `insert into public.reservations
       (owner_user_id, gite_id, plateforme, status, client_nom, client_email, client_telephone,
        montant, date_debut, date_fin)
     values ($1, $2, 'direct', 'confirmed', 'Hélène Dupont-Secret', 'helene@secret.fr',
             '+33 6 00 00 00 01', 1234.56, current_date - 1, current_date + 5),
            ($1, $3, 'direct', 'confirmed', 'Autre Client', 'autre@secret.fr', null, 99,
             current_date + 30, current_date + 37)
     returning id`,
    [ownerA.user.id, giteA, otherGite],
  );
  stayA = stays[0]?.id ?? '';
  otherStayA = stays[1]?.id ?? '';
  await db.query(
    `insert into public.infos_gites_core
       (owner_user_id, gite_id, nom, adresse_complete, latitude, longitude, telephone_urgence, email_contact)
     values ($1, $2, $3, '12 chemin des Prés, 79000 Niort', 46.32, -0.46, '+33 5 49 00 00 00', 'hote@moulin.fr');
     `,
    [ownerA.user.id, giteA, `Le Moulin ${HOSTILE}`],
  );
  await db.query(
    `insert into public.infos_gites_wifi (owner_user_id, gite_id, ssid, wifi_password, securite)
     values ($1, $2, 'Moulin;Wifi', 'p@ss:w,rd"', 'WPA')`,
    [ownerA.user.id, giteA],
  );
  await db.query(
    `insert into public.infos_gites_consignes
       (owner_user_id, gite_id, langue, code_acces, horaire_arrivee, horaire_depart, consignes_sejour)
     values ($1, $2, 'fr', '4812B', '16:00', '10:30', $3),
            ($1, $2, 'en', '4812B', '16:00', '10:30', 'No parties.')`,
    [ownerA.user.id, giteA, HOSTILE],
  );
  await db.query(
    `insert into public.infos_gites_equipements (owner_user_id, gite_id, cuisine)
     values ($1, $2, '{"four": "Bouton de gauche"}')`,
    [ownerA.user.id, giteA],
  );
  await db.query(
    `insert into public.infos_gites_contacts (owner_user_id, gite_id, type, nom, telephone)
     values ($1, $2, 'proprietaire', 'Marie Hôte', '+33 6 11 22 33 44'),
            ($1, $2, 'medecin', 'Dr Lefèvre', '+33 5 49 11 11 11')`,
    [ownerA.user.id, giteA],
  );
  await db.query(
    `insert into public.activites_gites (owner_user_id, gite_id, nom, categorie, distance_km, url)
     values ($1, $2, 'Marais poitevin', 'nature', 12, 'https://example.org/marais')`,
    [ownerA.user.id, giteA],
  );
});

afterAll(async () => {
  await db.end();
});

describe('guest sheets: what the anon key can reach', () => {
  it('reads no infos table, no activity and no sheet link directly, and writes none', async () => {
    const anon = testClient(stack);
    for (const table of [
      'infos_gites_core',
      'infos_gites_wifi',
      'infos_gites_consignes',
      'infos_gites_equipements',
      'infos_gites_contacts',
      'activites_gites',
      'client_access_tokens',
      'reservations',
      'gites',
    ] as const) {
      const { data, error } = await anon.from(table).select('*');
      // Either refused (no grant) or an empty answer (RLS): never a row.
      expect(error ? [] : data, table).toEqual([]);
    }
    const insert = await anon.from('client_access_tokens').insert({
      reservation_id: stayA,
      token_hash: `\\x${randomBytes(32).toString('hex')}`,
      valid_from: '2020-01-01T00:00:00Z',
      valid_until: '2100-01-01T00:00:00Z',
    });
    expect(insert.error?.code).toBe('42501');
  });

  it('cannot call the owner functions', async () => {
    const anon = testClient(stack);
    const created = await anon.rpc('create_guest_sheet', { p_reservation_id: stayA });
    expect(created.error?.code).toBe('42501');
    const window = await anon.rpc('guest_sheet_window', {
      p_date_debut: '2027-01-01',
      p_date_fin: '2027-01-05',
      p_from: '2027-01-01',
      p_until: '2027-01-05',
    });
    expect(window.error).not.toBeNull();
  });

  it('lets an owner read their links but not write them directly (only through the functions)', async () => {
    await createSheet(ownerA, stayA);
    const { data } = await ownerA.client.from('client_access_tokens').select('id, token_hash');
    expect(data?.length).toBeGreaterThan(0);
    const forged = await ownerA.client.from('client_access_tokens').insert({
      reservation_id: stayA,
      token_hash: `\\x${createHash('sha256').update('weak').digest('hex')}`,
      valid_from: '2020-01-01T00:00:00Z',
      valid_until: '2100-01-01T00:00:00Z',
    });
    expect(forged.error?.code).toBe('42501');
    const reset = await ownerA.client
      .from('client_access_tokens')
      .update({ open_count: 0 })
      .eq('reservation_id', stayA)
      .select('id');
    expect(reset.error ? [] : reset.data).toEqual([]);
  });
});

describe('guest sheets: the owner side', () => {
  it('makes a 192-bit URL-safe token, stores only its sha-256, and defaults to 3 days before arrival → the day after departure (Paris)', async () => {
    const sheet = await createSheet(ownerA, otherStayA);
    expect(sheet.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(sheet.langue).toBe('fr');
    const { rows } = await db.query<{
      hash: Buffer;
      from_ok: boolean;
      until_ok: boolean;
    }>(
      `select t.token_hash as hash,
              t.valid_from = ((r.date_debut - 3)::timestamp at time zone 'Europe/Paris') as from_ok,
              t.valid_until = ((r.date_fin + 2)::timestamp at time zone 'Europe/Paris') as until_ok
       from public.client_access_tokens t join public.reservations r on r.id = t.reservation_id
       where t.id = $1`,
      [sheet.id],
    );
    expect(rows[0]?.hash.equals(createHash('sha256').update(sheet.token).digest())).toBe(true);
    expect(rows[0]?.from_ok).toBe(true);
    expect(rows[0]?.until_ok).toBe(true);
    // Nothing stores the raw token.
    const { rows: found } = await db.query(
      `select 1 from public.client_access_tokens t where position($1 in t::text) > 0`,
      [sheet.token],
    );
    expect(found).toEqual([]);
  });

  it('takes a language and an adjusted validity, and refuses a window that ends before it starts or a bad language', async () => {
    const sheet = await createSheet(ownerA, otherStayA, {
      p_langue: 'en',
      p_valid_from: isoDay(20),
      p_valid_until: isoDay(40),
    });
    expect(sheet.langue).toBe('en');
    const backwards = await ownerA.client.rpc('create_guest_sheet', {
      p_reservation_id: otherStayA,
      p_valid_from: isoDay(10),
      p_valid_until: isoDay(5),
    });
    expect(backwards.error?.code).toBe('22023');
    expect(backwards.error?.message).toMatch(/fin de validité/);
    const language = await ownerA.client.rpc('create_guest_sheet', {
      p_reservation_id: otherStayA,
      p_langue: 'de',
    });
    expect(language.error?.code).toBe('22023');
    // The refused calls changed nothing: the English sheet is still the live one.
    const { rows } = await db.query(
      `select id from public.client_access_tokens where reservation_id = $1 and revoked_at is null`,
      [otherStayA],
    );
    expect(rows).toEqual([{ id: sheet.id }]);
  });

  it('regenerating kills the old token at once; the new one works', async () => {
    const first = await createSheet(ownerA, stayA);
    expect((await openAsGuest(first.token))?.status).toBe('ok');
    const { data, error } = await ownerA.client.rpc('regenerate_guest_sheet', {
      p_sheet_id: first.id,
    });
    expect(error).toBeNull();
    const second = (data as unknown as Sheet[])[0];
    expect(second?.token).not.toBe(first.token);
    expect(second?.valid_from).toBe(first.valid_from);
    expect(second?.valid_until).toBe(first.valid_until);
    const old = await openAsGuest(first.token);
    expect(old?.status).toBe('revoked');
    expect(Object.keys(old ?? {}).sort()).toEqual(['contact', 'langue', 'status']);
    expect((await openAsGuest(second?.token ?? ''))?.status).toBe('ok');
  });

  it('owner B can neither make, regenerate nor revoke a sheet of owner A, nor see A’s sheets', async () => {
    const sheet = await createSheet(ownerA, stayA);
    const create = await ownerB.client.rpc('create_guest_sheet', { p_reservation_id: stayA });
    expect(create.error?.code).toBe('P0002');
    const regenerate = await ownerB.client.rpc('regenerate_guest_sheet', { p_sheet_id: sheet.id });
    expect(regenerate.error?.code).toBe('P0002');
    const revoke = await ownerB.client.rpc('revoke_guest_sheet', { p_sheet_id: sheet.id });
    expect(revoke.error?.code).toBe('P0002');
    const { data } = await ownerB.client.from('client_access_tokens').select('id');
    expect(data).toEqual([]);
    expect((await openAsGuest(sheet.token))?.status).toBe('ok');
  });

  it('refuses a sheet for a cancelled stay or a block', async () => {
    const { rows } = await db.query<{ id: string }>(
      `insert into public.reservations (owner_user_id, gite_id, status, date_debut, date_fin)
       values ($1, $2, 'blocked', current_date + 60, current_date + 62) returning id`,
      [ownerA.user.id, giteA],
    );
    const { error } = await ownerA.client.rpc('create_guest_sheet', {
      p_reservation_id: rows[0]?.id ?? '',
    });
    expect(error?.code).toBe('22023');
  });
});

describe('guest sheets: what the guest gets', () => {
  it('a live token gives that stay’s gîte information and the first name only, owner text verbatim', async () => {
    const sheet = await createSheet(ownerA, stayA);
    const answer = await openAsGuest(sheet.token);
    expect(answer).toMatchObject({
      status: 'ok',
      langue: 'fr',
      guest: { prenom: 'Hélène' },
      gite: {
        nom: `Le Moulin ${HOSTILE}`,
        adresse: '12 chemin des Prés, 79000 Niort',
        latitude: 46.32,
        longitude: -0.46,
      },
      wifi: { ssid: 'Moulin;Wifi', password: 'p@ss:w,rd"', securite: 'WPA' },
      consignes: {
        fr: {
          code_acces: '4812B',
          horaire_arrivee: '16:00',
          horaire_depart: '10:30',
          sejour: HOSTILE,
        },
        en: { sejour: 'No parties.' },
      },
      equipements: { cuisine: { four: 'Bouton de gauche' } },
      contact: { nom: 'Marie Hôte', telephone: '+33 6 11 22 33 44', email: 'hote@moulin.fr' },
    });
    expect(answer?.contacts).toHaveLength(2);
    expect(answer?.activites).toEqual([
      expect.objectContaining({ nom: 'Marais poitevin', url: 'https://example.org/marais' }),
    ]);
    const text = JSON.stringify(answer);
    for (const secret of [
      'Dupont-Secret',
      'helene@secret.fr',
      '+33 6 00 00 00 01',
      '1234.56',
      'Autre Client',
      'La Grange',
      ownerA.user.id,
      ownerA.email,
      stayA,
      giteA,
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('records the first opening (no IP, no user agent anywhere in the row)', async () => {
    const sheet = await createSheet(ownerA, stayA);
    const before = await db.query(
      'select first_opened_at, open_count from public.client_access_tokens where id = $1',
      [sheet.id],
    );
    expect(before.rows[0]).toEqual({ first_opened_at: null, open_count: 0 });
    await openAsGuest(sheet.token);
    await openAsGuest(sheet.token);
    const { rows } = await db.query<{ first_opened_at: Date | null; open_count: number }>(
      'select first_opened_at, open_count from public.client_access_tokens where id = $1',
      [sheet.id],
    );
    expect(rows[0]?.first_opened_at).toBeInstanceOf(Date);
    // Two opens within a minute are one write.
    expect(rows[0]?.open_count).toBe(1);
    const { rows: columns } = await db.query<{ column_name: string }>(
      `select column_name from information_schema.columns
       where table_schema = 'public' and table_name = 'client_access_tokens'`,
    );
    expect(columns.map((c) => c.column_name).filter((c) => /ip|agent|addr/i.test(c))).toEqual([]);
  });

  it('an expired or revoked token gives only the owner’s contact; a not-yet-open one too', async () => {
    const sheet = await createSheet(ownerA, stayA);
    await db.query(
      `update public.client_access_tokens set valid_from = now() - interval '10 days',
         valid_until = now() - interval '1 second' where id = $1`,
      [sheet.id],
    );
    const expired = await openAsGuest(sheet.token);
    expect(expired).toEqual({
      status: 'expired',
      langue: 'fr',
      contact: { nom: 'Marie Hôte', telephone: '+33 6 11 22 33 44', email: 'hote@moulin.fr' },
    });

    const live = await createSheet(ownerA, stayA);
    const { error } = await ownerA.client.rpc('revoke_guest_sheet', { p_sheet_id: live.id });
    expect(error).toBeNull();
    const revoked = await openAsGuest(live.token);
    expect(Object.keys(revoked ?? {}).sort()).toEqual(['contact', 'langue', 'status']);
    expect(revoked?.status).toBe('revoked');

    const early = await createSheet(ownerA, otherStayA);
    const soon = await openAsGuest(early.token);
    expect(soon?.status).toBe('not_yet');
    expect(Object.keys(soon ?? {}).sort()).toEqual(['contact', 'langue', 'status']);
    // Neither opening is recorded.
    const { rows } = await db.query(
      'select first_opened_at from public.client_access_tokens where id = any($1::uuid[])',
      [[sheet.id, live.id, early.id]],
    );
    expect(rows.every((row) => row.first_opened_at === null)).toBe(true);
  });

  it('a wrong token gives nothing: altered by one character, truncated, extended, empty, huge', async () => {
    const sheet = await createSheet(ownerA, stayA);
    const last = sheet.token.at(-1) === 'A' ? 'B' : 'A';
    for (const guess of [
      `${sheet.token.slice(0, -1)}${last}`,
      sheet.token.slice(0, -1),
      `${sheet.token}x`,
      sheet.token.toUpperCase() === sheet.token
        ? sheet.token.toLowerCase()
        : sheet.token.toUpperCase(),
      '',
      'x'.repeat(10_000),
      "' or 1=1 --",
    ]) {
      expect(await openAsGuest(guess), guess.slice(0, 40)).toBeNull();
    }
  });

  it('10,000 random tokens find nothing (one batched query)', async () => {
    await createSheet(ownerA, stayA);
    const tokens = Array.from({ length: 10_000 }, () => randomBytes(24).toString('base64url'));
    const client = await db.connect();
    try {
      await client.query('begin');
      // As the anon role, through the function the guest page calls.
      await client.query('set local role anon');
      const { rows } = await client.query<{ found: number; calls: number }>(
        `select count(*) filter (where public.guest_sheet(t) is not null)::int as found,
                count(*)::int as calls
         from unnest($1::text[]) as t`,
        [tokens],
      );
      expect(rows[0]).toEqual({ found: 0, calls: 10_000 });
    } finally {
      await client.query('rollback');
      client.release();
    }
  });
});

describe('guest sheets follow their stay’s dates (migration 20261128000400)', () => {
  async function newStay(from: string, to: string): Promise<string> {
    const { rows } = await db.query<{ id: string }>(
      `insert into public.reservations
         (owner_user_id, gite_id, plateforme, status, client_nom, date_debut, date_fin)
       values ($1, $2, 'direct', 'confirmed', 'Ana Moves', ${from}, ${to}) returning id`,
      [ownerA.user.id, giteA],
    );
    return rows[0]?.id ?? '';
  }

  /** Whether the sheet's window is [from 00:00, until + 1 day 00:00) in Paris, as dates. */
  async function windowIs(sheetId: string, from: string, until: string): Promise<boolean> {
    const { rows } = await db.query<{ ok: boolean }>(
      `select valid_from = ((${from})::timestamp at time zone 'Europe/Paris')
          and valid_until = ((${until}) + 1)::timestamp at time zone 'Europe/Paris' as ok
       from public.client_access_tokens where id = $1`,
      [sheetId],
    );
    return rows[0]?.ok ?? false;
  }

  it('closes the link of a stay shortened on the platform: the departed guest reads nothing more', async () => {
    const stay = await newStay('current_date - 4', 'current_date + 6');
    const sheet = await createSheet(ownerA, stay);
    expect((await openAsGuest(sheet.token))?.status).toBe('ok');
    // The guest left early; the sync (or the owner) moves the departure to two days ago.
    const { rows: days } = await db.query<{ day: string }>(
      'select (current_date - 2)::text as day',
    );
    const { error } = await ownerA.client
      .from('reservations')
      .update({ date_fin: days[0]?.day ?? '' })
      .eq('id', stay);
    expect(error).toBeNull();
    expect(await windowIs(sheet.id, 'current_date - 7', 'current_date - 1')).toBe(true);
    expect((await openAsGuest(sheet.token))?.status).toBe('expired');
  });

  it('moves a window the owner set with the stay, keeping its distance to arrival and departure, across a change of time', async () => {
    const stay = await newStay("date '2031-03-20'", "date '2031-03-25'");
    const sheet = await createSheet(ownerA, stay, {
      p_valid_from: '2031-03-15',
      p_valid_until: '2031-03-27',
    });
    // Ten days later: 30 March 2031 is a change of time in Paris.
    await db.query(
      `update public.reservations set date_debut = date '2031-04-05', date_fin = date '2031-04-12'
       where id = $1`,
      [stay],
    );
    expect(await windowIs(sheet.id, "date '2031-03-31'", "date '2031-04-14'")).toBe(true);
    // A revoked link stays as it was.
    const { error } = await ownerA.client.rpc('revoke_guest_sheet', { p_sheet_id: sheet.id });
    expect(error).toBeNull();
    await db.query(`update public.reservations set date_fin = date '2031-04-20' where id = $1`, [
      stay,
    ]);
    expect(await windowIs(sheet.id, "date '2031-03-31'", "date '2031-04-14'")).toBe(true);
  });
});
