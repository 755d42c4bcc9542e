/**
 * The owner's « Fiches clients » reads (src/features/guest-sheets/api) against the real stack:
 * pages of 25 with range() and an exact count, each sheet with its stay and gîte, statuses,
 * and only the owner's own sheets.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedUpOwner, superuserPool } from '../../dev/test/clients.ts';
import {
  getGuestSheetsPage,
  SHEETS_PAGE_SIZE,
} from '../../src/features/guest-sheets/api/get-guest-sheets.ts';
import { getStaySheets } from '../../src/features/guest-sheets/api/get-stay-sheets.ts';
import {
  createGuestSheet,
  regenerateGuestSheet,
  revokeGuestSheet,
} from '../../src/features/guest-sheets/api/sheet-link-mutations.ts';
import { validityDays } from '../../src/features/guest-sheets/format.ts';
import { sheetStatus } from '../../src/features/guest-sheets/sheet-status.ts';

const stack = inject('stack');
let db: pg.Pool;
let owner: Awaited<ReturnType<typeof signedUpOwner>>;
let other: Awaited<ReturnType<typeof signedUpOwner>>;
let stays: string[];

beforeAll(async () => {
  db = await superuserPool(stack);
  owner = await signedUpOwner(stack, 'sheets-list');
  other = await signedUpOwner(stack, 'sheets-list-other');
  const { rows: gites } = await db.query<{ id: string }>(
    `insert into public.gites (owner_user_id, nom) values ($1, 'Le Fournil <b>') returning id`,
    [owner.user.id],
  );
  const { rows } = await db.query<{ id: string }>(
    `insert into public.reservations (owner_user_id, gite_id, status, client_nom, date_debut, date_fin)
     select $1, $2, 'confirmed', 'Client ' || k, date '2027-03-01' + k * 7, date '2027-03-05' + k * 7
     from generate_series(1, 30) as k returning id`,
    [owner.user.id, gites[0]?.id],
  );
  stays = rows.map((row) => row.id);
  for (const stay of stays) {
    await createGuestSheet(owner.client, stay, { langue: 'fr', validFrom: null, validUntil: null });
  }
});

afterAll(async () => {
  await db.end();
});

describe('owner reads of guest sheets', () => {
  it('pages the owner’s sheets 25 at a time with an exact total, each with its stay and gîte', async () => {
    const first = await getGuestSheetsPage(owner.client, 1);
    expect(first.total).toBe(30);
    expect(first.pageCount).toBe(2);
    expect(first.rows).toHaveLength(SHEETS_PAGE_SIZE);
    expect(first.rows[0]?.reservation).toMatchObject({
      client_nom: 'Client 30',
      gite: { nom: 'Le Fournil <b>' },
    });
    const second = await getGuestSheetsPage(owner.client, 2);
    expect(second.rows).toHaveLength(5);
    const ids = new Set([...first.rows, ...second.rows].map((row) => row.id));
    expect(ids.size).toBe(30);
    // Past the end: the last page.
    const beyond = await getGuestSheetsPage(owner.client, 9);
    expect(beyond.page).toBe(2);
    expect(beyond.rows).toHaveLength(5);
    // Another owner sees none of them.
    expect((await getGuestSheetsPage(other.client, 1)).total).toBe(0);
  });

  it('shows sent, opened and revoked sheets as such, and keeps a stay’s earlier links', async () => {
    const stay = stays[0] ?? '';
    const { sheets: before } = await getStaySheets(owner.client, stay);
    const live = before[0];
    if (!live) throw new Error('no sheet');
    expect(sheetStatus(live, Date.now())).toBe('sent');
    // The default window, read back as days: 3 days before arrival → the day after departure.
    expect(validityDays(live.valid_from, live.valid_until)).toEqual({
      from: '2027-03-05',
      until: '2027-03-13',
    });

    await db.query(`update public.client_access_tokens set first_opened_at = now() where id = $1`, [
      live.id,
    ]);
    const regenerated = await regenerateGuestSheet(owner.client, live.id, null);
    const after = await getStaySheets(owner.client, stay);
    expect(after.stay).toMatchObject({ client_nom: 'Client 1', status: 'confirmed' });
    expect(after.sheets.map((s) => [s.id, sheetStatus(s, Date.now())])).toEqual([
      [regenerated.id, 'sent'],
      [live.id, 'revoked'],
    ]);
    await revokeGuestSheet(owner.client, regenerated.id);
    const revoked = await getStaySheets(owner.client, stay);
    expect(revoked.sheets.map((s) => sheetStatus(s, Date.now()))).toEqual(['revoked', 'revoked']);
    // The opening stays recorded on the old link.
    expect(revoked.sheets[1]?.first_opened_at).not.toBeNull();
  });

  it('does not show another owner’s stay or its sheets, and refuses to make one', async () => {
    const stay = stays[1] ?? '';
    expect(await getStaySheets(other.client, stay)).toEqual({ stay: null, sheets: [] });
    await expect(
      createGuestSheet(other.client, stay, { langue: 'fr', validFrom: null, validUntil: null }),
    ).rejects.toMatchObject({ code: 'P0002' });
  });
});
