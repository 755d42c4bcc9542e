import { describe, expect, inject, it } from 'vitest';
import { saveGite } from '@/features/gites/api/save-gite';
import type { GiteFormValues } from '@/features/gites/gite-form-schema';
import { signedUpOwner, superuserPool } from '../../../../dev/test/clients.ts';

const stack = inject('stack');

function values(overrides: Partial<GiteFormValues> = {}): GiteFormValues {
  return {
    nom: 'Gîte des Tilleuls',
    adresse: null,
    code_postal: null,
    ville: null,
    capacite: 4,
    couleur: null,
    feeds: [
      {
        id: crypto.randomUUID(),
        platform: 'airbnb',
        url: 'https://www.airbnb.fr/calendar/ical/1.ics',
      },
    ],
    ...overrides,
  } as GiteFormValues;
}

describe('saveGite (save_gite, one transaction)', () => {
  it('creates a gîte with its feeds, then replaces the feed list on edit', async () => {
    const owner = await signedUpOwner(stack, 'save-gite');
    const first = values();
    const id = await saveGite(owner.client, { values: first });
    const added = {
      id: crypto.randomUUID(),
      platform: 'booking' as const,
      url: 'https://admin.booking.com/ical/2.ics',
    };
    await saveGite(owner.client, { id, values: values({ nom: 'Gîte renommé', feeds: [added] }) });

    const { data } = await owner.client
      .from('gites')
      .select('nom, ical_feeds(id, platform, url)')
      .eq('id', id)
      .single();
    expect(data?.nom).toBe('Gîte renommé');
    expect(data?.ical_feeds).toEqual([added]);
  });

  it('keeps a feed’s label when the gîte is saved again (the form has no label field)', async () => {
    const owner = await signedUpOwner(stack, 'save-gite-label');
    const db = await superuserPool(stack);
    try {
      const first = values();
      const id = await saveGite(owner.client, { values: first });
      await db.query(`update public.ical_feeds set label = 'Chambre bleue' where gite_id = $1`, [
        id,
      ]);
      await saveGite(owner.client, { id, values: values({ nom: 'Renommé', feeds: first.feeds }) });
      const { rows } = await db.query('select label from public.ical_feeds where gite_id = $1', [
        id,
      ]);
      expect(rows).toEqual([{ label: 'Chambre bleue' }]);
    } finally {
      await db.end();
    }
  });

  it('a refused feed leaves nothing: no new gîte, and an edited gîte exactly as it was', async () => {
    const owner = await signedUpOwner(stack, 'save-gite-atomic');
    const db = await superuserPool(stack);
    try {
      const badFeed = {
        id: crypto.randomUUID(),
        platform: 'airbnb' as const,
        url: 'http://insecure.example/cal.ics',
      };
      await expect(
        saveGite(owner.client, { values: values({ feeds: [badFeed] }) }),
      ).rejects.toMatchObject({
        code: '23514',
      });
      const none = await db.query('select 1 from public.gites where owner_user_id = $1', [
        owner.user.id,
      ]);
      expect(none.rowCount).toBe(0);

      const original = values();
      const id = await saveGite(owner.client, { values: original });
      await expect(
        saveGite(owner.client, {
          id,
          values: values({ nom: 'Ne doit pas rester', feeds: [badFeed] }),
        }),
      ).rejects.toMatchObject({ code: '23514' });
      const kept = await db.query<{ nom: string; feeds: string[] }>(
        `select g.nom, array_agg(f.url) as feeds from public.gites g
           join public.ical_feeds f on f.gite_id = g.id where g.id = $1 group by g.nom`,
        [id],
      );
      expect(kept.rows).toEqual([{ nom: original.nom, feeds: [original.feeds[0]?.url] }]);
    } finally {
      await db.end();
    }
  });

  it("cannot edit another owner's gîte, nor take over one of its feeds", async () => {
    const ownerA = await signedUpOwner(stack, 'save-gite-a');
    const ownerB = await signedUpOwner(stack, 'save-gite-b');
    const giteA = values();
    const idA = await saveGite(ownerA.client, { values: giteA });
    await expect(
      saveGite(ownerB.client, { id: idA, values: values({ nom: 'Volé' }) }),
    ).rejects.toMatchObject({
      code: 'P0002',
    });
    // B reuses A's feed id on a gîte of their own: refused, A's feed untouched.
    await expect(
      saveGite(ownerB.client, {
        values: values({
          feeds: [
            {
              id: giteA.feeds[0]?.id ?? '',
              platform: 'other' as const,
              url: 'https://evil.example/x.ics',
            },
          ],
        }),
      }),
    ).rejects.toBeTruthy();
    const { data } = await ownerA.client.from('ical_feeds').select('url').eq('gite_id', idA);
    expect(data).toEqual([{ url: giteA.feeds[0]?.url }]);
  });
});
