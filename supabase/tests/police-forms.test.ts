/**
 * Police forms (migration 20261126000100): a guest writes their stay's form with the welcome
 * sheet's token through submit_police_form — anonymous, token-scoped, idempotent, validated,
 * capped — and can read nothing back; only the owner reads (and deletes) the forms; the
 * 6-month purge deletes exactly the forms whose departure is more than 6 months ago. A form
 * keeps its gîte's name and outlives its stay when the gîte is deleted, until that purge.
 * Through the real stack's PostgREST, as the guest page and the owner app call it.
 */
import { randomUUID } from 'node:crypto';
import type { PostgrestError } from '@supabase/supabase-js';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedUpOwner, superuserPool, testClient } from '../../dev/test/clients.ts';
import { COUNTRY_CODES, FRENCH_TERRITORIES } from '../../src/guest/police-form-rules.ts';

const stack = inject('stack');

type Owner = Awaited<ReturnType<typeof signedUpOwner>>;

let db: pg.Pool;
let ownerA: Owner;
let ownerB: Owner;
let stayA: { id: string; token: string; arrivee: string; depart: string };
let otherStayA: { id: string; token: string };

async function createSheet(owner: Owner, reservation: string): Promise<string> {
  const { data, error } = await owner.client.rpc('create_guest_sheet', {
    p_reservation_id: reservation,
  });
  if (error) throw error;
  const token = (data as unknown as Array<{ token: string }>)[0]?.token;
  if (!token) throw new Error('create_guest_sheet returned no token');
  return token;
}

async function addStay(owner: Owner, gite: string, from: number, to: number) {
  const { rows } = await db.query<{ id: string; arrivee: string; depart: string }>(
    `insert into public.reservations
       (owner_user_id, gite_id, plateforme, status, client_nom, date_debut, date_fin)
     values ($1, $2, 'direct', 'confirmed', 'John Smith', current_date + $3::int, current_date + $4::int)
     returning id, date_debut::text as arrivee, date_fin::text as depart`,
    [owner.user.id, gite, from, to],
  );
  const stay = rows[0];
  if (!stay) throw new Error('no stay');
  return stay;
}

function form(stay: { arrivee: string; depart: string }, overrides: Record<string, unknown> = {}) {
  return {
    nom: 'Smith',
    prenoms: 'John Albert',
    date_naissance: '1980-04-02',
    lieu_naissance: 'Leeds',
    nationalite: 'GB',
    adresse: '12 Baker Street',
    code_postal: 'NW1 6XE',
    ville: 'London',
    pays: 'GB',
    telephone: '+44 7700 900123',
    email: 'john.smith@example.co.uk',
    date_arrivee: stay.arrivee,
    date_depart: stay.depart,
    enfants_moins_15: '2',
    langue: 'en',
    ...overrides,
  };
}

/** The guest page's call: POST /rest/v1/rpc/submit_police_form with the anon key only. */
function submit(token: string, submissionId: string, body: unknown) {
  return testClient(stack).rpc('submit_police_form', {
    p_token: token,
    p_submission_id: submissionId,
    // biome-ignore lint/suspicious/noExplicitAny: malformed bodies are part of what is tested
    p_form: body as any,
  });
}

async function formsOf(reservation: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'select count(*)::int as n from public.police_forms where reservation_id = $1',
    [reservation],
  );
  return rows[0]?.n ?? 0;
}

function expectRefusal(
  error: PostgrestError | null,
  code: string,
  hint: string,
  details?: string,
): void {
  expect(error, `expected ${code} ${hint}`).not.toBeNull();
  expect({ code: error?.code, hint: error?.hint }).toEqual({ code, hint });
  if (details !== undefined) expect(error?.details).toBe(details);
}

beforeAll(async () => {
  db = await superuserPool(stack);
  ownerA = await signedUpOwner(stack, 'police-a');
  ownerB = await signedUpOwner(stack, 'police-b');
  const { rows } = await db.query<{ id: string }>(
    `insert into public.gites (owner_user_id, nom) values ($1, 'Le Moulin') returning id`,
    [ownerA.user.id],
  );
  const gite = rows[0]?.id ?? '';
  const stay = await addStay(ownerA, gite, -1, 5);
  stayA = { ...stay, token: await createSheet(ownerA, stay.id) };
  const other = await addStay(ownerA, gite, 20, 27);
  otherStayA = { id: other.id, token: await createSheet(ownerA, other.id) };
});

