import { defineConfig } from '@playwright/test';

const APP_PORT = 56373;
const baseURL = `http://127.0.0.1:${APP_PORT}`;

/**
 * End-to-end tests with Debian's Chromium (no browser download). The web server is a
 * throw-away local stack (Postgres, PostgREST, auth, gateway on 56321) plus the Vite
 * dev server wired to it.
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
    baseURL,
    locale: 'fr-FR',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // `node --import tsx` runs the CLI in one process (the `tsx` wrapper would add a second).
    // --info-file: specs that arrange large data sets read the stack's database URL there
    // (outside test-results/, which Playwright empties even when it reuses a running server).
    command: `node --import tsx dev/stack/cli.ts --ephemeral --port-base 56320 --with-app --app-port ${APP_PORT} --info-file .local/e2e-stack.json`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    // SIGTERM (not Playwright's default SIGKILL) lets the CLI stop its children and
    // delete its throw-away data directory.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
