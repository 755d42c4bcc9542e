import { expect, type Page, test } from '@playwright/test';
import { recordRestWrites } from './support/rest-writes';

const PASSWORD = 'gites-e2e-2026';
/**
 * Signing out of a guarded page lands on /connexion with that page to return to
 * (RequireAuth); /gites is no longer the home page, so it is kept.
 */
const SIGNED_OUT_FROM_GITES = /\/connexion\?redirectTo=%2Fgites$/;

function uniqueEmail(): string {
  const suffix = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  return `proprietaire-${suffix}@example.com`;
}

async function signUp(page: Page): Promise<string> {
  const email = uniqueEmail();
  await page.goto('/inscription');
  await expect(page.getByRole('heading', { name: 'Créer un compte' })).toBeVisible();
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  // A new owner lands on the dashboard, which leads to adding a first gîte.
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
  await page.getByRole('link', { name: 'Ajoutez votre premier gîte' }).click();
  await expect(page).toHaveURL(/\/gites$/);
  await expect(page.getByRole('heading', { name: 'Mes gîtes', level: 1 })).toBeVisible();
  return email;
}

test('an owner signs up, adds a gîte with a feed, keeps the session across a reload, then signs out', async ({
  page,
}) => {
  const email = await signUp(page);
  const header = page.getByRole('banner');
  await expect(header.getByText(email)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toContainText(
    'Gîtes',
  );
  await expect(page.getByText('Aucun gîte pour l’instant.')).toBeVisible();

  // Create a gîte with one Booking.com feed.
  const nom = `Le Mas des Oliviers ${Date.now().toString(36)}`;
  const feedUrl = 'https://admin.booking.com/hotel/hoteladmin/ical.html?t=e2e-0123456789';
  await page.getByRole('button', { name: /Ajouter un gîte/ }).click();
  const form = page.getByRole('form', { name: 'Nouveau gîte' });
  await form.getByLabel('Nom du gîte').fill(nom);
  await form.getByLabel('Code postal').fill('84000');
  await form.getByLabel('Ville').fill('Avignon');
  await form.getByLabel('Capacité (personnes)').fill('6');
  await form.getByLabel('Plateforme du calendrier 1').selectOption('booking');
  await form.getByLabel('Adresse iCal du calendrier 1').fill(feedUrl);
  await form.getByRole('button', { name: 'Créer le gîte' }).click();

  await expect(
    page.getByRole('status').filter({ hasText: `Gîte « ${nom} » ajouté.` }),
  ).toBeVisible();
  await expect(form).toBeHidden();
  const card = page.getByRole('article', { name: nom });
  await expect(card).toBeVisible();
  await expect(card).toContainText('84000 Avignon');
  await expect(card).toContainText('6 personnes');
  await expect(card).toContainText('Booking.com');
  await expect(card).toContainText(feedUrl);

  // A reload keeps the session (localStorage) and the gîte is read back from the database.
  await page.reload();
  await expect(page).toHaveURL(/\/gites$/);
  await expect(page.getByRole('article', { name: nom })).toContainText(feedUrl);
  await expect(page.getByRole('banner').getByText(email)).toBeVisible();

  // Sign out: back on /connexion (which would return to /gites, no longer the home page),
  // and the guarded page is out of reach.
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(SIGNED_OUT_FROM_GITES);
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await page.goto('/gites');
  await expect(page).toHaveURL(/\/connexion\?redirectTo=%2Fgites$/);
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await expect(page.getByText(nom)).toHaveCount(0);
});

test('a wrong password says "E-mail ou mot de passe incorrect" and stays on /connexion', async ({
  page,
}) => {
  // A real account, so the server's answer is the wrong-password one.
  const email = await signUp(page);
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(SIGNED_OUT_FROM_GITES);

  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill('pas-le-bon-mot-de-passe');
  await page.getByRole('button', { name: 'Se connecter' }).click();

  await expect(page.getByRole('alert')).toHaveText('E-mail ou mot de passe incorrect');
  await expect(page).toHaveURL(SIGNED_OUT_FROM_GITES);

  // The right password then works and returns to the gîtes.
  await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/gites$/);
});

