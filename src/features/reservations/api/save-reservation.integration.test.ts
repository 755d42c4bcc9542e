import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cancelReservation } from '@/features/reservations/api/cancel-reservation';
import { createReservation } from '@/features/reservations/api/create-reservation';
import { findOverlappingStays } from '@/features/reservations/api/find-overlapping-stays';
import { markImportedClosure } from '@/features/reservations/api/mark-imported-closure';
import {
  addGite,
  insertStays,
  ownerWithGite,
} from '@/features/reservations/api/reservations.fixtures';
import { updateReservation } from '@/features/reservations/api/update-reservation';
import type { DirectReservationValues } from '@/features/reservations/reservation-form-schema';
import { signedUpOwner, superuserPool } from '../../../../dev/test/clients.ts';

const stack = inject('stack');
let db: pg.Pool;

beforeAll(async () => {
  db = await superuserPool(stack);
});
afterAll(async () => {
  await db.end();
});

function booking(giteId: string, overrides: Partial<DirectReservationValues> = {}) {
  return {
    gite_id: giteId,
    date_debut: '2026-07-14',
    date_fin: '2026-07-21',
    client_nom: 'Jeanne Dupônt',
    client_email: 'jeanne@example.fr',
    client_telephone: '06 12 34 56 78',
    nb_personnes: 4,
    nb_adultes: 2,
    montant: 1250.5,
    notes: 'Arrivée tardive',
    ...overrides,
  } satisfies DirectReservationValues;
}

async function readRow(id: string) {
  const { rows } = await db.query(
    `select owner_user_id, gite_id, plateforme, status, client_nom, montant::float8 as montant,
            to_char(date_debut, 'YYYY-MM-DD') as date_debut, to_char(date_fin, 'YYYY-MM-DD') as date_fin,
            cancelled_at, notes, nb_personnes, nb_adultes
     from public.reservations where id = $1`,
    [id],
  );
  return rows[0];
}

describe('direct bookings: create, edit, cancel', () => {
  it('creates a confirmed direct booking owned by the caller', async () => {
    const { owner, giteId } = await ownerWithGite(stack, 'save-create');
    const { id } = await createReservation(owner.client, booking(giteId));
    expect(await readRow(id)).toMatchObject({
      owner_user_id: owner.user.id,
      gite_id: giteId,
      plateforme: 'direct',
      status: 'confirmed',
      client_nom: 'Jeanne Dupônt',
      montant: 1250.5,
      date_debut: '2026-07-14',
      date_fin: '2026-07-21',
      cancelled_at: null,
    });
  });

  it("cannot book into another owner's gîte", async () => {
    const { giteId } = await ownerWithGite(stack, 'save-victim');
    const intruder = await signedUpOwner(stack, 'save-intruder');
    await expect(createReservation(intruder.client, booking(giteId))).rejects.toMatchObject({
      code: '23503',
    });
  });

  it('edits every field of a direct booking', async () => {
    const { owner, giteId } = await ownerWithGite(stack, 'save-edit');
    const other = await addGite(owner, 'La Grange');
    const { id } = await createReservation(owner.client, booking(giteId));
    await updateReservation(owner.client, {
      id,
      kind: 'direct',
      values: booking(other, { date_debut: '2026-08-01', date_fin: '2026-08-03', montant: null }),
    });
    expect(await readRow(id)).toMatchObject({
      gite_id: other,
      date_debut: '2026-08-01',
      date_fin: '2026-08-03',
      montant: null,
    });
  });

  it("changes only the owner's fields of an imported stay, never its dates", async () => {
    const { owner, giteId } = await ownerWithGite(stack, 'save-imported');
    const { data: feed } = await owner.client
      .from('ical_feeds')
      .insert({ gite_id: giteId, platform: 'booking', url: 'https://admin.booking.com/x.ics' })
      .select('id')
      .single();
    const [id = ''] = await insertStays(db, owner.user.id, [
      {
        gite_id: giteId,
        date_debut: '2026-09-01',
        date_fin: '2026-09-05',
        plateforme: 'booking',
        feed_id: feed?.id ?? null,
        external_uid: 'uid-1@booking.com',
      },
    ]);
    await updateReservation(owner.client, {
      id,
      kind: 'imported',
      values: {
        client_nom: 'Famille Lefèvre',
        client_email: null,
        client_telephone: '0601020304',
        nb_personnes: 5,
        nb_adultes: 3,
        montant: 820,
        notes: null,
      },
    });
    expect(await readRow(id)).toMatchObject({
      client_nom: 'Famille Lefèvre',
      montant: 820,
      nb_personnes: 5,
      nb_adultes: 3,
      date_debut: '2026-09-01',
      plateforme: 'booking',
    });
    // A direct-booking save (dates and all) is refused on an imported stay.
    await expect(
      updateReservation(owner.client, { id, kind: 'direct', values: booking(giteId) }),
    ).rejects.toMatchObject({ status: 404 });
    expect((await readRow(id))?.date_debut).toBe('2026-09-01');
    // And cancelling is left to its feed.
    await expect(cancelReservation(owner.client, id)).rejects.toMatchObject({ status: 404 });
    expect((await readRow(id))?.status).toBe('confirmed');
  });

  it('cancels a direct booking without deleting it (cancelled_at stamped)', async () => {
    const { owner, giteId } = await ownerWithGite(stack, 'save-cancel');
    const { id } = await createReservation(owner.client, booking(giteId));
    await cancelReservation(owner.client, id);
    const row = await readRow(id);
    expect(row?.status).toBe('cancelled');
    expect(row?.cancelled_at).toBeInstanceOf(Date);
  });

  it("cannot edit or cancel another owner's booking", async () => {
    const { owner, giteId } = await ownerWithGite(stack, 'save-owner');
    const { id } = await createReservation(owner.client, booking(giteId));
    const intruder = await signedUpOwner(stack, 'save-other');
    await expect(cancelReservation(intruder.client, id)).rejects.toMatchObject({ status: 404 });
    await expect(
      updateReservation(intruder.client, {
        id,
        kind: 'imported',
        values: { ...booking(giteId), client_nom: 'Volé' },
      }),
    ).rejects.toMatchObject({ status: 404 });
    expect(await readRow(id)).toMatchObject({ status: 'confirmed', client_nom: 'Jeanne Dupônt' });
  });
});

