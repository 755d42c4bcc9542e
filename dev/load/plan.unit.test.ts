import { describe, expect, it } from 'vitest';
import {
  checkThresholds,
  EndpointRecorder,
  expandStage,
  findKnee,
  isSustained,
  type LatencySummary,
  loadStages,
  memoryTrend,
  percentile,
  StageRecorder,
  type StageSpec,
} from './plan.ts';

const summary = (overrides: Partial<LatencySummary>): LatencySummary => ({
  requests: 1000,
  errors: 0,
  perSecond: 1000,
  p50: 10,
  p95: 100,
  p99: 200,
  max: 300,
  ...overrides,
});

describe('stages', () => {
  it('follows the plan: ramp to 100, hold, spike to 1,000, hold, ramp down; the holds are checked', () => {
    const stages = loadStages(false);
    expect(stages.map((s) => [s.fromOwners, s.toOwners, s.seconds, s.checked])).toEqual([
      [0, 100, 120, false],
      [100, 100, 300, true],
      [100, 1000, 120, false],
      [1000, 1000, 300, true],
      [1000, 0, 120, false],
    ]);
    const quick = loadStages(true);
    expect(quick.reduce((sum, s) => sum + s.seconds, 0)).toBeLessThanOrEqual(150);
    expect(quick.map((s) => s.toOwners)).toEqual(stages.map((s) => s.toOwners));
  });

  it('turns a ramp into a staircase of the same length that never runs 0 owners', () => {
    const [rampUp, hold, , , rampDown] = loadStages(false) as [
      StageSpec,
      StageSpec,
      StageSpec,
      StageSpec,
      StageSpec,
    ];
    const up = expandStage(rampUp, 10);
    expect(up).toHaveLength(12);
    expect(up.reduce((sum, step) => sum + step.seconds, 0)).toBe(120);
    expect(up[0]?.owners).toBe(4);
    expect(up.at(-1)?.owners).toBe(96);
    expect(up.map((step) => step.owners)).toEqual(
      [...up.map((step) => step.owners)].sort((a, b) => a - b),
    );
    const down = expandStage(rampDown, 10);
    expect(down[0]?.owners).toBe(958);
    expect(down.at(-1)?.owners).toBe(42);
    expect(expandStage(hold, 10)).toEqual([{ stage: 'hold 100', owners: 100, seconds: 300 }]);
    // A stage shorter than a step, or not a multiple of it.
    const odd = expandStage({ ...rampUp, seconds: 25 }, 10);
    expect(odd.map((step) => step.seconds)).toEqual([10, 10, 5]);
  });
});

describe('latencies', () => {
  it('nearest-rank percentiles', () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('counts errors per endpoint and in the total; a failure without answer is a request', () => {
    const stage = new StageRecorder();
    stage.record('dashboard', 10, true);
    stage.record('dashboard', 30, false);
    stage.record('list', 20, true);
    stage.fail('list');
    stage.fail(undefined);
    const total = stage.total.summary(2);
    expect(total).toMatchObject({ requests: 5, errors: 3, perSecond: 1.5, p50: 20, max: 30 });
    expect(stage.endpoint('list').summary(2)).toMatchObject({ requests: 2, errors: 1 });
    expect(stage.unattributedErrors).toBe(1);
    const merged = new StageRecorder();
    merged.merge(stage);
    merged.merge(stage);
    expect(merged.total.summary(4)).toMatchObject({ requests: 10, errors: 6 });
    expect(merged.endpoint('dashboard').count).toBe(4);
  });

  it('an endpoint that only failed reports its failures as requests', () => {
    const recorder = new EndpointRecorder();
    recorder.fail();
    recorder.fail();
    expect(recorder.summary(1)).toMatchObject({ requests: 2, errors: 2 });
    expect(recorder.summary(1).p95).toBeNaN();
  });
});

describe('verdicts', () => {
  it('p95 must stay under 300 ms and errors under 0.5 %', () => {
    expect(checkThresholds(summary({})).ok).toBe(true);
    expect(checkThresholds(summary({ p95: 300 })).reasons).toEqual(['p95 300.0 ms ≥ 300 ms']);
    expect(checkThresholds(summary({ errors: 5 })).ok).toBe(false);
    expect(checkThresholds(summary({ errors: 4 })).ok).toBe(true);
    // Nothing answered is not a pass.
    expect(checkThresholds(summary({ requests: 0, p95: Number.NaN })).ok).toBe(false);
    expect(checkThresholds(summary({ requests: 10 }), 100).ok).toBe(false);
  });

  it('a rate is sustained only when 90 % of it was answered', () => {
    expect(isSustained(summary({ perSecond: 950 }), 1000).ok).toBe(true);
    const late = isSustained(summary({ perSecond: 800 }), 1000);
    expect(late.ok).toBe(false);
    expect(late.reasons).toEqual(['answered 800 req/s of the 1000 offered']);
  });

  it('the knee is the last sustained rate before the first that is not', () => {
    const pass = { ok: true, reasons: [] };
    const fail = { ok: false, reasons: ['p95'] };
    const verdicts = new Map([
      [500, pass],
      [1000, pass],
      [1500, fail],
      [2000, pass],
    ]);
    const result = findKnee([500, 1000, 1500, 2000], (rate) => verdicts.get(rate) ?? fail);
    expect(result.knee).toBe(1000);
    expect(result.broken).toEqual({ step: 1500, reasons: ['p95'] });
    expect(findKnee([500], () => fail).knee).toBeUndefined();
    expect(findKnee([500, 1000], () => pass)).toEqual({ knee: 1000, broken: undefined });
  });
});

describe('memory trend', () => {
  const MiB = 2 ** 20;
  const series = (f: (minute: number) => number, minutes = 30) =>
    Array.from({ length: minutes + 1 }, (_, minute) => ({ minute, bytes: f(minute) * MiB }));

  it('a steady climb is a leak', () => {
    const trend = memoryTrend(series((m) => 200 + m * 1));
    expect(trend.leaking).toBe(true);
    expect(trend.mibPerHour).toBeCloseTo(60, 5);
  });

  it('a plateau after warm-up, noise or a sawtooth are not', () => {
    expect(memoryTrend(series((m) => (m < 2 ? 100 + m * 50 : 200))).leaking).toBe(false);
    expect(memoryTrend(series((m) => 200 + (m % 2 ? 3 : -3))).leaking).toBe(false);
    expect(memoryTrend(series((m) => 200 + (m % 10) * 8)).leaking).toBe(false);
  });

  it('slow growth under the limit is tolerated; too few samples cannot be judged', () => {
    // 0.2 MiB a minute = 12 MiB an hour, under the 16 MiB floor.
    expect(memoryTrend(series((m) => 50 + m * 0.2)).leaking).toBe(false);
    expect(memoryTrend(series((m) => 50 + m * 10, 3)).reason).toMatch(/too few samples/);
  });
});
