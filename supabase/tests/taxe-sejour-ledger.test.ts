/**
 * taxe_sejour_ledger / taxe_sejour_totals (issue 9 item 3), against the real local stack:
 * hand-made stays give the figures worked out by hand; every row agrees with the
 * TypeScript twin (src/features/taxe-sejour/ledger.ts) on the same stays; the owner's
 * settings and ledger are invisible to another owner; bad input is refused in French.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { signedUpOwner } from '../../dev/test/clients.ts';
import {
  type CollectingPlatform,
  type GiteTaxSettings,
  ledgerTotals,
  monthParts,
  type Platform,
  stayTax,
  sumTotalsRows,
} from '../../src/features/taxe-sejour/ledger.ts';
import type { Database } from '../../src/lib/database.types.ts';

const stack = inject('stack');
type Client = SupabaseClient<Database>;
type ReservationInsert = Database['public']['Tables']['reservations']['Insert'];
type SettingsRow = Database['public']['Tables']['taxe_sejour_settings']['Row'];

async function insertId(
  client: Client,
  table: 'gites' | 'reservations' | 'taxe_sejour_settings',
  row: Record<string, unknown>,
): Promise<string> {
  const { data, error } = await client
    .from(table)
    .insert(row as never)
    .select('id')
    .single();
  if (error) throw error;
  return (data as unknown as { id: string }).id;
}

function toSettings(row: SettingsRow): GiteTaxSettings {
  return {
    rule:
      row.regle === 'tarif_fixe'
        ? { kind: 'tarif_fixe', rateCents: row.tarif_centimes ?? 0 }
        : {
            kind: 'pourcentage',
            basisPoints: row.taux_points_base ?? 0,
            capCents: row.plafond_centimes ?? 0,
          },
    departmentalSurcharge: row.taxe_additionnelle,
    collectingPlatforms: row.plateformes_collectrices as CollectingPlatform[],
  };
}

describe('taxe_sejour_ledger', () => {
  let owner: Awaited<ReturnType<typeof signedUpOwner>>;
  let other: Awaited<ReturnType<typeof signedUpOwner>>;
  let moulin: string;
  let grange: string;
  let cabane: string;
  const stays: ReservationInsert[] = [];

  beforeAll(async () => {
    owner = await signedUpOwner(stack, 'taxe');
    other = await signedUpOwner(stack, 'taxe-autre');
    moulin = await insertId(owner.client, 'gites', { nom: 'Le Moulin' });
    grange = await insertId(owner.client, 'gites', { nom: 'La Grange' });
    cabane = await insertId(owner.client, 'gites', { nom: 'La Cabane' });
    // Moulin: classified, 0.80 € + 10 % départemental; Airbnb collects.
    await insertId(owner.client, 'taxe_sejour_settings', {
      gite_id: moulin,
      commune: 'Coulon',
      regle: 'tarif_fixe',
      tarif_centimes: 80,
      taxe_additionnelle: true,
      plateformes_collectrices: ['airbnb'],
    });
    // Grange: unclassified, 5 % capped at 2.30 €, no surcharge.
    await insertId(owner.client, 'taxe_sejour_settings', {
      gite_id: grange,
      commune: 'Arçais',
      regle: 'pourcentage',
      taux_points_base: 500,
      plafond_centimes: 230,
    });
    // Cabane: no setting at all.
    const add = (row: ReservationInsert) => {
      stays.push(row);
      return insertId(owner.client, 'reservations', row);
    };
    // Direct, 2 adults + 2 children, 3 nights in January → 3 × 2 × 0.88 = 5.28 €
    await add({
      gite_id: moulin,
      date_debut: '2031-01-10',
      date_fin: '2031-01-13',
      nb_personnes: 4,
      nb_adultes: 2,
      plateforme: 'direct',
    });
    // Airbnb, across January/February: 2 + 3 nights × 3 people (split unknown) → platform
    await add({
      gite_id: moulin,
      date_debut: '2031-01-30',
      date_fin: '2031-02-04',
      nb_personnes: 3,
      plateforme: 'airbnb',
      montant: 500,
    });
    // Booking (not collecting here): 1 adult, 1 night → 0.88 €
    await add({
      gite_id: moulin,
      date_debut: '2031-03-31',
      date_fin: '2031-04-02',
      nb_personnes: 1,
      nb_adultes: 1,
      plateforme: 'booking',
    });
    // Grange: 700 € for 7 nights, 3 people (2 adults): 33.33 € pp-night × 5 % = 1.67 € ≤ 2.30 €
    // Feb 25 → Mar 4: 4 nights in Feb, 3 in March.
    await add({
      gite_id: grange,
      date_debut: '2031-02-25',
      date_fin: '2031-03-04',
      nb_personnes: 3,
      nb_adultes: 2,
      montant: 700,
    });
    // Grange, capped: 1 000 € for 2 nights, 2 adults: 250 € × 5 % = 12.50 € → 2.30 €
    await add({
      gite_id: grange,
      date_debut: '2031-03-10',
      date_fin: '2031-03-12',
      nb_personnes: 2,
      nb_adultes: 2,
      montant: 1000,
    });
    // Grange, no price: flagged
    await add({
      gite_id: grange,
      date_debut: '2031-03-20',
      date_fin: '2031-03-21',
      nb_personnes: 2,
      nb_adultes: 2,
    });
    // Cabane without settings: flagged
    await add({
      gite_id: cabane,
      date_debut: '2031-02-01',
      date_fin: '2031-02-03',
      nb_personnes: 2,
    });
    // Not counted: cancelled, blocked, outside the quarter.
    await add({
      gite_id: moulin,
      date_debut: '2031-02-10',
      date_fin: '2031-02-12',
      nb_personnes: 2,
      status: 'cancelled',
      cancelled_at: '2031-01-01T00:00:00Z',
    });
    await add({
      gite_id: moulin,
      date_debut: '2031-02-15',
      date_fin: '2031-02-17',
      status: 'blocked',
    });
    await add({
      gite_id: moulin,
      date_debut: '2031-05-01',
      date_fin: '2031-05-03',
      nb_personnes: 2,
    });
  });

  async function ledger(client: Client, from: string, to: string) {
    const { data, error } = await client.rpc(
      'taxe_sejour_ledger',
      { p_from: from, p_to: to },
      { get: true },
    );
    if (error) throw error;
    return data;
  }

  it('gives the hand-worked figures of the first quarter, per stay and month', async () => {
    const rows = await ledger(owner.client, '2031-01-01', '2031-04-01');
    const summary = rows.map((r) => [
      r.gite_nom,
      r.mois,
      r.nuits,
      r.adultes_taxables,
      r.montant_centimes,
      r.collecte_par,
    ]);
    expect(summary).toEqual([
      ['Le Moulin', '2031-01-01', 3, 2, 528, 'proprietaire'],
      ['Le Moulin', '2031-01-01', 2, 3, 528, 'plateforme'],
      ['Le Moulin', '2031-02-01', 3, 3, 792, 'plateforme'],
      ['La Cabane', '2031-02-01', 2, 2, null, 'proprietaire'],
      ['La Grange', '2031-02-01', 4, 2, 1333, 'proprietaire'],
      ['La Grange', '2031-03-01', 3, 2, 1000, 'proprietaire'],
      ['La Grange', '2031-03-01', 2, 2, 920, 'proprietaire'],
      ['La Grange', '2031-03-01', 1, 2, null, 'proprietaire'],
      ['Le Moulin', '2031-03-01', 1, 1, 88, 'proprietaire'],
    ]);
    const airbnb = rows.find((r) => r.plateforme === 'airbnb');
    expect(airbnb?.anomalies).toEqual(['repartition_inconnue']);
    expect(rows.find((r) => r.gite_nom === 'La Cabane')?.anomalies).toEqual([
      'sans_reglage',
      'repartition_inconnue',
    ]);
    expect(rows.find((r) => r.date_debut === '2031-03-20')?.anomalies).toEqual(['prix_inconnu']);
    const first = rows[0];
    expect(first).toMatchObject({ commune: 'Coulon', personnes_exonerees: 2, nuits_sejour: 3 });
    expect(Number(first?.tarif_centimes)).toBe(88);
  });

  it('agrees with the TypeScript ledger on every row and on the totals', async () => {
    const from = '2031-01-01';
    const to = '2031-04-01';
    const rows = await ledger(owner.client, from, to);
    const { data: settingsRows, error } = await owner.client
      .from('taxe_sejour_settings')
      .select('*');
    if (error) throw error;
    const settingsByGite = new Map(settingsRows.map((s) => [s.gite_id, toSettings(s)]));
    const expected = stays
      .filter((s) => (s.status ?? 'confirmed') === 'confirmed')
      .flatMap((s) =>
        monthParts(s.date_debut, s.date_fin, from, to).map(({ month, nights }) => {
          const tax = stayTax(
            {
              nights,
              stayNights: (Date.parse(s.date_fin) - Date.parse(s.date_debut)) / 86_400_000,
              people: s.nb_personnes ?? null,
              adults: s.nb_adultes ?? null,
              priceCents: s.montant == null ? null : Math.round(s.montant * 100),
              platform: (s.plateforme ?? 'direct') as Platform,
            },
            settingsByGite.get(s.gite_id) ?? null,
          );
          return `${s.gite_id} ${month} ${s.date_debut} ${nights} ${tax.taxableAdults} ${tax.amountCents} ${tax.collectedBy} ${tax.anomalies.join(',')}`;
        }),
      )
      .sort();
    const actual = rows
      .map(
        (r) =>
          `${r.gite_id} ${r.mois} ${r.date_debut} ${r.nuits} ${r.adultes_taxables} ${r.montant_centimes} ${r.collecte_par} ${r.anomalies.join(',')}`,
      )
      .sort();
    expect(actual).toEqual(expected);

    const { data: totals, error: totalsError } = await owner.client.rpc(
      'taxe_sejour_totals',
      { p_from: from, p_to: to },
      { get: true },
    );
    if (totalsError) throw totalsError;
    const sql = sumTotalsRows(totals);
    expect(sql).toEqual(ledgerTotals(rows).all);
    expect(sql).toEqual({
      dueByOwnerCents: 528 + 1333 + 1000 + 920 + 88,
      collectedByPlatformsCents: 528 + 792,
      personNights: 6 + 6 + 4 + 9 + 8 + 6 + 4 + 2 + 1,
      incomplete: 2,
    });
  });

  it('shows another owner nothing: no settings, no ledger rows, no way to write a setting on these gîtes', async () => {
    const { data: settings } = await other.client.from('taxe_sejour_settings').select('id');
    expect(settings).toEqual([]);
    expect(await ledger(other.client, '2031-01-01', '2031-04-01')).toEqual([]);
    const { error } = await other.client.from('taxe_sejour_settings').insert({
      gite_id: cabane,
      owner_user_id: owner.user.id,
      commune: 'Intrus',
      regle: 'tarif_fixe',
      tarif_centimes: 10,
    });
    expect(error?.code).toBe('42501');
    const { data: changed } = await other.client
      .from('taxe_sejour_settings')
      .update({ tarif_centimes: 1 })
      .eq('gite_id', moulin)
      .select('id');
    expect(changed).toEqual([]);
  });

  it('refuses a bad period in French and bad settings by their constraints', async () => {
    const { error } = await owner.client.rpc(
      'taxe_sejour_ledger',
      { p_from: '2031-04-01', p_to: '2031-01-01' },
      { get: true },
    );
    expect(error?.code).toBe('22023');
    expect(error?.message).toBe(
      'Période invalide : la fin doit suivre le début, sur un an au plus.',
    );
    // A percentage over 5 %, and a percentage without its cap.
    const bad = await owner.client.from('taxe_sejour_settings').insert({
      gite_id: cabane,
      commune: 'Coulon',
      regle: 'pourcentage',
      taux_points_base: 600,
      plafond_centimes: 230,
    });
    expect(bad.error?.code).toBe('23514');
    const noCap = await owner.client.from('taxe_sejour_settings').insert({
      gite_id: cabane,
      commune: 'Coulon',
      regle: 'pourcentage',
      taux_points_base: 300,
    });
    expect(noCap.error?.code).toBe('23514');
    const platform = await owner.client.from('taxe_sejour_settings').insert({
      gite_id: cabane,
      commune: 'Coulon',
      regle: 'tarif_fixe',
      tarif_centimes: 50,
      plateformes_collectrices: ['direct'],
    });
    expect(platform.error?.code).toBe('23514');
  });
});
