/**
 * legacy_migration.migrate_infos_gites (migration 20261125000100) against the real stack: a
 * legacy-shaped fixture table (the one-row-per-gîte `infos_gites` of the old app) in a schema
 * of this file's own, copied into the five infos_gites_* tables. Proves the mapping of every
 * column, idempotence (a second run writes nothing), updates after a legacy change, and that
 * a gîte with a bad value is skipped whole and reported while the others are copied.
 */
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedUpOwner, superuserPool } from '../../dev/test/clients.ts';

const stack = inject('stack');
let db: pg.Pool;
const schema = `legacy_fixture_${randomBytes(4).toString('hex')}`;
const table = `${schema}.infos_gites`;

/** The legacy shape the migration reads (see the migration's header), typed as the old app had it. */
const LEGACY_TABLE = `
  create table ${table} (
    id serial primary key,
    gite_id uuid not null unique,
    owner_user_id uuid,
    nom text, adresse text, latitude text, longitude text, telephone_urgence text, email_contact text,
    wifi_ssid text, wifi_password text, wifi_securite text, wifi_debit text, wifi_localisation_box text,
    wifi_zones_reception text, wifi_qr_code_url text,
    consignes_arrivee text, consignes_sejour text, consignes_sortie text, instructions_parking text,
    consignes_arrivee_en text, consignes_sejour_en text, consignes_sortie_en text, instructions_parking_en text,
    code_acces text, horaire_arrivee text, horaire_depart text,
    chauffage_type text, chauffage_mode_emploi text, thermostat text, climatisation boolean, cheminee text,
    machine_cafe text, bouilloire boolean, lave_vaisselle boolean, four text, micro_ondes text,
    plaques_cuisson text, refrigerateur text, grille_pain boolean,
    tv text, box_tv text, streaming_codes text, console text,
    piscine text, spa boolean, barbecue text, jardin text, salon_jardin boolean,
    machine_laver text, seche_linge boolean, fer_repasser boolean, aspirateur text, lit_bebe boolean,
    animaux_acceptes text, tri_dechets text,
    medecin_nom text, medecin_telephone text, medecin_adresse text, medecin_horaires text,
    pharmacie_nom text, pharmacie_telephone text, pharmacie_adresse text, pharmacie_horaires text,
    hopital_nom text, hopital_telephone text, hopital_adresse text, hopital_horaires text,
    veterinaire_nom text, veterinaire_telephone text, veterinaire_adresse text, veterinaire_horaires text,
    plombier_nom text, plombier_telephone text, plombier_adresse text, plombier_horaires text,
    electricien_nom text, electricien_telephone text, electricien_adresse text, electricien_horaires text,
    taxi_nom text, taxi_telephone text, taxi_adresse text, taxi_horaires text,
    gardien_nom text, gardien_telephone text, gardien_adresse text, gardien_horaires text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`;

