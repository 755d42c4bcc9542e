import { expect, type Page, test } from '@playwright/test';
import { createOwner, E2E_PASSWORD, withDb } from './support/reservations-data';
import { recordRestWrites } from './support/rest-writes';

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/connexion?redirectTo=%2Fgites');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/gites$/);
}

async function ownerWithGite(label: string, nom: string) {
  const owner = await createOwner(label);
  const giteId = await withDb(async (db) => {
    const { rows } = await db.query<{ id: string }>(
      'insert into public.gites (owner_user_id, nom, ville) values ($1, $2, $3) returning id',
      [owner.id, nom, 'Coulon'],
    );
    return rows[0]?.id ?? '';
  });
  return { ...owner, giteId };
}

const SCRIPT = '<script>window.__pwned = 1</script><b>gras</b>';

test('an owner fills every section of a gîte’s guest information, saving each, and reads it back after a reload', async ({
  page,
}) => {
  const nom = 'La Bergerie du Marais';
  const owner = await ownerWithGite('infos-fill', nom);
  await signIn(page, owner.email);

  await page.getByRole('link', { name: `Infos voyageurs « ${nom} »` }).click();
  await expect(page).toHaveURL(new RegExp(`/gites/${owner.giteId}/infos$`));
  await expect(page.getByRole('heading', { name: `Infos voyageurs — ${nom}` })).toBeVisible();

  const saved = (title: string) =>
    expect(page.getByRole('status').filter({ hasText: `« ${title} » enregistré.` })).toBeVisible();

  const core = page.getByRole('form', { name: 'Informations générales' });
  await core.getByLabel('Nom affiché aux voyageurs').fill(`Bergerie ${SCRIPT}`);
  await core.getByLabel('Adresse complète').fill('12 chemin des Aulnes, 79510 Coulon');
  await core.getByLabel('Latitude').fill('46,3219');
  await core.getByLabel('Longitude').fill('-0.5861');
  await core.getByLabel('Téléphone en cas d’urgence').fill('+33 6 12 34 56 78');
  await core.getByLabel('E-mail de contact').fill('helene@example.com');
  await expect(core.getByText('Modifications non enregistrées')).toBeVisible();
  await core.getByRole('button', { name: /^Enregistrer/ }).click();
  await saved('Informations générales');
  await expect(core.getByText('Modifications non enregistrées')).toBeHidden();

  const wifi = page.getByRole('form', { name: 'Wi-Fi' });
  await wifi.getByLabel('Nom du réseau (SSID)').fill('Bergerie-Invites');
  await wifi.getByLabel('Mot de passe').fill('marais 2026!');
  await wifi.getByLabel('Sécurité').selectOption('WPA');
  await wifi.getByLabel('Débit approximatif').fill('30 Mb/s');
  await wifi.getByLabel('Emplacement de la box').fill('Placard de l’entrée');
  await wifi.getByLabel('Pièces où le Wi-Fi capte bien').fill('Salon\nChambre 1\n\nTerrasse');
  await wifi.getByRole('button', { name: /^Enregistrer/ }).click();
  await saved('Wi-Fi');

  for (const [title, lang] of [
    ['Consignes (en français)', 'fr'],
    ['Consignes (en anglais)', 'en'],
  ] as const) {
    const form = page.getByRole('form', { name: title });
    await form.getByLabel('Arrivée à partir de').fill('16:00');
    await form.getByLabel('Départ avant').fill('10:30');
    await form.getByLabel('Code d’accès (boîte à clés, portail…)').fill('4821B');
    await form.getByLabel('Consignes d’arrivée').fill(`Arrivée ${lang}`);
    await form.getByLabel('Pendant le séjour').fill(`Séjour ${lang}`);
    await form.getByLabel('Consignes de départ').fill(`Départ ${lang}`);
    await form.getByLabel('Stationnement').fill(`Parking ${lang}`);
    await form.getByRole('button', { name: /^Enregistrer/ }).click();
    await saved(title);
  }

  const sections = ['Chauffage', 'Cuisine', 'Multimédia', 'Extérieur', 'Divers'];
  for (const section of sections) {
    const form = page.getByRole('form', { name: section });
    await form.getByRole('button', { name: /Ajouter un équipement/ }).click();
    await form.getByLabel(`Équipement 1 (${section})`, { exact: true }).fill(`${section} A`);
    await form.getByLabel(`Mode d’emploi de l’équipement 1 (${section})`).fill(`Mode ${section} A`);
    await form.getByRole('button', { name: /Ajouter un équipement/ }).click();
    await form.getByLabel(`Équipement 2 (${section})`, { exact: true }).fill(`${section} B`);
    await form.getByRole('button', { name: /^Enregistrer/ }).click();
    await saved(section);
  }

  await page.getByRole('button', { name: 'Ajouter un contact' }).click();
  const contact = page.getByRole('form', { name: 'Nouveau contact' });
  await contact.getByLabel('Type').selectOption('medecin');
  await contact.getByLabel('Nom').fill('Dr Hélène Martin');
  await contact.getByLabel('Téléphone').fill('05 49 35 12 00');
  await contact.getByLabel('Adresse').fill('3 place de l’Église, Coulon');
  await contact.getByLabel('Disponibilité').fill('Du lundi au vendredi');
  await contact.getByRole('button', { name: /^Enregistrer/ }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Contact « Dr Hélène Martin » enregistré.' }),
  ).toBeVisible();
  await expect(page.getByRole('form', { name: 'Contact « Dr Hélène Martin »' })).toBeVisible();

  // A second contact, saved then deleted at once: it goes, and no blank form takes its place.
  await page.getByRole('button', { name: 'Ajouter un contact' }).click();
  const taxi = page.getByRole('form', { name: 'Nouveau contact' });
  await taxi.getByLabel('Type').selectOption('taxi');
  await taxi.getByLabel('Nom').fill('Taxi du Marais');
  await taxi.getByRole('button', { name: /^Enregistrer/ }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Contact « Taxi du Marais » enregistré.' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Supprimer « Taxi du Marais »' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Supprimer' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Contact « Taxi du Marais » supprimé.' }),
  ).toBeVisible();
  await expect(page.getByRole('form', { name: /Taxi du Marais|Nouveau contact/ })).toHaveCount(0);

  // Everything is read back from the database.
  await page.reload();
  const coreAgain = page.getByRole('form', { name: 'Informations générales' });
  await expect(coreAgain.getByLabel('Nom affiché aux voyageurs')).toHaveValue(`Bergerie ${SCRIPT}`);
  await expect(coreAgain.getByLabel('Latitude')).toHaveValue('46.3219');
  await expect(coreAgain.getByLabel('Longitude')).toHaveValue('-0.5861');
  await expect(coreAgain.getByLabel('Téléphone en cas d’urgence')).toHaveValue('+33 6 12 34 56 78');
  await expect(coreAgain.getByLabel('E-mail de contact')).toHaveValue('helene@example.com');
  const wifiAgain = page.getByRole('form', { name: 'Wi-Fi' });
  await expect(wifiAgain.getByLabel('Mot de passe')).toHaveValue('marais 2026!');
  await expect(wifiAgain.getByLabel('Pièces où le Wi-Fi capte bien')).toHaveValue(
    'Salon\nChambre 1\nTerrasse',
  );
  const en = page.getByRole('form', { name: 'Consignes (en anglais)' });
  await expect(en.getByLabel('Arrivée à partir de')).toHaveValue('16:00');
  await expect(en.getByLabel('Consignes d’arrivée')).toHaveValue('Arrivée en');
  const fr = page.getByRole('form', { name: 'Consignes (en français)' });
  await expect(fr.getByLabel('Stationnement')).toHaveValue('Parking fr');
  for (const section of sections) {
    const form = page.getByRole('form', { name: section });
    await expect(form.getByLabel(`Équipement 1 (${section})`, { exact: true })).toHaveValue(
      `${section} A`,
    );
    await expect(form.getByLabel(`Mode d’emploi de l’équipement 1 (${section})`)).toHaveValue(
      `Mode ${section} A`,
    );
    await expect(form.getByLabel(`Équipement 2 (${section})`, { exact: true })).toHaveValue(
      `${section} B`,
    );
  }
  const doctor = page.getByRole('form', { name: 'Contact « Dr Hélène Martin »' });
  await expect(doctor.getByLabel('Type')).toHaveValue('medecin');
  await expect(doctor.getByLabel('Téléphone')).toHaveValue('05 49 35 12 00');

  // What the database holds is what was typed (the equipment as {"items": [...]}).
  const stored = await withDb(async (db) => {
    const { rows } = await db.query<{ cuisine: unknown; zones: string[]; langues: string[] }>(
      `select e.cuisine, w.zones_reception as zones,
              (select array_agg(c.langue order by c.langue) from public.infos_gites_consignes c
                where c.gite_id = $1) as langues
       from public.infos_gites_equipements e join public.infos_gites_wifi w using (gite_id)
       where e.gite_id = $1`,
      [owner.giteId],
    );
    return rows[0];
  });
  expect(stored).toEqual({
    cuisine: {
      items: [
        { nom: 'Cuisine A', mode_emploi: 'Mode Cuisine A' },
        { nom: 'Cuisine B', mode_emploi: '' },
      ],
    },
    zones: ['Salon', 'Chambre 1', 'Terrasse'],
    langues: ['en', 'fr'],
  });

  // Leaving with a section typed but not saved asks first.
  await page.getByRole('form', { name: 'Wi-Fi' }).getByLabel('Débit approximatif').fill('100 Mb/s');
  await page.getByRole('link', { name: '← Mes gîtes' }).click();
  const leave = page.getByRole('dialog', { name: 'Quitter sans enregistrer ?' });
  await expect(leave).toBeVisible();
  await leave.getByRole('button', { name: 'Rester sur la page' }).click();
  await expect(page).toHaveURL(new RegExp(`/gites/${owner.giteId}/infos$`));
  await expect(
    page.getByRole('form', { name: 'Wi-Fi' }).getByLabel('Débit approximatif'),
  ).toHaveValue('100 Mb/s');
  await page.getByRole('link', { name: '← Mes gîtes' }).click();
  await page.getByRole('button', { name: 'Quitter sans enregistrer' }).click();
  await expect(page).toHaveURL(/\/gites$/);
});

