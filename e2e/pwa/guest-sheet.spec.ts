import { expect, test } from '@playwright/test';
import { addGites, createOwner, signIn, waitForServiceWorkerControl, withDb } from './support.ts';

/**
 * The guest welcome sheet end to end, against the production build and its service worker:
 * the owner makes a stay's link, a guest opens it in a browser of their own, sees the wifi and
 * the access code, loses the network and reloads — still there —; the owner turns the link
 * off, and the link then shows the "no longer valid" page with the owner's contact.
 *
 * The owner types the wifi, the access code and the rules in the Infos voyageurs editor; the
 * gîte's address and contact are arranged in SQL.
 */

const GUEST = 'Hélène Garnier';
const SSID = 'Moulin;Invités';
const WIFI_PASSWORD = 'p@ss:w,rd';
const CODE = '4812B';
const HOSTILE = '<img src=x onerror="window.__pwned=1">';

test('a guest sheet made by the owner opens without an account, keeps working offline, and shows the expired page once revoked', async ({
  page,
  browser,
}) => {
  const owner = await createOwner('pwa-guest-sheet');
  await withDb(async (db) => {
    const [giteId] = await addGites(db, owner.id, 1);
    await db.query(
      `insert into public.reservations
         (owner_user_id, gite_id, date_debut, date_fin, client_nom, plateforme, status)
       values ($1, $2, current_date - 1, current_date + 4, $3, 'direct', 'confirmed')`,
      [owner.id, giteId, GUEST],
    );
    await db.query(
      `insert into public.infos_gites_core (owner_user_id, gite_id, nom, adresse_complete, latitude, longitude)
       values ($1, $2, 'Le Moulin du Marais', '12 chemin des Prés, 79000 Niort', 46.32, -0.46)`,
      [owner.id, giteId],
    );
    await db.query(
      `insert into public.infos_gites_contacts (owner_user_id, gite_id, type, nom, telephone)
       values ($1, $2, 'proprietaire', 'Marie Hôte', '+33 6 11 22 33 44')`,
      [owner.id, giteId],
    );
  });

  // The owner fills the guest information: the wifi, then the instructions and the access
  // code in French and in English (Gîtes → « Infos voyageurs »).
  await signIn(page, owner.email, '/gites');
  await page.getByRole('link', { name: /^Infos voyageurs « / }).click();
  const saved = (title: string) =>
    expect(page.getByRole('status').filter({ hasText: `« ${title} » enregistré.` })).toBeVisible();
  const wifi = page.getByRole('form', { name: 'Wi-Fi' });
  await wifi.getByLabel('Nom du réseau (SSID)').fill(SSID);
  await wifi.getByLabel('Mot de passe').fill(WIFI_PASSWORD);
  await wifi.getByRole('button', { name: /^Enregistrer/ }).click();
  await saved('Wi-Fi');
  for (const [title, stayRules] of [
    ['Consignes (en français)', `Pas de fête. ${HOSTILE}`],
    ['Consignes (en anglais)', 'No parties, please.'],
  ] as const) {
    const form = page.getByRole('form', { name: title });
    await form.getByLabel('Arrivée à partir de').fill('16:00');
    await form.getByLabel('Code d’accès (boîte à clés, portail…)').fill(CODE);
    await form.getByLabel('Pendant le séjour').fill(stayRules);
    await form.getByRole('button', { name: /^Enregistrer/ }).click();
    await saved(title);
  }

  // Then Réservations → the stay's form → its sheet → a new link.
  await page.getByRole('link', { name: 'Réservations' }).click();
  await page.getByRole('button', { name: new RegExp(`^Modifier — ${GUEST}`) }).click();
  await page.getByRole('link', { name: /Fiche client/ }).click();
  await expect(page.getByRole('heading', { name: `Fiche client — ${GUEST}` })).toBeVisible();
  await page.getByRole('button', { name: 'Créer le lien' }).click();
  const linkField = page.getByLabel('Adresse de la fiche à envoyer au client');
  await expect(linkField).toHaveValue(/\/g\/[A-Za-z0-9_-]{32}$/);
  const link = await linkField.inputValue();

  // The guest, in a browser of their own (no session, no owner data).
  const guestContext = await browser.newContext({ locale: 'fr-FR' });
  const guest = await guestContext.newPage();
  await guest.goto(link);
  await expect(guest.getByRole('heading', { name: 'Bienvenue, Hélène !' })).toBeVisible();
  await expect(guest.getByText(SSID, { exact: true })).toBeVisible();
  await expect(guest.getByText(WIFI_PASSWORD, { exact: true })).toBeVisible();
  await expect(guest.getByTestId('access-code')).toHaveText(CODE);
  await expect(
    guest.getByRole('img', { name: /Code QR pour rejoindre le réseau wifi/ }),
  ).toBeVisible();
  await expect(guest.getByRole('link', { name: 'Ouvrir dans une carte' })).toHaveAttribute(
    'href',
    /google\.com\/maps\/search\/\?api=1&query=46\.32%2C-0\.46/,
  );
  // Owner text is text: the markup is shown, never run.
  await expect(guest.getByText(`Pas de fête. ${HOSTILE}`)).toBeVisible();
  expect(await guest.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  // No owner-app code on this page.
  const scripts = await guest.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => name.endsWith('.js')),
  );
  expect(
    scripts.some((name) => /vendor-(react|router|tanstack|supabase)|\/app-|\/shell-/.test(name)),
  ).toBe(false);

  // English at a click.
  await guest.getByRole('button', { name: 'Read in English' }).click();
  await expect(guest.getByRole('heading', { name: 'Welcome, Hélène!' })).toBeVisible();
  await expect(guest.getByText('No parties, please.')).toBeVisible();
  await guest.getByRole('button', { name: 'Lire en français' }).click();

  // The service worker takes the page and keeps this token's answer, apart from any owner's.
  await waitForServiceWorkerControl(guest);
  await expect
    .poll(() =>
      guest.evaluate(async () => (await (await caches.open('lou-guest-v1')).keys()).length),
    )
    .toBe(1);
  expect(await guest.evaluate(() => caches.has('lou-api-v1'))).toBe(false);
  // A guest's worker keeps the guest page's files only, not the owner app's.
  const kept = await guest.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    return urls;
  });
  expect(kept.some((url) => /\/guest\.html/.test(url))).toBe(true);
  expect(kept.filter((url) => /index\.html|vendor-|\/app-|\/shell-/.test(url))).toEqual([]);

  // Offline, the sheet opens again from the device.
  await guestContext.setOffline(true);
  await guest.reload();
  await expect(guest.getByRole('heading', { name: 'Bienvenue, Hélène !' })).toBeVisible();
  await expect(guest.getByTestId('access-code')).toHaveText(CODE);
  await expect(guest.getByText(SSID, { exact: true })).toBeVisible();
  await expect(guest.getByText(/Hors ligne — fiche enregistrée le/)).toBeVisible();
  // Another token finds nothing in that cache.
  await guest.goto(link.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')));
  await expect(
    guest.getByRole('heading', { name: 'Impossible de charger la fiche' }),
  ).toBeVisible();
  await guestContext.setOffline(false);

  // The owner's list says it was opened.
  await page.getByRole('link', { name: 'Fiches clients' }).click();
  const row = page.getByRole('row', { name: new RegExp(GUEST) });
  await expect(row.getByText('Ouverte')).toBeVisible();
  await expect(row.getByRole('cell', { name: /\d{2}\/\d{2}\/\d{4}/ }).first()).toBeVisible();

  // The owner turns the link off.
  await row.getByRole('link', { name: `Gérer la fiche de ${GUEST}` }).click();
  await page.getByRole('button', { name: 'Désactiver le lien' }).click();
  await page
    .getByRole('dialog', { name: 'Désactiver le lien ?' })
    .getByRole('button', { name: 'Désactiver le lien' })
    .click();
  await expect(page.getByText('Lien désactivé.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Créer le lien' })).toBeVisible();

  // The guest's link now shows the expired page, with the owner's contact and no stay data.
  await guest.goto(link);
  await expect(guest.getByRole('heading', { name: 'Ce lien n’est plus valable' })).toBeVisible();
  await expect(guest.getByText('Marie Hôte')).toBeVisible();
  await expect(guest.getByText('+33 6 11 22 33 44')).toBeVisible();
  await expect(guest.getByText(SSID)).toHaveCount(0);
  await expect(guest.getByText(CODE)).toHaveCount(0);
  // And the copy kept on the device is gone: offline, nothing of the stay either.
  await guestContext.setOffline(true);
  await guest.reload();
  await expect(guest.getByText(SSID)).toHaveCount(0);
  await expect(guest.getByText(CODE)).toHaveCount(0);
  await guestContext.close();
});
