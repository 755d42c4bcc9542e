/**
 * The Taxe de séjour page's data access (src/features/taxe-sejour/api) against the real
 * stack: settings validated by the form schema, saved, then replaced in place (switching the
 * rule clears the other rule's fields); the registre read by range() pages with its count;
 * the export reading every row; totals per month; a bad form draft never reaches the table.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  getLedgerAll,
  getLedgerPage,
  LEDGER_PAGE_SIZE,
} from '@/features/taxe-sejour/api/get-ledger';
import { getTaxeSettings } from '@/features/taxe-sejour/api/get-taxe-settings';
import { getTotals } from '@/features/taxe-sejour/api/get-totals';
import { saveTaxeSettings } from '@/features/taxe-sejour/api/save-taxe-settings';
import { registreCsv } from '@/features/taxe-sejour/registre';
import { taxeSettingsDraft, taxeSettingsSchema } from '@/features/taxe-sejour/settings-schema';
import { validateForm } from '@/lib/form-validation';
import { signedUpOwner } from '../../dev/test/clients.ts';

const stack = inject('stack');

describe('taxe de séjour API', () => {
  let owner: Awaited<ReturnType<typeof signedUpOwner>>;
  let giteId: string;

  beforeAll(async () => {
    owner = await signedUpOwner(stack, 'taxe-api');
    const { data, error } = await owner.client
      .from('gites')
      .insert({ nom: 'Le Fournil' })
      .select('id')
      .single();
    if (error) throw error;
    giteId = data.id;
    // 30 one-night stays in January 2032 of 2 adults, 1 child; 5 Booking ones.
    const stays = Array.from({ length: 30 }, (_, i) => ({
      gite_id: giteId,
      date_debut: `2032-01-${String(i + 1).padStart(2, '0')}`,
      date_fin: `2032-01-${String(i + 2).padStart(2, '0')}`,
      nb_personnes: 3,
      nb_adultes: 2,
      montant: 90,
      plateforme: i < 5 ? 'booking' : 'direct',
    }));
    const inserted = await owner.client.from('reservations').insert(stays);
    if (inserted.error) throw inserted.error;
  });

  it('saves a valid draft, replaces it in place, and never sends a bad one', async () => {
    const draft = { ...taxeSettingsDraft(null), commune: 'Saint-Hilaire', tarif: '0,60' };
    const fixed = validateForm(taxeSettingsSchema, { ...draft, booking: true });
    if (!fixed.ok) throw new Error('valid draft refused');
    await saveTaxeSettings(owner.client, giteId, fixed.value);
    let [gite] = await getTaxeSettings(owner.client);
    expect(gite?.settings).toMatchObject({
      regle: 'tarif_fixe',
      tarif_centimes: 60,
      plateformes_collectrices: ['booking'],
    });

    const bad = validateForm(taxeSettingsSchema, {
      ...draft,
      regle: 'pourcentage',
      taux: '7',
      plafond: '2',
    });
    expect(bad).toEqual({
      ok: false,
      errors: { taux: 'Indiquez un taux de 1 à 5 % (ex. 3 ou 2,5).' },
    });

    const percent = validateForm(taxeSettingsSchema, {
      ...draft,
      regle: 'pourcentage',
      taux: '5',
      plafond: '1',
      booking: true,
    });
    if (!percent.ok) throw new Error('valid draft refused');
    await saveTaxeSettings(owner.client, giteId, percent.value);
    [gite] = await getTaxeSettings(owner.client);
    expect(gite?.settings).toEqual({
      commune: 'Saint-Hilaire',
      regle: 'pourcentage',
      tarif_centimes: null,
      taux_points_base: 500,
      plafond_centimes: 100,
      taxe_additionnelle: false,
      plateformes_collectrices: ['booking'],
    });
    const { count } = await owner.client
      .from('taxe_sejour_settings')
      .select('id', { count: 'exact', head: true });
    expect(count).toBe(1);
  });

  it('pages the registre with range() and its count; the export and the totals see every row', async () => {
    // 90 € / 1 night / 3 people = 30 € × 5 % = 1.50 € → capped at 1.00 €; 2 adults → 2.00 € a stay.
    const first = await getLedgerPage(owner.client, '2032-01-01', '2032-04-01', 1);
    expect(first.total).toBe(30);
    expect(first.rows).toHaveLength(LEDGER_PAGE_SIZE);
    const second = await getLedgerPage(owner.client, '2032-01-01', '2032-04-01', 2);
    expect(second.rows.map((r) => r.date_debut)).toEqual([
      '2032-01-26',
      '2032-01-27',
      '2032-01-28',
      '2032-01-29',
      '2032-01-30',
    ]);
    const all = await getLedgerAll(owner.client, '2032-01-01', '2032-04-01');
    expect(all).toHaveLength(30);
    expect(new Set(all.map((r) => r.montant_centimes))).toEqual(new Set([200]));
    expect(registreCsv(all).split('\r\n')).toHaveLength(32);

    const totals = await getTotals(owner.client, '2032-01-01', '2032-04-01');
    expect(totals.all).toEqual({
      dueByOwnerCents: 25 * 200,
      collectedByPlatformsCents: 5 * 200,
      personNights: 60,
      incomplete: 0,
    });
    expect(totals.byMonth.map((b) => b.mois)).toEqual(['2032-01-01']);
  });
});
