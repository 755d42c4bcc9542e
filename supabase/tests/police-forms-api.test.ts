/**
 * The Fiches de police pages' data access (src/features/police-forms/api) against the real
 * stack: forms sent by guests through the anon function are read by their owner in range()
 * pages (newest first, exact count, a page past the end answers empty with the total) and per
 * stay; the CSV of a stay holds every form; a deletion removes one form, a second one says the
 * form is gone; another owner reads nothing of them. A deleted gîte's forms stay, without a
 * stay, readable one by one.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deletePoliceForm } from '@/features/police-forms/api/delete-police-form';
import { getPoliceForm } from '@/features/police-forms/api/get-police-form';
import {
  getPoliceFormsPage,
  POLICE_FORMS_PAGE_SIZE,
} from '@/features/police-forms/api/get-police-forms';
import { getStayPoliceForms } from '@/features/police-forms/api/get-stay-police-forms';
import { policeFormsCsv } from '@/features/police-forms/police-form-format';
import { signedUpOwner, superuserPool, testClient } from '../../dev/test/clients.ts';

const stack = inject('stack');

let db: pg.Pool;
let owner: Awaited<ReturnType<typeof signedUpOwner>>;
let other: Awaited<ReturnType<typeof signedUpOwner>>;
let stayId: string;
let otherStayId: string;
let secondGiteId: string;

async function stayWithToken(
  gite: string,
): Promise<{ id: string; token: string; a: string; d: string }> {
  const { rows } = await db.query<{ id: string; a: string; d: string }>(
    `insert into public.reservations
       (owner_user_id, gite_id, plateforme, status, client_nom, date_debut, date_fin)
     values ($1, $2, 'direct', 'confirmed', 'Famille Rossi', current_date, current_date + 7)
     returning id, date_debut::text as a, date_fin::text as d`,
    [owner.user.id, gite],
  );
  const stay = rows[0];
  if (!stay) throw new Error('no stay');
  const { data, error } = await owner.client.rpc('create_guest_sheet', {
    p_reservation_id: stay.id,
  });
  if (error) throw error;
  return { ...stay, token: (data as unknown as Array<{ token: string }>)[0]?.token ?? '' };
}

async function send(token: string, a: string, d: string, prenoms: string) {
  const { error } = await testClient(stack).rpc('submit_police_form', {
    p_token: token,
    p_submission_id: randomUUID(),
    p_form: {
      nom: 'Rossi',
      prenoms,
      date_naissance: '1975-03-09',
      lieu_naissance: 'Torino',
      nationalite: 'IT',
      adresse: 'Via Roma 1',
      ville: 'Torino',
      pays: 'IT',
      telephone: '+39 333 123 4567',
      email: `${prenoms.toLowerCase()}@example.it`,
      date_arrivee: a,
      date_depart: d,
    },
  });
  if (error) throw error;
}

beforeAll(async () => {
  db = await superuserPool(stack);
  owner = await signedUpOwner(stack, 'police-api');
  other = await signedUpOwner(stack, 'police-api-other');
  const { rows } = await db.query<{ id: string }>(
    `insert into public.gites (owner_user_id, nom) values ($1, 'Il Mulino'), ($1, 'La Casa')
     returning id`,
    [owner.user.id],
  );
  const first = await stayWithToken(rows[0]?.id ?? '');
  const second = await stayWithToken(rows[1]?.id ?? '');
  stayId = first.id;
  otherStayId = second.id;
  secondGiteId = rows[1]?.id ?? '';
  // 27 forms on the first stay, 3 on the second: 30 in all, two pages of 25.
  for (let i = 1; i <= 27; i += 1) await send(first.token, first.a, first.d, `Guest${i}`);
  for (let i = 1; i <= 3; i += 1) await send(second.token, second.a, second.d, `Other${i}`);
});

afterAll(async () => {
  await db.end();
});

describe('police forms API', () => {
  it('reads the owner’s forms in pages of 25, newest first, with the exact count', async () => {
    expect(POLICE_FORMS_PAGE_SIZE).toBe(25);
    const first = await getPoliceFormsPage(owner.client, 1);
    const second = await getPoliceFormsPage(owner.client, 2);
    expect(first.total).toBe(30);
    expect(first.rows).toHaveLength(25);
    expect(second.rows).toHaveLength(5);
    expect(first.rows[0]?.prenoms).toBe('Other3');
    expect(second.rows.at(-1)?.prenoms).toBe('Guest1');
    expect(first.rows[0]).toMatchObject({ gite_nom: 'La Casa', reservation_id: otherStayId });
    const ids = new Set([...first.rows, ...second.rows].map((row) => row.id));
    expect(ids.size).toBe(30);
    expect(await getPoliceFormsPage(owner.client, 9)).toEqual({ rows: [], total: 30 });
  });

  it('reads a stay with all its forms in the order they came, and exports them all', async () => {
    const { stay, forms } = await getStayPoliceForms(owner.client, stayId);
    expect(stay).toMatchObject({
      id: stayId,
      client_nom: 'Famille Rossi',
      gite: { nom: 'Il Mulino' },
    });
    expect(forms).toHaveLength(27);
    expect(forms[0]?.prenoms).toBe('Guest1');
    expect(forms.every((form) => !('submission_id' in form))).toBe(true);
    const csv = policeFormsCsv(forms);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(28);
    expect(csv).toContain('Rossi;Guest27;09/03/1975;Torino;Italie;IT;Via Roma 1;;Torino;Italie;');
  });

  it('shows another owner neither the stay nor its forms', async () => {
    expect(await getStayPoliceForms(other.client, stayId)).toEqual({ stay: null, forms: [] });
    expect(await getPoliceFormsPage(other.client, 1)).toEqual({ rows: [], total: 0 });
    const { forms } = await getStayPoliceForms(owner.client, otherStayId);
    await expect(deletePoliceForm(other.client, forms[0]?.id ?? '')).rejects.toThrow(
      'Cette fiche n’existe plus.',
    );
    expect((await getStayPoliceForms(owner.client, otherStayId)).forms).toHaveLength(3);
  });

  it('deletes one form, and says so when it is already gone', async () => {
    const { forms } = await getStayPoliceForms(owner.client, otherStayId);
    const target = forms[1]?.id ?? '';
    await deletePoliceForm(owner.client, target);
    const after = await getStayPoliceForms(owner.client, otherStayId);
    expect(after.forms.map((form) => form.prenoms)).toEqual(['Other1', 'Other3']);
    await expect(deletePoliceForm(owner.client, target)).rejects.toThrow(
      'Cette fiche n’existe plus.',
    );
  });

  it('keeps a deleted gîte’s forms: listed without a stay, read one by one, then deleted', async () => {
    const before = (await getStayPoliceForms(owner.client, otherStayId)).forms;
    expect(before).toHaveLength(2);
    const deleted = await owner.client.from('gites').delete().eq('id', secondGiteId).select('id');
    expect(deleted.error).toBeNull();
    expect(await getStayPoliceForms(owner.client, otherStayId)).toEqual({ stay: null, forms: [] });

    const { rows, total } = await getPoliceFormsPage(owner.client, 1);
    expect(total).toBe(29);
    const detached = rows.filter((row) => row.reservation_id === null);
    expect(detached.map((row) => [row.prenoms, row.gite_nom])).toEqual([
      ['Other3', 'La Casa'],
      ['Other1', 'La Casa'],
    ]);

    const target = before[0]?.id ?? '';
    const form = await getPoliceForm(owner.client, target);
    expect(form).toMatchObject({ id: target, reservation_id: null, gite_nom: 'La Casa' });
    expect(form && 'submission_id' in form).toBe(false);
    expect(await getPoliceForm(other.client, target)).toBeNull();

    await deletePoliceForm(owner.client, target);
    expect(await getPoliceForm(owner.client, target)).toBeNull();
    expect((await getPoliceFormsPage(owner.client, 1)).total).toBe(28);
  });
});
