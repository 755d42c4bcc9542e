import { type Browser, expect, type Page, test } from '@playwright/test';
import { addGites, createOwner, withDb } from './support/reservations-data';
import { signIn } from './support/sign-in';

/** An ISO date `days` from today (the browser's and the database's today: one machine). */
function inDays(days: number): string {
  const date = new Date();
  date.setUTCHours(12, 0, 0, 0);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** « Jeudi 26 novembre » as the page writes a cleaning's day. */
function dayTitle(iso: string): string {
  const text = new Intl.DateTimeFormat('fr-FR', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T12:00:00Z`));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A gîte with three coming stays: leaving in 1, 6 and 10 days; the second arrives as the first leaves. */
async function ownerWithStays() {
  const owner = await createOwner('menage');
  await withDb(async (db) => {
    const [gite] = await addGites(db, owner.id, 1);
    const stay = (from: number, to: number, people: number) =>
      db.query(
        `insert into public.reservations (owner_user_id, gite_id, date_debut, date_fin, nb_personnes, client_nom, plateforme)
         values ($1, $2, $3, $4, $5, 'Voyageur Secret', 'airbnb')`,
        [owner.id, gite, inDays(from), inDays(to), people],
      );
    await stay(-2, 1, 2);
    await stay(1, 6, 4);
    await stay(8, 10, 3);
  });
  return owner;
}

function task(page: Page, days: number) {
  return page.locator('.cleaning-item').filter({
    has: page.getByRole('heading', { name: dayTitle(inDays(days)) }),
  });
}

async function openCleanerLink(browser: Browser, url: string) {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto(url);
  return { context, page };
}

test('the owner plans cleanings, gives a cleaner a link, and the cleaner ticks one off without an account', async ({
  page,
  browser,
}) => {
  const owner = await ownerWithStays();
  await signIn(page, owner.email, { to: '/menage' });
  await expect(page.getByRole('heading', { name: 'Ménage', level: 1 })).toBeVisible();

  // One cleaning per departure, made by the database; a turnover is flagged.
  await expect(page.getByText('3 ménages')).toBeVisible();
  await expect(task(page, 1).getByText('Même jour')).toBeVisible();
  await expect(task(page, 1).getByText(/Prochains voyageurs le .* : 4 personnes/)).toBeVisible();
  await expect(task(page, 6).getByText('Même jour')).toHaveCount(0);

  // A cleaner: a bad phone is refused in French and nothing is added.
  const cleaners = page.getByRole('region', { name: 'Intervenants' });
  await cleaners.getByLabel('Nom').fill('Sylvie <b>Martin</b>');
  await cleaners.getByLabel('Téléphone').fill('12');
  await cleaners.getByRole('button', { name: 'Ajouter un intervenant' }).click();
  await expect(cleaners.getByText('Numéro de téléphone invalide.')).toBeVisible();
  await expect(cleaners.getByText('Aucun intervenant pour l’instant.')).toBeVisible();
  await cleaners.getByLabel('Téléphone').fill('06 12 34 56 78');
  await cleaners.getByRole('button', { name: 'Ajouter un intervenant' }).click();
  await expect(cleaners.getByText('Sylvie <b>Martin</b>', { exact: true })).toBeVisible();
  await expect(cleaners.locator('b')).toHaveCount(0);

  // The turnover: assigned, a time window (an end before the start is refused), notes.
  await task(page, 1).getByRole('button', { name: 'Modifier' }).click();
  const form = task(page, 1).locator('form');
  await form
    .getByLabel('Intervenant', { exact: true })
    .selectOption({ label: 'Sylvie <b>Martin</b>' });
  await form.getByLabel('Début').fill('15:00');
  await form.getByLabel('Fin').fill('11:00');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByText('La fin doit venir après le début.')).toBeVisible();
  await form.getByLabel('Début').fill('11:00');
  await form.getByLabel('Fin').fill('15:00');
  await form.getByLabel('Consignes pour l’intervenant').fill('Clés <script>x</script> sous le pot');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Ménage enregistré.')).toBeVisible();
  await expect(task(page, 1).getByText('de 11:00 à 15:00')).toBeVisible();
  await expect(task(page, 1).getByText('Clés <script>x</script> sous le pot')).toBeVisible();

  // The owner ticks the last one off with a note; it leaves the « Prévu » list.
  await task(page, 10).getByRole('button', { name: 'Marquer fait' }).click();
  await task(page, 10).getByLabel('Note (facultative)').fill('Ampoule grillée');
  await task(page, 10).getByRole('button', { name: 'Marquer fait' }).click();
  await expect(page.getByText('Ménage marqué fait.')).toBeVisible();
  await expect(page.getByText('2 ménages')).toBeVisible();
  await page.getByLabel('Statut').selectOption({ label: 'Fait' });
  await expect(page).toHaveURL(/statut=done/);
  await expect(
    task(page, 10).getByText(/Fait le .* — Note de l’intervenant : Ampoule grillée/),
  ).toBeVisible();

  // The dashboard lists the coming cleanings.
  await page.getByRole('link', { name: 'Tableau de bord' }).click();
  const coming = page.getByRole('region', { name: 'Prochains ménages' });
  await expect(coming.getByText(/· même jour/)).toBeVisible();
  await expect(coming.getByText('— Sylvie <b>Martin</b>')).toBeVisible();

  // Sylvie's secret link, shown once.
  await page.goto('/menage');
  await cleaners.getByRole('button', { name: 'Créer le lien' }).click();
  const linkField = cleaners.getByRole('textbox', { name: 'Lien de Sylvie <b>Martin</b>' });
  await expect(linkField).toHaveValue(/\/m\/[A-Za-z0-9_-]{32}$/);
  const link = await linkField.inputValue();

  // The cleaner, in a fresh browser: their task, the notes as text, nothing of the guests.
  const cleaner = await openCleanerLink(browser, link);
  await expect(
    cleaner.page.getByRole('heading', { name: 'Ménages de Sylvie <b>Martin</b>' }),
  ).toBeVisible();
  await expect(cleaner.page.getByText('Clés <script>x</script> sous le pot')).toBeVisible();
  await expect(
    cleaner.page.getByText('Même jour : des voyageurs arrivent ce jour-là'),
  ).toBeVisible();
  await expect(cleaner.page.locator('body')).not.toContainText('Voyageur Secret');
  await cleaner.page
    .getByLabel('Une remarque pour le propriétaire ? (facultatif)')
    .fill('Tout est prêt');
  await cleaner.page.getByRole('button', { name: 'C’est fait' }).click();
  await expect(cleaner.page.getByText(/^Fait le /)).toBeVisible();

  // The owner sees it done; revoking the link closes the page.
  await page.getByLabel('Statut').selectOption({ label: 'Fait' });
  await expect(task(page, 1).getByText(/Note de l’intervenant : Tout est prêt/)).toBeVisible();
  await cleaners.getByRole('button', { name: 'Désactiver le lien' }).click();
  await expect(cleaners.getByText('Lien désactivé')).toBeVisible();
  await cleaner.page.reload();
  await expect(cleaner.page.getByText(/Ce lien ne fonctionne plus/)).toBeVisible();
  await cleaner.context.close();
});

test('when reopening a cleaning fails, the page says so and the cleaning stays done', async ({
  page,
}) => {
  const owner = await ownerWithStays();
  await withDb((db) =>
    db.query(
      `update public.cleaning_schedule set status = 'done', done_at = now() where owner_user_id = $1`,
      [owner.id],
    ),
  );
  await signIn(page, owner.email, { to: '/menage?statut=done' });
  await page.route('**/rest/v1/cleaning_schedule**', (route) =>
    route.request().method() === 'PATCH'
      ? route.fulfill({ status: 503, contentType: 'application/json', body: '{"message":"down"}' })
      : route.fallback(),
  );
  await task(page, 1).getByRole('button', { name: 'Rouvrir' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(task(page, 1).getByText('Fait', { exact: true })).toBeVisible();
});
