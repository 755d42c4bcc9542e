/**
 * What a fault scenario did and saw, with timings: each scenario writes its steps and its
 * checks here, and the same log is printed by `npm run faults` and by the scenario's test in
 * `npm test`. A failed check throws FaultCheckError (the test fails, the runner counts it).
 */

export class FaultCheckError extends Error {
  override name = 'FaultCheckError';
}

/** A scenario that cannot run on this machine (no mount permission…): why, printed. */
export class FaultSkipped extends Error {
  override name = 'FaultSkipped';
}

export interface FaultLine {
  /** Milliseconds since the scenario started. */
  at: number;
  kind: 'step' | 'seen' | 'pass' | 'fail';
  text: string;
}

export class FaultLog {
  readonly lines: FaultLine[] = [];
  private readonly started = performance.now();
  private readonly timings = new Map<string, number>();

  constructor(
    readonly scenario: string,
    private readonly print: (line: string) => void = () => undefined,
  ) {}

  /** Milliseconds since the scenario started. */
  elapsed(): number {
    return performance.now() - this.started;
  }

  private add(kind: FaultLine['kind'], text: string) {
    const line = { at: this.elapsed(), kind, text };
    this.lines.push(line);
    this.print(formatLine(line));
  }

  /** Something the scenario does (start, kill, restart…). */
  step(text: string): void {
    this.add('step', text);
  }

  /** Something it observed (a message, a count, a time). */
  seen(text: string): void {
    this.add('seen', text);
  }

  /** Checks `condition`; a failure is logged and thrown. */
  check(condition: boolean, text: string, detail?: string): void {
    if (condition) {
      this.add('pass', text);
      return;
    }
    const message = detail ? `${text} — ${detail}` : text;
    this.add('fail', message);
    throw new FaultCheckError(`${this.scenario}: ${message}`);
  }

  /** Starts a named timer; `stop(name)` logs and returns its duration in ms. */
  time(name: string): void {
    this.timings.set(name, performance.now());
  }

  stop(name: string): number {
    const start = this.timings.get(name);
    if (start === undefined) throw new Error(`no timer named ${name}`);
    const ms = performance.now() - start;
    this.timings.delete(name);
    this.seen(`${name}: ${formatMs(ms)}`);
    return ms;
  }
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

const MARK: Record<FaultLine['kind'], string> = {
  step: '→',
  seen: '·',
  pass: '✔',
  fail: '✖',
};

export function formatLine(line: FaultLine): string {
  return `  ${`+${formatMs(line.at)}`.padStart(9)} ${MARK[line.kind]} ${line.text}`;
}

/** The whole log as printed: a title line, then one line per step, observation and check. */
export function formatLog(log: FaultLog, outcome: string): string {
  return [`${outcome} ${log.scenario}`, ...log.lines.map(formatLine)].join('\n');
}

/**
 * Runs a scenario as a test: its log is printed in one block when it ends, passed or failed
 * (Vitest and Playwright show it with the test).
 */
export async function runLogged(
  scenario: string,
  run: (log: FaultLog) => Promise<void>,
): Promise<void> {
  const log = new FaultLog(scenario);
  let outcome = '✖ FAIL';
  try {
    await run(log);
    outcome = '✔ PASS';
  } catch (error) {
    if (error instanceof FaultSkipped) outcome = `○ SKIPPED (${error.message})`;
    throw error;
  } finally {
    console.log(`${formatLog(log, outcome)}\n  (${formatMs(log.elapsed())})`);
  }
}

/** Polls `probe` until it returns a value other than undefined, or throws after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new FaultCheckError(`timed out after ${formatMs(timeoutMs)} waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
