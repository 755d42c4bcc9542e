import { expect, type Page, test } from '@playwright/test';
import { addGites, createOwner, withDb } from './support/reservations-data';
import { signIn } from './support/sign-in';

/** Intl writes French numbers with narrow no-break spaces; compare with plain ones. */
function plain(text: string | null): string {
  return (text ?? '')
    .replace(/[\u202f\u00a0]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The owner's year 2025 (and 2024), with figures computed by hand in the assertions. */
async function ownerWithAYear() {
  const owner = await createOwner('stats');
  const gites = await withDb(async (db) => {
    const [g1, g2, g3] = await addGites(db, owner.id, 3);
    if (!g1 || !g2 || !g3) throw new Error('no gîte');
    await db.query(`update public.gites set nom = '<b>Grange</b> & Cie' where id = $1`, [g3]);
    const stay = (gite: string, from: string, to: string, platform: string, extra = '') =>
      db.query(
        `insert into public.reservations
           (owner_user_id, gite_id, date_debut, date_fin, plateforme, status, montant)
         values ($1, $2, $3, $4, $5, ${extra || `'confirmed', null`})`,
        [owner.id, gite, from, to, platform],
      );
    // 2 nights in June and 2 in July, 400 €.
    await stay(g1, '2025-06-29', '2025-07-03', 'airbnb', `'confirmed', 400`);
    // Imported, no amount yet: 5 nights.
    await stay(g2, '2025-08-10', '2025-08-15', 'abritel');
    // A week blocked: not available, not booked.
    await stay(g2, '2025-02-01', '2025-02-08', 'airbnb', `'blocked', null`);
    // 3 nights, 100 €.
    await stay(g3, '2025-03-10', '2025-03-13', 'direct', `'confirmed', 100`);
    // Cancelled: nothing.
    await stay(g3, '2025-05-01', '2025-05-05', 'booking', `'cancelled', 900`);
    // 2024: 5 nights, 500 €.
    await stay(g1, '2024-06-10', '2024-06-15', 'booking', `'confirmed', 500`);
    return { g1, g2, g3 };
  });
  return { ...owner, gites };
}

function keyFigure(page: Page, label: string) {
  return page.locator('.stats-key').filter({ has: page.getByText(label, { exact: true }) });
}

/**
 * Waits for a key figure's text. After a change of gîte or year the previous figures stay
 * on screen until the new ones arrive, so a single read could see the old value.
 */
async function expectKeyFigure(
  page: Page,
  label: string,
  part: 'value' | 'previous',
  text: string,
) {
  const element = keyFigure(page, label).locator(`.stats-key-${part}`);
  await expect.poll(async () => plain(await element.textContent())).toBe(text);
}

test('an owner reads a year’s statistics beside the previous year, per platform, gîte and month', async ({
  page,
}) => {
  const owner = await ownerWithAYear();
  await signIn(page, owner.email, { to: '/statistiques?annee=2025' });
  await expect(page.getByRole('heading', { name: 'Statistiques', level: 1 })).toBeVisible();

  // 4 + 5 + 3 nights; 500 € in 2025 as in 2024; 365 × 3 − 7 blocked = 1,088 nights available.
  await expect(keyFigure(page, 'Nuits louées').locator('.stats-key-value')).toHaveText('12');
  await expectKeyFigure(page, 'Revenus', 'value', '500 €');
  await expectKeyFigure(page, 'Revenus', 'previous', '2024 : 500 € · 0 % sur un an');
  await expectKeyFigure(page, 'Taux d’occupation', 'value', '1 %');
  await expect(page.getByText('1 séjour de l’année n’a pas de montant')).toBeVisible();

  // The charts (Chart.js, loaded after the figures).
  await expect(page.getByRole('img', { name: 'Revenus par mois, 2025 et 2024' })).toBeVisible();
  await expect(
    page.getByRole('img', { name: 'Taux d’occupation par mois, 2025 et 2024' }),
  ).toBeVisible();

  // Per platform, largest revenue first.
  const platforms = page.getByRole('region', { name: 'Par plateforme' }).locator('tbody tr');
  await expect(platforms).toHaveCount(3);
  const cells = await platforms.evaluateAll((rows) =>
    rows.map((row) => [...(row as HTMLTableRowElement).cells].map((cell) => cell.textContent)),
  );
  expect(cells.map((row) => row.map(plain).join(' | '))).toEqual([
    'Airbnb | 4 | 400 € | 80 % | 100 €',
    'Direct | 3 | 100 € | 20 % | 33 €',
    'Abritel | 5 | 0 € | 0 % | 0 €',
  ]);

  // Per gîte: owner text is text.
  const byGite = page.getByRole('region', { name: 'Par gîte' });
  await expect(byGite.getByRole('rowheader', { name: '<b>Grange</b> & Cie' })).toBeVisible();
  await expect(byGite.locator('b')).toHaveCount(0);

  // Month by gîte: 12 × 3 rows, 24 a page.
  const monthly = page.getByRole('region', { name: 'Détail par mois' });
  await expect(monthly.getByText('Lignes 1 à 24 sur 36')).toBeVisible();
  await monthly.getByRole('link', { name: 'Page 2' }).click();
  await expect(page).toHaveURL(/annee=2025&page=2$/);
  await expect(monthly.getByText('Lignes 25 à 36 sur 36')).toBeVisible();

  // One gîte: its figures alone, the choice in the URL.
  await page.getByLabel('Gîte', { exact: true }).selectOption({ label: 'Gîte 01' });
  await expect(page).toHaveURL(new RegExp(`annee=2025&gite=${owner.gites.g1}$`));
  await expectKeyFigure(page, 'Revenus', 'value', '400 €');
  await expect(keyFigure(page, 'Nuits louées').locator('.stats-key-value')).toHaveText('4');
  await expect(page.getByRole('region', { name: 'Par gîte' })).toHaveCount(0);
  await expect(monthly.getByText('Lignes 1 à 12 sur 12')).toBeVisible();

  // Another year.
  await page.getByLabel('Année', { exact: true }).selectOption('2024');
  await expect(page).toHaveURL(new RegExp(`annee=2024&gite=${owner.gites.g1}$`));
  await expectKeyFigure(page, 'Revenus', 'value', '500 €');
});

test('a link to a gîte that is not the owner’s shows every gîte, and says so', async ({ page }) => {
  const owner = await ownerWithAYear();
  const stranger = await ownerWithAYear();
  await signIn(page, owner.email, {
    to: `/statistiques?annee=2025&gite=${stranger.gites.g1}`,
  });
  await expect(page.getByText('Ce gîte est introuvable')).toBeVisible();
  await expect(keyFigure(page, 'Nuits louées').locator('.stats-key-value')).toHaveText('12');
});
