/**
 * Fiscalité against the real local stack: fiscal_receipts (each stay's amount spread over its
 * nights, the New Year split, categories, what is excluded, N-1 and N-2), fiscal_trip_totals,
 * the owner tables' checks, owner isolation, and French errors for a bad year.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedUpOwner, superuserPool, testClient } from '../../dev/test/clients.ts';
import type { Database, TablesInsert } from '../../src/lib/database.types.ts';

const stack = inject('stack');

type Client = SupabaseClient<Database>;
type Receipt = Database['public']['Functions']['fiscal_receipts']['Returns'][number];

async function createGite(client: Client, nom: string, categorie_fiscale: string) {
  const { data, error } = await client
    .from('gites')
    .insert({ nom, categorie_fiscale })
    .select('id')
    .single();
  if (error) throw error;
  return data.id;
}

async function receipts(client: Client, year: number): Promise<Receipt[]> {
  const { data, error } = await client.rpc('fiscal_receipts', { p_year: year }, { get: true });
  if (error) throw error;
  return data;
}

function find(rows: Receipt[], annee: number, categorie: string): Receipt | undefined {
  return rows.find((r) => r.annee === annee && r.categorie_fiscale === categorie);
}

describe('fiscal_receipts', () => {
  let owner: Awaited<ReturnType<typeof signedUpOwner>>;
  let db: pg.Pool;
  let classe: string;
  let nonClasse: string;

  beforeAll(async () => {
    db = await superuserPool(stack);
    owner = await signedUpOwner(stack, 'fisc');
    classe = await createGite(owner.client, 'Le Moulin', 'meuble_tourisme_classe');
    nonClasse = await createGite(owner.client, 'La Grange', 'meuble_tourisme_non_classe');
    const stay = (
      gite_id: string,
      date_debut: string,
      date_fin: string,
      extra: Partial<TablesInsert<'reservations'>> = {},
    ): TablesInsert<'reservations'> => ({
      gite_id,
      date_debut,
      date_fin,
      plateforme: 'direct',
      status: 'confirmed',
      ...extra,
    });
    const { data, error } = await owner.client
      .from('reservations')
      .insert(
        [
          // Classé, 2025: 1,000 € + 100 € over 3 nights (33.33 + 33.33 + 33.34).
          stay(classe, '2025-07-05', '2025-07-12', { montant: 1000 }),
          stay(classe, '2025-03-10', '2025-03-13', { montant: 100 }),
          // Across New Year's Eve: nights of 30 and 31 December in 2024 (2 × 33.33 €), the
          // night of 1 January in 2025 (33.34 €: the remainder goes to the last night).
          stay(nonClasse, '2024-12-30', '2025-01-02', { montant: 100 }),
          // Non classé, 2025: 500 €.
          stay(nonClasse, '2025-08-01', '2025-08-06', { montant: 500 }),
          // Not counted: cancelled, a block, an owner's closure.
          stay(nonClasse, '2025-05-01', '2025-05-05', {
            status: 'cancelled',
            montant: 999,
            cancelled_at: '2025-04-01T10:00:00Z',
          }),
          stay(nonClasse, '2025-02-01', '2025-02-08', { status: 'blocked', montant: 700 }),
          // No amount yet: counted as a stay without amount.
          stay(classe, '2025-09-01', '2025-09-04'),
          // N-2 (2023).
          stay(classe, '2023-06-01', '2023-06-11', { montant: 2000 }),
          // Outside N-2…N.
          stay(classe, '2022-06-01', '2022-06-03', { montant: 5000 }),
        ],
        { defaultToNull: false },
      )
      .select('id, date_debut');
    if (error) throw error;
    // An echo of the July stay and an owner-marked closure that both say 'confirmed' by a
    // hand edit (behind RLS's back): they still must not count.
    const july = data.find((r) => r.date_debut === '2025-07-05');
    await db.query(
      `insert into public.reservations
         (owner_user_id, gite_id, plateforme, status, montant, date_debut, date_fin, echo_of)
       values ($1, $2, 'booking', 'confirmed', 800, '2025-07-05', '2025-07-12', $3)`,
      [owner.user.id, classe, july?.id],
    );
    await db.query(
      `insert into public.reservations
         (owner_user_id, gite_id, plateforme, status, montant, date_debut, date_fin, owner_marked_closure)
       values ($1, $2, 'booking', 'confirmed', 300, '2025-10-01', '2025-10-04', true)`,
      [owner.user.id, nonClasse],
    );
  });

  afterAll(async () => {
    await db.end();
  });

  it('spreads each stay over its nights, splits a stay across New Year, per category', async () => {
    const rows = await receipts(owner.client, 2025);
    expect(find(rows, 2025, 'meuble_tourisme_classe')).toEqual({
      annee: 2025,
      categorie_fiscale: 'meuble_tourisme_classe',
      recettes_centimes: 100_000 + 10_000,
      sejours: 3,
      sejours_sans_montant: 1,
    });
    expect(find(rows, 2025, 'meuble_tourisme_non_classe')).toEqual({
      annee: 2025,
      categorie_fiscale: 'meuble_tourisme_non_classe',
      // 1 night of the New Year stay (33.34 €, the remainder on its last night) + 500 €.
      recettes_centimes: 3_334 + 50_000,
      sejours: 2,
      sejours_sans_montant: 0,
    });
    expect(find(rows, 2024, 'meuble_tourisme_non_classe')).toMatchObject({
      recettes_centimes: 6_666,
      sejours: 1,
    });
    expect(find(rows, 2023, 'meuble_tourisme_classe')).toMatchObject({
      recettes_centimes: 200_000,
      sejours: 1,
    });
  });

  it('gives N, N-1 and N-2 only, and excludes cancelled stays, blocks, echoes and closures', async () => {
    const rows = await receipts(owner.client, 2025);
    expect(new Set(rows.map((r) => r.annee))).toEqual(new Set([2023, 2024, 2025]));
    const total2025 = rows
      .filter((r) => r.annee === 2025)
      .reduce((sum, r) => sum + r.recettes_centimes, 0);
    expect(total2025).toBe(110_000 + 53_334);
    // The 2024 view of the same stays: the New Year stay's 2024 part, and 2022 appears.
    const rows2024 = await receipts(owner.client, 2024);
    expect(find(rows2024, 2024, 'meuble_tourisme_non_classe')?.recettes_centimes).toBe(6_666);
    expect(find(rows2024, 2022, 'meuble_tourisme_classe')?.recettes_centimes).toBe(500_000);
    expect(rows2024.some((r) => r.annee === 2025)).toBe(false);
  });

  it('agrees with stay_statistics on the year’s revenue of the counted stays', async () => {
    const { data, error } = await owner.client.rpc('stay_statistics', { p_year: 2025 });
    if (error) throw error;
    const statsRevenue = data
      .filter((r) => r.vue === 'gite' && r.annee === 2025)
      .reduce((sum, r) => sum + r.revenu_centimes, 0);
    // One rule for both (stay_month_contribution): the two hand-edited rows (an echo of our
    // own calendar, an owner's closure, both set 'confirmed' by hand) earn nothing in either.
    expect(statsRevenue).toBe(110_000 + 53_334);
    const year = (await receipts(owner.client, 2025)).filter((r) => r.annee === 2025);
    expect(year.reduce((sum, r) => sum + r.recettes_centimes, 0)).toBe(statsRevenue);
  });

  it('shows an owner nothing of another owner’s stays', async () => {
    const other = await signedUpOwner(stack, 'fisc-other');
    expect(await receipts(other.client, 2025)).toEqual([]);
  });

  it('refuses a year out of range with a French message, and anonymous callers', async () => {
    const { error } = await owner.client.rpc('fiscal_receipts', { p_year: 1999 });
    expect(error?.code).toBe('22023');
    expect(error?.message).toBe('Année invalide : choisissez une année entre 2002 et 2100.');
    const anon = testClient(stack);
    const { error: anonError } = await anon.rpc('fiscal_receipts', { p_year: 2025 });
    expect(anonError?.code).toBe('42501');
  });
});

describe('fiscal_trip_totals and the owner’s tax tables', () => {
  let owner: Awaited<ReturnType<typeof signedUpOwner>>;
  let other: Awaited<ReturnType<typeof signedUpOwner>>;

  beforeAll(async () => {
    owner = await signedUpOwner(stack, 'fisc-km');
    other = await signedUpOwner(stack, 'fisc-km-other');
    const { error } = await owner.client.from('km_trajets').insert(
      [
        { date: '2025-03-01', motif: 'Courses', distance_km: 12.5, aller_retour: true },
        { date: '2025-12-31', motif: 'Artisan', distance_km: 30 },
        { date: '2026-01-01', motif: 'Année suivante', distance_km: 99 },
      ],
      { defaultToNull: false },
    );
    if (error) throw error;
  });

  it('sums the year’s business kilometres, a round trip twice', async () => {
    const { data, error } = await owner.client.rpc(
      'fiscal_trip_totals',
      { p_year: 2025 },
      { get: true },
    );
    if (error) throw error;
    expect(data).toEqual([{ trajets: 2, km_professionnels: 55 }]);
    const theirs = await other.client.rpc('fiscal_trip_totals', { p_year: 2025 }, { get: true });
    expect(theirs.data).toEqual([{ trajets: 0, km_professionnels: 0 }]);
    const bad = await owner.client.rpc('fiscal_trip_totals', { p_year: 3000 });
    expect(bad.error?.message).toContain('Année invalide');
  });

  it('keeps charges, vehicles, settings and carry-forwards to their owner', async () => {
    const charge = await owner.client
      .from('charges_fiscales')
      .insert({ annee: 2025, nature: 'taxe_fonciere', montant_centimes: 120_000 })
      .select('id')
      .single();
    expect(charge.error).toBeNull();
    const vehicle = await owner.client
      .from('vehicules_fiscaux')
      .insert({ annee: 2025, km_total: 10_000, frais_carburant_centimes: 150_000 })
      .select('id')
      .single();
    expect(vehicle.error).toBeNull();
    expect((await other.client.from('charges_fiscales').select('id')).data).toEqual([]);
    expect((await other.client.from('vehicules_fiscaux').select('id')).data).toEqual([]);
    // One vehicle a year.
    const again = await owner.client
      .from('vehicules_fiscaux')
      .insert({ annee: 2025, km_total: 5_000 });
    expect(again.error?.code).toBe('23505');
  });

  it('refuses what the engine cannot use: an unknown kind, a negative amount, land with a duration', async () => {
    const gite = await createGite(owner.client, 'Le Fournil', 'chambre_hotes');
    const badKind = await owner.client
      .from('charges_fiscales')
      .insert({ annee: 2025, nature: 'bareme_kilometrique', montant_centimes: 1 });
    expect(badKind.error?.code).toBe('23514');
    const negative = await owner.client
      .from('charges_fiscales')
      .insert({ annee: 2025, nature: 'cfe', montant_centimes: -1 });
    expect(negative.error?.code).toBe('23514');
    const land = await owner.client.from('composants_amortissables').insert({
      gite_id: gite,
      libelle: 'Terrain',
      nature: 'terrain',
      cout_centimes: 3_000_000,
      duree_annees: 10,
    });
    expect(land.error?.code).toBe('23514');
    const noDuration = await owner.client.from('composants_amortissables').insert({
      gite_id: gite,
      libelle: 'Toiture',
      nature: 'facades_etancheite',
      cout_centimes: 3_000_000,
      date_mise_en_service: '2024-04-01',
    });
    expect(noDuration.error?.code).toBe('23514');
    const ok = await owner.client.from('composants_amortissables').insert({
      gite_id: gite,
      libelle: 'Toiture',
      nature: 'facades_etancheite',
      cout_centimes: 3_000_000,
      date_mise_en_service: '2024-04-01',
      duree_annees: 25,
    });
    expect(ok.error).toBeNull();
    // Another owner cannot hang a component on this gîte (composite foreign key).
    const stolen = await other.client.from('composants_amortissables').insert({
      gite_id: gite,
      libelle: 'Intrus',
      nature: 'mobilier',
      cout_centimes: 1,
      date_mise_en_service: '2024-04-01',
      duree_annees: 5,
    });
    expect(stolen.error).not.toBeNull();
  });
});