afterAll(async () => {
  await db.end();
});

describe('submit_police_form: a guest writes their own stay’s form', () => {
  it('records a form under the token’s stay and owner, and answers only an acknowledgement', async () => {
    const id = randomUUID();
    const { data, error } = await submit(stayA.token, id, form(stayA));
    expect(error).toBeNull();
    expect(data).toBe('recorded');
    const { rows } = await db.query(
      `select owner_user_id, reservation_id, nom, prenoms, date_naissance::text, nationalite, pays,
              code_postal, date_arrivee::text, date_depart::text, enfants_moins_15, langue
       from public.police_forms where submission_id = $1`,
      [id],
    );
    expect(rows).toEqual([
      {
        owner_user_id: ownerA.user.id,
        reservation_id: stayA.id,
        nom: 'Smith',
        prenoms: 'John Albert',
        date_naissance: '1980-04-02',
        nationalite: 'GB',
        pays: 'GB',
        code_postal: 'NW1 6XE',
        date_arrivee: stayA.arrivee,
        date_depart: stayA.depart,
        enfants_moins_15: 2,
        langue: 'en',
      },
    ]);
    expect(await formsOf(otherStayA.id)).toBe(0);
  });

  it('does not duplicate a retried submission (same id, even sent three times at once)', async () => {
    const id = randomUUID();
    const before = await formsOf(stayA.id);
    const answers = await Promise.all([1, 2, 3].map(() => submit(stayA.token, id, form(stayA))));
    for (const answer of answers) expect(answer.error).toBeNull();
    expect(answers.map((a) => a.data).sort()).toEqual([
      'already_recorded',
      'already_recorded',
      'recorded',
    ]);
    const again = await submit(stayA.token, id, form(stayA, { nom: 'Changed' }));
    expect(again.data).toBe('already_recorded');
    expect(await formsOf(stayA.id)).toBe(before + 1);
  });

  it('takes one form per guest: two submissions make two forms', async () => {
    const before = await formsOf(stayA.id);
    const a = await submit(stayA.token, randomUUID(), form(stayA, { prenoms: 'Mary' }));
    const b = await submit(stayA.token, randomUUID(), form(stayA, { prenoms: 'Peter' }));
    expect([a.error, b.error]).toEqual([null, null]);
    expect(await formsOf(stayA.id)).toBe(before + 2);
  });

  it('trims text and upper-cases country codes; a number of children may be a JSON number', async () => {
    const id = randomUUID();
    const { error } = await submit(
      stayA.token,
      id,
      form(stayA, { nom: '  Müller ', nationalite: 'de', pays: 'ch', enfants_moins_15: 0 }),
    );
    expect(error).toBeNull();
    const { rows } = await db.query(
      'select nom, nationalite, pays, enfants_moins_15 from public.police_forms where submission_id = $1',
      [id],
    );
    expect(rows).toEqual([{ nom: 'Müller', nationalite: 'DE', pays: 'CH', enfants_moins_15: 0 }]);
  });
});

