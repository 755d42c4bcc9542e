/**
 * The load, knee and soak runs: virtual owners sign in, their sessions are recorded, then
 * replayed stage by stage (run-stage.ts) while the stack's processes are watched
 * (processes.ts). Prints Markdown tables and returns whether the run passed.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { repoRoot } from '../stack/config.ts';
import {
  checkThresholds,
  expandStage,
  findKnee,
  formatMs,
  formatPercent,
  isSustained,
  type LatencySummary,
  type MemorySample,
  markdownTable,
  memoryTrend,
  percentile,
  REQUESTS_PER_VIRTUAL_OWNER_PER_SECOND,
  StageRecorder,
  type StageSpec,
} from './plan.ts';
import {
  cpuPercent,
  cpuSnapshot,
  memoryBytes,
  pidListeningOn,
  type WatchedProcess,
} from './processes.ts';
import { OwnerRotation, runStep, type Target } from './run-stage.ts';
import {
  type LoadOwner,
  pickOwners,
  type RecordedRequest,
  recordSession,
  refreshSession,
  sessionShape,
  signIn,
} from './session.ts';

export interface LoadStack {
  url: string;
  anonKey: string;
  dbUrl: string;
  ports: { gateway: number; rest: number; postgres: number };
}

export interface LoadOptions {
  stack: LoadStack;
  password: string;
  /** Size of the virtual owners' pool (each signs in and records a session). */
  owners: number;
  /** Owners with fewer stays are not picked (the deeper page must exist). */
  minStays: number;
  via: 'rest' | 'gateway';
  /** Only these owners (a test's own); by default any owner of the dataset. */
  ownerIds?: readonly string[];
  log?: (line: string) => void;
}

