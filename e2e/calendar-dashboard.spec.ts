import { expect, type Locator, type Page, test } from '@playwright/test';

const DEMO_GITES = [
  'Le Moulin de la Sèvre',
  'La Grange aux Hirondelles',
  'Le Petit Gîte du Lavoir',
];
const GRANGE_ID = '00000000-0000-4000-8000-00000000a002';

async function signInDemo(page: Page) {
  await page.goto('/connexion');
  await page.getByLabel('E-mail').fill('demo@liveownerunit.fr');
  await page.getByLabel('Mot de passe', { exact: true }).fill('demo-gites-2026');
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** The month of the browser's today and the next one, as the URL and the title write them. */
async function currentAndNextMonth(page: Page) {
  const [year, month] = await page.evaluate(() => [
    new Date().getFullYear(),
    new Date().getMonth() + 1,
  ]);
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  const param = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;
  const label = (y: number, m: number) =>
    new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(Date.UTC(y, m - 1, 1)),
    );
  const afterNext = next.month === 12 ? param(next.year + 1, 1) : param(next.year, next.month + 1);
  return {
    current: { param: param(year, month), label: label(year, month) },
    next: {
      param: param(next.year, next.month),
      label: label(next.year, next.month),
      from: `${param(next.year, next.month)}-01`,
      to: `${afterNext}-01`,
    },
  };
}

/** What each bar says to a screen reader (guest, platform, dates), in page order. */
function barDescriptions(bars: Locator): Promise<string[]> {
  return bars.evaluateAll((elements) =>
    elements.map((element) => element.querySelector('.visually-hidden')?.textContent ?? ''),
  );
}