test('signing in without a page to return to opens the dashboard, the home page', async ({
  page,
}) => {
  const email = await signUp(page);
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(SIGNED_OUT_FROM_GITES);

  await page.goto('/connexion');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
  await expect(page.getByRole('heading', { name: 'Tableau de bord', level: 1 })).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
});

test('an http:// feed URL is refused next to its field and nothing is saved', async ({ page }) => {
  await signUp(page);
  const writes = recordRestWrites(page);

  await page.getByRole('button', { name: /Ajouter un gîte/ }).click();
  const form = page.getByRole('form', { name: 'Nouveau gîte' });
  await form.getByLabel('Nom du gîte').fill('Gîte non sécurisé');
  const url = form.getByLabel('Adresse iCal du calendrier 1');
  await url.fill('http://www.airbnb.fr/calendar/ical/123.ics');
  await form.getByRole('button', { name: 'Créer le gîte' }).click();

  const message = 'L’adresse iCal doit commencer par https://';
  await expect(form.getByText(message)).toBeVisible();
  await expect(url).toHaveAttribute('aria-invalid', 'true');
  await expect(url).toHaveAccessibleDescription(message);
  await expect(url).toBeFocused();
  expect(writes).toEqual([]);

  // Nothing was stored: after a reload the owner still has no gîte.
  await page.reload();
  await expect(page.getByText('Aucun gîte pour l’instant.')).toBeVisible();
  expect(writes).toEqual([]);
});

test('an unauthenticated visit to /gites goes to /connexion and comes back after signing in', async ({
  page,
}) => {
  const email = await signUp(page);
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(SIGNED_OUT_FROM_GITES);

  await page.goto('/page-inconnue?x=1');
  await expect(page).toHaveURL(/\/connexion\?redirectTo=%2Fpage-inconnue%3Fx%3D1$/);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/page-inconnue\?x=1$/);
  await expect(page.getByRole('heading', { name: 'Page introuvable' })).toBeVisible();
});

