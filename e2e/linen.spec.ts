import { expect, test } from '@playwright/test';
import { addGites, createOwner, withDb } from './support/reservations-data';
import { signIn } from './support/sign-in';

function inDays(days: number): string {
  const date = new Date();
  date.setUTCHours(12, 0, 0, 0);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

test('the owner keeps each gîte’s linen and is told when the week’s arrivals need more than is clean', async ({
  page,
}) => {
  const owner = await createOwner('linge');
  await withDb(async (db) => {
    const [gite] = await addGites(db, owner.id, 1);
    await db.query(
      `insert into public.linen_stocks
         (owner_user_id, gite_id, article, quantite_propre, quantite_sale, seuil_alerte, besoin_par_sejour)
       values ($1, $2, 'Draps 140', 4, 3, 2, 3)`,
      [owner.id, gite],
    );
    // Two arrivals this week: 6 sheets needed, 4 clean.
    for (const [from, to] of [
      [2, 4],
      [5, 7],
    ]) {
      await db.query(
        `insert into public.reservations (owner_user_id, gite_id, date_debut, date_fin, nb_personnes)
         values ($1, $2, $3, $4, 2)`,
        [owner.id, gite, inDays(from ?? 0), inDays(to ?? 0)],
      );
    }
  });
  await signIn(page, owner.email, { to: '/linge' });

  const week = page.getByRole('region', { name: 'Les 7 prochains jours' });
  await expect(
    week.getByText(/Draps 140 — Gîte 01 : 6 nécessaires .* 4 propres \(il en manque 2\)/),
  ).toBeVisible();

  // The dirty sheets come back from the wash: 7 clean, enough for the week.
  await page.getByRole('button', { name: 'Linge sale lavé' }).click();
  await expect(page.getByText('« Draps 140 » : le linge sale est compté propre.')).toBeVisible();
  await expect(
    week.getByText('Assez de linge propre pour les arrivées des 7 prochains jours.'),
  ).toBeVisible();

  // A new article: a bad quantity is refused in French and nothing is added.
  const gite = page.getByRole('region', { name: 'Gîte 01' });
  await gite.getByRole('button', { name: 'Ajouter un article' }).click();
  const form = gite.getByRole('form', { name: 'Nouvel article — Gîte 01' });
  await form.getByLabel('Article').fill('Serviettes <i>bain</i>');
  await form.getByLabel('Propres').fill('-3');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByText('Un nombre entier, 0 ou plus.')).toBeVisible();
  await expect(gite.getByRole('rowheader', { name: 'Serviettes <i>bain</i>' })).toHaveCount(0);
  await form.getByLabel('Propres').fill('3');
  await form.getByLabel('Par voyageur').fill('1');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Stock enregistré.')).toBeVisible();
  await expect(gite.getByRole('rowheader', { name: 'Serviettes <i>bain</i>' })).toBeVisible();
  // 2 arrivals × 2 guests = 4 towels, 3 clean.
  await expect(week.getByText(/Serviettes <i>bain<\/i> — Gîte 01 : 4 nécessaires/)).toBeVisible();

  // Deleting asks first.
  const towels = gite.getByRole('row', { name: /Serviettes/ });
  await towels.getByRole('button', { name: 'Supprimer' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Supprimer' }).click();
  await expect(gite.getByRole('rowheader', { name: 'Serviettes <i>bain</i>' })).toHaveCount(0);
});
