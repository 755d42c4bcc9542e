import { expect, type Page, test } from '@playwright/test';
import {
  addGites,
  cachedApiBodies,
  createOwner,
  signIn,
  waitForServiceWorkerControl,
  withDb,
} from './support.ts';

/**
 * The offline read mode against the production build and its service worker: pages visited
 * online open with no network, say how old their data is, disable every write, keep what was
 * typed, and refresh by themselves when the network is back. Cached API answers belong to
 * one owner: the next owner on the device never sees them, online or offline.
 */

async function ownerWithStays(label: string, guests: string[]) {
  const owner = await createOwner(label);
  await withDb(async (db) => {
    const [giteId] = await addGites(db, owner.id, 1);
    for (const [index, guest] of guests.entries()) {
      await db.query(
        `insert into public.reservations
           (owner_user_id, gite_id, date_debut, date_fin, client_nom, plateforme, status)
         values ($1, $2, date '2026-08-01' + $3::int * 10, date '2026-08-05' + $3::int * 10,
                 $4, 'direct', 'confirmed')`,
        [owner.id, giteId, index, guest],
      );
    }
  });
  return owner;
}

/** Signs in, lets the service worker take the page, then reads Réservations through it. */
async function visitReservationsOnline(page: Page, email: string, guest: string) {
  await signIn(page, email);
  await expect(page.getByText(guest)).toBeVisible();
  await waitForServiceWorkerControl(page);
  await page.reload();
  await expect(page.getByText(guest)).toBeVisible();
  await expect
    .poll(async () => (await cachedApiBodies(page)).some((body) => body.includes(guest)))
    .toBe(true);
}

/** Dates every cached API answer back to 14/07/2026 09:05 (local time), as if read then. */
async function backdateCachedAnswers(page: Page) {
  const cachedAt = new Date(2026, 6, 14, 9, 5).getTime();
  await page.evaluate(async (time) => {
    const cache = await caches.open('lou-api-v1');
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      if (!response) continue;
      const headers = new Headers(response.headers);
      headers.set('x-lou-cached-at', String(time));
      await cache.put(request, new Response(await response.blob(), { status: 200, headers }));
    }
  }, cachedAt);
}

const OFFLINE_REASON = 'Les modifications sont désactivées jusqu’au retour de la connexion.';

test('offline, Réservations opens from the cache with the banner and writes disabled; typed values are kept and data refreshes when back online', async ({
  page,
  context,
}) => {
  const owner = await ownerWithStays('pwa-offline', ['Hébrard Alpha', 'Garnier Bêta']);
  await visitReservationsOnline(page, owner.email, 'Hébrard Alpha');
  // Gîtes is visited too, then the owner comes back to Réservations.
  await page.getByRole('link', { name: 'Gîtes' }).click();
  await expect(page.getByRole('heading', { name: 'Gîte 01' })).toBeVisible();
  // And the dashboard (one RPC, read with GET so that it can be cached).
  await page.getByRole('link', { name: 'Tableau de bord' }).click();
  await expect(page.getByText('Gîte 01').first()).toBeVisible();
  await page.getByRole('link', { name: 'Réservations' }).click();
  await expect(page.getByText('Hébrard Alpha')).toBeVisible();
  await backdateCachedAnswers(page);

  await context.setOffline(true);
  await page.reload();

  // The data read before, and from when.
  await expect(page.getByText('Hébrard Alpha')).toBeVisible();
  await expect(page.getByText('Garnier Bêta')).toBeVisible();
  await expect(page.getByText('Hors ligne — données du 14/07/2026 à 09:05')).toBeVisible();
  await expect(page).toHaveURL(/\/reservations$/);

  // Every write control is disabled and says why.
  const add = page.getByRole('button', { name: /Nouvelle réservation/ });
  await expect(add).toBeDisabled();
  await expect(add).toHaveAccessibleDescription(OFFLINE_REASON);
  await expect(add).toHaveAttribute('title', /Hors ligne/);
  const signOut = page.getByRole('button', { name: 'Se déconnecter' });
  await expect(signOut).toBeDisabled();
  await expect(signOut).toHaveAttribute('title', /déconnexion demande le réseau/);

  // On Gîtes too, every control that writes.
  await page.getByRole('link', { name: 'Gîtes' }).click();
  await expect(page.getByRole('heading', { name: 'Gîte 01' })).toBeVisible();
  for (const name of [
    /Ajouter un gîte/,
    /^Modifier « Gîte 01 »/,
    /^Supprimer « Gîte 01 »/,
    /^Synchroniser maintenant/,
    /Créer le lien d’export/,
  ]) {
    const control = page.getByRole('button', { name });
    await expect(control).toBeDisabled();
    await expect(control).toHaveAccessibleDescription(new RegExp(OFFLINE_REASON));
  }
  // The dashboard shows what it showed online.
  await page.getByRole('link', { name: 'Tableau de bord' }).click();
  await expect(page.getByText('Gîte 01').first()).toBeVisible();
  await expect(page.getByText(/Impossible de charger/)).toHaveCount(0);
  await page.getByRole('link', { name: 'Réservations' }).click();
  await expect(page.getByText('Hébrard Alpha')).toBeVisible();

  // A stay's form still opens (it holds the guest's details); saving waits for the network.
  await page.getByRole('button', { name: /^Modifier — Hébrard Alpha/ }).click();
  const dialog = page.getByRole('dialog', { name: /Hébrard Alpha/ });
  await dialog.getByLabel('Notes').fill('Arrivée tardive, clé chez la voisine');
  const save = dialog.getByRole('button', { name: 'Enregistrer', exact: true });
  await expect(save).toBeDisabled();
  await expect(save).toHaveAccessibleDescription(OFFLINE_REASON);
  await expect(dialog.getByText(/Ce que vous avez saisi est conservé/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: /Annuler la réservation/ })).toBeDisabled();

  // Meanwhile a stay arrives on the server.
  await withDb((db) =>
    db.query(
      `insert into public.reservations
         (owner_user_id, gite_id, date_debut, date_fin, client_nom, plateforme, status)
       select owner_user_id, id, '2026-12-20', '2026-12-27', 'Retour Réseau', 'direct', 'confirmed'
       from public.gites where owner_user_id = $1`,
      [owner.id],
    ),
  );

  // Back online: the banner goes, the form is as it was and can be saved, the list refreshes.
  await context.setOffline(false);
  await expect(page.getByText(/Hors ligne/)).toHaveCount(0);
  await expect(dialog.getByLabel('Notes')).toHaveValue('Arrivée tardive, clé chez la voisine');
  await expect(save).toBeEnabled();
  await expect(page.getByText('Retour Réseau')).toBeVisible();
  await save.click();
  await expect(page.getByText('Réservation de Hébrard Alpha modifiée.')).toBeVisible();
  await expect(add).toBeEnabled();
});

