/**
 * stay_month_totals (the statistics' and tax receipts' source), against the real local stack:
 * after any mix of writes — inserts, moves, amount and status changes, a change of gîte, bulk
 * writes, deletes, a deleted gîte — the totals the triggers keep equal a recomputation from
 * the stays, and rebuild_stay_month_totals gives the same rows.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedUpOwner, superuserPool } from '../../dev/test/clients.ts';

const stack = inject('stack');
let db: pg.Pool;

beforeAll(async () => {
  db = await superuserPool(stack);
});

afterAll(async () => {
  await db.end();
});

type Totals = Record<string, string>;

/** The owner's non-zero totals, as the triggers kept them. */
async function kept(owner: string): Promise<Totals> {
  const { rows } = await db.query<{ key: string; value: string }>(
    `select concat_ws('|', gite_id, plateforme, annee, mois) as key,
            concat_ws('|', nuits_louees, nuits_bloquees, revenu_centimes, arrivees,
                      arrivees_sans_montant, sejours_annee, sejours_annee_sans_montant) as value
     from public.stay_month_totals
     where owner_user_id = $1
       and (nuits_louees, nuits_bloquees, revenu_centimes, arrivees, arrivees_sans_montant,
            sejours_annee, sejours_annee_sans_montant) <> (0, 0, 0, 0, 0, 0, 0)`,
    [owner],
  );
  return Object.fromEntries(rows.map((row) => [row.key, row.value]));
}

/** The same totals recomputed from the owner's stays now. */
async function recomputed(owner: string): Promise<Totals> {
  const { rows } = await db.query<{ key: string; value: string }>(
    `select concat_ws('|', r.gite_id, r.plateforme, x.annee, x.mois) as key,
            concat_ws('|', sum(x.nuits_louees), sum(x.nuits_bloquees), sum(x.revenu_centimes),
                      sum(x.arrivees), sum(x.arrivees_sans_montant), sum(x.sejours_annee),
                      sum(x.sejours_annee_sans_montant)) as value
     from public.reservations r
     cross join lateral public.stay_month_contribution(
       r.status, r.echo_of, r.owner_marked_closure, r.feed_kind, r.date_debut, r.date_fin, r.montant) x
     where r.owner_user_id = $1
     group by r.gite_id, r.plateforme, x.annee, x.mois
     having (sum(x.nuits_louees), sum(x.nuits_bloquees), sum(x.revenu_centimes), sum(x.arrivees),
             sum(x.arrivees_sans_montant), sum(x.sejours_annee), sum(x.sejours_annee_sans_montant))
            <> (0, 0, 0, 0, 0, 0, 0)`,
    [owner],
  );
  return Object.fromEntries(rows.map((row) => [row.key, row.value]));
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % n;
  };
}

