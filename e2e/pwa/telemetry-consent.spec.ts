/**
 * Telemetry waits for the owner's consent (French rules: nothing is sent, no third-party
 * code runs, before « Accepter »). The build under test has both a Sentry DSN and a Web
 * Vitals URL, pointed at a collector this spec runs on loopback.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { expect, type Page, test } from '@playwright/test';
import { TELEMETRY_COLLECTOR_PORT } from './pwa-env.ts';

// No recorded choice: the owner is asked, as on a new device.
test.use({ storageState: { cookies: [], origins: [] } });

interface Received {
  path: string;
  body: string;
}

let received: Received[] = [];
let collector: Server;

test.beforeAll(async () => {
  collector = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'POST') {
        received.push({ path: request.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
      }
      response.writeHead(200, {
        'access-control-allow-origin': '*',
        'access-control-allow-headers': '*',
        'content-type': 'application/json',
      });
      response.end('{}');
    });
  });
  collector.listen(TELEMETRY_COLLECTOR_PORT, '127.0.0.1');
  await once(collector, 'listening');
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => collector.close(() => resolve()));
});

test.beforeEach(() => {
  received = [];
});

// A page with Sentry loaded sends a client report (its sampled-out spans) when it is hidden,
// which happens when Playwright closes it after the test. Leave the page here and wait
// until the collector has been quiet for a second, so that nothing from this test lands
// in the next one's `received`.
test.afterEach(async ({ page }) => {
  await page.goto('about:blank');
  let seen = -1;
  while (seen !== received.length) {
    seen = received.length;
    await page.waitForTimeout(1_000);
  }
});

/** Every script the page downloads (from the network or the service worker). */
function scriptsOf(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  return scripts;
}

// The banner's own small chunk (start-*.js) loads to ask; third-party code only after « Accepter ».
const TELEMETRY_CODE = /vendor-sentry|web-vitals|\/sentry-/;
const banner = (page: Page) =>
  page.getByRole('region', { name: 'Mesures de performance et rapports d’erreurs' });

function throwInPage(page: Page, message: string) {
  return page.evaluate((text) => {
    setTimeout(() => {
      throw new Error(text);
    }, 0);
  }, message);
}

test('nothing is loaded or sent before « Accepter »; then errors reach Sentry and Web Vitals their endpoint', async ({
  page,
}) => {
  const scripts = scriptsOf(page);
  await page.goto('/connexion');
  await expect(banner(page)).toBeVisible();

  // Asked, not yet answered: no Sentry or web-vitals code, nothing sent, even on an error.
  await throwInPage(page, 'erreur avant le choix');
  await page.waitForTimeout(1_000);
  expect(scripts.filter((script) => TELEMETRY_CODE.test(script))).toEqual([]);
  expect(received).toEqual([]);

  await banner(page).getByRole('button', { name: 'Accepter' }).click();
  await expect(banner(page)).toHaveCount(0);
  await expect.poll(() => scripts.some((script) => /vendor-sentry/.test(script))).toBe(true);

  await throwInPage(page, 'sonde e2e après accord');
  await expect
    .poll(
      () =>
        received.find(
          (item) => item.path.startsWith('/api/7/envelope/') && item.body.includes('sonde e2e'),
        )?.body ?? '',
    )
    .toContain('liveownerunit@e2e');

  // The owner's next click settles LCP (web-vitals reports it at the first input), then
  // leaving the page sends the queued vitals in one beacon.
  await expect.poll(() => scripts.some((script) => /web-vitals/.test(script))).toBe(true);
  await page.mouse.click(2, 2);
  await page.waitForTimeout(1_500);
  // (Hiding and leaving are two events: the vitals may come in one beacon or two.)
  await page.goto('about:blank');
  type Beacon = { release: string; vitals: Array<{ name: string; page: string }> };
  const beacons = () =>
    received
      .filter((item) => item.path === '/vitals')
      .map((item) => JSON.parse(item.body) as Beacon);
  await expect
    .poll(() => beacons().flatMap((beacon) => beacon.vitals.map((vital) => vital.name)))
    .toEqual(expect.arrayContaining(['FCP', 'TTFB', 'LCP']));
  expect(new Set(beacons().map((beacon) => beacon.release))).toEqual(
    new Set(['liveownerunit@e2e']),
  );
  const vitals = beacons().flatMap((beacon) => beacon.vitals);
  expect(new Set(vitals.map((vital) => vital.page))).toEqual(new Set(['/connexion']));
  // Each measurement is sent once.
  expect(vitals.map((vital) => vital.name).filter((name) => name === 'LCP')).toHaveLength(1);

  // The choice is remembered: no banner on the next visit.
  await page.goto('/connexion');
  await page.waitForTimeout(3_500);
  await expect(banner(page)).toHaveCount(0);
});

test('after « Refuser » nothing is loaded or sent, and the owner is not asked again', async ({
  page,
}) => {
  const scripts = scriptsOf(page);
  await page.goto('/connexion');
  await banner(page).getByRole('button', { name: 'Refuser' }).click();
  await expect(banner(page)).toHaveCount(0);

  await throwInPage(page, 'erreur après refus');
  await page.goto('about:blank');
  await page.goto('/connexion');
  // The banner would be back about 2 s after the load; nothing comes.
  await page.waitForTimeout(3_500);
  await expect(banner(page)).toHaveCount(0);
  await throwInPage(page, 'autre erreur après refus');
  await page.goto('about:blank');
  await page.waitForTimeout(500);
  expect(scripts.filter((script) => TELEMETRY_CODE.test(script))).toEqual([]);
  expect(received).toEqual([]);
});
