/**
 * stay_statistics (issue 7, Statistiques), against the real local stack: nights by the month
 * they fall in, amounts spread over nights to the cent, blocks and cancellations, arrivals
 * without an amount, the two groupings, the gîte filter, RLS, and a clear error for a bad year.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { getServiceStarts } from '@/features/statistics/api/get-service-starts';
import { signedUpOwner } from '../../dev/test/clients.ts';
import type { Database, TablesInsert } from '../../src/lib/database.types.ts';

const stack = inject('stack');

type Client = SupabaseClient<Database>;
type Row = Database['public']['Functions']['stay_statistics']['Returns'][number];

async function createGite(client: Client, nom: string): Promise<string> {
  const { data, error } = await client.from('gites').insert({ nom }).select('id').single();
  if (error) throw error;
  return data.id;
}

async function insertStays(client: Client, rows: TablesInsert<'reservations'>[]): Promise<void> {
  const { error } = await client.from('reservations').insert(rows, { defaultToNull: false });
  if (error) throw error;
}

async function statistics(client: Client, year: number, giteId?: string): Promise<Row[]> {
  const { data, error } = await client.rpc(
    'stay_statistics',
    giteId ? { p_year: year, p_gite_id: giteId } : { p_year: year },
    { get: true },
  );
  if (error) throw error;
  return data;
}

type Totals = {
  booked: number;
  blocked: number;
  cents: number;
  arrivals: number;
  withoutAmount: number;
};

/** Sums the rows of one grouping that match `where`. */
function sum(rows: Row[], vue: 'plateforme' | 'gite', where: (row: Row) => boolean): Totals {
  return rows
    .filter((row) => row.vue === vue && where(row))
    .reduce<Totals>(
      (total, row) => ({
        booked: total.booked + row.nuits_louees,
        blocked: total.blocked + row.nuits_bloquees,
        cents: total.cents + row.revenu_centimes,
        arrivals: total.arrivals + row.arrivees,
        withoutAmount: total.withoutAmount + row.arrivees_sans_montant,
      }),
      { booked: 0, blocked: 0, cents: 0, arrivals: 0, withoutAmount: 0 },
    );
}

