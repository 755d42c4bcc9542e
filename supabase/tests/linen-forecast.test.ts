/**
 * linen_forecast (issue 7, Linge), against the real local stack: what the coming week's
 * arrivals need per article (per stay and per guest, the capacity standing in for a missing
 * guest count), what is missing from the clean stock, owner isolation, and a bad period.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { signedUpOwner } from '../../dev/test/clients.ts';
import type { Database } from '../../src/lib/database.types.ts';

const stack = inject('stack');
type Client = SupabaseClient<Database>;

async function insert<T extends 'gites' | 'linen_stocks' | 'reservations'>(
  client: Client,
  table: T,
  row: Database['public']['Tables'][T]['Insert'],
): Promise<string> {
  const { data, error } = await client
    .from(table)
    .insert(row as never)
    .select('id')
    .single();
  if (error) throw error;
  return (data as unknown as { id: string }).id;
}

describe('linen_forecast', () => {
  let owner: Awaited<ReturnType<typeof signedUpOwner>>;
  let moulin: string;
  let grange: string;

  beforeAll(async () => {
    owner = await signedUpOwner(stack, 'linge');
    moulin = await insert(owner.client, 'gites', { nom: 'Le Moulin', capacite: 6 });
    grange = await insert(owner.client, 'gites', { nom: 'La Grange' });
    await insert(owner.client, 'linen_stocks', {
      gite_id: moulin,
      article: 'Draps 140',
      quantite_propre: 4,
      seuil_alerte: 4,
      besoin_par_sejour: 3,
    });
    await insert(owner.client, 'linen_stocks', {
      gite_id: moulin,
      article: 'Serviettes',
      quantite_propre: 20,
      besoin_par_personne: 1,
    });
    await insert(owner.client, 'linen_stocks', {
      gite_id: grange,
      article: 'Draps 90',
      quantite_propre: 1,
      besoin_par_personne: 1,
    });
    const stay = (gite_id: string, date_debut: string, date_fin: string, extra = {}) =>
      insert(owner.client, 'reservations', { gite_id, date_debut, date_fin, ...extra });
    await stay(moulin, '2030-03-02', '2030-03-04', { nb_personnes: 4 });
    // No guest count: the gîte's capacity (6).
    await stay(moulin, '2030-03-05', '2030-03-07');
    // Outside the week, cancelled, blocked: nothing.
    await stay(moulin, '2030-03-08', '2030-03-10', { nb_personnes: 2 });
    await stay(moulin, '2030-03-03', '2030-03-04', {
      status: 'cancelled',
      cancelled_at: '2030-01-01T00:00:00Z',
    });
    await stay(moulin, '2030-03-04', '2030-03-05', { status: 'blocked' });
    // No guest count, no capacity: 2.
    await stay(grange, '2030-03-01', '2030-03-03');
  });

  it('adds up what the week’s arrivals need and what is missing from the clean stock', async () => {
    const { data, error } = await owner.client.rpc(
      'linen_forecast',
      { p_from: '2030-03-01', p_days: 7 },
      { get: true },
    );
    expect(error).toBeNull();
    const byArticle = new Map(data?.map((row) => [row.article, row]));
    expect(byArticle.get('Draps 140')).toMatchObject({ arrivees: 2, besoin: 6, manque: 2 });
    expect(byArticle.get('Serviettes')).toMatchObject({ arrivees: 2, besoin: 10, manque: 0 });
    expect(byArticle.get('Draps 90')).toMatchObject({ arrivees: 1, besoin: 2, manque: 1 });
  });

  it('shows another owner nothing, and refuses a bad period in French', async () => {
    const other = await signedUpOwner(stack, 'linge-other');
    const { data } = await other.client.rpc('linen_forecast', { p_from: '2030-03-01' });
    expect(data).toEqual([]);
    const { error } = await owner.client.rpc('linen_forecast', { p_from: '2030-03-01', p_days: 0 });
    expect(error?.message).toContain('Période invalide');
  });
});
