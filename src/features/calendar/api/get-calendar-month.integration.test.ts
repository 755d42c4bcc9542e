import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type CalendarGite, getCalendarMonth } from '@/features/calendar/api/get-calendar-month';
import { signedUpOwner, superuserPool } from '../../../../dev/test/clients.ts';

const stack = inject('stack');
const november = { year: 2026, month: 11 };

type Owner = Awaited<ReturnType<typeof signedUpOwner>>;

async function addGite(db: pg.Pool, ownerId: string, nom: string, ordre: number) {
  const { rows } = await db.query<{ id: string }>(
    'insert into public.gites (owner_user_id, nom, ordre) values ($1, $2, $3) returning id',
    [ownerId, nom, ordre],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('gîte not created');
  return id;
}

/** Adds a stay named `label` (its client_nom) and returns its id. */
async function addStay(
  db: pg.Pool,
  ownerId: string,
  giteId: string,
  label: string,
  dateDebut: string,
  dateFin: string,
  status: 'confirmed' | 'blocked' | 'cancelled' = 'confirmed',
) {
  const { rows } = await db.query<{ id: string }>(
    `insert into public.reservations
       (owner_user_id, gite_id, plateforme, status, client_nom, montant, date_debut, date_fin)
     values ($1, $2, 'direct', $3, $4, $5, $6, $7) returning id`,
    [ownerId, giteId, status, label, status === 'confirmed' ? 420 : null, dateDebut, dateFin],
  );
  return rows[0]?.id;
}

function labelsByGite(gites: CalendarGite[]): Record<string, string[]> {
  return Object.fromEntries(
    gites.map((gite) => [gite.nom, gite.reservations.map((stay) => stay.client_nom ?? '')]),
  );
}

describe('getCalendarMonth (only the stays with a night in the visible month)', () => {
  let db: pg.Pool;
  let owner: Owner;
  let moulin: string;
  let grange: string;

  beforeAll(async () => {
    db = await superuserPool(stack);
    owner = await signedUpOwner(stack, 'calendar');
    const other = await signedUpOwner(stack, 'calendar-other');
    // Created in the reverse of the owner's order: the result follows `ordre`.
    grange = await addGite(db, owner.user.id, 'La Grange', 2);
    moulin = await addGite(db, owner.user.id, 'Le Moulin', 1);
    const lavoir = await addGite(db, owner.user.id, 'Le Lavoir', 3);
    const voisin = await addGite(db, other.user.id, 'Chez le voisin', 0);

    const id = owner.user.id;
    await addStay(db, id, lavoir, 'départ le 1er', '2026-10-25', '2026-11-01');
    await addStay(db, id, moulin, 'à cheval sur le 1er', '2026-10-30', '2026-11-02');
    await addStay(db, id, moulin, 'dedans', '2026-11-10', '2026-11-14');
    await addStay(db, id, moulin, 'annulé', '2026-11-15', '2026-11-18', 'cancelled');
    await addStay(db, id, moulin, 'bloqué', '2026-11-20', '2026-11-22', 'blocked');
    await addStay(db, id, moulin, 'arrivée le dernier jour', '2026-11-30', '2026-12-03');
    await addStay(db, id, moulin, 'arrivée le 1er du mois suivant', '2026-12-01', '2026-12-05');
    await addStay(db, id, grange, 'tout l’automne', '2026-10-01', '2027-01-10');
    await addStay(db, id, grange, 'doublon', '2026-11-07', '2026-11-09');
    await addStay(db, id, grange, 'l’an prochain', '2027-11-10', '2027-11-12');
    await addStay(db, other.user.id, voisin, 'pas à moi', '2026-11-10', '2026-11-12');
    // A platform's copy of « dedans », sent back by its feed: not drawn a second time.
    const original = await db.query<{ id: string }>(
      "select id from public.reservations where client_nom = 'dedans' and owner_user_id = $1",
      [id],
    );
    const { rows: feeds } = await db.query<{ id: string }>(
      `insert into public.ical_feeds (owner_user_id, gite_id, platform, url)
       values ($1, $2, 'booking', 'https://admin.booking.com/echo.ics') returning id`,
      [id, moulin],
    );
    await db.query(
      `insert into public.reservations (owner_user_id, gite_id, feed_id, external_uid, plateforme,
         status, client_nom, date_debut, date_fin, feed_kind, echo_of)
       values ($1, $2, $3, 'echo', 'booking', 'blocked', 'écho', '2026-11-10', '2026-11-14',
         'to_complete', $4)`,
      [id, moulin, feeds[0]?.id, original.rows[0]?.id],
    );
  });

  afterAll(async () => {
    await db?.end();
  });

  it('returns every gîte of the owner, in order, with exactly the stays overlapping November', async () => {
    const gites = await getCalendarMonth(owner.client, { month: november, giteId: null });
    expect(gites.map((gite) => gite.nom)).toEqual(['Le Moulin', 'La Grange', 'Le Lavoir']);
    expect(labelsByGite(gites)).toEqual({
      'Le Moulin': ['à cheval sur le 1er', 'dedans', 'bloqué', 'arrivée le dernier jour'],
      'La Grange': ['tout l’automne', 'doublon'],
      'Le Lavoir': [],
    });
  });

  it('flags stays that share a night with another confirmed stay of the gîte, even one outside the month', async () => {
    const gites = await getCalendarMonth(owner.client, { month: november, giteId: null });
    const flags = gites.flatMap((gite) =>
      gite.reservations.map((stay) => [stay.client_nom, stay.has_overlap]),
    );
    expect(flags).toEqual([
      ['à cheval sur le 1er', false],
      ['dedans', false],
      ['bloqué', false],
      // Shares the night of 1 December with a stay of next month: flagged all the same.
      ['arrivée le dernier jour', true],
      ['tout l’automne', true],
      ['doublon', true],
    ]);
  });

  it('shows the stay that leaves on 1 November in October, whose last night it is', async () => {
    const gites = await getCalendarMonth(owner.client, {
      month: { year: 2026, month: 10 },
      giteId: null,
    });
    expect(labelsByGite(gites)).toEqual({
      'Le Moulin': ['à cheval sur le 1er'],
      'La Grange': ['tout l’automne'],
      'Le Lavoir': ['départ le 1er'],
    });
  });

  it('crosses the year boundary for December', async () => {
    const gites = await getCalendarMonth(owner.client, {
      month: { year: 2026, month: 12 },
      giteId: null,
    });
    expect(labelsByGite(gites)).toEqual({
      'Le Moulin': ['arrivée le dernier jour', 'arrivée le 1er du mois suivant'],
      'La Grange': ['tout l’automne'],
      'Le Lavoir': [],
    });
  });

  it('brings only the chosen gîte’s stays for its month view, and the gîtes for the picker', async () => {
    const gites = await getCalendarMonth(owner.client, { month: november, giteId: grange });
    expect(labelsByGite(gites)).toEqual({
      'Le Moulin': [],
      'La Grange': ['tout l’automne', 'doublon'],
      'Le Lavoir': [],
    });
  });

  it('gives a new owner an empty calendar', async () => {
    const newcomer = await signedUpOwner(stack, 'calendar-new');
    expect(await getCalendarMonth(newcomer.client, { month: november, giteId: null })).toEqual([]);
  });
});