describe('stay_month_totals', () => {
  it('equals a recomputation after a random mix of writes, and after a rebuild', async () => {
    const owner = await signedUpOwner(stack, 'totals');
    const { client } = owner;
    const gites: string[] = [];
    for (const nom of ['Le Moulin', 'La Grange', 'Le Fournil']) {
      const { data, error } = await client.from('gites').insert({ nom }).select('id').single();
      if (error) throw error;
      gites.push(data.id);
    }
    const pick = random(42);
    const platforms = ['airbnb', 'booking', 'direct', 'abritel'] as const;
    const date = (day: number) => new Date(Date.UTC(2024, 10, 1 + day)).toISOString().slice(0, 10);
    const ids: string[] = [];

    for (let step = 0; step < 120; step += 1) {
      const action = ids.length < 5 ? 0 : pick(6);
      const id = ids[pick(ids.length)] ?? '';
      const start = pick(500);
      if (action === 0 || action === 1) {
        // One stay, or a bulk of five (one statement), across months and New Year's Eve.
        const rows = Array.from({ length: action === 0 ? 1 : 5 }, (_, k) => ({
          gite_id: gites[pick(3)] ?? '',
          plateforme: platforms[pick(4)],
          date_debut: date(start + k * 3),
          date_fin: date(start + k * 3 + 1 + pick(40)),
          montant: pick(4) === 0 ? null : 100 + pick(900) + pick(100) / 100,
          status: pick(5) === 0 ? ('blocked' as const) : ('confirmed' as const),
        }));
        const { data, error } = await client.from('reservations').insert(rows).select('id');
        if (error) throw error;
        ids.push(...data.map((row) => row.id));
      } else if (action === 2) {
        const { error } = await client
          .from('reservations')
          .update({ date_debut: date(start), date_fin: date(start + 2 + pick(20)) })
          .eq('id', id);
        if (error) throw error;
      } else if (action === 3) {
        const { error } = await client
          .from('reservations')
          .update({ montant: pick(3) === 0 ? null : pick(2000), gite_id: gites[pick(3)] ?? '' })
          .eq('id', id);
        if (error) throw error;
      } else if (action === 4) {
        const cancel = pick(2) === 0;
        const { error } = await client
          .from('reservations')
          .update(
            cancel
              ? { status: 'cancelled', cancelled_at: new Date().toISOString() }
              : { status: 'confirmed', cancelled_at: null },
          )
          .eq('id', id);
        if (error) throw error;
      } else {
        const { error } = await client.from('reservations').delete().eq('id', id);
        if (error) throw error;
        ids.splice(ids.indexOf(id), 1);
      }
    }
    // A notes-only change moves nothing.
    await client.from('reservations').update({ notes: 'rien' }).in('id', ids.slice(0, 10));

    const expected = await recomputed(owner.user.id);
    expect(Object.keys(expected).length).toBeGreaterThan(20);
    expect(await kept(owner.user.id)).toEqual(expected);

    // A deleted gîte takes its stays and totals with it (no error from the cascade).
    const { error } = await client
      .from('gites')
      .delete()
      .eq('id', gites[0] ?? '');
    expect(error).toBeNull();
    expect(await kept(owner.user.id)).toEqual(await recomputed(owner.user.id));

    await db.query('select public.rebuild_stay_month_totals($1)', [owner.user.id]);
    expect(await kept(owner.user.id)).toEqual(await recomputed(owner.user.id));
  });

  it('counts no blocked night for an echo of one of our stays (migration 20261128000600)', async () => {
    const owner = await signedUpOwner(stack, 'totals-echo');
    const { rows: gites } = await db.query<{ id: string }>(
      `insert into public.gites (owner_user_id, nom) values ($1, 'Le Pré') returning id`,
      [owner.user.id],
    );
    const gite = gites[0]?.id ?? '';
    const { rows: stays } = await db.query<{ id: string }>(
      `insert into public.reservations (owner_user_id, gite_id, plateforme, date_debut, date_fin, montant)
       values ($1, $2, 'direct', '2030-06-10', '2030-06-20', 1000) returning id`,
      [owner.user.id, gite],
    );
    // Airbnb and Booking.com both read our export and send the dates back.
    for (const platform of ['airbnb', 'booking']) {
      const { rows: feeds } = await db.query<{ id: string }>(
        `insert into public.ical_feeds (owner_user_id, gite_id, platform, url)
         values ($1, $2, $3, $4) returning id`,
        [owner.user.id, gite, platform, `https://${platform}.example.com/echo.ics`],
      );
      await db.query(
        `insert into public.reservations (owner_user_id, gite_id, feed_id, external_uid, plateforme,
           status, date_debut, date_fin, feed_kind, echo_of)
         values ($1, $2, $3, 'echo', $4, 'blocked', '2030-06-10', '2030-06-20', 'to_complete', $5)`,
        [owner.user.id, gite, feeds[0]?.id, platform, stays[0]?.id],
      );
    }
    const { rows } = await db.query(
      `select sum(nuits_louees)::int as louees, sum(nuits_bloquees)::int as bloquees
       from public.stay_month_totals where gite_id = $1 and annee = 2030 and mois = 6`,
      [gite],
    );
    expect(rows).toEqual([{ louees: 10, bloquees: 0 }]);
    // Released (our stay cancelled), a period still in a feed is blocked nights again.
    await db.query(
      `update public.reservations set echo_of = null where gite_id = $1 and plateforme = 'airbnb'`,
      [gite],
    );
    const { rows: released } = await db.query(
      `select sum(nuits_bloquees)::int as bloquees from public.stay_month_totals
       where gite_id = $1 and annee = 2030 and mois = 6`,
      [gite],
    );
    expect(released).toEqual([{ bloquees: 10 }]);
    expect(await kept(owner.user.id)).toEqual(await recomputed(owner.user.id));
  });
});
