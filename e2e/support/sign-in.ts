import { expect, type Page } from '@playwright/test';
import { E2E_PASSWORD } from './reservations-data';

/** The demo owner of supabase/seed.sql. */
export const DEMO_OWNER = { email: 'demo@liveownerunit.fr', password: 'demo-gites-2026' };

/**
 * Signs in through the sign-in page and waits for `to`, the page it returns to (every
 * owner the specs create has E2E_PASSWORD).
 */
export async function signIn(
  page: Page,
  email: string,
  { to = '/tableau-de-bord', password = E2E_PASSWORD }: { to?: string; password?: string } = {},
): Promise<void> {
  await page.goto(`/connexion?redirectTo=${encodeURIComponent(to)}`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(new RegExp(`${to.replace(/[?]/g, '\\?')}$`));
}