describe('findOverlappingStays: the check before saving', () => {
  it('finds confirmed stays of the gîte sharing a night, not changeovers, blocks or cancelled ones', async () => {
    const { owner, giteId } = await ownerWithGite(stack, 'overlap-check');
    const otherGite = await addGite(owner, 'Autre');
    const [inside, leavesOnArrival, arrivesOnDeparture, cancelled, blocked, elsewhere] =
      await insertStays(db, owner.user.id, [
        { gite_id: giteId, date_debut: '2026-07-16', date_fin: '2026-07-18', client_nom: 'Dedans' },
        { gite_id: giteId, date_debut: '2026-07-10', date_fin: '2026-07-14', client_nom: 'Avant' },
        { gite_id: giteId, date_debut: '2026-07-21', date_fin: '2026-07-25', client_nom: 'Après' },
        {
          gite_id: giteId,
          date_debut: '2026-07-15',
          date_fin: '2026-07-17',
          client_nom: 'Annulé',
          status: 'cancelled',
        },
        {
          gite_id: giteId,
          date_debut: '2026-07-15',
          date_fin: '2026-07-17',
          status: 'blocked',
        },
        {
          gite_id: otherGite,
          date_debut: '2026-07-15',
          date_fin: '2026-07-17',
          client_nom: 'Ailleurs',
        },
      ]);
    const check = { giteId, debut: '2026-07-14', fin: '2026-07-21', excludeId: null };
    const result = await findOverlappingStays(owner.client, check);
    expect(result.total).toBe(1);
    expect(result.stays.map((s) => s.id)).toEqual([inside]);
    expect(result.stays[0]).toMatchObject({
      client_nom: 'Dedans',
      date_debut: '2026-07-16',
      date_fin: '2026-07-18',
    });
    for (const id of [leavesOnArrival, arrivesOnDeparture, cancelled, blocked, elsewhere]) {
      expect(result.stays.map((s) => s.id)).not.toContain(id);
    }
    // Editing the overlapping stay itself: it does not overlap itself.
    const self = await findOverlappingStays(owner.client, {
      giteId,
      debut: '2026-07-16',
      fin: '2026-07-18',
      excludeId: inside ?? null,
    });
    expect(self.total).toBe(0);
  });
});

describe('undecided imported periods (Booking.com "CLOSED - Not available")', () => {
  it('lets the owner mark one as a closure and back, and nothing else', async () => {
    const { owner, giteId } = await ownerWithGite(stack, 'closure');
    const { rows: feed } = await db.query<{ id: string }>(
      `insert into public.ical_feeds (owner_user_id, gite_id, platform, url, next_sync_at)
       values ($1, $2, 'booking', 'https://admin.booking.com/x.ics', now() + interval '1 day') returning id`,
      [owner.user.id, giteId],
    );
    const { rows } = await db.query<{ id: string; feed_kind: string | null }>(
      `insert into public.reservations (owner_user_id, gite_id, feed_id, external_uid, plateforme, date_debut, date_fin, feed_kind)
       values ($1, $2, $3, 'closed@booking', 'booking', '2031-03-01', '2031-03-04', 'to_complete'),
              ($1, $2, null, null, 'direct', '2031-04-01', '2031-04-04', null)
       returning id, feed_kind`,
      [owner.user.id, giteId, feed[0]?.id],
    );
    const undecided = rows.find((r) => r.feed_kind === 'to_complete')?.id ?? '';
    const direct = rows.find((r) => r.feed_kind === null)?.id ?? '';

    await markImportedClosure(owner.client, undecided, true);
    expect(await readRow(undecided)).toMatchObject({ status: 'blocked' });
    await markImportedClosure(owner.client, undecided, false);
    expect(await readRow(undecided)).toMatchObject({ status: 'confirmed' });

    // A direct booking is not an undecided period: refused, unchanged.
    await expect(markImportedClosure(owner.client, direct, true)).rejects.toMatchObject({
      status: 404,
    });
    expect(await readRow(direct)).toMatchObject({ status: 'confirmed' });
    // Nor can another owner touch it.
    const other = await signedUpOwner(stack, 'closure-other');
    await expect(markImportedClosure(other.client, undecided, true)).rejects.toMatchObject({
      status: 404,
    });
    expect(await readRow(undecided)).toMatchObject({ status: 'confirmed' });
  });
});
