/**
 * Helpers of the PWA specs, against the PWA project's own stack (its URLs are in
 * PWA_STACK_INFO, written by serve-built-app.ts). Owners and their data are arranged directly,
 * as in e2e/support/reservations-data.ts (whose gîte generator is reused).
 */
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import type pg from 'pg';
import {
  createOwner as createOwnerIn,
  E2E_PASSWORD,
  type StackInfo,
  withDb as withDbIn,
} from '../support/reservations-data.ts';
import { PWA_STACK_INFO } from './pwa-env.ts';

export { addGites } from '../support/reservations-data.ts';

function pwaStack(): StackInfo {
  const info = JSON.parse(readFileSync(PWA_STACK_INFO, 'utf8')) as {
    url?: string;
    anonKey?: string;
    dbUrl?: string;
  };
  if (!info.url || !info.anonKey || !info.dbUrl) throw new Error(`${PWA_STACK_INFO} is incomplete`);
  return { url: info.url, anonKey: info.anonKey, dbUrl: info.dbUrl };
}

/** Signs an owner up through the PWA stack's auth API; returns their id and e-mail. */
export function createOwner(label: string): Promise<{ id: string; email: string }> {
  return createOwnerIn(label, pwaStack());
}

export function withDb<T>(run: (db: pg.Client) => Promise<T>): Promise<T> {
  return withDbIn(run, pwaStack());
}

export async function signIn(page: Page, email: string, then = '/reservations'): Promise<void> {
  await page.goto(`/connexion?redirectTo=${encodeURIComponent(then)}`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(new RegExp(`${then.replace(/[?]/g, '\\?')}$`));
}

/** Waits until the service worker controls the page (it claims it on its first install). */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise<void>((resolve) => {
      navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), {
        once: true,
      });
    });
  });
}

/** Every cached API answer, as text (to prove whose data the device keeps). */
export async function cachedApiBodies(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    if (!(await caches.has('lou-api-v1'))) return [];
    const cache = await caches.open('lou-api-v1');
    const bodies: string[] = [];
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      if (response) bodies.push(await response.text());
    }
    return bodies;
  });
}
