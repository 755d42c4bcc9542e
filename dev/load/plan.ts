/**
 * The load test's pure parts: which stages run (virtual owners over time), how latencies
 * become percentiles, and the verdicts (thresholds, the knee, a memory leak). No I/O: the
 * runner (`run-load.ts`) feeds them, `plan.unit.test.ts` checks them.
 */

/** A virtual owner sends one request, then thinks until the next second (see run-stage.ts). */
export const REQUESTS_PER_VIRTUAL_OWNER_PER_SECOND = 1;

/** Issue 8's thresholds, at the sustained stages. */
export const THRESHOLDS = { p95Ms: 300, errorRate: 0.005 } as const;

export type StageKind = 'ramp' | 'hold' | 'knee' | 'soak' | 'smoke';

/** One stage as the plan states it: from one number of virtual owners to another. */
export interface StageSpec {
  name: string;
  kind: StageKind;
  fromOwners: number;
  toOwners: number;
  seconds: number;
  /** Checked against THRESHOLDS (the holds; the spike's hold is the sustained one). */
  checked: boolean;
}

/** A stage as it runs: a ramp becomes steps of a constant number of virtual owners. */
export interface Step {
  stage: string;
  owners: number;
  seconds: number;
}

/** The plan's k6 stages (phase 4.1), and the same shape in about two and a half minutes. */
export function loadStages(quick: boolean, peak = 1000, base = 100): StageSpec[] {
  const s = quick
    ? { ramp: 20, hold: 30, spike: 20, peakHold: 60, down: 10 }
    : { ramp: 120, hold: 300, spike: 120, peakHold: 300, down: 120 };
  return [
    {
      name: `ramp to ${base}`,
      kind: 'ramp',
      fromOwners: 0,
      toOwners: base,
      seconds: s.ramp,
      checked: false,
    },
    {
      name: `hold ${base}`,
      kind: 'hold',
      fromOwners: base,
      toOwners: base,
      seconds: s.hold,
      checked: true,
    },
    {
      name: `spike to ${peak}`,
      kind: 'ramp',
      fromOwners: base,
      toOwners: peak,
      seconds: s.spike,
      checked: false,
    },
    {
      name: `hold ${peak}`,
      kind: 'hold',
      fromOwners: peak,
      toOwners: peak,
      seconds: s.peakHold,
      checked: true,
    },
    {
      name: 'ramp down',
      kind: 'ramp',
      fromOwners: peak,
      toOwners: 0,
      seconds: s.down,
      checked: false,
    },
  ];
}

/** The knee search: rising constant rates, until one breaks a threshold. */
export function kneeStages(quick: boolean, rates: readonly number[] = KNEE_RATES): StageSpec[] {
  const seconds = quick ? 15 : 40;
  return rates.map((owners) => ({
    name: `${owners} req/s offered`,
    kind: 'knee',
    fromOwners: owners,
    toOwners: owners,
    seconds,
    checked: true,
  }));
}

export const KNEE_RATES = [250, 500, 750, 1000, 1250, 1500, 1750, 2000, 2500, 3000] as const;

/** Steps of at most `stepSeconds`: a ramp becomes a staircase. */
export function expandStage(stage: StageSpec, stepSeconds: number): Step[] {
  if (stage.fromOwners === stage.toOwners) {
    return [{ stage: stage.name, owners: stage.toOwners, seconds: stage.seconds }];
  }
  const count = Math.max(1, Math.ceil(stage.seconds / stepSeconds));
  const steps: Step[] = [];
  let left = stage.seconds;
  for (let i = 1; i <= count; i += 1) {
    const seconds = Math.min(stepSeconds, left);
    left -= seconds;
    // Each step runs the ramp's value at its middle: a ramp never runs 0 owners.
    const owners = Math.max(
      1,
      Math.round(stage.fromOwners + ((stage.toOwners - stage.fromOwners) * (i - 0.5)) / count),
    );
    steps.push({ stage: stage.name, owners, seconds });
  }
  return steps;
}

// ------------------------------------------------------------------ latencies

/** Nearest-rank percentile of sorted values (NaN when empty). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

/** What one endpoint (or a whole stage) did. */
export interface LatencySummary {
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Responses and failures of one endpoint during one stage. */
export class EndpointRecorder {
  private readonly latencies: number[] = [];
  errors = 0;
  /** Requests that failed with no answer (no latency to record). */
  private unanswered = 0;

  record(ms: number, ok: boolean): void {
    this.latencies.push(ms);
    if (!ok) this.errors += 1;
  }

  /** A failure with no response (connection refused or reset, timeout). */
  fail(): void {
    this.errors += 1;
    this.unanswered += 1;
  }

  get count(): number {
    return this.latencies.length;
  }

  merge(other: EndpointRecorder): void {
    for (const value of other.latencies) this.latencies.push(value);
    this.errors += other.errors;
    this.unanswered += other.unanswered;
  }

  /** `from`: the number of answers to skip (a soak's minute: the answers since the last one). */
  summary(seconds: number, from = 0): LatencySummary {
    const sorted = Float64Array.from(from > 0 ? this.latencies.slice(from) : this.latencies).sort();
    return {
      // A request that failed without an answer still counts as one sent.
      requests: sorted.length + this.unanswered,
      errors: this.errors,
      perSecond: seconds > 0 ? sorted.length / seconds : 0,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.length > 0 ? (sorted[sorted.length - 1] ?? Number.NaN) : Number.NaN,
    };
  }
}

/** Per endpoint, in the session's order, plus the whole. */
export class StageRecorder {
  readonly endpoints = new Map<string, EndpointRecorder>();
  readonly total = new EndpointRecorder();
  /** Failures that no endpoint can be blamed for (a connection that never opened). */
  unattributedErrors = 0;

