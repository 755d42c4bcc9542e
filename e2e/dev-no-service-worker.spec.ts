import { expect, test } from '@playwright/test';

/**
 * The service worker belongs to the production build (e2e/pwa/ tests it): the Vite dev server
 * these specs run against registers none — no cache between them and the local stack —
 * unless it is started with PWA_DEV=1.
 */
test('the dev server runs the app without a service worker', async ({ page }) => {
  await page.goto('/connexion');
  await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
  await page.waitForLoadState('load');
  // The app would register it right after the load event.
  await page.waitForTimeout(500);
  const registrations = await page.evaluate(
    async () => (await navigator.serviceWorker.getRegistrations()).length,
  );
  expect(registrations).toBe(0);
});