describe('stay_statistics', () => {
  let owner: Awaited<ReturnType<typeof signedUpOwner>>;
  let moulin: string;
  let grange: string;

  beforeAll(async () => {
    owner = await signedUpOwner(stack, 'stats');
    moulin = await createGite(owner.client, 'Le Moulin');
    grange = await createGite(owner.client, 'La Grange');
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
    await insertStays(owner.client, [
      // 29 June → 3 July: 2 nights in June, 2 in July, 100 € each.
      stay(moulin, '2025-06-29', '2025-07-03', { montant: 400, plateforme: 'airbnb' }),
      // 100 € over 3 nights: 33.33 + 33.33 + 33.34.
      stay(moulin, '2025-03-10', '2025-03-13', { montant: 100 }),
      // Across New Year's Eve: 2 nights of 2024 (200 €), 1 of 2025 (100 €).
      stay(grange, '2024-12-30', '2025-01-02', { montant: 300, plateforme: 'booking' }),
      // A block: nights the gîte could not be let, no revenue.
      stay(grange, '2025-02-01', '2025-02-08', { status: 'blocked', plateforme: 'airbnb' }),
      // Cancelled: nothing.
      stay(grange, '2025-05-01', '2025-05-05', {
        status: 'cancelled',
        montant: 999,
        cancelled_at: '2025-04-01T10:00:00Z',
      }),
      // Imported, amount not entered yet: nights count, revenue is known to be incomplete.
      stay(grange, '2025-08-10', '2025-08-15', { plateforme: 'abritel' }),
      // Outside both years.
      stay(moulin, '2022-07-01', '2022-07-08', { montant: 700 }),
    ]);
  });

  it('counts each night in its month and spreads the amount over the nights, to the cent', async () => {
    const rows = await statistics(owner.client, 2025);
    const month = (annee: number, mois: number) =>
      sum(rows, 'plateforme', (row) => row.annee === annee && row.mois === mois);

    expect(month(2025, 6)).toMatchObject({ booked: 2, cents: 20_000, arrivals: 1 });
    expect(month(2025, 7)).toMatchObject({ booked: 2, cents: 20_000, arrivals: 0 });
    expect(month(2025, 3)).toMatchObject({ booked: 3, cents: 10_000, arrivals: 1 });
    expect(month(2024, 12)).toMatchObject({ booked: 2, cents: 20_000, arrivals: 1 });
    expect(month(2025, 1)).toMatchObject({ booked: 1, cents: 10_000, arrivals: 0 });
    expect(month(2025, 2)).toMatchObject({ booked: 0, blocked: 7, cents: 0, arrivals: 0 });
    expect(month(2025, 5)).toMatchObject({ booked: 0, blocked: 0, cents: 0, arrivals: 0 });
    expect(month(2025, 8)).toMatchObject({ booked: 5, cents: 0, arrivals: 1, withoutAmount: 1 });
  });

  it('returns the year and the year before only, in two groupings that agree', async () => {
    const rows = await statistics(owner.client, 2025);
    expect(new Set(rows.map((row) => row.annee))).toEqual(new Set([2024, 2025]));
    const byPlatform = sum(rows, 'plateforme', (row) => row.annee === 2025);
    const byGite = sum(rows, 'gite', (row) => row.annee === 2025);
    expect(byPlatform).toEqual(byGite);
    expect(byPlatform).toEqual({
      booked: 2 + 2 + 3 + 1 + 5,
      blocked: 7,
      cents: 40_000 + 10_000 + 10_000,
      arrivals: 3,
      withoutAmount: 1,
    });
    for (const row of rows) {
      if (row.vue === 'plateforme') expect(row.gite_id).toBeNull();
      else expect(row.plateforme).toBeNull();
    }
    expect(sum(rows, 'gite', (row) => row.annee === 2025 && row.gite_id === grange)).toMatchObject({
      booked: 6,
      blocked: 7,
      cents: 10_000,
    });
    expect(
      sum(rows, 'plateforme', (row) => row.annee === 2025 && row.plateforme === 'airbnb'),
    ).toMatchObject({ booked: 4, blocked: 7, cents: 40_000 });
  });

  it('filters on one gîte', async () => {
    const rows = await statistics(owner.client, 2025, moulin);
    expect(new Set(rows.filter((row) => row.vue === 'gite').map((row) => row.gite_id))).toEqual(
      new Set([moulin]),
    );
    expect(sum(rows, 'plateforme', (row) => row.annee === 2025)).toMatchObject({
      booked: 7,
      cents: 50_000,
    });
  });

  it('shows an owner nothing of another owner’s stays', async () => {
    const other = await signedUpOwner(stack, 'stats-other');
    expect(await statistics(other.client, 2025)).toEqual([]);
    // Even naming the first owner's gîte.
    expect(await statistics(other.client, 2025, moulin)).toEqual([]);
  });

  it('refuses a year out of range with a French message, and anonymous callers', async () => {
    const { error } = await owner.client.rpc('stay_statistics', { p_year: 1850 });
    expect(error?.code).toBe('22023');
    expect(error?.message).toContain('Année invalide');

    const anon = (await import('../../dev/test/clients.ts')).testClient(stack);
    const { error: anonError } = await anon.rpc('stay_statistics', { p_year: 2025 });
    expect(anonError?.code).toBe('42501');
  });
});

describe('gite_service_starts (since when a gîte counts in the statistics)', () => {
  it('is the earlier of the gîte’s addition and its first stay’s arrival, for the owner’s gîtes only', async () => {
    const owner = await signedUpOwner(stack, 'service-starts');
    const stranger = await signedUpOwner(stack, 'service-starts-other');
    const withHistory = await createGite(owner.client, 'Ancien');
    const fresh = await createGite(owner.client, 'Nouveau');
    // Imported stays from before the gîte was added: a cancelled one counts for nothing.
    await insertStays(owner.client, [
      { gite_id: withHistory, date_debut: '2023-08-20', date_fin: '2023-08-25' },
      {
        gite_id: withHistory,
        date_debut: '2022-05-01',
        date_fin: '2022-05-03',
        status: 'cancelled',
      },
    ]);
    const starts = await getServiceStarts(owner.client);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
    expect(Object.fromEntries(starts)).toEqual({ [withHistory]: '2023-08-20', [fresh]: today });
    expect((await getServiceStarts(stranger.client)).size).toBe(0);
  });
});