  endpoint(name: string): EndpointRecorder {
    let recorder = this.endpoints.get(name);
    if (!recorder) {
      recorder = new EndpointRecorder();
      this.endpoints.set(name, recorder);
    }
    return recorder;
  }

  record(name: string, ms: number, ok: boolean): void {
    this.endpoint(name).record(ms, ok);
    this.total.record(ms, ok);
  }

  fail(name: string | undefined): void {
    if (name) this.endpoint(name).fail();
    else this.unattributedErrors += 1;
    this.total.fail();
  }

  merge(other: StageRecorder): void {
    for (const [name, recorder] of other.endpoints) this.endpoint(name).merge(recorder);
    this.total.merge(other.total);
    this.unattributedErrors += other.unattributedErrors;
  }
}

export function errorRate(summary: LatencySummary): number {
  return summary.requests === 0 ? 0 : summary.errors / summary.requests;
}

export interface Verdict {
  ok: boolean;
  reasons: string[];
}

/** p95 < 300 ms and errors < 0.5 %; and something was measured at all. */
export function checkThresholds(summary: LatencySummary, minRequests = 1): Verdict {
  const reasons: string[] = [];
  if (summary.requests < minRequests) {
    reasons.push(`only ${summary.requests} requests measured (expected at least ${minRequests})`);
  }
  if (!(summary.p95 < THRESHOLDS.p95Ms)) {
    reasons.push(`p95 ${formatMs(summary.p95)} ms ≥ ${THRESHOLDS.p95Ms} ms`);
  }
  const rate = errorRate(summary);
  if (!(rate < THRESHOLDS.errorRate)) {
    reasons.push(`errors ${formatPercent(rate)} ≥ ${formatPercent(THRESHOLDS.errorRate)}`);
  }
  return { ok: reasons.length === 0, reasons };
}

/**
 * A rate is sustained when it passes the thresholds and the system kept up with it: at
 * least 90 % of the offered requests were answered (a saturated server answers late, and
 * the virtual owners, who wait for their answer, then send fewer requests than offered).
 */
export function isSustained(summary: LatencySummary, offeredPerSecond: number): Verdict {
  const verdict = checkThresholds(summary);
  if (summary.perSecond < 0.9 * offeredPerSecond) {
    verdict.reasons.push(
      `answered ${summary.perSecond.toFixed(0)} req/s of the ${offeredPerSecond} offered`,
    );
    verdict.ok = false;
  }
  return verdict;
}

export interface KneeResult<T> {
  /** The highest rate that was sustained (undefined when even the first one was not). */
  knee: T | undefined;
  /** The first rate that was not, with why. */
  broken: { step: T; reasons: string[] } | undefined;
}

/** The highest step sustained before the first that is not (steps in rising order). */
export function findKnee<T>(steps: readonly T[], verdictOf: (step: T) => Verdict): KneeResult<T> {
  let knee: T | undefined;
  for (const step of steps) {
    const verdict = verdictOf(step);
    if (!verdict.ok) return { knee, broken: { step, reasons: verdict.reasons } };
    knee = step;
  }
  return { knee, broken: undefined };
}

// ------------------------------------------------------------------ memory

export interface MemorySample {
  minute: number;
  bytes: number;
}

/**
 * Does memory keep growing? Least-squares slope of the samples after the warm-up; a leak
 * when it would add more than max(16 MiB, 10 % of the first sample) per hour AND the last
 * sample is above every sample of the first half (a plateau or a sawtooth is no leak).
 */
export function memoryTrend(
  samples: readonly MemorySample[],
  warmupMinutes = 2,
): { leaking: boolean; mibPerHour: number; reason: string } {
  const kept = samples.filter((sample) => sample.minute >= warmupMinutes);
  if (kept.length < 3) {
    return { leaking: false, mibPerHour: 0, reason: 'too few samples after the warm-up to judge' };
  }
  const n = kept.length;
  const meanX = kept.reduce((sum, s) => sum + s.minute, 0) / n;
  const meanY = kept.reduce((sum, s) => sum + s.bytes, 0) / n;
  let num = 0;
  let den = 0;
  for (const s of kept) {
    num += (s.minute - meanX) * (s.bytes - meanY);
    den += (s.minute - meanX) ** 2;
  }
  const bytesPerMinute = den === 0 ? 0 : num / den;
  const mibPerHour = (bytesPerMinute * 60) / 2 ** 20;
  const first = kept[0]?.bytes ?? 0;
  const last = kept[n - 1]?.bytes ?? 0;
  const firstHalfMax = Math.max(...kept.slice(0, Math.ceil(n / 2)).map((s) => s.bytes));
  const limitMib = Math.max(16, (0.1 * first) / 2 ** 20);
  const leaking = mibPerHour > limitMib && last > firstHalfMax;
  const reason = leaking
    ? `grows ${mibPerHour.toFixed(1)} MiB/h (limit ${limitMib.toFixed(0)} MiB/h) and ends at its highest`
    : `${mibPerHour >= 0 ? '+' : ''}${mibPerHour.toFixed(1)} MiB/h (limit ${limitMib.toFixed(0)} MiB/h)`;
  return { leaking, mibPerHour, reason };
}

// ------------------------------------------------------------------ formatting

export function formatMs(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}

export function formatPercent(rate: number): string {
  return `${(rate * 100).toFixed(rate < 0.01 ? 2 : 1)} %`;
}

/** A Markdown table (the output pastes into docs/PERFORMANCE.md as it is). */
export function markdownTable(header: string[], rows: string[][], rightFrom = 1): string {
  const align = header.map((_, i) => (i >= rightFrom ? '--:' : '---'));
  return [header, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