export interface StageResult {
  spec: StageSpec;
  seconds: number;
  summary: LatencySummary;
  endpoints: Map<string, LatencySummary>;
  cpu: Map<string, number>;
  unattributedErrors: number;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function assertLoopback(url: string): void {
  const { hostname } = new URL(url);
  if (!LOOPBACK.has(hostname)) {
    throw new Error(`load runs target this machine only (loopback), not ${hostname}`);
  }
}

async function inBatches<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** The replay's target and the processes to watch. */
export async function prepareTarget(options: LoadOptions) {
  const { stack } = options;
  assertLoopback(stack.url);
  const target: Target =
    options.via === 'rest'
      ? { origin: `http://127.0.0.1:${stack.ports.rest}`, restPrefix: '', anonKey: stack.anonKey }
      : { origin: stack.url, restPrefix: '/rest/v1', anonKey: stack.anonKey };
  const watched: WatchedProcess[] = [];
  const add = async (name: string, port: number, ownOnly: boolean) => {
    const pid = await pidListeningOn(port);
    if (pid !== undefined) watched.push({ name, pid, ownOnly });
  };
  await add('Postgres', stack.ports.postgres, false);
  await add('PostgREST', stack.ports.rest, false);
  await add('gateway + auth (Node)', stack.ports.gateway, true);
  watched.push({ name: 'load generator', pid: process.pid, ownOnly: true });
  return { target, watched };
}

/** Picks, signs in and records the virtual owners; keeps those whose session has the common shape. */
export async function prepareOwners(options: LoadOptions): Promise<{
  owners: LoadOwner[];
  template: RecordedRequest[];
  signInMs: number[];
}> {
  const log = options.log ?? console.log;
  const db = new pg.Pool({ connectionString: options.stack.dbUrl, max: 2 });
  let picked: Awaited<ReturnType<typeof pickOwners>>;
  try {
    picked = await pickOwners(db, options.owners, options.minStays, options.ownerIds ?? null);
  } finally {
    await db.end();
  }
  if (picked.length === 0) {
    throw new Error(
      `no owner with at least ${options.minStays} stays: load a dataset first (npm run seed:scale)`,
    );
  }
  log(`Signing in ${picked.length} virtual owners…`);
  const signInMs: number[] = [];
  const signedIn = await inBatches(picked, 4, async (owner) => {
    const started = performance.now();
    const tokens = await signIn(
      options.stack.url,
      options.stack.anonKey,
      owner.email,
      options.password,
    );
    signInMs.push(performance.now() - started);
    return { ...owner, ...tokens };
  });
  log('Recording their sessions (each page opened once through the app’s data functions)…');
  const recorded = await inBatches(signedIn, 8, async (owner) => ({
    ...owner,
    session: await recordSession(options.stack.url, options.stack.anonKey, owner),
  }));
  const shapes = new Map<string, LoadOwner[]>();
  for (const owner of recorded) {
    const shape = sessionShape(owner.session);
    shapes.set(shape, [...(shapes.get(shape) ?? []), owner]);
  }
  const [, owners] = [...shapes.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  if (!owners || owners.length === 0) throw new Error('no session recorded');
  if (owners.length < recorded.length) {
    log(`${recorded.length - owners.length} owners left out: their session differs in shape`);
  }
  return { owners, template: (owners[0] as LoadOwner).session, signInMs };
}

function summarize(recorder: StageRecorder, seconds: number) {
  const endpoints = new Map<string, LatencySummary>();
  for (const [name, endpoint] of recorder.endpoints) {
    endpoints.set(name, endpoint.summary(seconds));
  }
  return { summary: recorder.total.summary(seconds), endpoints };
}

/** Runs the stages in order (each as steps), measuring each. `stopWhen` ends the run early. */
export async function runStages(
  stages: readonly StageSpec[],
  context: {
    target: Target;
    watched: WatchedProcess[];
    owners: LoadOwner[];
    template: RecordedRequest[];
    stepSeconds: number;
    log: (line: string) => void;
    /** Told of each step's live recorder as the step starts (the soak reads it every minute). */
    onStep?: (live: StageRecorder) => void;
    stopWhen?: (result: StageResult) => boolean;
  },
): Promise<StageResult[]> {
  const rotation = new OwnerRotation(context.owners);
  const results: StageResult[] = [];
  for (const spec of stages) {
    const recorder = new StageRecorder();
    const cpuBefore = await cpuSnapshot(context.watched);
    const started = performance.now();
    for (const step of expandStage(spec, context.stepSeconds)) {
      const stepRecorder = new StageRecorder();
      context.onStep?.(stepRecorder);
      await runStep(context.target, rotation, context.template, stepRecorder, {
        owners: step.owners,
        seconds: step.seconds,
      });
      recorder.merge(stepRecorder);
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = cpuPercent(cpuBefore, await cpuSnapshot(context.watched), seconds);
    const result: StageResult = {
      spec,
      seconds,
      ...summarize(recorder, seconds),
      cpu,
      unattributedErrors: recorder.unattributedErrors,
    };
    results.push(result);
    context.log(stageLine(result));
    if (context.stopWhen?.(result)) break;
  }
  return results;
}

function stageLine(result: StageResult): string {
  const { summary } = result;
  const cpu = [...result.cpu].map(([name, value]) => `${name} ${value.toFixed(0)} %`).join(', ');
  return `  ${result.spec.name}: ${summary.requests} requests, ${summary.perSecond.toFixed(0)} req/s, p50 ${formatMs(summary.p50)} / p95 ${formatMs(summary.p95)} / p99 ${formatMs(summary.p99)} ms, errors ${formatPercent(summary.requests ? summary.errors / summary.requests : 0)} — CPU: ${cpu}`;
}

export function stagesTable(results: readonly StageResult[], watched: WatchedProcess[]): string {
  return markdownTable(
    [
      'stage',
      'virtual owners',
      'req/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'errors',
      ...watched.map((process) => `CPU ${process.name}`),
    ],
    results.map((result) => [
      result.spec.name,
      result.spec.fromOwners === result.spec.toOwners
        ? String(result.spec.toOwners)
        : `${result.spec.fromOwners} → ${result.spec.toOwners}`,
      result.summary.perSecond.toFixed(0),
      formatMs(result.summary.p50),
      formatMs(result.summary.p95),
      formatMs(result.summary.p99),
      formatPercent(result.summary.requests ? result.summary.errors / result.summary.requests : 0),
      ...watched.map((process) => `${(result.cpu.get(process.name) ?? 0).toFixed(0)} %`),
    ]),
  );
}

export function endpointsTable(result: StageResult): string {
  const rows = [...result.endpoints].map(([name, summary]) => [
    name,
    summary.perSecond.toFixed(1),
    formatMs(summary.p50),
    formatMs(summary.p95),
    formatMs(summary.p99),
    formatPercent(summary.requests ? summary.errors / summary.requests : 0),
  ]);
  const all = result.summary;
  rows.push([
    '**all**',
    all.perSecond.toFixed(1),
    formatMs(all.p50),
    formatMs(all.p95),
    formatMs(all.p99),
    formatPercent(all.requests ? all.errors / all.requests : 0),
  ]);
  return markdownTable(['endpoint', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors'], rows);
}

export async function saveReport(kind: string, report: unknown): Promise<string> {
  const dir = path.join(repoRoot, '.local', 'load');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${kind}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(
    file,
    `${JSON.stringify(report, (_key, value) => (value instanceof Map ? Object.fromEntries(value) : value), 2)}\n`,
  );
  return file;
}

// ------------------------------------------------------------------ the three runs

/** `npm run load`: the stages, then the verdict on the checked (hold) stages. */
export async function runLoadTest(
  options: LoadOptions,
  stages: readonly StageSpec[],
  stepSeconds: number,
): Promise<{ ok: boolean; results: StageResult[] }> {
  const log = options.log ?? console.log;
  const { target, watched } = await prepareTarget(options);
  const { owners, template, signInMs } = await prepareOwners(options);
  logPreamble(log, options, owners, template, signInMs);
  const results = await runStages(stages, { target, watched, owners, template, stepSeconds, log });
  log('');
  log(stagesTable(results, watched));
  let ok = true;
  for (const result of results.filter((r) => r.spec.checked)) {
    log('');
    log(`Per endpoint, ${result.spec.name}:`);
    log('');
    log(endpointsTable(result));
    const verdict = checkThresholds(result.summary, result.spec.toOwners * result.seconds * 0.5);
    log(
      verdict.ok
        ? `✓ ${result.spec.name}: p95 < ${300} ms and errors < 0.5 %`
        : `✗ ${result.spec.name}: ${verdict.reasons.join('; ')}`,
    );
    ok &&= verdict.ok;
  }
  const file = await saveReport('load', { options: { ...options, stack: undefined }, results });
  log(`\nReport: ${path.relative(repoRoot, file)}`);
  return { ok, results };
}

/** `npm run load -- --find-knee`: rising rates until one is not sustained. */
export async function runKnee(
  options: LoadOptions,
  stages: readonly StageSpec[],
): Promise<{ ok: boolean; knee: StageResult | undefined }> {
  const log = options.log ?? console.log;
  const { target, watched } = await prepareTarget(options);
  const { owners, template, signInMs } = await prepareOwners(options);
  logPreamble(log, options, owners, template, signInMs);
  const verdictOf = (result: StageResult) =>
    isSustained(result.summary, result.spec.toOwners * REQUESTS_PER_VIRTUAL_OWNER_PER_SECOND);
  const results = await runStages(stages, {
    target,
    watched,
    owners,
    template,
    stepSeconds: Number.POSITIVE_INFINITY,
    log,
    stopWhen: (result) => !verdictOf(result).ok,
  });
  log('');
  log(stagesTable(results, watched));
  const { knee, broken } = findKnee(results, verdictOf);
  log('');
  if (knee) {
    log(
      `Knee: ${knee.summary.perSecond.toFixed(0)} req/s sustained (${knee.spec.name}: p95 ${formatMs(knee.summary.p95)} ms, CPU ${[...knee.cpu].map(([n, v]) => `${n} ${v.toFixed(0)} %`).join(', ')}).`,
    );
  } else {
    log('Knee: not even the first rate was sustained.');
  }
  if (broken)
    log(`First rate not sustained: ${broken.step.spec.name} — ${broken.reasons.join('; ')}`);
  else log('Every rate tried was sustained: try higher rates (--rates).');
  const file = await saveReport('knee', { options: { ...options, stack: undefined }, results });
  log(`\nReport: ${path.relative(repoRoot, file)}`);
  return { ok: knee !== undefined, knee };
}

/** `npm run soak -- --minutes N`: a moderate constant rate; memory sampled every minute. */
export async function runSoak(
  options: LoadOptions,
  minutes: number,
  rate: number,
): Promise<{ ok: boolean }> {
  const log = options.log ?? console.log;
  const { target, watched } = await prepareTarget(options);
  const { owners, template, signInMs } = await prepareOwners(options);
  logPreamble(log, options, owners, template, signInMs);
  const memory = new Map<string, MemorySample[]>(watched.map((p) => [p.name, []]));
  const errorsByMinute: number[] = [];
  const sample = async (minute: number) => {
    for (const process of watched) {
      memory.get(process.name)?.push({
        minute,
        bytes: await memoryBytes(process.pid, process.ownOnly),
      });
    }
  };
  await sample(0);
  const spec: StageSpec = {
    name: `soak ${rate} req/s`,
    kind: 'soak',
    fromOwners: rate,
    toOwners: rate,
    seconds: minutes * 60,
    checked: true,
  };
  // One long step (no reconnection, as a real day's traffic); a timer samples every minute.
  let live: StageRecorder | undefined;
  let minute = 0;
  let seen = { answers: 0, errors: 0 };
  const everyMinute = setInterval(() => {
    minute += 1;
    const at = minute;
    const total = live?.total;
    const answers = (total?.count ?? 0) - seen.answers;
    const minuteSummary = total?.summary(60, seen.answers);
    const errors = (total?.errors ?? 0) - seen.errors;
    seen = { answers: total?.count ?? 0, errors: total?.errors ?? 0 };
    errorsByMinute.push(errors);
    void sample(at).then(() => {
      const line = [...memory]
        .map(([name, samples]) => `${name} ${mib(samples[samples.length - 1]?.bytes ?? 0)}`)
        .join(', ');
      log(
        `  minute ${at}: ${answers} answers, p95 ${formatMs(minuteSummary?.p95 ?? Number.NaN)} ms, ${errors} errors — memory: ${line}`,
      );
    });
  }, 60_000);
  // Access tokens live an hour: renew them well before, as the app does (read at send time).
  const renewTokens = setInterval(() => {
    void inBatches(owners, 4, (owner) =>
      refreshSession(options.stack.url, options.stack.anonKey, owner),
    ).catch((error: Error) => log(`  token renewal failed: ${error.message}`));
  }, 40 * 60_000);
  let result: StageResult | undefined;
  try {
    [result] = await runStages([spec], {
      target,
      watched,
      owners,
      template,
      stepSeconds: spec.seconds,
      log,
      onStep: (recorder) => {
        live = recorder;
      },
    });
  } finally {
    clearInterval(everyMinute);
    clearInterval(renewTokens);
  }
  if (!result) throw new Error('the soak ran no stage');
  log('');
  const rows = [...memory].map(([name, samples]) => {
    const trend = memoryTrend(samples);
    return { name, samples, trend };
  });
  log(
    markdownTable(
      ['process', 'start', 'after warm-up', 'end', 'max', 'trend', 'verdict'],
      rows.map(({ name, samples, trend }) => [
        name,
        mib(samples[0]?.bytes ?? 0),
        mib(samples.find((s) => s.minute >= 2)?.bytes ?? samples[0]?.bytes ?? 0),
        mib(samples[samples.length - 1]?.bytes ?? 0),
        mib(Math.max(...samples.map((s) => s.bytes))),
        trend.reason,
        trend.leaking ? '✗ grows' : '✓ stable',
      ]),
    ),
  );
  log('');
  log(stagesTable([result], watched));
  const errors = result.summary.errors;
  const leaks = rows.filter((row) => row.trend.leaking).map((row) => row.name);
  const ok = errors === 0 && leaks.length === 0;
  log(
    ok
      ? `✓ soak: ${minutes} min at ${rate} req/s, no error, no process kept growing`
      : `✗ soak: ${errors} errors (per minute: ${errorsByMinute.join(', ')})${leaks.length ? `; memory keeps growing: ${leaks.join(', ')}` : ''}`,
  );
  const file = await saveReport('soak', {
    options: { ...options, stack: undefined },
    minutes,
    rate,
    memory,
    errorsByMinute,
    result,
  });
  log(`\nReport: ${path.relative(repoRoot, file)}`);
  return { ok };
}

function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MiB`;
}

function logPreamble(
  log: (line: string) => void,
  options: LoadOptions,
  owners: LoadOwner[],
  template: RecordedRequest[],
  signInMs: number[],
) {
  const sorted = Float64Array.from(signInMs).sort();
  log(
    `${owners.length} virtual owners ready (sign-in p50 ${formatMs(percentile(sorted, 50))} ms, p95 ${formatMs(percentile(sorted, 95))} ms). Target: ${options.via === 'rest' ? 'PostgREST directly' : 'the gateway'}.`,
  );
  log(`A session, replayed in a loop by each virtual owner, one request a second:`);
  for (const request of template) log(`  ${request.method} ${request.name}`);
  log('');
}

/**
 * `npm run load -- --per-endpoint [--rate R]`: each request of the session replayed alone at
 * R req/s for a short while, with the CPU it cost Postgres and PostgREST per request — where
 * a mixed run's CPU goes, so the next optimisation aims at the costly endpoint.
 */
export async function runEndpointCosts(
  options: LoadOptions,
  rate: number,
  seconds: number,
): Promise<{ ok: boolean }> {
  const log = options.log ?? console.log;
  const { target, watched } = await prepareTarget(options);
  const { owners, template, signInMs } = await prepareOwners(options);
  logPreamble(log, options, owners, template, signInMs);
  const rows: string[][] = [];
  for (const [index, request] of template.entries()) {
    const alone = owners.map((owner) => ({
      ...owner,
      session: [owner.session[index] as RecordedRequest],
    }));
    const [result] = await runStages(
      [
        {
          name: request.name,
          kind: 'knee',
          fromOwners: rate,
          toOwners: rate,
          seconds,
          checked: false,
        },
      ],
      { target, watched, owners: alone, template: [request], stepSeconds: seconds, log },
    );
    if (!result) continue;
    const perSecond = result.summary.perSecond || 1;
    // % of one core ÷ requests a second = ms of CPU per request × 100.
    const msPerRequest = (name: string) => ((result.cpu.get(name) ?? 0) * 10) / perSecond;
    rows.push([
      request.name,
      perSecond.toFixed(0),
      formatMs(result.summary.p50),
      formatMs(result.summary.p95),
      msPerRequest('Postgres').toFixed(2),
      msPerRequest('PostgREST').toFixed(2),
      formatPercent(result.summary.requests ? result.summary.errors / result.summary.requests : 0),
    ]);
  }
  log('');
  log(
    markdownTable(
      [
        'endpoint',
        'req/s',
        'p50 ms',
        'p95 ms',
        'Postgres CPU ms/request',
        'PostgREST CPU ms/request',
        'errors',
      ],
      rows,
    ),
  );
  const file = await saveReport('endpoints', {
    options: { ...options, stack: undefined },
    rate,
    seconds,
    rows,
  });
  log(`\nReport: ${path.relative(repoRoot, file)}`);
  return { ok: true };
}