test('the demo owner lands on the dashboard: today, the next 7 days, occupancy and revenue', async ({
  page,
}) => {
  await signInDemo(page);
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
  await expect(page.getByRole('heading', { name: 'Tableau de bord', level: 1 })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await expect(nav.getByRole('link').first()).toHaveText('Tableau de bord');
  await expect(nav.getByRole('link', { name: 'Tableau de bord' })).toHaveAttribute(
    'aria-current',
    'page',
  );

  const today = page.getByRole('region', { name: 'Aujourd’hui' });
  await expect(today.getByRole('heading', { name: /^Arrivées \d+$/ })).toBeVisible();
  await expect(today.getByRole('heading', { name: /^Départs \d+$/ })).toBeVisible();

  // The demo has a stay a week in every gîte: something always happens within 7 days.
  const nextDays = page.getByRole('region', { name: 'Les 7 prochains jours' });
  await expect(nextDays.getByText(/^(Arrivée|Départ)$/).first()).toBeVisible();
  await expect(nextDays).toContainText(/\d+ nuits?/);

  const occupancy = page.getByRole('region', { name: /^Occupation · / });
  const meters = occupancy.getByRole('meter');
  await expect(meters).toHaveCount(3);
  for (const [index, nom] of DEMO_GITES.entries()) {
    await expect(meters.nth(index)).toHaveAccessibleName(nom);
    await expect(meters.nth(index)).toHaveAccessibleDescription(/^\d+ nuits? réservées? sur \d+/);
  }
  const values = await meters.evaluateAll((elements) =>
    elements.map((element) => Number(element.getAttribute('value'))),
  );
  expect(values.every((value) => value >= 0 && value <= 100)).toBe(true);
  expect(values.some((value) => value > 0)).toBe(true);
  await expect(occupancy).toContainText(/\d+\s%/);

  const revenue = page.getByRole('region', { name: /^Chiffre d’affaires \d{4}$/ });
  await expect(revenue).toContainText(/\d[\d\s]*\s€/);
  await expect(revenue).toContainText(/\d{4}, même période/);
});

test('the calendar shows the 3 gîtes with their stays, month by month, and a stay’s details', async ({
  page,
}) => {
  await signInDemo(page);
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
  const months = await currentAndNextMonth(page);
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Calendrier' })
    .click();
  await expect(page).toHaveURL(/\/calendrier$/);
  await expect(page.getByRole('heading', { level: 2, name: months.current.label })).toBeVisible();

  // The timeline: one row per gîte, stays as bars.
  const timeline = page.getByRole('region', { name: /^Frise de tous les gîtes/ });
  await expect(timeline.getByRole('group')).toHaveCount(3);
  for (const nom of DEMO_GITES) {
    await expect(timeline.getByRole('group', { name: nom })).toBeVisible();
  }
  const bars = timeline.getByRole('button');
  await expect(bars.first()).toBeVisible();
  expect(await bars.count()).toBeGreaterThan(3);
  const currentBars = await barDescriptions(bars);

  // Next month: the URL, the title and the bars change; only that month is asked for.
  const nextMonthRequest = page.waitForRequest((request) => {
    const url = decodeURIComponent(request.url());
    return (
      url.includes('/rest/v1/calendar_stays?') &&
      url.includes(`date_debut=lt.${months.next.to}`) &&
      url.includes(`date_fin=gt.${months.next.from}`) &&
      url.includes('status=neq.cancelled')
    );
  });
  await page.getByRole('link', { name: 'Mois suivant' }).click();
  await nextMonthRequest;
  await expect(page).toHaveURL(new RegExp(`/calendrier\\?mois=${months.next.param}$`));
  await expect(page.getByRole('heading', { level: 2, name: months.next.label })).toBeVisible();
  await expect(timeline.getByRole('group')).toHaveCount(3);
  await expect.poll(() => barDescriptions(bars)).not.toEqual(currentBars);
  expect(await bars.count()).toBeGreaterThan(0);

  // A stay's details open on click and close with Escape, focus back on the bar.
  const descriptions = await barDescriptions(bars);
  const index = descriptions.findIndex((text) => !text.startsWith('Période bloquée'));
  expect(index).toBeGreaterThanOrEqual(0);
  const bar = bars.nth(index);
  const guest = (descriptions[index] ?? '').split(', ')[0] ?? '';
  await bar.click();
  const dialog = page.getByRole('dialog', { name: guest });
  await expect(dialog).toBeVisible();
  for (const label of ['Gîte', 'Arrivée', 'Départ', 'Nuits', 'Montant']) {
    await expect(dialog.getByText(label, { exact: true })).toBeVisible();
  }
  await expect(dialog).toContainText(/\d+ nuits?/);
  await expect(dialog).toContainText(/Airbnb|Booking\.com|Abritel|Gîtes de France|Direct|Autre/);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(bar).toBeFocused();

  // The keyboard alone opens it too; "Fermer" closes it.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Fermer' }).click();
  await expect(dialog).toBeHidden();
  await expect(bar).toBeFocused();

  // One gîte's month grid, its id in the URL; back returns to the timeline.
  await page.getByLabel('Afficher').selectOption({ label: 'La Grange aux Hirondelles (mois)' });
  await expect(page).toHaveURL(
    new RegExp(`/calendrier\\?mois=${months.next.param}&gite=${GRANGE_ID}$`),
  );
  const grid = page.getByRole('region', {
    name: `La Grange aux Hirondelles, ${months.next.label}`,
  });
  await expect(grid).toBeVisible();
  await expect(grid.getByRole('button').first()).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/calendrier\\?mois=${months.next.param}$`));
  await expect(timeline.getByRole('group')).toHaveCount(3);

  // "Aujourd’hui" comes back to the current month.
  await page.getByRole('link', { name: 'Aujourd’hui' }).click();
  await expect(page).toHaveURL(new RegExp(`/calendrier\\?mois=${months.current.param}$`));
  await expect.poll(() => barDescriptions(bars)).toEqual(currentBars);
});

test('when the dashboard cannot load, it says so in French and retries on demand', async ({
  page,
}) => {
  await page.route('**/rest/v1/rpc/dashboard_summary**', (route) =>
    route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({ code: 'XX000', message: 'panne simulée', details: null, hint: null }),
    }),
  );
  await signInDemo(page);
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
  // TanStack Query retries a 5xx three times (with back-off) before showing the error.
  await expect(page.getByRole('alert')).toHaveText(
    'Impossible de charger le tableau de bord. Une erreur est survenue. Réessayez dans un instant.',
    { timeout: 20_000 },
  );
  await page.unroute('**/rest/v1/rpc/dashboard_summary**');
  await page.getByRole('button', { name: 'Réessayer' }).click();
  await expect(page.getByRole('region', { name: 'Aujourd’hui' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
