/**
 * Playwright's web server for the PWA tests (project `pwa`): a throw-away local stack
 * (dev/stack/cli.ts --ephemeral), one production build of the app wired to it (the anon key
 * changes with each throw-away stack, so the build comes after it), then that build served
 * as a static host would: precompressed files, unknown paths answered by index.html.
 *
 *   node --import tsx e2e/pwa/serve-built-app.ts
 *
 * Files are looked up on every request (sirv `dev`), so a test can put a new sw.js in place
 * — a new version deployed. SIGTERM stops the server and the stack (its data dir is deleted).
 */
import { readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import sirv from 'sirv';
import { guestPageRewrite } from '../../dev/build/guest-page.ts';
import { type ManagedProcess, spawnManaged } from '../../dev/stack/child-process.ts';
import {
  PWA_APP_PORT,
  PWA_DIST,
  PWA_PORT_BASE,
  PWA_STACK_INFO,
  repoRoot,
  TELEMETRY_SENTRY_DSN,
  TELEMETRY_VITALS_URL,
} from './pwa-env.ts';

const started = Date.now();
let stack: ManagedProcess | undefined;
let stopping = false;

function seconds(): string {
  return `${((Date.now() - started) / 1000).toFixed(1)} s`;
}

async function waitForStackInfo(): Promise<{ url: string; anonKey: string }> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (stack?.child.exitCode !== null) throw new Error('the local stack exited during start-up');
    const info = await readFile(PWA_STACK_INFO, 'utf8')
      .then((text) => JSON.parse(text) as { url?: string; anonKey?: string })
      .catch(() => null);
    if (info?.url && info.anonKey) return { url: info.url, anonKey: info.anonKey };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the local stack did not start within 180 s');
}

async function build(env: Record<string, string>): Promise<void> {
  const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const child = spawnManaged(
    process.execPath,
    [vite, 'build', '--outDir', PWA_DIST, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      log: (line) => console.log(`[build] ${line}`),
    },
  );
  const code = await new Promise<number | null>((resolve) => child.child.once('exit', resolve));
  if (code !== 0) throw new Error(`vite build failed (exit code ${code})`);
}

async function stop(code: number): Promise<never> {
  stopping = true;
  await stack?.stop();
  process.exit(code);
}

async function main() {
  await rm(PWA_STACK_INFO, { force: true });
  stack = spawnManaged(
    process.execPath,
    [
      '--import',
      'tsx',
      'dev/stack/cli.ts',
      '--ephemeral',
      '--no-sync',
      '--port-base',
      String(PWA_PORT_BASE),
      '--info-file',
      PWA_STACK_INFO,
    ],
    { cwd: repoRoot, log: (line) => console.log(`[stack] ${line}`) },
  );
  stack.child.once('exit', (code) => {
    if (!stopping) {
      console.error(`✖ the local stack exited (code ${code})`);
      void stop(1);
    }
  });
  const info = await waitForStackInfo();
  console.log(`stack ready (${seconds()}); building the app against ${info.url}`);
  await build({
    VITE_SUPABASE_URL: info.url,
    VITE_SUPABASE_ANON_KEY: info.anonKey,
    // No git lookup, and the same release name on every run.
    APP_RELEASE: 'liveownerunit@e2e',
    // Telemetry as in production, sent to the local collector of telemetry-consent.spec.ts.
    VITE_SENTRY_DSN: TELEMETRY_SENTRY_DSN,
    VITE_VITALS_URL: TELEMETRY_VITALS_URL,
  });
  console.log(`built (${seconds()})`);

  const serve = sirv(PWA_DIST, { dev: true, single: true, brotli: true, gzip: true });
  const server = createServer((request, response) => {
    // /g/<token> is the guest page (guest.html), as public/_redirects tells static hosts.
    guestPageRewrite(request, response, () => undefined);
    serve(request, response, () => {
      response.statusCode = 404;
      response.end('Not found');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(PWA_APP_PORT, '127.0.0.1', resolve);
  });
  console.log(`app: http://127.0.0.1:${PWA_APP_PORT} (${seconds()})`);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => void stop(0));
}

main().catch((error: unknown) => {
  console.error(`✖ ${(error as Error)?.stack ?? String(error)}`);
  void stop(1);
});
