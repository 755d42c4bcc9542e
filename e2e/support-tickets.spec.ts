import { expect, test } from '@playwright/test';
import { createOwner, withDb } from './support/reservations-data';
import { signIn } from './support/sign-in';

const EVENT_ID = '0123456789abcdef0123456789abcdef';

test('an owner writes to support with an error reference, reads the reply, answers and closes the request', async ({
  page,
}) => {
  const owner = await createOwner('support');
  // Where the error screen's link leads: the reference is filled in.
  await signIn(page, owner.email, { to: `/aide?erreur=${EVENT_ID}` });
  await expect(page.getByRole('heading', { name: 'Aide et support', level: 1 })).toBeVisible();
  const form = page.getByRole('form', { name: 'Nouvelle demande' });
  await expect(form.getByLabel('Référence d’une erreur (facultatif)')).toHaveValue(EVENT_ID);

  // Nothing is sent without a message.
  await form.getByLabel('Sujet').fill('La page <b>Statistiques</b> plante');
  await form.getByRole('button', { name: 'Envoyer' }).click();
  await expect(form.getByText('Écrivez votre message.')).toBeVisible();
  await expect(page.getByText('Aucune demande pour l’instant.')).toBeVisible();

  await form
    .getByLabel('Votre message')
    .fill('Bonjour, une erreur s’affiche quand je change d’année.');
  await form.getByRole('button', { name: 'Envoyer' }).click();
  await expect(page.getByText('Demande envoyée. Nous vous répondons ici.')).toBeVisible();
  const link = page.getByRole('link', { name: 'La page <b>Statistiques</b> plante' });
  await expect(link).toBeVisible();

  // The support team replies from its own tool (service role): the owner is notified.
  await withDb((db) =>
    db.query(
      `insert into public.cm_support_messages (owner_user_id, ticket_id, auteur, message)
       select owner_user_id, id, 'support', 'Corrigé ce matin : rechargez la page.'
       from public.cm_support_tickets where owner_user_id = $1`,
      [owner.id],
    ),
  );
  await page.reload();
  await expect(page.getByRole('link', { name: /^Notifications/ })).toHaveAccessibleName(
    'Notifications : 1 non lue',
  );
  await link.click();
  await expect(
    page.getByRole('heading', { name: 'La page <b>Statistiques</b> plante' }),
  ).toBeVisible();
  await expect(page.getByText(`Référence d’erreur : ${EVENT_ID}`)).toBeVisible();
  await expect(page.getByText('En cours', { exact: true })).toBeVisible();
  await expect(page.getByText('Corrigé ce matin : rechargez la page.')).toBeVisible();

  await page.getByLabel('Votre réponse').fill('Merci, tout fonctionne.');
  await page.getByRole('button', { name: 'Répondre' }).click();
  await expect(page.getByText('Réponse envoyée.')).toBeVisible();
  await expect(page.getByText('Merci, tout fonctionne.')).toBeVisible();

  await page.getByRole('button', { name: 'Clore la demande' }).click();
  await expect(page.getByText('Demande close.')).toBeVisible();
  await expect(page.getByText('Close', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Répondre' })).toHaveCount(0);
});