test('an owner edits a gîte and its feeds, then deletes it after confirming', async ({ page }) => {
  await signUp(page);

  // A gîte with one Airbnb feed.
  const nom = `La Grange ${Date.now().toString(36)}`;
  const airbnbUrl = 'https://www.airbnb.fr/calendar/ical/111.ics?s=e2e';
  await page.getByRole('button', { name: /Ajouter un gîte/ }).click();
  const createForm = page.getByRole('form', { name: 'Nouveau gîte' });
  await createForm.getByLabel('Nom du gîte').fill(nom);
  await createForm.getByLabel('Adresse iCal du calendrier 1').fill(airbnbUrl);
  await createForm.getByRole('button', { name: 'Créer le gîte' }).click();
  await expect(page.getByRole('article', { name: nom })).toContainText(airbnbUrl);

  // Rename it, move feed 1 to Abritel with a new URL, add a Gîtes de France feed.
  const renamed = `${nom} rénovée`;
  const abritelUrl = 'https://www.abritel.fr/icalendar/222.ics';
  const gdfUrl = 'https://www.gites-de-france.com/fr/ical/333.ics';
  await page.getByRole('button', { name: `Modifier « ${nom} »` }).click();
  const editForm = page.getByRole('form', { name: `Modifier « ${nom} »` });
  await editForm.getByLabel('Nom du gîte').fill(renamed);
  await editForm.getByLabel('Plateforme du calendrier 1').selectOption('abritel');
  await editForm.getByLabel('Adresse iCal du calendrier 1').fill(abritelUrl);
  await editForm.getByRole('button', { name: /Ajouter un calendrier/ }).click();
  await expect(editForm.getByLabel('Adresse iCal du calendrier 2')).toBeFocused();
  await editForm.getByLabel('Plateforme du calendrier 2').selectOption('gites_de_france');
  await editForm.getByLabel('Adresse iCal du calendrier 2').fill(gdfUrl);
  await editForm.getByRole('button', { name: 'Enregistrer' }).click();

  await expect(
    page.getByRole('status').filter({ hasText: `Gîte « ${renamed} » enregistré.` }),
  ).toBeVisible();
  const card = page.getByRole('article', { name: renamed });
  await expect(card.getByRole('listitem')).toHaveCount(2);
  await expect(card).toContainText('Abritel');
  await expect(card).toContainText(abritelUrl);
  await expect(card).toContainText('Gîtes de France');
  await expect(card).toContainText(gdfUrl);
  await expect(card).not.toContainText(airbnbUrl);

  // Remove the Abritel feed.
  await page.getByRole('button', { name: `Modifier « ${renamed} »` }).click();
  const secondEdit = page.getByRole('form', { name: `Modifier « ${renamed} »` });
  await secondEdit.getByRole('button', { name: 'Retirer le calendrier 1' }).click();
  await secondEdit.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(card.getByRole('listitem')).toHaveCount(1);
  await page.reload();
  await expect(page.getByRole('article', { name: renamed })).toContainText(gdfUrl);
  await expect(page.getByRole('article', { name: renamed })).not.toContainText(abritelUrl);

  // Delete: the dialog says the reservations go too; cancelling keeps the gîte.
  await page.getByRole('button', { name: `Supprimer « ${renamed} »` }).click();
  const dialog = page.getByRole('dialog', { name: `Supprimer « ${renamed} » ?` });
  await expect(dialog).toContainText('toutes ses réservations seront supprimés définitivement');
  await expect(dialog).toContainText('Les fiches de police de ses voyageurs restent');
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('article', { name: renamed })).toBeVisible();

  await page.getByRole('button', { name: `Supprimer « ${renamed} »` }).click();
  await page.getByRole('button', { name: 'Supprimer définitivement' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Gîte « ${renamed} » supprimé.` }),
  ).toBeVisible();
  await expect(page.getByText('Aucun gîte pour l’instant.')).toBeVisible();
  await page.reload();
  await expect(page.getByText('Aucun gîte pour l’instant.')).toBeVisible();
});

test('the demo owner sees their 3 gîtes', async ({ page }) => {
  await page.goto('/connexion');
  await page.getByLabel('E-mail').fill('demo@liveownerunit.fr');
  await page.getByLabel('Mot de passe', { exact: true }).fill('demo-gites-2026');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Gîtes' })
    .click();
  await expect(page).toHaveURL(/\/gites$/);
  await expect(page.getByRole('article')).toHaveCount(3);
});

test('signing up twice with one e-mail says the account exists', async ({ page }) => {
  const email = await signUp(page);
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(SIGNED_OUT_FROM_GITES);

  await page.goto('/inscription');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  const emailField = page.getByLabel('E-mail');
  await expect(emailField).toHaveAccessibleDescription('Un compte existe déjà avec cet e-mail');
  await expect(emailField).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/inscription$/);
});

test('when the save fails, the form keeps what was typed and no gîte appears', async ({ page }) => {
  await signUp(page);
  // The save is refused on the way (the rest is real); the transaction itself is proven
  // by src/features/gites/api/save-gite.integration.test.ts.
  await page.route('**/rest/v1/rpc/save_gite**', (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({
            code: 'XX000',
            message: 'panne simulée',
            details: null,
            hint: null,
          }),
        })
      : route.continue(),
  );

  const nom = `Gîte fantôme ${Date.now().toString(36)}`;
  await page.getByRole('button', { name: /Ajouter un gîte/ }).click();
  const form = page.getByRole('form', { name: 'Nouveau gîte' });
  await form.getByLabel('Nom du gîte').fill(nom);
  await form.getByLabel('Adresse iCal du calendrier 1').fill('https://example.com/cal.ics');
  await form.getByRole('button', { name: 'Créer le gîte' }).click();

  await expect(form.getByRole('alert')).toHaveText(
    'Une erreur est survenue. Réessayez dans un instant.',
  );
  await expect(form.getByLabel('Nom du gîte')).toHaveValue(nom);
  await expect(page.getByRole('article', { name: nom })).toHaveCount(0);

  await page.unroute('**/rest/v1/rpc/save_gite**');
  await page.reload();
  await expect(page.getByText('Aucun gîte pour l’instant.')).toBeVisible();
});