/** A legacy row with every column filled. */
function fullRow(giteId: string, ownerId: string): Record<string, unknown> {
  const contacts: Record<string, unknown> = {};
  for (const type of [
    'medecin',
    'pharmacie',
    'hopital',
    'veterinaire',
    'plombier',
    'electricien',
    'taxi',
    'gardien',
  ]) {
    contacts[`${type}_nom`] = `Nom ${type}`;
    contacts[`${type}_telephone`] = '05 49 00 00 00';
    contacts[`${type}_adresse`] = `1 rue du ${type}, Niort`;
    contacts[`${type}_horaires`] = `Horaires ${type}`;
  }
  return {
    gite_id: giteId,
    owner_user_id: ownerId,
    nom: 'La Bergerie du Marais',
    adresse: '12 chemin des Aulnes, 79510 Coulon',
    latitude: '46,3219',
    longitude: '-0.5861',
    telephone_urgence: '+33 6 12 34 56 78',
    email_contact: 'helene@example.com',
    wifi_ssid: 'Bergerie',
    wifi_password: 'marais-2026',
    wifi_securite: 'WPA2',
    wifi_debit: '30 Mb/s',
    wifi_localisation_box: 'Placard de l’entrée',
    wifi_zones_reception: 'salon, chambre 1; terrasse',
    wifi_qr_code_url: 'https://old.example/qr.png',
    consignes_arrivee: 'Clés dans la boîte',
    consignes_sejour: 'Pas de fête',
    consignes_sortie: 'Laisser les clés',
    instructions_parking: 'Devant la grange',
    consignes_arrivee_en: 'Keys in the box',
    consignes_sejour_en: 'No parties',
    consignes_sortie_en: 'Leave the keys',
    instructions_parking_en: 'In front of the barn',
    code_acces: '4821B',
    horaire_arrivee: '16h',
    horaire_depart: '10:30',
    chauffage_type: 'Pompe à chaleur',
    chauffage_mode_emploi: 'Télécommande sur le buffet',
    thermostat: '19 °C la nuit',
    climatisation: false,
    cheminee: 'Bois sous l’appentis',
    machine_cafe: 'Senseo',
    bouilloire: true,
    lave_vaisselle: true,
    four: 'Chaleur tournante',
    micro_ondes: 'oui',
    plaques_cuisson: 'Induction',
    refrigerateur: 'Américain',
    grille_pain: false,
    tv: 'Chaînes TNT',
    box_tv: 'Box Orange',
    streaming_codes: 'Netflix : voir carnet',
    console: 'Switch',
    piscine: 'Ouverte de juin à septembre',
    spa: true,
    barbecue: 'Charbon',
    jardin: 'Clos',
    salon_jardin: true,
    machine_laver: 'Dans le cellier',
    seche_linge: false,
    fer_repasser: true,
    aspirateur: 'Placard',
    lit_bebe: true,
    animaux_acceptes: 'non',
    tri_dechets: 'Bac jaune le mardi',
    ...contacts,
  };
}