describe('submit_police_form: what it refuses', () => {
  it('refuses an unknown token, and a revoked or expired sheet, writing nothing', async () => {
    const before = await formsOf(stayA.id);
    expectRefusal(
      (await submit(`${stayA.token.slice(0, -1)}x`, randomUUID(), form(stayA))).error,
      '28000',
      'token_unknown',
    );
    expectRefusal((await submit('', randomUUID(), form(stayA))).error, '28000', 'token_unknown');
    expectRefusal(
      (await submit('x'.repeat(500), randomUUID(), form(stayA))).error,
      '28000',
      'token_unknown',
    );

    const { rows } = await db.query<{ id: string }>(
      `insert into public.gites (owner_user_id, nom) values ($1, 'La Grange') returning id`,
      [ownerA.user.id],
    );
    const gite = rows[0]?.id ?? '';
    const expired = await addStay(ownerA, gite, 40, 45);
    const expiredToken = await createSheet(ownerA, expired.id);
    await db.query(
      `update public.client_access_tokens set valid_from = now() - interval '3 days',
         valid_until = now() - interval '1 minute' where reservation_id = $1`,
      [expired.id],
    );
    expectRefusal(
      (await submit(expiredToken, randomUUID(), form(expired))).error,
      '28000',
      'token_closed',
    );

    const revoked = await addStay(ownerA, gite, -2, 3);
    const revokedToken = await createSheet(ownerA, revoked.id);
    const { data: sheet } = await ownerA.client
      .from('client_access_tokens')
      .select('id')
      .eq('reservation_id', revoked.id)
      .single();
    expect(
      (await ownerA.client.rpc('revoke_guest_sheet', { p_sheet_id: sheet?.id ?? '' })).error,
    ).toBeNull();
    expectRefusal(
      (await submit(revokedToken, randomUUID(), form(revoked))).error,
      '28000',
      'token_closed',
    );

    const cancelled = await addStay(ownerA, gite, -4, 6);
    const cancelledToken = await createSheet(ownerA, cancelled.id);
    await db.query(`update public.reservations set status = 'cancelled' where id = $1`, [
      cancelled.id,
    ]);
    expectRefusal(
      (await submit(cancelledToken, randomUUID(), form(cancelled))).error,
      '28000',
      'token_closed',
    );

    for (const stay of [expired, revoked, cancelled]) expect(await formsOf(stay.id)).toBe(0);
    expect(await formsOf(stayA.id)).toBe(before);
  });

  it('refuses each wrong field with its code, naming the field, and writes nothing', async () => {
    const before = await formsOf(stayA.id);
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ nom: '   ' }, 'nom', 'required'],
      [{ prenoms: undefined }, 'prenoms', 'required'],
      [{ lieu_naissance: 'x'.repeat(151) }, 'lieu_naissance', 'too_long'],
      [{ date_naissance: '1980-02-30' }, 'date_naissance', 'invalid'],
      [{ date_naissance: '02/04/1980' }, 'date_naissance', 'invalid'],
      [{ date_naissance: '1850-01-01' }, 'date_naissance', 'invalid'],
      [{ date_naissance: new Date().toISOString().slice(0, 10) }, 'date_naissance', 'too_young'],
      [{ nationalite: 'FR' }, 'nationalite', 'french'],
      [{ nationalite: 'RE' }, 'nationalite', 'french'],
      [{ nationalite: 'ZZ' }, 'nationalite', 'invalid'],
      [{ nationalite: 'DEU' }, 'nationalite', 'too_long'],
      [{ pays: 'QQ' }, 'pays', 'invalid'],
      [{ adresse: '' }, 'adresse', 'required'],
      [{ ville: { nested: true } }, 'ville', 'invalid'],
      [{ telephone: 'call me' }, 'telephone', 'invalid'],
      [{ telephone: '+1 2' }, 'telephone', 'invalid'],
      [{ email: 'john@' }, 'email', 'invalid'],
      [{ date_arrivee: '2000-01-01' }, 'date_arrivee', 'outside_stay'],
      [{ date_depart: stayA.arrivee }, 'date_depart', 'before_arrival'],
      [{ date_depart: '2999-01-01' }, 'date_depart', 'outside_stay'],
      [{ enfants_moins_15: '21' }, 'enfants_moins_15', 'invalid'],
      [{ enfants_moins_15: '-1' }, 'enfants_moins_15', 'invalid'],
      [{ langue: 'de' }, 'langue', 'invalid'],
    ];
    for (const [override, field, reason] of cases) {
      const { data, error } = await submit(stayA.token, randomUUID(), form(stayA, override));
      expect(data, JSON.stringify(override)).toBeNull();
      expectRefusal(error, '22023', reason, field);
      expect(error?.message.length).toBeGreaterThan(5);
    }
    expectRefusal((await submit(stayA.token, randomUUID(), 'hello')).error, '22023', 'invalid');
    expectRefusal((await submit(stayA.token, randomUUID(), [1, 2])).error, '22023', 'invalid');
    expect(await formsOf(stayA.id)).toBe(before);
  });

  it('caps the forms of a stay at 40', async () => {
    const { rows } = await db.query<{ id: string }>(
      `insert into public.gites (owner_user_id, nom) values ($1, 'Le Fournil') returning id`,
      [ownerA.user.id],
    );
    const stay = await addStay(ownerA, rows[0]?.id ?? '', 0, 4);
    const token = await createSheet(ownerA, stay.id);
    await db.query(
      `insert into public.police_forms (owner_user_id, reservation_id, submission_id, nom, prenoms,
         date_naissance, lieu_naissance, nationalite, adresse, ville, pays, telephone, email,
         date_arrivee, date_depart)
       select $1, $2, gen_random_uuid(), 'Guest ' || n, 'A', '1990-01-01', 'Bern', 'CH',
         'Rue 1', 'Bern', 'CH', '+41 79 000 00 00', 'g@example.ch', $3::date, $4::date
       from generate_series(1, 39) n`,
      [ownerA.user.id, stay.id, stay.arrivee, stay.depart],
    );
    expect((await submit(token, randomUUID(), form(stay))).data).toBe('recorded');
    expectRefusal((await submit(token, randomUUID(), form(stay))).error, 'P0001', 'too_many_forms');
    expect(await formsOf(stay.id)).toBe(40);
  });

  it('is the anon key’s only: a signed-in owner cannot call it', async () => {
    const { error } = await ownerA.client.rpc('submit_police_form', {
      p_token: stayA.token,
      p_submission_id: randomUUID(),
      p_form: form(stayA),
    });
    expect(error?.code).toBe('42501');
  });
});