test('a bad phone number or web address shows a French message and saves nothing', async ({
  page,
}) => {
  const nom = 'Le Moulin';
  const owner = await ownerWithGite('infos-bad', nom);
  await signIn(page, owner.email);
  await page.goto(`/gites/${owner.giteId}/infos`);
  const writes = recordRestWrites(page);

  const core = page.getByRole('form', { name: 'Informations générales' });
  await core.getByLabel('Nom affiché aux voyageurs').fill('Le Moulin');
  await core.getByLabel('Téléphone en cas d’urgence').fill('appelez-moi');
  await core.getByRole('button', { name: /^Enregistrer/ }).click();
  await expect(core.getByRole('alert')).toHaveText(
    'Corrigez les champs signalés : rien n’a été enregistré.',
  );
  await expect(core.getByText(/Numéro de téléphone invalide/)).toBeVisible();
  await expect(core.getByLabel('Téléphone en cas d’urgence')).toBeFocused();
  await core.getByLabel('Latitude').fill('123');
  await expect(core.getByText(/Latitude invalide : un nombre entre -90 et 90/)).toBeVisible();

  const fr = page.getByRole('form', { name: 'Consignes (en français)' });
  await fr.getByLabel('Code d’accès (boîte à clés, portail…)').fill('x'.repeat(101));
  await fr.getByRole('button', { name: /^Enregistrer/ }).click();
  await expect(fr.getByText(/100 caractères au maximum/)).toBeVisible();

  await page.getByRole('link', { name: 'Activités à proximité' }).click();
  // The infos forms hold unsaved values: leaving asks first.
  await page.getByRole('button', { name: 'Quitter sans enregistrer' }).click();
  await expect(page).toHaveURL(new RegExp(`/gites/${owner.giteId}/activites$`));
  await page.getByRole('button', { name: /Ajouter une activité/ }).click();
  const form = page.getByRole('form', { name: 'Nouvelle activité' });
  await form.getByLabel('Nom').fill('Barque sur la Sèvre');
  await form.getByLabel('Site web').fill('javascript:alert(1)');
  await form.getByLabel('Téléphone').fill('12');
  await form.getByRole('button', { name: 'Ajouter l’activité' }).click();
  await expect(form.getByText(/Adresse web invalide : elle doit commencer par http/)).toBeVisible();
  await form.getByLabel('Site web').fill('www.exemple.fr');
  await expect(form.getByText(/Adresse web invalide/)).toBeVisible();

  expect(writes).toEqual([]);
  const counts = await withDb(async (db) => {
    const { rows } = await db.query<{ n: number }>(
      `select ((select count(*) from public.infos_gites_core where gite_id = $1)
             + (select count(*) from public.infos_gites_consignes where gite_id = $1)
             + (select count(*) from public.activites_gites where gite_id = $1))::int as n`,
      [owner.giteId],
    );
    return rows[0]?.n;
  });
  expect(counts).toBe(0);
});

