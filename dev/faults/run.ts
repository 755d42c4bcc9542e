/**
 * `npm run faults`: every fault scenario on real processes, each printing what it did, what
 * it saw, its timings and PASS / FAIL; exits 1 if any failed. Loopback only; each scenario
 * has a time limit (the whole run takes about 3–5 minutes, most of it the production build of
 * the offline test and the sync's real 1-minute retry backoff).
 *
 *   postgrest  PostgREST SIGKILLed under traffic while the owner uses the app in Chromium
 *   postgres   Postgres crashed and restarted under a sync worker process
 *   worker     a sync worker process SIGKILLed mid-batch
 *   disk       the stack started on a read-only, a full and an unwritable data dir
 *   offline    the network cut in the browser: e2e/pwa/offline.spec.ts (the offline mode's
 *              own tests, against the production build and its service worker)
 *
 * The same scenarios run in `npm test` (dev/faults/*.integration.test.ts,
 * e2e/faults/*.spec.ts, e2e/pwa/offline.spec.ts), there with the retry backoff moved forward.
 *
 * Flags: --only postgrest,disk,…  --port-base N (default 58800: N…N+160 are used)
 *        --quick (move the 1-minute backoff forward, as npm test does)
 * Env: CHROMIUM_PATH (default /usr/bin/chromium), E2E_PORT_OFFSET (the offline test's ports).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { repoRoot } from '../stack/config.ts';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../test/chromium.ts';
import { diskFaultsScenario } from './disk-faults.ts';
import { FaultLog, FaultSkipped, formatLog, formatMs } from './fault-log.ts';
import { postgrestRestartScenario } from './postgrest-restart.ts';
import { postgresRestartScenario, workerKilledScenario } from './sync-faults.ts';

function readFlags() {
  try {
    return parseArgs({
      options: {
        only: { type: 'string' },
        'port-base': { type: 'string' },
        quick: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    console.error(
      `✖ ${(error as Error).message} — flags: --only postgrest,postgres,worker,disk,offline  --port-base N  --quick`,
    );
    process.exit(2);
  }
}
const flags = readFlags();

const portBase = Number(flags['port-base'] ?? process.env.FAULTS_PORT_BASE ?? 58800);
if (!Number.isInteger(portBase) || portBase < 1024 || portBase > 64000) {
  console.error(`✖ --port-base must be a port number (got "${flags['port-base']}")`);
  process.exit(2);
}
const realBackoff = !flags.quick;

interface Scenario {
  name: string;
  title: string;
  timeoutMs: number;
  run(log: FaultLog): Promise<void>;
}

/** Chromium as the e2e tests run it (playwright.config.ts). */
async function withBrowserPage<T>(
  work: (page: import('@playwright/test').Page) => Promise<T>,
): Promise<T> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_EXECUTABLE,
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    return await work(page);
  } finally {
    await browser.close();
  }
}

/** Runs an existing Playwright spec; its result lines are the scenario's observations. */
async function playwrightSpec(log: FaultLog, spec: string, project: string): Promise<void> {
  const args = [
    path.join(repoRoot, 'node_modules', '@playwright', 'test', 'cli.js'),
    'test',
    spec,
    '--project',
    project,
    '--output',
    '.local/faults-results',
    '--reporter',
    'list',
  ];
  log.step(
    `npx playwright test ${spec} --project ${project} (builds the app, serves it with its service worker)`,
  );
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, CI: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  for (const line of output.split('\n')) {
    if (/^\s*(✓|✘|-)\s+\d+ /.test(line) || /^\s*\d+ (passed|failed|flaky|skipped)/.test(line)) {
      log.seen(line.trim());
    }
  }
  if (code !== 0) {
    console.error(output.split('\n').slice(-60).join('\n'));
  }
  log.check(code === 0, `the spec passed (exit code ${code})`);
}