describe('police forms: nothing readable through the token, owners read only theirs', () => {
  it('gives the anon key no read of the table, nor of any form through the function', async () => {
    const anon = testClient(stack);
    const read = await anon.from('police_forms').select('*');
    expect(read.error ? [] : read.data).toEqual([]);
    expect(read.error?.code).toBe('42501');
    // The function's answer is one word, whatever the form.
    const { data } = await submit(stayA.token, randomUUID(), form(stayA));
    expect(data).toBe('recorded');
  });

  it('lets owner A read and delete their forms, and owner B neither read nor delete them', async () => {
    const mine = await ownerA.client
      .from('police_forms')
      .select('id, nom, reservation_id')
      .eq('reservation_id', stayA.id);
    expect(mine.error).toBeNull();
    expect(mine.data?.length).toBe(await formsOf(stayA.id));
    const target = mine.data?.[0]?.id ?? '';

    const stolen = await ownerB.client.from('police_forms').select('id');
    expect(stolen.error).toBeNull();
    expect(stolen.data).toEqual([]);
    await ownerB.client.from('police_forms').delete().eq('id', target);
    const { rows: still } = await db.query('select 1 from public.police_forms where id = $1', [
      target,
    ]);
    expect(still).toHaveLength(1);

    const edit = await ownerA.client
      .from('police_forms')
      .update({ nom: 'Forged' })
      .eq('id', target);
    expect(edit.error?.code).toBe('42501');

    const gone = await ownerA.client.from('police_forms').delete().eq('id', target).select('id');
    expect(gone.error).toBeNull();
    expect(gone.data).toEqual([{ id: target }]);
  });
});

