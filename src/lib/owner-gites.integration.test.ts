import { describe, expect, inject, it } from 'vitest';
import { getOwnerGites } from '@/lib/owner-gites';
import { signedUpOwner, superuserPool } from '../../dev/test/clients.ts';

const stack = inject('stack');

describe('getOwnerGites (the list every page names gîtes from)', () => {
  it('gives the owner’s gîtes only, in their order, then by French name order', async () => {
    const owner = await signedUpOwner(stack, 'owner-gites');
    const stranger = await signedUpOwner(stack, 'owner-gites-stranger');
    const db = await superuserPool(stack);
    try {
      await db.query(
        `insert into public.gites (owner_user_id, nom, ordre, couleur) values
           ($1, 'Grange', 0, '#112233'), ($1, 'Écurie', 0, null), ($1, 'Ecole', 0, null),
           ($1, 'Gîte 10', 1, null), ($1, 'Gîte 9', 1, null), ($1, 'Atelier', 2, null),
           ($2, 'Chez un autre', 0, null)`,
        [owner.user.id, stranger.user.id],
      );
    } finally {
      await db.end();
    }
    const gites = await getOwnerGites(owner.client);
    expect(gites.map((gite) => gite.nom)).toEqual([
      'Ecole',
      'Écurie',
      'Grange',
      'Gîte 9',
      'Gîte 10',
      'Atelier',
    ]);
    expect(gites[2]).toEqual({ id: expect.any(String), nom: 'Grange', couleur: '#112233' });
    expect((await getOwnerGites(stranger.client)).map((gite) => gite.nom)).toEqual([
      'Chez un autre',
    ]);
  });
});
