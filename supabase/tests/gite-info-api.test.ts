/**
 * The infos editor's and the activities page's data access (src/features/gite-info/api,
 * src/features/activities/api) against the real stack, as two owners: each section saved on
 * its own (created then updated, one equipment column never touching the others), values at
 * the form rules' limits accepted by the database's checks, contacts and activities
 * created, updated and deleted, pages read with range(), and nothing of another owner's
 * gîte readable or writable.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { validateActivityForm } from '@/features/activities/activity-form-schema';
import { deleteActivity } from '@/features/activities/api/delete-activity';
import { getActivitiesPage, getActivityGite } from '@/features/activities/api/get-activities';
import { saveActivity } from '@/features/activities/api/save-activity';
import { deleteContact } from '@/features/gite-info/api/delete-contact';
import { getGiteInfo } from '@/features/gite-info/api/get-gite-info';
import { saveContact } from '@/features/gite-info/api/save-contact';
import { saveGiteInfoSection } from '@/features/gite-info/api/save-gite-info-section';
import {
  consignesSchema,
  consignesToDraft,
  contactSchema,
  coreSchema,
  coreToDraft,
  wifiSchema,
  wifiToDraft,
} from '@/features/gite-info/gite-info-schema';
import { validateForm } from '@/lib/form-validation';
import { signedUpOwner, superuserPool } from '../../dev/test/clients.ts';

const stack = inject('stack');
let db: pg.Pool;

beforeAll(async () => {
  db = await superuserPool(stack);
});
afterAll(async () => {
  await db.end();
});

type Owner = Awaited<ReturnType<typeof signedUpOwner>>;

async function newGite(owner: Owner, nom: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'insert into public.gites (owner_user_id, nom) values ($1, $2) returning id',
    [owner.user.id, nom],
  );
  return rows[0]?.id ?? '';
}

function valid<V>(result: { ok: true; value: V } | { ok: false; errors: unknown }): V {
  if (!result.ok) throw new Error(`invalid: ${JSON.stringify(result.errors)}`);
  return result.value;
}

describe('infos editor sections', () => {
  it('creates each section on its first save, updates it on the next, and reads them back', async () => {
    const owner = await signedUpOwner(stack, 'infos-sections');
    const giteId = await newGite(owner, 'La Bergerie');
    const empty = await getGiteInfo(owner.client, giteId);
    expect(empty).toEqual({
      gite: { id: giteId, nom: 'La Bergerie' },
      core: null,
      wifi: null,
      consignes: { fr: null, en: null },
      equipements: null,
      contacts: [],
    });

    // Values at the limits of the form rules: the database's checks accept them.
    const core = valid(
      validateForm(coreSchema, {
        ...coreToDraft(null),
        nom: 'n'.repeat(200),
        adresse_complete: 'a'.repeat(500),
        latitude: '-89,12345678',
        longitude: '179.12345678',
        telephone_urgence: `+${'1'.repeat(20)}`,
        email_contact: 'helene@example.com',
      }),
    );
    await saveGiteInfoSection(owner.client, giteId, { kind: 'core', values: core });
    const wifi = valid(
      validateForm(wifiSchema, {
        ...wifiToDraft(null),
        ssid: 's'.repeat(64),
        wifi_password: 'p'.repeat(128),
        securite: 'nopass',
        zones_reception: 'Salon\nChambre',
      }),
    );
    await saveGiteInfoSection(owner.client, giteId, { kind: 'wifi', values: wifi });
    const fr = valid(
      validateForm(consignesSchema, {
        ...consignesToDraft(null),
        code_acces: 'c'.repeat(100),
        consignes_sejour: 'x'.repeat(10_000),
        instructions_parking: 'y'.repeat(5000),
        horaire_arrivee: '16:00',
        horaire_depart: '23:59',
      }),
    );
    await saveGiteInfoSection(owner.client, giteId, {
      kind: 'consignes',
      langue: 'fr',
      values: fr,
    });
    await saveGiteInfoSection(owner.client, giteId, {
      kind: 'consignes',
      langue: 'en',
      values: { ...fr, consignes_sejour: 'No parties' },
    });
    await saveGiteInfoSection(owner.client, giteId, {
      kind: 'equipment',
      section: 'cuisine',
      items: [{ nom: 'Four', mode_emploi: 'Préchauffer' }],
    });
    await saveGiteInfoSection(owner.client, giteId, {
      kind: 'equipment',
      section: 'divers',
      items: [{ nom: 'Lave-linge', mode_emploi: '' }],
    });

    const info = await getGiteInfo(owner.client, giteId);
    expect(info?.core).toMatchObject({ latitude: -89.12345678, longitude: 179.12345678 });
    expect(info?.wifi).toMatchObject({ securite: 'nopass', zones_reception: ['Salon', 'Chambre'] });
    expect(info?.consignes.fr).toMatchObject({
      horaire_arrivee: '16:00:00',
      horaire_depart: '23:59:00',
    });
    expect(info?.consignes.en?.consignes_sejour).toBe('No parties');
    // Saving « Divers » left « Cuisine » as it was, and the sections not saved at {}.
    expect(info?.equipements).toEqual({
      chauffage: {},
      cuisine: { items: [{ nom: 'Four', mode_emploi: 'Préchauffer' }] },
      multimedia: {},
      exterieur: {},
      divers: { items: [{ nom: 'Lave-linge', mode_emploi: '' }] },
    });

    // The second save updates the same row.
    await saveGiteInfoSection(owner.client, giteId, {
      kind: 'core',
      values: { ...core, nom: 'La Bergerie du Marais' },
    });
    const { rows } = await db.query(
      `select (select count(*) from public.infos_gites_core where gite_id = $1)::int as core,
              (select count(*) from public.infos_gites_consignes where gite_id = $1)::int as consignes,
              (select count(*) from public.infos_gites_equipements where gite_id = $1)::int as equipements,
              (select nom from public.infos_gites_core where gite_id = $1) as nom,
              (select owner_user_id from public.infos_gites_core where gite_id = $1) as owner`,
      [giteId],
    );
    expect(rows[0]).toEqual({
      core: 1,
      consignes: 2,
      equipements: 1,
      nom: 'La Bergerie du Marais',
      owner: owner.user.id,
    });
  });

  it('contacts: saving twice with the same id keeps one row; deleted by the owner only', async () => {
    const owner = await signedUpOwner(stack, 'infos-contacts');
    const other = await signedUpOwner(stack, 'infos-contacts-other');
    const giteId = await newGite(owner, 'Le Moulin');
    const id = crypto.randomUUID();
    const values = valid(
      validateForm(contactSchema, {
        type: 'pharmacie',
        nom: 'Pharmacie du Marais',
        telephone: '05 49 00 00 00',
        adresse: '',
        disponibilite: 'n'.repeat(500),
      }),
    );
    await saveContact(owner.client, giteId, { id, ordre: 1, values });
    await saveContact(owner.client, giteId, {
      id,
      ordre: 1,
      values: { ...values, nom: 'Pharmacie Centrale' },
    });
    const info = await getGiteInfo(owner.client, giteId);
    expect(info?.contacts).toEqual([
      expect.objectContaining({ id, type: 'pharmacie', nom: 'Pharmacie Centrale', ordre: 1 }),
    ]);

    await expect(deleteContact(other.client, id)).rejects.toMatchObject({ status: 404 });
    await deleteContact(owner.client, id);
    expect((await getGiteInfo(owner.client, giteId))?.contacts).toEqual([]);
  });

  it('another owner reads nothing of the gîte and cannot write to it', async () => {
    const owner = await signedUpOwner(stack, 'infos-owner');
    const intruder = await signedUpOwner(stack, 'infos-intruder');
    const giteId = await newGite(owner, 'La Grange');
    await saveGiteInfoSection(owner.client, giteId, {
      kind: 'wifi',
      values: valid(validateForm(wifiSchema, { ...wifiToDraft(null), ssid: 'Grange' })),
    });

    expect(await getGiteInfo(intruder.client, giteId)).toBeNull();
    await expect(
      saveGiteInfoSection(intruder.client, giteId, {
        kind: 'wifi',
        values: valid(validateForm(wifiSchema, { ...wifiToDraft(null), ssid: 'Volé' })),
      }),
    ).rejects.toBeTruthy();
    await expect(
      saveGiteInfoSection(intruder.client, giteId, {
        kind: 'equipment',
        section: 'cuisine',
        items: [{ nom: 'x', mode_emploi: 'y' }],
      }),
    ).rejects.toBeTruthy();
    await expect(
      saveContact(intruder.client, giteId, {
        id: crypto.randomUUID(),
        ordre: 1,
        values: { type: 'autre', nom: 'x', telephone: null, adresse: null, disponibilite: null },
      }),
    ).rejects.toBeTruthy();
    const { rows } = await db.query(
      `select ssid from public.infos_gites_wifi where gite_id = $1
       union all select 'contact' from public.infos_gites_contacts where gite_id = $1
       union all select 'equipements' from public.infos_gites_equipements where gite_id = $1`,
      [giteId],
    );
    expect(rows).toEqual([{ ssid: 'Grange' }]);
  });
});

describe('activities', () => {
  it('pages a gîte’s activities by category with range(), and keeps them to their owner', async () => {
    const owner = await signedUpOwner(stack, 'activities');
    const other = await signedUpOwner(stack, 'activities-other');
    const giteId = await newGite(owner, 'Le Pressoir');
    const otherGite = await newGite(owner, 'Autre gîte');
    await db.query(
      `insert into public.activites_gites (owner_user_id, gite_id, nom, categorie, distance_km)
       select $1, $2, 'A' || lpad(i::text, 2, '0'), case when i % 3 = 0 then 'sport' else 'visite' end, i
       from generate_series(1, 25) as i`,
      [owner.user.id, giteId],
    );
    await db.query(
      `insert into public.activites_gites (owner_user_id, gite_id, nom) values ($1, $2, 'Ailleurs')`,
      [owner.user.id, otherGite],
    );

    const first = await getActivitiesPage(owner.client, giteId, { categorie: null, page: 1 });
    expect(first).toMatchObject({ total: 25, page: 1, pageCount: 3 });
    expect(first.rows.map((r) => r.nom)).toEqual(
      Array.from({ length: 10 }, (_, i) => `A${String(i + 1).padStart(2, '0')}`),
    );
    const last = await getActivitiesPage(owner.client, giteId, { categorie: null, page: 3 });
    expect(last.rows.map((r) => r.nom)).toEqual(['A21', 'A22', 'A23', 'A24', 'A25']);
    const sport = await getActivitiesPage(owner.client, giteId, { categorie: 'sport', page: 1 });
    expect(sport).toMatchObject({ total: 8, pageCount: 1 });
    expect(sport.rows.every((r) => r.categorie === 'sport')).toBe(true);
    // Past the end: the last page.
    const past = await getActivitiesPage(owner.client, giteId, { categorie: 'visite', page: 40 });
    expect(past).toMatchObject({ total: 17, page: 2, pageCount: 2 });
    expect(past.rows).toHaveLength(7);

    expect(await getActivityGite(other.client, giteId)).toBeNull();
    expect(
      await getActivitiesPage(other.client, giteId, { categorie: null, page: 1 }),
    ).toMatchObject({
      total: 0,
      rows: [],
    });
  });

  it('creates, updates and deletes an activity; the database takes what the form accepts', async () => {
    const owner = await signedUpOwner(stack, 'activity-crud');
    const other = await signedUpOwner(stack, 'activity-crud-other');
    const giteId = await newGite(owner, 'La Bergerie');
    const values = valid(
      validateActivityForm({
        nom: 'n'.repeat(200),
        categorie: 'restaurant',
        description: 'd'.repeat(5000),
        adresse: 'a'.repeat(500),
        distance_km: '99999,99',
        url: `https://exemple.fr/${'p'.repeat(2048 - 'https://exemple.fr/'.length)}`,
        telephone: '+33 5 49 35 00 00',
      }),
    );
    await saveActivity(owner.client, { giteId, values });
    const [row] = (await getActivitiesPage(owner.client, giteId, { categorie: null, page: 1 }))
      .rows;
    expect(row).toMatchObject({ categorie: 'restaurant', distance_km: 99999.99 });
    if (!row) throw new Error('no row');

    await expect(
      saveActivity(other.client, { giteId, id: row.id, values: { ...values, nom: 'Volé' } }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(saveActivity(other.client, { giteId, values })).rejects.toBeTruthy();
    await saveActivity(owner.client, {
      giteId,
      id: row.id,
      values: { ...values, nom: 'Chez Léa' },
    });
    await expect(deleteActivity(other.client, row.id)).rejects.toMatchObject({ status: 404 });
    const after = await getActivitiesPage(owner.client, giteId, { categorie: null, page: 1 });
    expect(after.rows.map((r) => r.nom)).toEqual(['Chez Léa']);
    await deleteActivity(owner.client, row.id);
    expect(
      (await getActivitiesPage(owner.client, giteId, { categorie: null, page: 1 })).total,
    ).toBe(0);
  });
});
