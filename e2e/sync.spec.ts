import { expect, type Locator, type Page, test } from '@playwright/test';
import { createOwner, E2E_PASSWORD } from './support/reservations-data';

/**
 * "Synchroniser maintenant" against the real sync: the e2e stack runs the local sync
 * worker (dev/sync/local-sync.ts) and serves the demo owner's calendars itself, so the
 * demo gîte's feeds are really fetched, parsed and applied.
 */

const MOULIN = 'Le Moulin de la Sèvre';
const JUST_SYNCED = /^(Synchronisé|Inchangé — vérifié) à l’instant$/;

async function signInDemo(page: Page) {
  await page.goto('/connexion');
  await page.getByLabel('E-mail').fill('demo@liveownerunit.fr');
  await page.getByLabel('Mot de passe', { exact: true }).fill('demo-gites-2026');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
}

/** Each feed's first status line, in the card's order. */
function feedStatuses(card: Locator): Promise<string[]> {
  return card
    .locator('.feed-list > li')
    .evaluateAll((items) =>
      items.map((item) => item.querySelector('.feed-sync')?.textContent?.trim() ?? ''),
    );
}

test('the demo owner syncs "Le Moulin de la Sèvre" now: its feeds are read within 30 s and the history lists the attempts', async ({
  page,
}) => {
  await signInDemo(page);
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Gîtes' })
    .click();
  await expect(page).toHaveURL(/\/gites$/);
  const card = page.getByRole('article', { name: MOULIN });
  await expect(card.locator('.feed-list > li')).toHaveCount(2);
  await expect(card.locator('.feed-list')).toContainText('Airbnb');
  await expect(card.locator('.feed-list')).toContainText('Booking.com');

  // The browser's clock is the stack's (same machine): every attempt from now on is ours.
  const pressedAt = await page.evaluate(() => Date.now());
  const started = Date.now();
  const syncButton = card.getByRole('button', { name: /^Synchroniser maintenant/ });
  // Every label the button shows, however briefly (the demo sync can take under 2 s).
  await syncButton.evaluate((button) => {
    const labels: string[] = [];
    (window as unknown as { syncLabels: string[] }).syncLabels = labels;
    new MutationObserver(() => labels.push(button.textContent ?? '')).observe(button, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  await syncButton.click();

  // Within 30 s: the summary, and both feeds read just now, without an error.
  await expect(card.getByRole('status')).toContainText(/^2 calendriers synchronisés : .+\.$/, {
    timeout: 30_000,
  });
  const syncSeconds = (Date.now() - started) / 1000;
  // (The feeds' lines come from a refetch that may land just after the summary.)
  await expect
    .poll(() => feedStatuses(card))
    .toEqual([expect.stringMatching(JUST_SYNCED), expect.stringMatching(JUST_SYNCED)]);
  await expect(card).not.toContainText('Échec');
  await expect(card).not.toContainText('Pas à jour');
  await expect(syncButton).toBeEnabled();
  await expect(syncButton).not.toHaveAttribute('aria-disabled', 'true');
  const labels = await page.evaluate(
    () => (window as unknown as { syncLabels: string[] }).syncLabels,
  );
  expect(labels).toContainEqual(expect.stringMatching(/^Synchronisation…/));
  test.info().annotations.push({ type: 'sync', description: `${syncSeconds.toFixed(1)} s` });

  // The history, in a modal dialog that takes the focus and gives it back.
  const historyButton = card.getByRole('button', { name: /^Historique des synchronisations/ });
  await historyButton.click();
  const dialog = page.getByRole('dialog', { name: `Historique des synchronisations — ${MOULIN}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Fermer' })).toBeFocused();
  const table = dialog.getByRole('table', { name: new RegExp(`« ${MOULIN} »`) });
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader')).toHaveText([
    'Date et heure',
    'Calendrier',
    'Résultat',
    'Nouvelles',
    'Modifiées',
    'Annulées',
    'Durée',
  ]);

  // Newest first: the attempts since the click are at the top, one per feed, all read.
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '');
      return { at: tr.querySelector('time')?.getAttribute('datetime') ?? '', cells };
    }),
  );
  const times = rows.map((row) => Date.parse(row.at));
  expect(times).toEqual(times.toSorted((a, b) => b - a));
  const ours = rows.filter((row) => Date.parse(row.at) >= pressedAt - 1_000);
  expect(ours.map((row) => row.cells[1]).toSorted()).toEqual(['Airbnb', 'Booking.com']);
  for (const row of ours) expect(row.cells[2]).toMatch(/^(Réussi|Inchangé)$/);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(historyButton).toBeFocused();
});

test('"Synchroniser maintenant" is disabled, with the reason, for a gîte without an active feed', async ({
  page,
}) => {
  // A new owner of their own: the demo owner's gîtes stay as the other specs expect them.
  const owner = await createOwner('sync-no-feed');
  await page.goto('/connexion');
  await page.getByLabel('E-mail').fill(owner.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
  await page.goto('/gites');
  await page.getByRole('button', { name: /Ajouter un gîte/ }).click();
  const form = page.getByRole('form', { name: 'Nouveau gîte' });
  await form.getByLabel('Nom du gîte').fill('Gîte sans calendrier');
  await form.getByRole('button', { name: 'Retirer le calendrier 1' }).click();
  await form.getByRole('button', { name: 'Créer le gîte' }).click();
  const card = page.getByRole('article', { name: 'Gîte sans calendrier' });
  const button = card.getByRole('button', { name: /^Synchroniser maintenant/ });
  await expect(button).toBeDisabled();
  await expect(button).toHaveAccessibleDescription('Aucun calendrier actif à synchroniser.');
  await expect(card.getByRole('button', { name: /^Historique/ })).toHaveCount(0);
});

test('the demo owner publishes "La Grange aux Hirondelles" at an export link that a platform can read, then turns it off', async ({
  page,
  request,
}) => {
  await signInDemo(page);
  await page.goto('/gites');
  const card = page.getByRole('article', { name: 'La Grange aux Hirondelles' });
  await card.getByRole('button', { name: 'Créer le lien d’export' }).click();
  const field = card.getByLabel('Lien d’export du calendrier de « La Grange aux Hirondelles »');
  await expect(field).toHaveValue(/\/functions\/v1\/ical-export\/[A-Za-z0-9_-]{32}\.ics$/);
  const url = await field.inputValue();

  // What Airbnb or Booking.com would fetch: no login, a valid calendar, no guest names.
  const calendar = await request.get(url);
  expect(calendar.status()).toBe(200);
  expect(calendar.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  const body = await calendar.text();
  expect(body).toContain('BEGIN:VEVENT');
  expect(body).toContain('SUMMARY:Réservé');
  expect(body).not.toMatch(/Famille|Dupont|Martin/);

  await card.getByRole('button', { name: 'Désactiver le lien' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Désactiver le lien' }).click();
  await expect(card.getByRole('button', { name: 'Créer le lien d’export' })).toBeVisible();
  expect((await request.get(url)).status()).toBe(404);
});
