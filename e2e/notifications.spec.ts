import { expect, test } from '@playwright/test';
import { addGites, createOwner, withDb } from './support/reservations-data';
import { signIn } from './support/sign-in';

/** An owner with three notifications made by the database: two stays of one gîte that overlap. */
async function ownerWithNotifications() {
  const owner = await createOwner('notifications');
  await withDb(async (db) => {
    const [gite] = await addGites(db, owner.id, 1);
    await db.query(
      `insert into public.notifications (owner_user_id, type, titre, message, lien)
       values ($1, 'info', 'Bienvenue', 'Vos notifications arrivent ici.', '/tableau-de-bord'),
              ($1, 'sync_failed', '<b>Synchronisation impossible</b> : Airbnb', null,
               '/gites/' || $2)`,
      [owner.id, gite],
    );
    for (const [from, to] of [
      ['2030-07-01', '2030-07-08'],
      ['2030-07-05', '2030-07-10'],
    ]) {
      await db.query(
        `insert into public.reservations (owner_user_id, gite_id, date_debut, date_fin)
         values ($1, $2, $3, $4)`,
        [owner.id, gite, from, to],
      );
    }
  });
  return owner;
}

test('an owner sees the unread count, opens the list, marks one then all read, and the count goes to zero', async ({
  page,
}) => {
  const owner = await ownerWithNotifications();
  await signIn(page, owner.email, { to: '/tableau-de-bord' });

  const bell = page.getByRole('link', { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName('Notifications : 3 non lues');
  await expect(page.getByTestId('notification-count')).toHaveText('3');

  await bell.click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const items = page.locator('.notification-item');
  await expect(items).toHaveCount(3);
  // The double booking the database noticed, with its link; feed text shown as text.
  await expect(page.getByRole('link', { name: /^Double réservation possible : / })).toHaveAttribute(
    'href',
    '/reservations',
  );
  await expect(page.getByText('<b>Synchronisation impossible</b> : Airbnb')).toBeVisible();

  const welcome = items.filter({ hasText: 'Bienvenue' });
  await welcome.getByRole('button', { name: 'Marquer comme lue' }).click();
  await expect(page.locator('p.notice')).toHaveText('Notification marquée comme lue.');
  await expect(bell).toHaveAccessibleName('Notifications : 2 non lues');
  await expect(welcome.getByRole('button', { name: 'Marquer comme lue' })).toHaveCount(0);
  // Read ones come after the unread.
  await expect(items.last()).toContainText('Bienvenue');

  // Unread only: two left.
  await page.getByLabel('Afficher').selectOption('unread');
  await expect(page).toHaveURL(/non-lues=1/);
  await expect(items).toHaveCount(2);

  await page.getByRole('button', { name: 'Tout marquer comme lu' }).click();
  await expect(page.locator('p.notice')).toHaveText('2 notifications marquées comme lues.');
  await expect(bell).toHaveAccessibleName('Notifications : aucune non lue');
  await expect(page.getByTestId('notification-count')).toHaveCount(0);
  await expect(page.getByText('Aucune notification non lue.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tout marquer comme lu' })).toBeDisabled();

  // Still there, read, in the full list; following one opens its page.
  await page.getByLabel('Afficher').selectOption('all');
  await expect(items).toHaveCount(3);
  await page.getByRole('link', { name: 'Bienvenue' }).click();
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
  // A sync failure links to its gîte (as fail_sync_task writes it): the Gîtes page.
  await page.goBack();
  await page.getByRole('link', { name: /Synchronisation impossible/ }).click();
  await expect(page).toHaveURL(/\/gites$/);
  await expect(page.getByRole('heading', { name: 'Mes gîtes', level: 1 })).toBeVisible();
});