test('activities: two in different categories, filtered by category, markup shown as text', async ({
  page,
}) => {
  const nom = 'La Grange';
  const owner = await ownerWithGite('activities', nom);
  await signIn(page, owner.email);
  await page.getByRole('link', { name: `Activités à proximité « ${nom} »` }).click();
  await expect(page.getByRole('heading', { name: `Activités à proximité — ${nom}` })).toBeVisible();
  await expect(page.getByText('Aucune activité pour l’instant.')).toBeVisible();

  await page.getByRole('button', { name: /Ajouter une activité/ }).click();
  let form = page.getByRole('form', { name: 'Nouvelle activité' });
  await form.getByLabel('Nom').fill(`Chez Léa ${SCRIPT}`);
  await form.getByLabel('Catégorie').selectOption('restaurant');
  await form
    .getByLabel('Description')
    .fill('Cuisine du marais.\n<img src=x onerror="window.__pwned=2">');
  await form.getByLabel('Distance (km)').fill('2,5');
  await form.getByLabel('Site web').fill('https://www.chez-lea.example.fr/menu');
  await form.getByLabel('Téléphone').fill('05 49 35 00 00');
  await form.getByRole('button', { name: 'Ajouter l’activité' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'ajoutée.' })).toBeVisible();

  await page.getByRole('button', { name: /Ajouter une activité/ }).click();
  form = page.getByRole('form', { name: 'Nouvelle activité' });
  await form.getByLabel('Nom').fill('Balade en barque');
  await form.getByLabel('Catégorie').selectOption('nature');
  await form.getByLabel('Distance (km)').fill('0.8');
  await form.getByRole('button', { name: 'Ajouter l’activité' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Activité « Balade en barque » ajoutée.' }),
  ).toBeVisible();

  await expect(page.getByText('2 activités')).toBeVisible();
  const restaurant = page.getByRole('article', { name: `Chez Léa ${SCRIPT}` });
  await expect(restaurant).toContainText('Restaurant');
  await expect(restaurant).toContainText('à 2,5 km');
  await expect(restaurant).toContainText('<img src=x onerror="window.__pwned=2">');
  await expect(restaurant.locator('b, img, script')).toHaveCount(0);
  await expect(
    restaurant.getByRole('link', { name: 'https://www.chez-lea.example.fr/menu' }),
  ).toHaveAttribute('href', 'https://www.chez-lea.example.fr/menu');
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

  // Filter: only the nature one, in the URL (a reload keeps it).
  await page.getByLabel('Catégorie').selectOption('nature');
  await expect(page).toHaveURL(/\?categorie=nature$/);
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(page.getByRole('article', { name: 'Balade en barque' })).toContainText(
    'Nature et balades',
  );
  await page.reload();
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(page.getByText('1 activité', { exact: true })).toBeVisible();
  await page.getByLabel('Catégorie').selectOption('culture');
  await expect(page.getByText('Aucune activité dans cette catégorie.')).toBeVisible();
  await page.getByLabel('Catégorie').selectOption('');
  await expect(page.getByRole('article')).toHaveCount(2);

  // Edit then delete one.
  await page.getByRole('button', { name: 'Modifier « Balade en barque »' }).click();
  const edit = page.getByRole('form', { name: 'Modifier « Balade en barque »' });
  await edit.getByLabel('Nom').fill('Balade en barque à fond plat');
  await edit.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('article', { name: 'Balade en barque à fond plat' })).toBeVisible();
  await page.getByRole('button', { name: 'Supprimer « Balade en barque à fond plat »' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Supprimer' }).click();
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(page.getByText('1 activité', { exact: true })).toBeVisible();
});

test('activities are paginated 10 a page with range(), per gîte and category', async ({ page }) => {
  const owner = await ownerWithGite('activities-pages', 'Le Pressoir');
  await withDb((db) =>
    db.query(
      `insert into public.activites_gites (owner_user_id, gite_id, nom, categorie, distance_km)
       select $1, $2, 'Activité ' || lpad(i::text, 2, '0'),
              case when i % 2 = 0 then 'visite' else 'sport' end, i
       from generate_series(1, 23) as i`,
      [owner.id, owner.giteId],
    ),
  );
  await signIn(page, owner.email);
  await page.goto(`/gites/${owner.giteId}/activites`);
  await expect(page.getByText('23 activités')).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(10);
  await expect(page.getByRole('article').first()).toHaveAccessibleName('Activité 01');
  const pager = page.getByRole('navigation', { name: 'Pages des activités' });
  await expect(page.getByText('Page 1 sur 3')).toBeVisible();
  await pager.getByRole('link', { name: 'Page suivante' }).click();
  await expect(page).toHaveURL(/\?page=2$/);
  await expect(page.getByRole('article').first()).toHaveAccessibleName('Activité 11');
  await pager.getByRole('link', { name: 'Page 3' }).click();
  await expect(page.getByRole('article')).toHaveCount(3);
  await expect(page.getByText('Page 3 sur 3')).toBeVisible();
  await pager.getByRole('link', { name: 'Page 1' }).click();
  await expect(page).toHaveURL(new RegExp(`/gites/${owner.giteId}/activites\\??$`));
  await expect(page.getByRole('article')).toHaveCount(10);

  // Sport only: 12 activities, 2 pages; a page past the end shows the last one.
  await page.goto(`/gites/${owner.giteId}/activites?categorie=sport&page=9`);
  await expect(page.getByText('12 activités')).toBeVisible();
  await expect(page.getByText('Page 2 sur 2')).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(2);
});