async function insertLegacy(row: Record<string, unknown>): Promise<void> {
  const columns = Object.keys(row);
  await db.query(
    `insert into ${table} (${columns.join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
    Object.values(row),
  );
}

interface ReportRow {
  gite_id: string;
  status: string;
  detail: string | null;
}

async function migrate(source: string | null = table): Promise<ReportRow[]> {
  const { rows } = await db.query<ReportRow>(
    'select * from legacy_migration.migrate_infos_gites($1::regclass)',
    [source],
  );
  return rows;
}

async function newGite(ownerId: string, nom: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'insert into public.gites (owner_user_id, nom) values ($1, $2) returning id',
    [ownerId, nom],
  );
  return rows[0]?.id ?? '';
}

/** Every row of the five tables for a gîte, with the row versions (ctid, updated_at). */
async function snapshot(giteId: string) {
  const read = async (sql: string) => (await db.query(sql, [giteId])).rows;
  return {
    core: await read(
      'select ctid::text, updated_at, * from public.infos_gites_core where gite_id = $1',
    ),
    wifi: await read(
      'select ctid::text, updated_at, * from public.infos_gites_wifi where gite_id = $1',
    ),
    consignes: await read(
      'select ctid::text, updated_at, * from public.infos_gites_consignes where gite_id = $1 order by langue',
    ),
    equipements: await read(
      'select ctid::text, updated_at, * from public.infos_gites_equipements where gite_id = $1',
    ),
    contacts: await read(
      'select ctid::text, updated_at, * from public.infos_gites_contacts where gite_id = $1 order by ordre',
    ),
  };
}

beforeAll(async () => {
  db = await superuserPool(stack);
  await db.query(`create schema ${schema}`);
  await db.query(LEGACY_TABLE);
});

afterAll(async () => {
  await db.query(`drop schema if exists ${schema} cascade`);
  await db.end();
});

describe('legacy infos_gites → the five tables', () => {
  it('is a no-op when there is no legacy table (the schema of this project has none)', async () => {
    const { rows } = await db.query<{ exists: boolean }>(
      "select to_regclass('public.infos_gites') is not null as exists",
    );
    expect(rows[0]?.exists).toBe(false);
    expect(await migrate(null)).toEqual([]);
  });

  it('copies every column, then a second run writes nothing, and a legacy change updates only what changed', async () => {
    const owner = await signedUpOwner(stack, 'legacy-full');
    const giteId = await newGite(owner.user.id, 'La Bergerie');
    await insertLegacy(fullRow(giteId, owner.user.id));

    const first = await migrate();
    expect(first.filter((r) => r.gite_id === giteId)).toEqual([
      { gite_id: giteId, status: 'inserted', detail: null },
    ]);
    const after = await snapshot(giteId);

    expect(after.core).toMatchObject([
      {
        owner_user_id: owner.user.id,
        nom: 'La Bergerie du Marais',
        adresse_complete: '12 chemin des Aulnes, 79510 Coulon',
        latitude: '46.32190000',
        longitude: '-0.58610000',
        telephone_urgence: '+33 6 12 34 56 78',
        email_contact: 'helene@example.com',
      },
    ]);
    expect(after.wifi).toMatchObject([
      {
        owner_user_id: owner.user.id,
        ssid: 'Bergerie',
        wifi_password: 'marais-2026',
        securite: 'WPA',
        debit_approximatif: '30 Mb/s',
        localisation_box: 'Placard de l’entrée',
        zones_reception: ['salon', 'chambre 1', 'terrasse'],
      },
    ]);
    const shared = { code_acces: '4821B', horaire_arrivee: '16:00:00', horaire_depart: '10:30:00' };
    expect(after.consignes).toMatchObject([
      {
        langue: 'en',
        consignes_arrivee: 'Keys in the box',
        consignes_sejour: 'No parties',
        consignes_sortie: 'Leave the keys',
        instructions_parking: 'In front of the barn',
        ...shared,
      },
      {
        langue: 'fr',
        consignes_arrivee: 'Clés dans la boîte',
        consignes_sejour: 'Pas de fête',
        consignes_sortie: 'Laisser les clés',
        instructions_parking: 'Devant la grange',
        ...shared,
      },
    ]);
    const items = (pairs: Array<[string, string]>) => ({
      items: pairs.map(([nom, mode_emploi]) => ({ nom, mode_emploi })),
    });
    expect(after.equipements).toMatchObject([
      {
        chauffage: items([
          ['Type de chauffage', 'Pompe à chaleur'],
          ['Chauffage', 'Télécommande sur le buffet'],
          ['Thermostat', '19 °C la nuit'],
          ['Climatisation', 'Non'],
          ['Cheminée / poêle', 'Bois sous l’appentis'],
        ]),
        cuisine: items([
          ['Machine à café', 'Senseo'],
          ['Bouilloire', 'Oui'],
          ['Lave-vaisselle', 'Oui'],
          ['Four', 'Chaleur tournante'],
          ['Micro-ondes', 'Oui'],
          ['Plaques de cuisson', 'Induction'],
          ['Réfrigérateur', 'Américain'],
          ['Grille-pain', 'Non'],
        ]),
        multimedia: items([
          ['Télévision', 'Chaînes TNT'],
          ['Box TV', 'Box Orange'],
          ['Streaming', 'Netflix : voir carnet'],
          ['Console de jeux', 'Switch'],
        ]),
        exterieur: items([
          ['Piscine', 'Ouverte de juin à septembre'],
          ['Spa', 'Oui'],
          ['Barbecue', 'Charbon'],
          ['Jardin', 'Clos'],
          ['Salon de jardin', 'Oui'],
        ]),
        divers: items([
          ['Lave-linge', 'Dans le cellier'],
          ['Sèche-linge', 'Non'],
          ['Fer à repasser', 'Oui'],
          ['Aspirateur', 'Placard'],
          ['Lit bébé', 'Oui'],
          ['Animaux acceptés', 'Non'],
          ['Tri des déchets', 'Bac jaune le mardi'],
        ]),
      },
    ]);
    const types = [
      'medecin',
      'pharmacie',
      'hopital',
      'veterinaire',
      'plombier',
      'electricien',
      'taxi',
      'gardien',
    ];
    expect(after.contacts).toMatchObject(
      types.map((type, index) => ({
        type,
        nom: `Nom ${type}`,
        telephone: '05 49 00 00 00',
        adresse: `1 rue du ${type}, Niort`,
        disponibilite: `Horaires ${type}`,
        ordre: index + 1,
      })),
    );

    // Second run: reported unchanged, and not one row version of the five tables moved.
    const second = await migrate();
    expect(second.find((r) => r.gite_id === giteId)).toEqual({
      gite_id: giteId,
      status: 'unchanged',
      detail: null,
    });
    expect(await snapshot(giteId)).toEqual(after);

    // The owner adds a contact in the new editor: a legacy change later does not remove it.
    await db.query(
      `insert into public.infos_gites_contacts (owner_user_id, gite_id, type, nom) values ($1, $2, 'taxi', 'Taxi du Marais')`,
      [owner.user.id, giteId],
    );
    // The legacy row changes (wifi password, one contact's phone): only those rows are rewritten.
    await db.query(
      `update ${table} set wifi_password = 'nouveau-2027', pharmacie_telephone = '05 49 11 11 11', updated_at = now() where gite_id = $1`,
      [giteId],
    );
    const third = await migrate();
    expect(third.find((r) => r.gite_id === giteId)?.status).toBe('updated');
    const changed = await snapshot(giteId);
    expect(changed.wifi[0]?.wifi_password).toBe('nouveau-2027');
    expect(changed.wifi[0]?.ctid).not.toBe(after.wifi[0]?.ctid);
    expect(changed.core).toEqual(after.core);
    expect(changed.consignes).toEqual(after.consignes);
    expect(changed.equipements).toEqual(after.equipements);
    const pharmacie = changed.contacts.find((c) => c.type === 'pharmacie');
    expect(pharmacie?.telephone).toBe('05 49 11 11 11');
    expect(changed.contacts.filter((c) => c.type === 'medecin')).toEqual(
      after.contacts.filter((c) => c.type === 'medecin'),
    );
    expect(changed.contacts.map((c) => c.nom)).toContain('Taxi du Marais');
    expect(changed.contacts).toHaveLength(types.length + 1);

    // And again: nothing.
    expect((await migrate()).find((r) => r.gite_id === giteId)?.status).toBe('unchanged');
    expect(await snapshot(giteId)).toEqual(changed);
  });

  it('skips a gîte with a bad value whole, reports why, copies the others, and copies it once fixed', async () => {
    const owner = await signedUpOwner(stack, 'legacy-bad');
    const other = await signedUpOwner(stack, 'legacy-bad-other');
    const good = await newGite(owner.user.id, 'Bon');
    const longName = await newGite(owner.user.id, 'Nom trop long');
    const badLatitude = await newGite(owner.user.id, 'Latitude 123');
    const notANumber = await newGite(owner.user.id, 'Latitude abc');
    const badTime = await newGite(owner.user.id, 'Heure');
    const badSecurity = await newGite(owner.user.id, 'Sécurité');
    const longPassword = await newGite(owner.user.id, 'Mot de passe');
    const othersGite = await newGite(other.user.id, 'Chez un autre');
    const missing = crypto.randomUUID();

    const base = (giteId: string) => fullRow(giteId, owner.user.id);
    await insertLegacy(base(good));
    // The name is valid but a later table's value is not: nothing of this gîte may stay.
    await insertLegacy({ ...base(longName), pharmacie_nom: 'P'.repeat(201) });
    await insertLegacy({ ...base(badLatitude), latitude: '123.5' });
    await insertLegacy({ ...base(notANumber), longitude: 'abc' });
    await insertLegacy({ ...base(badTime), horaire_depart: 'vers midi' });
    await insertLegacy({ ...base(badSecurity), wifi_securite: 'RADIUS' });
    await insertLegacy({ ...base(longPassword), wifi_password: 'x'.repeat(129) });
    await insertLegacy(base(othersGite));
    await insertLegacy({ ...base(missing), owner_user_id: null });

    const report = await migrate();
    const of = (id: string) => report.find((r) => r.gite_id === id);
    expect(of(good)?.status).toBe('inserted');
    for (const [id, reason] of [
      [longName, /infos_gites_contacts.*infos_gites_contacts_nom_check/],
      [badLatitude, /infos_gites_core/],
      [notANumber, /infos_gites_core/],
      [badTime, /infos_gites_consignes : horaire illisible : vers midi/],
      [badSecurity, /infos_gites_wifi.*infos_gites_wifi_securite_check/],
      [longPassword, /infos_gites_wifi.*wifi_password/],
      [othersGite, /autre propriétaire/],
      [missing, /gîte introuvable/],
    ] as const) {
      expect(of(id), id).toMatchObject({
        status: 'skipped',
        detail: expect.stringMatching(reason),
      });
      const rows = await snapshot(id);
      expect(Object.values(rows).flat(), `nothing written for ${id}`).toEqual([]);
    }
    expect((await snapshot(good)).contacts).toHaveLength(8);

    // A second run changes nothing: the good gîte is unchanged, the bad ones skipped again.
    const again = await migrate();
    expect(again.find((r) => r.gite_id === good)?.status).toBe('unchanged');
    expect(again.find((r) => r.gite_id === badLatitude)?.status).toBe('skipped');
    const { rows: states } = await db.query<{ gite_id: string; status: string }>(
      'select gite_id, status from legacy_migration.infos_gites_state where gite_id = any($1)',
      [[good, badLatitude, missing]],
    );
    expect(states.toSorted((a, b) => a.status.localeCompare(b.status))).toEqual([
      { gite_id: good, status: 'migrated' },
      { gite_id: badLatitude, status: 'skipped' },
    ]);

    // Fixed in the legacy table, the gîte is copied at the next run.
    await db.query(`update ${table} set latitude = '46.5' where gite_id = $1`, [badLatitude]);
    const fixed = await migrate();
    expect(fixed.find((r) => r.gite_id === badLatitude)?.status).toBe('inserted');
    expect((await snapshot(badLatitude)).core[0]?.latitude).toBe('46.50000000');
  });

  it('makes no empty rows: a legacy row with only a name gives a core row and nothing else', async () => {
    const owner = await signedUpOwner(stack, 'legacy-sparse');
    const giteId = await newGite(owner.user.id, 'Presque vide');
    await insertLegacy({
      gite_id: giteId,
      owner_user_id: owner.user.id,
      nom: 'Presque vide',
      tv: '',
    });
    expect((await migrate()).find((r) => r.gite_id === giteId)?.status).toBe('inserted');
    const rows = await snapshot(giteId);
    expect(rows.core).toHaveLength(1);
    expect([rows.wifi, rows.consignes, rows.equipements, rows.contacts]).toEqual([[], [], [], []]);
  });

  it('cannot be called through the API', async () => {
    const owner = await signedUpOwner(stack, 'legacy-api');
    const { error } = await owner.client
      .schema('legacy_migration' as 'public')
      .rpc('migrate_infos_gites' as never);
    expect(error).not.toBeNull();
    const { rows } = await db.query<{ allowed: boolean }>(
      `select bool_or(has_function_privilege(r, 'legacy_migration.migrate_infos_gites(regclass)', 'execute')) as allowed
       from unnest(array['anon', 'authenticated', 'service_role']) as r`,
    );
    expect(rows[0]?.allowed).toBe(false);
  });
});