test('offline with an expired access token, the owner stays signed in and reads the cache', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const owner = await ownerWithStays('pwa-expired', ['Perrin Gamma']);
  await visitReservationsOnline(page, owner.email, 'Perrin Gamma');

  await context.setOffline(true);
  // The access token expires while the device has no network.
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find((name) => /^sb-.+-auth-token$/.test(name));
    if (!key) throw new Error('no stored session');
    const session = JSON.parse(localStorage.getItem(key) ?? '{}') as { expires_at: number };
    session.expires_at = Math.floor(Date.now() / 1000) - 3600;
    localStorage.setItem(key, JSON.stringify(session));
  });
  await page.reload();

  // supabase-js cannot refresh it offline: the owner is not sent to the sign-in page, and
  // the signed-in shell shows at once.
  await expect(page.getByText(owner.email)).toBeVisible();
  await expect(page).toHaveURL(/\/reservations$/);
  await expect(page.getByText(/^Hors ligne/).first()).toBeVisible();
  // Requests go out at once with the stored token (supabase-js would hold them for about
  // 25 s of refresh retries): the service worker answers with the owner's cached page.
  await expect(page.getByText('Perrin Gamma')).toBeVisible({ timeout: 5_000 });
  await expect(page.getByText(/Hors ligne — données du/)).toBeVisible();
  await expect(page).toHaveURL(/\/reservations$/);
});

test('after owner A signs out, owner B never sees A’s data — online, offline, nor in the cache', async ({
  page,
  context,
}) => {
  const ownerA = await ownerWithStays('pwa-owner-a', ['Aubert Confidentiel']);
  const ownerB = await ownerWithStays('pwa-owner-b', ['Bouvier Visible']);

  await visitReservationsOnline(page, ownerA.email, 'Aubert Confidentiel');
  // A also visits Gîtes, which B will not visit.
  await page.getByRole('link', { name: 'Gîtes' }).click();
  await expect(page.getByRole('heading', { name: 'Gîtes', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/connexion/);
  await expect.poll(() => cachedApiBodies(page)).toEqual([]);

  await visitReservationsOnline(page, ownerB.email, 'Bouvier Visible');
  await expect(page.getByText('Aubert Confidentiel')).toHaveCount(0);
  const bodies = await cachedApiBodies(page);
  expect(bodies.some((body) => body.includes('Bouvier Visible'))).toBe(true);
  expect(bodies.some((body) => body.includes(ownerA.id) || body.includes('Aubert'))).toBe(false);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText('Bouvier Visible')).toBeVisible();
  await expect(page.getByText('Aubert Confidentiel')).toHaveCount(0);

  // A page only A had visited: nothing from A's cache, only "offline".
  await page.getByRole('link', { name: 'Gîtes' }).click();
  await expect(page.getByText(/Hors ligne : vos gîtes s’afficheront/)).toBeVisible();
  await expect(page.locator('main')).not.toContainText('Aubert');
});