const scenarios: Scenario[] = [
  {
    name: 'postgrest',
    title: 'PostgREST killed and restarted under the app and its traffic',
    timeoutMs: 240_000,
    run: (log) =>
      withBrowserPage((page) =>
        postgrestRestartScenario(log, { page, portBase, appPort: portBase + 53 }),
      ),
  },
  {
    name: 'postgres',
    title: 'Postgres crashed and restarted under a sync worker',
    timeoutMs: 240_000,
    run: (log) => postgresRestartScenario(log, { portBase: portBase + 100, realBackoff }),
  },
  {
    name: 'worker',
    title: 'a sync worker process killed mid-batch',
    timeoutMs: 240_000,
    run: (log) => workerKilledScenario(log, { portBase: portBase + 110, realBackoff }),
  },
  {
    name: 'disk',
    title: 'read-only, full or unwritable data dir on start',
    timeoutMs: 180_000,
    run: (log) => diskFaultsScenario(log, { portBase: portBase + 120 }),
  },
  {
    name: 'offline',
    title: 'the network cut in the browser (offline mode)',
    timeoutMs: 600_000,
    run: (log) => playwrightSpec(log, 'e2e/pwa/offline.spec.ts', 'pwa'),
  },
];

type Outcome = 'PASS' | 'FAIL' | 'SKIP';

async function runScenario(scenario: Scenario): Promise<{ outcome: Outcome; ms: number }> {
  const log = new FaultLog(scenario.title);
  let outcome: Outcome = 'FAIL';
  let note = '';
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      scenario.run(log),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`time limit of ${formatMs(scenario.timeoutMs)} reached`)),
          scenario.timeoutMs,
        );
      }),
    ]);
    outcome = 'PASS';
  } catch (error) {
    if (error instanceof FaultSkipped) {
      outcome = 'SKIP';
      note = error.message;
    } else {
      note = error instanceof Error ? error.message : String(error);
    }
  } finally {
    clearTimeout(timer);
  }
  const mark = outcome === 'PASS' ? '✔ PASS' : outcome === 'SKIP' ? '○ SKIP' : '✖ FAIL';
  console.log(`\n${formatLog(log, `${mark} [${scenario.name}]`)}`);
  if (note) console.log(`  ${outcome === 'SKIP' ? 'reason' : 'error'}: ${note}`);
  console.log(`  (${formatMs(log.elapsed())})`);
  return { outcome, ms: log.elapsed() };
}

async function main() {
  const only = flags.only?.split(',').map((name) => name.trim());
  const unknown = only?.filter((name) => !scenarios.some((s) => s.name === name)) ?? [];
  if (unknown.length) {
    console.error(
      `✖ unknown scenario(s) ${unknown.join(', ')}; known: ${scenarios.map((s) => s.name).join(', ')}`,
    );
    process.exit(2);
  }
  const chosen = scenarios.filter((s) => !only || only.includes(s.name));
  const started = performance.now();
  console.log(
    `Fault tests: ${chosen.map((s) => s.name).join(', ')} — ports ${portBase}…${portBase + 160}, loopback only${realBackoff ? '' : ', backoff moved forward (--quick)'}`,
  );
  const results: Array<{ scenario: Scenario; outcome: Outcome; ms: number }> = [];
  // The two sync scenarios spend most of their time waiting (leases, backoff): side by side.
  const sync = chosen.filter((s) => s.name === 'postgres' || s.name === 'worker');
  for (const scenario of chosen) {
    if (sync.includes(scenario)) {
      if (scenario !== sync[0]) continue;
      const outcomes = await Promise.all(sync.map(runScenario));
      sync.forEach((s, i) => {
        const result = outcomes[i];
        if (result) results.push({ scenario: s, ...result });
      });
      continue;
    }
    results.push({ scenario, ...(await runScenario(scenario)) });
  }
  console.log('\nSummary');
  for (const { scenario, outcome, ms } of results) {
    console.log(
      `  ${outcome}  ${scenario.name.padEnd(10)} ${formatMs(ms).padStart(8)}  ${scenario.title}`,
    );
  }
  const failed = results.filter((r) => r.outcome === 'FAIL').length;
  console.log(
    `${failed ? `✖ ${failed} failed` : '✔ all passed'} in ${formatMs(performance.now() - started)}`,
  );
  process.exit(failed ? 1 : 0);
}

await main();
