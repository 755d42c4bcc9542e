import { expect, test } from '@playwright/test';
import { addGites, createOwner, signIn, waitForServiceWorkerControl, withDb } from './support.ts';

/**
 * A cleaner's link opened on the owner's own device, where the owner app's service worker
 * answers every navigation: /m/<token> must still be the cleaner's page, not the owner app.
 */
test('on a device with the owner app installed, a cleaner’s link opens the cleaner’s page', async ({
  page,
}) => {
  const owner = await createOwner('pwa-cleaner');
  const token = 'e2eCleanerToken_0123456789abcdef';
  await withDb(async (db) => {
    const [giteId] = await addGites(db, owner.id, 1);
    const { rows } = await db.query<{ id: string }>(
      `insert into public.cleaners (owner_user_id, nom, token_hash, link_created_at)
       values ($1, 'Sylvie', public.access_token_hash($2), now()) returning id`,
      [owner.id, token],
    );
    await db.query(
      `insert into public.reservations (owner_user_id, gite_id, date_debut, date_fin)
       values ($1, $2, current_date - 2, current_date + 1)`,
      [owner.id, giteId],
    );
    await db.query(
      `update public.cleaning_schedule set cleaner_id = $2, notes = 'Clés chez la voisine'
       where owner_user_id = $1`,
      [owner.id, rows[0]?.id],
    );
  });

  await signIn(page, owner.email, '/tableau-de-bord');
  await waitForServiceWorkerControl(page);

  await page.goto(`/m/${token}`);
  await expect(page.getByRole('heading', { name: 'Ménages de Sylvie' })).toBeVisible();
  await expect(page.getByText('Clés chez la voisine')).toBeVisible();
  await expect(page.locator('.main-nav')).toHaveCount(0);
});
