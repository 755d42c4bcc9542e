import { expect, type Page, test } from '@playwright/test';
import { createOwner, withDb } from './support/reservations-data';
import { signIn } from './support/sign-in';

/** Intl writes French numbers with narrow no-break spaces; compare with plain ones. */
function plain(text: string | null): string {
  return (text ?? '')
    .replace(/[\u202f\u00a0]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** An owner with one classified meublé and 2025 stays worth 20,000 € (figures by hand below). */
async function ownerWithStays() {
  const owner = await createOwner('fiscalite');
  await withDb(async (db) => {
    const { rows } = await db.query<{ id: string }>(
      `insert into public.gites (owner_user_id, nom, categorie_fiscale)
       values ($1, 'Le Moulin', 'meuble_tourisme_classe') returning id`,
      [owner.id],
    );
    const gite = rows[0]?.id;
    const stay = (from: string, to: string, status: string, amount: number) =>
      db.query(
        `insert into public.reservations
           (owner_user_id, gite_id, date_debut, date_fin, plateforme, status, montant)
         values ($1, $2, $3, $4, 'direct', $5, $6)`,
        [owner.id, gite, from, to, status, amount],
      );
    // 19,700 € in July, and a New Year stay: 3 nights × 100 € in 2025, 1 night in 2026.
    await stay('2025-07-01', '2025-07-11', 'confirmed', 19_700);
    await stay('2025-12-29', '2026-01-02', 'confirmed', 400);
    // Cancelled and blocked: nothing.
    await stay('2025-08-01', '2025-08-08', 'cancelled', 5_000);
    await stay('2025-09-01', '2025-09-08', 'blocked', 5_000);
  });
  return owner;
}

async function count(table: string, ownerId: string): Promise<number> {
  return withDb(async (db) => {
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from public.${table} where owner_user_id = $1`,
      [ownerId],
    );
    return rows[0]?.n ?? 0;
  });
}

function section(page: Page, title: string | RegExp) {
  return page
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: title, level: 2 }) });
}

test('an owner enters charges, a component and trips, compares both régimes and saves the simulation', async ({
  page,
}) => {
  const owner = await ownerWithStays();
  await signIn(page, owner.email, { to: '/fiscalite?annee=2025' });
  await expect(page.getByRole('heading', { name: 'Fiscalité', level: 1 })).toBeVisible();

  // Receipts from SQL: 19,700 € + 3 of the 4 New Year nights (300 €).
  const receipts = section(page, 'Recettes par catégorie');
  await expect(receipts.getByRole('row', { name: /Meublé de tourisme classé/ })).toBeVisible();
  expect(
    plain(await receipts.getByRole('row', { name: /Meublé de tourisme classé/ }).textContent()),
  ).toContain('20 000,00 €');

  // A bad amount: a French message, nothing saved.
  const newCharge = page.getByRole('form', { name: 'Nouvelle charge' });
  await newCharge.getByLabel('Nature').selectOption('taxe_fonciere');
  await newCharge.getByLabel('Montant (€)').fill('12,345');
  await newCharge.getByRole('button', { name: 'Ajouter' }).click();
  await expect(
    newCharge.getByText(
      'Montant invalide : saisissez un nombre d’euros positif, par exemple 1 250,50.',
    ),
  ).toBeVisible();
  await expect(newCharge.getByLabel('Montant (€)')).toBeFocused();
  expect(await count('charges_fiscales', owner.id)).toBe(0);

  // A charge.
  await newCharge.getByLabel('Montant (€)').fill('1 500');
  await newCharge.getByRole('button', { name: 'Ajouter' }).click();
  const charges = section(page, 'Charges 2025');
  await expect(charges.getByRole('list').getByText('Taxe foncière', { exact: true })).toBeVisible();
  expect(await count('charges_fiscales', owner.id)).toBe(1);

  // A component: furniture, 7,000 € from 1 January 2025 over 7 years → 1,000 € in 2025.
  const newComponent = page.getByRole('form', { name: 'Nouveau composant' });
  await newComponent.getByLabel('Composant').selectOption('mobilier');
  await newComponent.getByLabel('Libellé').fill('Mobilier <b>salon</b>');
  await newComponent.getByLabel('Coût (€)').fill('7000');
  await newComponent.getByLabel('Mise en service').fill('2025-01-01');
  await newComponent.getByLabel('Durée (années)').fill('7');
  await newComponent.getByRole('button', { name: 'Ajouter' }).click();
  const components = section(page, 'Amortissements par composant');
  // The owner's text is shown as text, not markup.
  await expect(
    components.getByRole('button', { name: 'Modifier « Mobilier <b>salon</b> »' }),
  ).toBeVisible();
  await expect(components.locator('b')).toHaveCount(0);
  await expect(components.getByText(/Amortissement 2025 : 1\s000,00\s€/)).toBeVisible();

  // Two trips: 12.5 km there and back (25 km) and 30 km one way.
  const newTrip = page.getByRole('form', { name: 'Nouveau trajet' });
  await newTrip.getByLabel('Date').fill('2025-03-15');
  await newTrip.getByLabel('Motif').fill('Courses pour le gîte');
  await newTrip.getByLabel('Distance (km, un trajet)').fill('12,5');
  await newTrip.getByLabel('Véhicule').fill('Clio');
  await newTrip.getByRole('button', { name: 'Ajouter un trajet' }).click();
  const trips = section(page, 'Trajets professionnels 2025');
  await expect(
    trips.getByRole('cell', { name: 'Courses pour le gîte', exact: true }),
  ).toBeVisible();
  await newTrip.getByLabel('Date').fill('2025-06-02');
  await newTrip.getByLabel('Motif').fill('Rendez-vous artisan');
  await newTrip.getByLabel('Distance (km, un trajet)').fill('30');
  await newTrip.getByLabel('Aller-retour').uncheck();
  await newTrip.getByRole('button', { name: 'Ajouter un trajet' }).click();
  await expect(trips.getByRole('cell', { name: 'Rendez-vous artisan', exact: true })).toBeVisible();
  await expect(trips.getByText(/^2 trajets, 55 km professionnels/)).toBeVisible();
  expect(await count('km_trajets', owner.id)).toBe(2);

  // Both régimes: micro-BIC 20,000 − 50 % = 10,000 €; réel 20,000 − 1,500 − 1,000 = 17,500 €.
  const simulation = section(page, 'Micro-BIC ou régime réel en 2025');
  await expect(simulation.getByText('Le moins cher : micro-BIC.')).toBeVisible();
  const text = plain(await simulation.textContent());
  expect(text).toContain(
    'Meublé de tourisme classé : 20 000 € de recettes − abattement de 50 % (10 000 €) = 10 000 €.',
  );
  expect(text).toContain('Revenu imposable au micro-BIC : 10 000 €.');
  expect(text).toContain('Charges déductibles : 1 500 € (Taxe foncière 1 500 €).');
  expect(text).toContain('Amortissements : 1 000 € de l’année, 1 000 € déduits.');
  expect(text).toContain('Revenu imposable au régime réel : 17 500 €.');
  expect(text).toContain(
    'Le micro-BIC est le moins cher en 2025 : 7 500 € de revenu imposable en moins',
  );
  await expect(
    simulation.getByText('Cette simulation n’est pas encore enregistrée.'),
  ).toBeVisible();

  // Save it: stored with the input's hash, shown as up to date.
  await simulation.getByRole('button', { name: 'Enregistrer la simulation' }).click();
  await expect(simulation.getByText('Simulation enregistrée.')).toBeVisible();
  await expect(simulation.getByText(/: à jour\.$/)).toBeVisible();
  const saved = await withDb(async (db) => {
    const { rows } = await db.query<{ annee: number; regime_retenu: string; inputs_hash: string }>(
      'select annee, regime_retenu, inputs_hash from public.simulations_fiscales where owner_user_id = $1',
      [owner.id],
    );
    return rows;
  });
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({ annee: 2025, regime_retenu: 'micro_bic' });
  expect(saved[0]?.inputs_hash).toMatch(/^[0-9a-f]{64}$/);

  // Reopened: served as saved. Then a new charge makes it stale.
  await page.reload();
  await expect(
    section(page, 'Micro-BIC ou régime réel en 2025').getByText(/: à jour\.$/),
  ).toBeVisible();
  const again = page.getByRole('form', { name: 'Nouvelle charge' });
  await again.getByLabel('Nature').selectOption('cfe');
  await again.getByLabel('Montant (€)').fill('300');
  await again.getByRole('button', { name: 'Ajouter' }).click();
  await expect(
    section(page, 'Micro-BIC ou régime réel en 2025').getByText(/périmée/),
  ).toBeVisible();
});