describe('purge_police_forms: 6 months after departure', () => {
  it('deletes exactly the forms whose planned departure is more than 6 months ago', async () => {
    const { rows: cut } = await db.query<{ cutoff: string }>(
      `select (((now() at time zone 'Europe/Paris')::date - interval '6 months')::date)::text as cutoff`,
    );
    const cutoff = cut[0]?.cutoff ?? '';
    const { rows: gites } = await db.query<{ id: string }>(
      `insert into public.gites (owner_user_id, nom) values ($1, 'Archive') returning id`,
      [ownerB.user.id],
    );
    const gite = gites[0]?.id ?? '';
    // Departures: a year ago, the day before the cutoff (both go), the cutoff day itself,
    // yesterday and next week (kept).
    const departures = [
      `(date '${cutoff}' - 180)`,
      `(date '${cutoff}' - 1)`,
      `date '${cutoff}'`,
      'current_date - 1',
      'current_date + 7',
    ];
    const ids: string[] = [];
    for (const departure of departures) {
      const { rows } = await db.query<{ id: string }>(
        `with stay as (
           insert into public.reservations
             (owner_user_id, gite_id, plateforme, status, client_nom, date_debut, date_fin)
           values ($1, $2, 'direct', 'confirmed', 'Old Guest', ${departure} - 3, ${departure})
           returning id, date_debut, date_fin
         )
         insert into public.police_forms (owner_user_id, reservation_id, submission_id, nom,
           prenoms, date_naissance, lieu_naissance, nationalite, adresse, ville, pays, telephone,
           email, date_arrivee, date_depart)
         select $1, stay.id, gen_random_uuid(), 'Old', 'Guest', '1970-01-01', 'Rome', 'IT',
           'Via 1', 'Roma', 'IT', '+39 333 000 0000', 'old@example.it', stay.date_debut, stay.date_fin
         from stay returning id`,
        [ownerB.user.id, gite],
      );
      ids.push(rows[0]?.id ?? '');
    }
    const { rows: due } = await db.query<{ n: number }>(
      'select count(*)::int as n from public.police_forms where date_depart < $1::date',
      [cutoff],
    );

    // The service role only (the local runner's and pg_cron's caller).
    expect((await testClient(stack).rpc('purge_police_forms')).error?.code).toBe('42501');
    expect((await ownerB.client.rpc('purge_police_forms')).error?.code).toBe('42501');
    const purged = await testClient(stack, stack.serviceRoleKey).rpc('purge_police_forms');
    expect(purged.error).toBeNull();
    expect(purged.data).toBe(due[0]?.n);
    expect(purged.data).toBeGreaterThanOrEqual(2);

    const { rows: left } = await db.query<{ id: string }>(
      'select id from public.police_forms where id = any($1::uuid[])',
      [ids],
    );
    expect(new Set(left.map((r) => r.id))).toEqual(new Set(ids.slice(2)));
    const { rows: older } = await db.query(
      'select 1 from public.police_forms where date_depart < $1::date',
      [cutoff],
    );
    expect(older).toEqual([]);
    // Run again: nothing more to delete.
    expect((await testClient(stack, stack.serviceRoleKey).rpc('purge_police_forms')).data).toBe(0);
  });

  it('runs with the local stack’s minute jobs (dev/sync/local-sync.ts), as pg_cron does in production', async () => {
    const { readFile } = await import('node:fs/promises');
    const runner = await readFile(new URL('../../dev/sync/local-sync.ts', import.meta.url), 'utf8');
    expect(runner).toContain("rpc('purge_police_forms'");
  });
});

describe('the country lists', () => {
  it('are the same in SQL and on the guest page', async () => {
    const { rows } = await db.query<{ countries: string[]; french: string[] }>(
      'select public.police_form_countries() as countries, public.police_form_french_territories() as french',
    );
    expect(rows[0]?.countries).toEqual(COUNTRY_CODES);
    expect(rows[0]?.french).toEqual(FRENCH_TERRITORIES);
  });
});

