/**
 * Where the PWA end-to-end tests run: the production build (one per Playwright run, against
 * its own throw-away stack) served by serve-built-app.ts. Ports apart from the dev-server
 * project (56320…/56373) and from the integration tests (55321…).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** `E2E_PORT_OFFSET=N` shifts these ports and files too (see playwright.config.ts). */
const PORT_OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 0);
const suffix = PORT_OFFSET ? `-${PORT_OFFSET}` : '';

export const PWA_PORT_BASE = 57620 + PORT_OFFSET;
export const PWA_APP_PORT = 57673 + PORT_OFFSET;
export const PWA_BASE_URL = `http://127.0.0.1:${PWA_APP_PORT}`;

/**
 * Where the build sends telemetry (its Sentry DSN and VITE_VITALS_URL point here): a server
 * that e2e/pwa/telemetry-consent.spec.ts runs while it needs it. Nothing listens otherwise,
 * and the other specs start with the owner's « Refuser » recorded (playwright.config.ts).
 */
export const TELEMETRY_COLLECTOR_PORT = PWA_PORT_BASE + 9;
export const TELEMETRY_SENTRY_DSN = `http://e2epublickey@127.0.0.1:${TELEMETRY_COLLECTOR_PORT}/7`;
export const TELEMETRY_VITALS_URL = `http://127.0.0.1:${TELEMETRY_COLLECTOR_PORT}/vitals`;

/** The stack's URL, keys and database URL (read by e2e/support/reservations-data.ts). */
export const PWA_STACK_INFO = path.join(repoRoot, '.local', `pwa-e2e-stack${suffix}.json`);
/** The build the tests run (the update test swaps its sw.js for a "new version"). */
export const PWA_DIST = path.join(repoRoot, '.local', `pwa-e2e${suffix}`, 'dist');
