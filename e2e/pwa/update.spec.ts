import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect, type Page, test } from '@playwright/test';
import { PWA_DIST } from './pwa-env.ts';
import { addGites, createOwner, signIn, waitForServiceWorkerControl, withDb } from './support.ts';

/**
 * A new version deployed while the app is open: the served sw.js changes (what any new build
 * does: its precache list changes), the running page finds it, offers « Recharger », and never
 * reloads by itself — above all not over a form being filled in.
 */

const SW_FILE = path.join(PWA_DIST, 'sw.js');

/** Serves a new version: a different sw.js (precompressed copies set aside, not served). */
async function deployNewVersion(): Promise<() => Promise<void>> {
  const original = await readFile(SW_FILE, 'utf8');
  const compressed = (await readdir(PWA_DIST)).filter((name) => /^sw\.js\.(br|gz)$/.test(name));
  for (const name of compressed) {
    await rename(path.join(PWA_DIST, name), path.join(PWA_DIST, `${name}.previous`));
  }
  await writeFile(SW_FILE, `${original}\n// e2e: version ${Date.now()}\n`);
  return async () => {
    await writeFile(SW_FILE, original);
    for (const name of compressed) {
      await rename(path.join(PWA_DIST, `${name}.previous`), path.join(PWA_DIST, name));
    }
  };
}

/** What the app does every hour and when it comes back to the foreground. */
async function checkForUpdate(page: Page) {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });
}

test('a new version shows « Nouvelle version disponible — Recharger » and waits for the form being filled in', async ({
  page,
}) => {
  const owner = await createOwner('pwa-update');
  await withDb((db) => addGites(db, owner.id, 1));
  await signIn(page, owner.email);
  await waitForServiceWorkerControl(page);

  // The owner starts a booking, and a marker tells whether the page ever reloads.
  await page.evaluate(() => {
    (window as unknown as { e2eSamePage: boolean }).e2eSamePage = true;
  });
  await page.getByRole('button', { name: /Nouvelle réservation/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvelle réservation directe' });
  await dialog.getByLabel('Nom du client').fill('Dumas Pendant la mise à jour');

  const restore = await deployNewVersion();
  try {
    await checkForUpdate(page);
    const prompt = page.getByText(/^Nouvelle version disponible —/);
    await expect(prompt).toBeVisible({ timeout: 20_000 });
    await expect(prompt).toContainText('Nouvelle version disponible — Recharger');
    // (behind the open modal form, the prompt is inert: found by text, not by role)
    const reload = prompt.locator('button', { hasText: 'Recharger' });
    await expect(reload).toBeDisabled();
    await expect(reload).toHaveAccessibleDescription(/formulaire en cours/);

    // Nothing reloads by itself: the form and what was typed are still there.
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => 'e2eSamePage' in window)).toBe(true);
    await expect(dialog.getByLabel('Nom du client')).toHaveValue('Dumas Pendant la mise à jour');

    // The owner closes the form; then « Recharger » installs the new version.
    await dialog.getByRole('button', { name: 'Annuler', exact: true }).click();
    await expect(dialog).toHaveCount(0);
    await expect(reload).toBeEnabled();
    await Promise.all([page.waitForEvent('framenavigated'), reload.click()]);
    await expect(page.getByRole('heading', { name: 'Réservations', level: 1 })).toBeVisible();
    expect(await page.evaluate(() => 'e2eSamePage' in window)).toBe(false);
    await expect(page.getByText('Nouvelle version disponible')).toHaveCount(0);
    const state = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return {
        waiting: Boolean(registration?.waiting),
        controlled: navigator.serviceWorker.controller?.state ?? null,
        script: await fetch('/sw.js', { cache: 'no-store' }).then((r) => r.text()),
      };
    });
    expect(state.waiting).toBe(false);
    expect(state.controlled).toBe('activated');
    expect(state.script).toContain('// e2e: version');
  } finally {
    await restore();
  }
});

test('the manifest makes the app installable in Chromium', async ({ baseURL }, testInfo) => {
  // Playwright's usual contexts are incognito-like, where Chromium never offers to install:
  // this test runs in a real (throw-away) profile.
  const profile = await mkdtemp(path.join(tmpdir(), 'lou-pwa-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    ...testInfo.project.use.launchOptions,
    baseURL,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/connexion');
    await waitForServiceWorkerControl(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    await checkManifest(page);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});

/** Name, French short name, standalone, start URL, the CSS theme colour, icons 192/512. */
async function checkManifest(page: Page) {
  const manifest = (await page.evaluate(() =>
    fetch('/manifest.webmanifest').then((r) => r.json()),
  )) as {
    name: string;
    short_name: string;
    display: string;
    start_url: string;
    theme_color: string;
    icons: Array<{ src: string; sizes: string; purpose?: string }>;
  };
  expect(manifest.name).toContain('LiveOwnerUnit');
  expect(manifest.short_name).toBe('Mes gîtes');
  expect(manifest.display).toBe('standalone');
  expect(manifest.start_url).toBe('/tableau-de-bord');
  const themeInCss = await page.evaluate(() =>
    getComputedStyle(document.documentElement).getPropertyValue('--colour-primary').trim(),
  );
  expect(manifest.theme_color.toLowerCase()).toBe(themeInCss.toLowerCase());
  for (const size of ['192x192', '512x512']) {
    expect(manifest.icons).toContainEqual(expect.objectContaining({ sizes: size, purpose: 'any' }));
    expect(manifest.icons).toContainEqual(
      expect.objectContaining({ sizes: size, purpose: 'maskable' }),
    );
  }
}