describe('police forms outlive their stay (migration 20261128000100)', () => {
  it('keep the name of the gîte they were recorded under, whatever the inserter writes', async () => {
    const owner = await signedUpOwner(stack, 'police-gite-name');
    const { rows: gites } = await db.query<{ id: string }>(
      `insert into public.gites (owner_user_id, nom) values ($1, 'La Bergerie') returning id`,
      [owner.user.id],
    );
    const stay = await addStay(owner, gites[0]?.id ?? '', 2, 6);
    const token = await createSheet(owner, stay.id);
    expect((await submit(token, randomUUID(), form(stay))).data).toBe('recorded');
    const { rows: forged } = await db.query<{ gite_nom: string }>(
      `insert into public.police_forms (owner_user_id, reservation_id, submission_id, gite_nom,
         nom, prenoms, date_naissance, lieu_naissance, nationalite, adresse, ville, pays,
         telephone, email, date_arrivee, date_depart)
       values ($1, $2, gen_random_uuid(), 'Un autre nom', 'Doe', 'Jane', '1980-01-01', 'York',
         'GB', '1 High Street', 'York', 'GB', '+44 7700 900000', 'jane@example.co.uk', $3, $4)
       returning gite_nom`,
      [owner.user.id, stay.id, stay.arrivee, stay.depart],
    );
    expect(forged).toEqual([{ gite_nom: 'La Bergerie' }]);
    // Renaming the gîte later does not rewrite the forms already recorded.
    await db.query(`update public.gites set nom = 'La Grande Bergerie' where id = $1`, [
      gites[0]?.id,
    ]);
    const { rows } = await db.query<{ gite_nom: string }>(
      'select gite_nom from public.police_forms where reservation_id = $1',
      [stay.id],
    );
    expect(rows).toEqual([{ gite_nom: 'La Bergerie' }, { gite_nom: 'La Bergerie' }]);
  });

  it('stay, detached, when their gîte is deleted: still the owner’s only, and still purged at 6 months', async () => {
    const owner = await signedUpOwner(stack, 'police-detached');
    const { rows: gites } = await db.query<{ id: string }>(
      `insert into public.gites (owner_user_id, nom) values ($1, 'Le Fournil') returning id`,
      [owner.user.id],
    );
    const gite = gites[0]?.id ?? '';
    const recent = await addStay(owner, gite, -3, 2);
    const token = await createSheet(owner, recent.id);
    expect((await submit(token, randomUUID(), form(recent))).data).toBe('recorded');
    // A stay that ended a year ago, its form inserted as the purge test does.
    const { rows: old } = await db.query<{ id: string }>(
      `with stay as (
         insert into public.reservations
           (owner_user_id, gite_id, plateforme, status, client_nom, date_debut, date_fin)
         values ($1, $2, 'direct', 'confirmed', 'Old Guest', current_date - 370, current_date - 365)
         returning id, date_debut, date_fin
       )
       insert into public.police_forms (owner_user_id, reservation_id, submission_id, nom,
         prenoms, date_naissance, lieu_naissance, nationalite, adresse, ville, pays, telephone,
         email, date_arrivee, date_depart)
       select $1, stay.id, gen_random_uuid(), 'Old', 'Guest', '1970-01-01', 'Rome', 'IT',
         'Via 1', 'Roma', 'IT', '+39 333 000 0000', 'old@example.it', stay.date_debut, stay.date_fin
       from stay returning id`,
      [owner.user.id, gite],
    );

    // The owner deletes the gîte as the app does: its stays go, their forms stay.
    const deleted = await owner.client.from('gites').delete().eq('id', gite).select('id');
    expect(deleted.error).toBeNull();
    expect(deleted.data).toEqual([{ id: gite }]);
    const { rows: stays } = await db.query('select 1 from public.reservations where gite_id = $1', [
      gite,
    ]);
    expect(stays).toEqual([]);
    const kept = await owner.client
      .from('police_forms')
      .select('reservation_id, gite_nom, nom, date_depart')
      .order('date_depart');
    expect(kept.error).toBeNull();
    expect(kept.data).toEqual([
      {
        reservation_id: null,
        gite_nom: 'Le Fournil',
        nom: 'Old',
        date_depart: expect.any(String),
      },
      { reservation_id: null, gite_nom: 'Le Fournil', nom: 'Smith', date_depart: recent.depart },
    ]);
    // Another owner still reads none of them.
    const stranger = await ownerB.client
      .from('police_forms')
      .select('id')
      .eq('gite_nom', 'Le Fournil');
    expect(stranger.data).toEqual([]);

    // The purge deletes the year-old one and keeps the recent one.
    expect(
      (await testClient(stack, stack.serviceRoleKey).rpc('purge_police_forms')).error,
    ).toBeNull();
    const { rows: left } = await db.query<{ id: string; nom: string }>(
      'select id, nom from public.police_forms where owner_user_id = $1',
      [owner.user.id],
    );
    expect(left.map((row) => row.nom)).toEqual(['Smith']);
    expect(left.map((row) => row.id)).not.toContain(old[0]?.id);

    // Deleting the owner's account deletes every form of theirs, detached or not.
    await db.query('delete from auth.users where id = $1', [owner.user.id]);
    const { rows: none } = await db.query(
      'select 1 from public.police_forms where owner_user_id = $1',
      [owner.user.id],
    );
    expect(none).toEqual([]);
  });
});
