import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { addGites, createOwner, withDb } from './support/reservations-data';
import { signIn } from './support/sign-in';

/**
 * Fiches de police end to end (dev server, project `app`): two guests fill the police form from
 * the welcome sheet, in English — refused in words while a field is wrong, told it needs a
 * connection when offline —, then the owner finds the forms (list page and the stay's page
 * reached from the reservation), prints them (print stylesheet: no app chrome), exports the
 * CSV and deletes one; once the gîte is deleted, the remaining form is still there, alone.
 */
test('a guest fills the police form from the welcome sheet, the owner sees, prints, exports and deletes it', async ({
  page,
  browser,
}) => {
  const owner = await createOwner('police-forms');
  const reservationId = await withDb(async (db) => {
    const [giteId] = await addGites(db, owner.id, 1);
    const { rows } = await db.query<{ id: string }>(
      `insert into public.reservations
         (owner_user_id, gite_id, date_debut, date_fin, client_nom, plateforme, status)
       values ($1, $2, current_date - 1, current_date + 5, 'John Smith', 'direct', 'confirmed')
       returning id`,
      [owner.id, giteId],
    );
    return rows[0]?.id ?? '';
  });

  // The owner makes the stay's sheet link, as they send it to the guest.
  await signIn(page, owner.email, { to: '/reservations' });
  await page.getByRole('button', { name: /^Modifier — John Smith/ }).click();
  await page.getByRole('link', { name: /Fiche client/ }).click();
  await page.getByRole('button', { name: 'Créer le lien' }).click();
  const link = await page.getByLabel('Adresse de la fiche à envoyer au client').inputValue();
  expect(link).toMatch(/\/g\/[A-Za-z0-9_-]{32}$/);

  // The guest, on their phone, reads the sheet in English.
  const guestContext = await browser.newContext({ locale: 'en-GB' });
  const guest = await guestContext.newPage();
  const submissions: string[] = [];
  guest.on('request', (request) => {
    if (request.url().includes('/rpc/submit_police_form')) submissions.push(request.url());
  });
  await guest.goto(link);
  await guest.getByRole('button', { name: 'English' }).click();
  const card = guest.getByRole('region', { name: 'Police registration form' });
  await expect(card.getByText('one form per adult')).toBeVisible();
  await expect(
    card.getByText('Children under 15 are listed on the form of an adult'),
  ).toBeVisible();
  await card.getByRole('button', { name: 'Fill in my police registration form' }).click();

  // Nothing filled: every required field says so, the first one has the focus, nothing is sent.
  await card.getByRole('button', { name: 'Send my form' }).click();
  await expect(card.getByRole('alert')).toHaveText('10 fields need correcting.');
  await expect(card.getByLabel('Surname')).toBeFocused();
  await expect(card.getByText('Required.', { exact: true })).toHaveCount(10);
  expect(submissions).toEqual([]);

  await card.getByLabel('Surname').fill('Smith');
  await card.getByLabel('First names').fill('John');
  await card.getByLabel('Date of birth').fill('2020-05-01');
  await card.getByLabel('Place of birth (town, country)').fill('Leeds, United Kingdom');
  await card.getByLabel('Nationality').selectOption('GB');
  await card.getByLabel('Home address').fill('12 Baker Street');
  await card.getByLabel('Postcode (optional)').fill('NW1 6XE');
  await card.getByLabel('Town or city').fill('London');
  await card.getByLabel('Country of residence').selectOption('GB');
  await card.getByLabel('Mobile phone').fill('call me');
  await card.getByLabel('Email').fill('john@example.co.uk');
  await card.getByLabel('Children under 15 travelling with you').fill('2');
  await card.getByRole('button', { name: 'Send my form' }).click();
  await expect(card.getByRole('alert')).toHaveText('2 fields need correcting.');
  await expect(card.getByText('Under 15: this child goes on the form of an adult')).toBeVisible();
  await expect(card.getByText('Invalid number: digits and spaces')).toBeVisible();
  await expect(card.getByLabel('Date of birth')).toBeFocused();
  await card.getByLabel('Date of birth').fill('1980-04-02');
  await card.getByLabel('Mobile phone').fill('+44 7700 900123');

  // Offline: said in words, nothing queued or sent; the typed form stays.
  await guestContext.setOffline(true);
  await card.getByRole('button', { name: 'Send my form' }).click();
  await expect(card.getByRole('alert')).toContainText('No connection: your form was not sent.');
  expect(submissions).toEqual([]);
  await guestContext.setOffline(false);

  // The language switch keeps what was typed.
  await guest.getByRole('button', { name: 'Français' }).click();
  const carte = guest.getByRole('region', { name: 'Fiche de police' });
  await expect(carte.getByLabel('Nom', { exact: true })).toHaveValue('Smith');
  await guest.getByRole('button', { name: 'English' }).click();

  await card.getByRole('button', { name: 'Send my form' }).click();
  await expect(
    card.getByText('Thank you: John Smith’s form has been sent to your host.'),
  ).toBeVisible();

  // A second guest of the party: the address and dates are kept, the person is not.
  await card.getByRole('button', { name: 'Fill in another guest’s form' }).click();
  await expect(card.getByLabel('Surname')).toHaveValue('');
  await expect(card.getByLabel('Home address')).toHaveValue('12 Baker Street');
  await card.getByLabel('Surname').fill('Smith');
  await card.getByLabel('First names').fill('Mary');
  await card.getByLabel('Date of birth').fill('1982-11-20');
  await card.getByLabel('Place of birth (town, country)').fill('Dublin');
  await card.getByLabel('Nationality').selectOption('IE');
  await card.getByLabel('Mobile phone').fill('+353 85 123 4567');
  await card.getByLabel('Email').fill('mary@example.ie');
  await card.getByRole('button', { name: 'Send my form' }).click();
  await expect(
    card.getByText('Thank you: Mary Smith’s form has been sent to your host.'),
  ).toBeVisible();
  await expect(card.getByRole('listitem')).toHaveText(['John Smith', 'Mary Smith']);
  expect(submissions).toHaveLength(2);
  await guestContext.close();

  const stored = await withDb(async (db) => {
    const { rows } = await db.query<{ prenoms: string; enfants_moins_15: number; langue: string }>(
      `select prenoms, enfants_moins_15, langue from public.police_forms
       where reservation_id = $1 order by created_at`,
      [reservationId],
    );
    return rows;
  });
  expect(stored).toEqual([
    { prenoms: 'John', enfants_moins_15: 2, langue: 'en' },
    { prenoms: 'Mary', enfants_moins_15: 0, langue: 'en' },
  ]);

  // The owner: the list page, then the stay's forms.
  await page.getByRole('link', { name: 'Fiches de police', exact: true }).click();
  await expect(page).toHaveURL(/\/fiches-de-police$/);
  await expect(page.getByText('2 fiches')).toBeVisible();
  const rows = page.getByRole('row', { name: /SMITH/ });
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole('row', { name: /SMITH Mary/ }).getByText('Irlande')).toBeVisible();
  await page
    .getByRole('link', { name: 'Voir les fiches de police du séjour — SMITH John' })
    .click();

  await expect(page.getByRole('heading', { name: 'Fiches de police — John Smith' })).toBeVisible();
  const john = page.getByRole('article', { name: 'SMITH John' });
  await expect(john.getByText('02/04/1980 — Leeds, United Kingdom')).toBeVisible();
  await expect(john.getByText('12 Baker Street, NW1 6XE London, Royaume-Uni')).toBeVisible();
  await expect(john.getByText('+44 7700 900123')).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(2);

  // Printing: the forms only, one a page; no app chrome, no buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Imprimer' })).toBeHidden();
  await expect(john).toBeVisible();
  expect(await john.evaluate((node) => getComputedStyle(node).breakAfter)).toBe('page');
  await page.emulateMedia({ media: 'screen' });

  // The CSV export of the stay.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter en CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(
    `fiches-de-police-gite-01-${await withDb(async (db) => {
      const { rows: dates } = await db.query<{ d: string }>(
        'select date_debut::text as d from public.reservations where id = $1',
        [reservationId],
      );
      return dates[0]?.d ?? '';
    })}.csv`,
  );
  const csv = await readFile((await file.path()) ?? '', 'utf8');
  expect(csv).toContain('Nom;Prénoms;Date de naissance');
  expect(csv).toContain('Smith;John;02/04/1980;Leeds, United Kingdom;Royaume-Uni;GB;');
  expect(csv).toContain('Smith;Mary;20/11/1982;Dublin;Irlande;IE;');

  // Deleting one by hand.
  await page.getByRole('button', { name: 'Supprimer la fiche de SMITH Mary' }).click();
  await page
    .getByRole('dialog', { name: 'Supprimer cette fiche ?' })
    .getByRole('button', { name: 'Supprimer' })
    .click();
  await expect(page.getByText('Fiche supprimée.')).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(page.getByRole('article', { name: 'SMITH John' })).toBeVisible();

  // The stay's page is reached from the reservation, next to « Fiche client ».
  await page.getByRole('link', { name: 'Réservations', exact: true }).first().click();
  await page.getByRole('button', { name: /^Modifier — John Smith/ }).click();
  await page.getByRole('link', { name: 'Fiches de police du séjour' }).click();
  await expect(page).toHaveURL(new RegExp(`/fiches-de-police/sejour/${reservationId}$`));
  await expect(page.getByRole('article')).toHaveCount(1);

  // The owner deletes the gîte: the stay goes, the form stays for its 6 months, reachable
  // from the list, with the gîte's name, printable.
  await page.getByRole('link', { name: 'Gîtes', exact: true }).first().click();
  await page.getByRole('button', { name: 'Supprimer « Gîte 01 »' }).click();
  await expect(page.getByRole('dialog')).toContainText(
    'Les fiches de police de ses voyageurs restent dans « Fiches de police »',
  );
  await page.getByRole('button', { name: 'Supprimer définitivement' }).click();
  await expect(page.getByText('Gîte « Gîte 01 » supprimé.')).toBeVisible();
  // Réservations was read a moment ago (cached, fresh for 30 s): the deletion made it stale.
  await page.getByRole('link', { name: 'Réservations', exact: true }).first().click();
  await expect(page.getByText('Aucune réservation pour l’instant.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Modifier — John Smith/ })).toHaveCount(0);
  await page.getByRole('link', { name: 'Fiches de police', exact: true }).click();
  const kept = page.getByRole('row', { name: /SMITH John/ });
  await expect(kept).toContainText('Gîte 01 · séjour supprimé');
  await kept.getByRole('link', { name: 'Voir la fiche de police — SMITH John' }).click();
  await expect(page).toHaveURL(/\/fiches-de-police\/fiche\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: 'Fiche de police — SMITH John' })).toBeVisible();
  await expect(
    page.getByText(/séjour supprimé avec son gîte : la fiche est conservée jusqu’au/),
  ).toBeVisible();
  await expect(page.getByRole('article', { name: 'SMITH John' })).toContainText(
    'Hébergement : Gîte 01',
  );
  await expect(page.getByRole('button', { name: 'Imprimer' })).toBeVisible();
  await page.goto(`/fiches-de-police/sejour/${reservationId}`);
  await expect(page.getByText('Ce séjour est introuvable.')).toBeVisible();
});
