import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './dev/test/chromium.ts';
import { PWA_BASE_URL } from './e2e/pwa/pwa-env.ts';
import { CONSENT_KEY, type ConsentChoice, writeConsent } from './src/lib/telemetry/consent.ts';

/**
 * `E2E_PORT_OFFSET=N` shifts every port and info file of both projects, so two Playwright
 * runs (two people or agents sharing a machine) do not reuse each other's servers.
 */
const PORT_OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 0);
const APP_STACK_PORT_BASE = 56320 + PORT_OFFSET;
const APP_PORT = 56373 + PORT_OFFSET;
const baseURL = `http://127.0.0.1:${APP_PORT}`;
const APP_STACK_INFO = `.local/e2e-stack${PORT_OFFSET ? `-${PORT_OFFSET}` : ''}.json`;
// Read by the specs' helpers (e2e/support/reservations-data.ts); workers inherit it.
process.env.E2E_STACK_INFO ??= APP_STACK_INFO;

/**
 * `--project NAME` on the command line: only that project's web server is started (a stack
 * and a build cost CPU; `npx playwright test --project pwa` needs no Vite dev server).
 */
function projectsAsked(argv: readonly string[]): Set<string> | null {
  const names = new Set<string>();
  argv.forEach((arg, index) => {
    if (arg === '--project' && argv[index + 1]) names.add(argv[index + 1] ?? '');
    else if (arg.startsWith('--project=')) names.add(arg.slice('--project='.length));
  });
  return names.size > 0 ? names : null;
}
const asked = projectsAsked(process.argv);
const runs = (project: string) => asked === null || asked.has(project);

/**
 * End-to-end tests with Debian's Chromium (no browser download), two projects:
 * - `app`: a throw-away local stack (Postgres, PostgREST, auth, gateway on 56321) plus the
 *   Vite dev server wired to it (no service worker there);
 * - `pwa` (e2e/pwa/): the production build with its service worker, served statically, with
 *   its own throw-away stack on 57621 (e2e/pwa/serve-built-app.ts).
 */
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    locale: 'fr-FR',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS },
  },
  projects: [
    { name: 'app', testIgnore: '**/pwa/**', use: { baseURL } },
    {
      name: 'pwa',
      testDir: 'e2e/pwa',
      // The build has telemetry configured (e2e/pwa/serve-built-app.ts): its consent banner
      // is answered « Refuser » up front, except in the spec about it.
      use: { baseURL: PWA_BASE_URL, storageState: telemetryRefusedState() },
    },
  ],
  webServer: [...(runs('app') ? [devAppServer()] : []), ...(runs('pwa') ? [builtAppServer()] : [])],
});

/** A browser state where the owner already answered the telemetry banner « Refuser ». */
function telemetryRefusedState() {
  let value = '';
  const choice: ConsentChoice = 'refused';
  writeConsent({ setItem: (_key, recorded) => (value = recorded), removeItem: () => {} }, choice);
  return {
    cookies: [],
    origins: [{ origin: PWA_BASE_URL, localStorage: [{ name: CONSENT_KEY, value }] }],
  };
}

function devAppServer() {
  return {
    // `node --import tsx` runs the CLI in one process (the `tsx` wrapper would add a second).
    // --info-file: specs that arrange large data sets read the stack's database URL there
    // (outside test-results/, which Playwright empties even when it reuses a running server).
    command: `node --import tsx dev/stack/cli.ts --ephemeral --port-base ${APP_STACK_PORT_BASE} --with-app --app-port ${APP_PORT} --info-file ${APP_STACK_INFO}`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    // SIGTERM (not Playwright's default SIGKILL) lets the CLI stop its children and
    // delete its throw-away data directory.
    gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 15_000 },
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  };
}

function builtAppServer() {
  return {
    // A stack on 57621…, then one production build wired to it, served statically.
    command: 'node --import tsx e2e/pwa/serve-built-app.ts',
    url: PWA_BASE_URL,
    reuseExistingServer: !process.env.CI,
    timeout: 240_000,
    gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 15_000 },
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  };
}
