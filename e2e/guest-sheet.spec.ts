import { expect, type Page, test } from '@playwright/test';
import { addGites, createOwner, E2E_PASSWORD, withDb } from './support/reservations-data';

/**
 * Guest sheets on the dev server (project `app`, no service worker): /g/<token> is served the
 * guest page by Vite's middleware; regenerating kills the old link at once; a wrong token
 * shows "link not found"; an owner's sheet for a stay that has no information yet still opens.
 * (The offline flow, with the service worker, is e2e/pwa/guest-sheet.spec.ts.)
 */

async function signIn(page: Page, email: string, then = '/reservations'): Promise<void> {
  await page.goto(`/connexion?redirectTo=${encodeURIComponent(then)}`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(new RegExp(`${then}$`));
}

test('regenerating a sheet link kills the old one; a wrong token finds nothing; the list shows both links', async ({
  page,
  browser,
}) => {
  const owner = await createOwner('guest-sheet-dev');
  await withDb(async (db) => {
    const [giteId] = await addGites(db, owner.id, 1);
    await db.query(
      `insert into public.reservations
         (owner_user_id, gite_id, date_debut, date_fin, client_nom, plateforme, status)
       values ($1, $2, current_date + 1, current_date + 6, 'Paul Lefèvre', 'direct', 'confirmed')`,
      [owner.id, giteId],
    );
    await db.query(
      `insert into public.infos_gites_consignes (owner_user_id, gite_id, langue, code_acces)
       values ($1, $2, 'en', 'EN-ONLY-77')`,
      [owner.id, giteId],
    );
  });
  await signIn(page, owner.email);
  await page.getByRole('button', { name: /^Modifier — Paul Lefèvre/ }).click();
  await page.getByRole('link', { name: /Fiche client/ }).click();

  // A window that ends before it starts is refused in words, and nothing is made.
  await page.getByLabel('Langue de la fiche').selectOption('en');
  const from = page.getByLabel('Valable à partir du');
  const until = page.getByLabel('Jusqu’au (inclus)');
  const defaultUntil = await until.inputValue();
  await until.fill(
    await from.inputValue().then((day) => day.replace(/^(\d{4})/, (y) => String(Number(y) - 1))),
  );
  await page.getByRole('button', { name: 'Créer le lien' }).click();
  await expect(page.getByText('La fin de validité doit suivre le début.')).toBeVisible();
  await expect(from).toBeFocused();
  await until.fill(defaultUntil);
  await page.getByRole('button', { name: 'Créer le lien' }).click();
  const field = page.getByLabel('Adresse de la fiche à envoyer au client');
  await expect(field).toHaveValue(/\/g\/[A-Za-z0-9_-]{32}$/);
  const first = await field.inputValue();

  const guestContext = await browser.newContext({ locale: 'fr-FR' });
  const guest = await guestContext.newPage();
  await guest.goto(first);
  // The sheet's language is English; the French instructions are missing, the English ones show.
  await expect(guest.getByRole('heading', { name: 'Welcome, Paul!' })).toBeVisible();
  await expect(guest.getByTestId('access-code')).toHaveText('EN-ONLY-77');

  await page.getByRole('button', { name: 'Régénérer le lien' }).click();
  await page
    .getByRole('dialog', { name: 'Régénérer le lien ?' })
    .getByRole('button', { name: 'Régénérer le lien' })
    .click();
  await expect(page.getByText('Nouveau lien créé ; l’ancien ne fonctionne plus.')).toBeVisible();
  await expect(field).not.toHaveValue(first);
  const second = await field.inputValue();

  await guest.reload();
  await expect(guest.getByRole('heading', { name: 'This link is no longer valid' })).toBeVisible();
  await expect(guest.getByText('EN-ONLY-77')).toHaveCount(0);
  await guest.goto(second);
  await expect(guest.getByTestId('access-code')).toHaveText('EN-ONLY-77');
  await guest.goto(second.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')));
  // No sheet, so no sheet language: the browser's (French here).
  await expect(guest.getByRole('heading', { name: 'Lien introuvable' })).toBeVisible();
  await guestContext.close();

  await page.getByRole('link', { name: 'Fiches clients' }).click();
  const rows = page.getByRole('row', { name: /Paul Lefèvre/ });
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).getByText('Ouverte')).toBeVisible();
  await expect(rows.nth(1).getByText('Désactivée')).toBeVisible();
  await expect(rows.nth(0).getByRole('cell', { name: 'Anglais' })).toBeVisible();
});
