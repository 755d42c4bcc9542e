import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { addGites, createOwner, withDb } from './support/reservations-data';
import { signIn } from './support/sign-in';

test('the owner sets a gîte’s taxe de séjour (Airbnb collects), reads the quarter’s totals and exports the registre', async ({
  page,
}) => {
  const owner = await createOwner('taxe');
  await withDb(async (db) => {
    const [gite] = await addGites(db, owner.id, 1);
    const stay = (
      from: string,
      to: string,
      platform: string,
      people: number,
      adults: number | null,
    ) =>
      db.query(
        `insert into public.reservations
           (owner_user_id, gite_id, date_debut, date_fin, plateforme, nb_personnes, nb_adultes, client_nom)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [owner.id, gite, from, to, platform, people, adults, 'Dupont; "Jean"'],
      );
    // Direct: 3 nights × 2 adults (2 children exempt).
    await stay('2031-01-10', '2031-01-13', 'direct', 4, 2);
    // Airbnb, collected by the platform: 2 nights × 3 people (split unknown).
    await stay('2031-02-07', '2031-02-09', 'airbnb', 3, null);
    // Booking, not collecting: 4 nights × 1 adult, across March and April (3 nights in Q1).
    await stay('2031-03-29', '2031-04-02', 'booking', 1, 1);
  });
  await signIn(page, owner.email, { to: '/taxe-de-sejour' });

  const gite = page.getByRole('listitem', { name: 'Gîte 01' });
  await expect(gite.getByText('Non réglé')).toBeVisible();
  await gite.getByRole('button', { name: 'Régler' }).click();
  const form = page.getByRole('form', { name: 'Taxe de séjour — Gîte 01' });
  // Bad input changes nothing: French messages, nothing saved.
  await form.getByLabel('Commune (ou EPCI)').fill('Coulon');
  await form.getByLabel('Tarif par personne et par nuitée (€)').fill('abc');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(
    form.getByText('Indiquez un tarif en euros, de 0,01 à 50 € (ex. 0,80).'),
  ).toBeVisible();
  await expect(gite.getByText('Non réglé')).toBeVisible();
  // 0,80 € + 10 % départemental = 0,88 € per adult and night; Airbnb collects.
  await form.getByLabel('Tarif par personne et par nuitée (€)').fill('0,80');
  await form.getByLabel('Taxe additionnelle départementale de 10 %').check();
  await form.getByLabel('Airbnb').check();
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Gîte 01 : réglages enregistrés.')).toBeVisible();
  await expect(
    gite.getByText(
      /Coulon — 0,80\s€ par personne et par nuitée \+ 10 % départemental\. Collectée par : Airbnb/,
    ),
  ).toBeVisible();

  // First quarter of 2031.
  const report = page.getByRole('region', { name: 'Registre' });
  await report.getByLabel('Période', { exact: true }).selectOption('trimestre');
  await report.getByLabel('Trimestre', { exact: true }).selectOption('1');
  await report.getByLabel('Année', { exact: true }).fill('2031');
  await report.getByRole('button', { name: 'Afficher' }).click();
  await expect(page).toHaveURL(/periode=trimestre&annee=2031&n=1/);
  // Owner: 3 × 2 × 0,88 = 5,28 € + 3 × 1 × 0,88 = 2,64 € → 7,92 €; Airbnb: 2 × 3 × 0,88 = 5,28 €.
  await expect(report.getByTestId('total-proprietaire')).toHaveText(/7,92\s€/);
  await expect(report.getByTestId('total-plateformes')).toHaveText(/5,28\s€/);
  await expect(report.getByRole('row')).toHaveCount(4);
  await expect(report.getByRole('row', { name: /adultes \/ mineurs non précisés/ })).toContainText(
    'Airbnb',
  );

  const downloadPromise = page.waitForEvent('download');
  await report.getByRole('button', { name: 'Exporter en CSV' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('taxe-de-sejour-2031-01-01-2031-04-01.csv');
  const path = await download.path();
  const csv = await readFile(path, 'utf8');
  const lines = csv.split('\r\n');
  expect(lines[0]).toBe(
    '\uFEFFGîte;Commune;Mois;Date d’arrivée;Date de départ;Nuitées (dans le mois);Personnes hébergées;Personnes assujetties;Personnes exonérées;Motif d’exonération;Nuitées taxables;Prix de la nuitée (€);Tarif par personne et par nuitée (€);Montant de la taxe (€);Collectée par;Remarques',
  );
  expect(lines.slice(1)).toEqual([
    'Gîte 01;Coulon;2031-01;10/01/2031;13/01/2031;3;4;2;2;Mineurs;6;;0,88;5,28;Propriétaire;',
    'Gîte 01;Coulon;2031-02;07/02/2031;09/02/2031;2;3;3;;;6;;0,88;5,28;Airbnb;adultes / mineurs non précisés : tous comptés adultes',
    'Gîte 01;Coulon;2031-03;29/03/2031;02/04/2031;3;1;1;0;;3;;0,88;2,64;Propriétaire;',
    '',
  ]);
});
