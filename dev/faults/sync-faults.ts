/**
 * The sync worker's faults, on real processes:
 *
 * - Postgres restarted while a worker process reads feeds: the postmaster and its backends
 *   are SIGKILLed mid-batch (a crash: the next start replays the WAL), started again; the
 *   same worker process carries on, and every task ends done exactly once, no stay twice.
 * - A worker process SIGKILLed mid-batch: the tasks it held stay leased until the lease
 *   ends (nobody takes them early), then come back and another worker does them, once.
 *
 * An interrupted task waits its retry backoff (1 minute) after the lease: `npm run faults`
 * waits it for real (`realBackoff`), the `npm test` run moves it forward by SQL and says so.
 */
import { type FaultLog, formatMs } from './fault-log.ts';
import { type SyncSetup, startSyncSetup, type TaskRow, waitForTasks } from './sync-setup.ts';

export interface SyncFaultOptions {
  portBase: number;
  /** Wait the real 1-minute retry backoff instead of moving it forward. */
  realBackoff: boolean;
}

const count = (tasks: TaskRow[], status: string, by?: string) =>
  tasks.filter((task) => task.status === status && (by === undefined || task.locked_by === by))
    .length;

/** Waits for every task to be done, through the backoff of the interrupted ones. */
async function finishInterrupted(setup: SyncSetup, log: FaultLog, options: SyncFaultOptions) {
  // The interrupted tasks are pending again once their lease ran out (the next claim does it).
  await waitForTasks(
    setup,
    log,
    'no task left leased (the interrupted ones are pending again, or done)',
    (tasks) => tasks.every((task) => task.status === 'done' || task.status === 'pending'),
    30_000,
  );
  if (!options.realBackoff) await setup.skipBackoff(log);
  await waitForTasks(
    setup,
    log,
    'every task done',
    (tasks) => tasks.every((task) => task.status === 'done'),
    options.realBackoff ? 150_000 : 30_000,
  );
}

export async function postgresRestartScenario(
  log: FaultLog,
  options: SyncFaultOptions,
): Promise<void> {
  log.step('start a stack, the https fixture server and 40 feeds of 5 stays (each read in 400 ms)');
  const setup = await startSyncSetup({
    portBase: options.portBase,
    feeds: 40,
    eventsPerFeed: 5,
    slowMs: 400,
  });
  try {
    log.check((await setup.enqueue()) === 40, 'the scheduler queued 40 tasks');
    log.check(
      (await setup.signIn()) === 200,
      'the owner signs in (the auth service reads the database)',
    );
    let crashedAt = 0;
    let resumedAt = 0;
    const worker = setup.startWorker(
      'w-survivor',
      { leaseSeconds: 6, batchSize: 10, concurrency: 4 },
      (event) => {
        if (crashedAt && !resumedAt && event.event === 'report' && event.claimed > 0) {
          if (event.errors.length === 0) resumedAt = performance.now();
        }
      },
    );
    log.step(
      `start a worker process (pid ${worker.child.pid}; lease 6 s, batches of 10, 4 at a time)`,
    );
    const before = await waitForTasks(
      setup,
      log,
      'the worker mid-batch (8+ tasks done, some leased)',
      (tasks) => count(tasks, 'done') >= 8 && count(tasks, 'processing') > 0,
      30_000,
    );
    log.seen(
      `before the crash: ${count(before, 'done')} done, ${count(before, 'processing')} leased, ${count(before, 'pending')} waiting`,
    );

    const postgres = setup.stack.parts.postgres;
    log.step(`SIGKILL the postmaster (pid ${postgres.pid()}) and its backends`);
    await postgres.kill();
    crashedAt = performance.now();
    log.check(postgres.pid() === null, 'Postgres is down');
    // Down for a second: the worker's calls in flight and its next claims fail meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    log.step('start Postgres again (crash recovery from the WAL)');
    log.time('Postgres back up');
    await postgres.start();
    log.stop('Postgres back up');
    log.check(
      (await setup.signIn()) === 200,
      'the stack survived the crash: the owner signs in again through the auth service',
    );

    await finishInterrupted(setup, log, options);
    const failures = worker.events.flatMap((event) =>
      event.event === 'error' ? [event.message] : event.event === 'report' ? event.errors : [],
    );
    log.seen(
      `the worker's calls that failed during the outage: ${failures.length}${failures[0] ? ` (first: ${failures[0].slice(0, 120)})` : ''}`,
    );
    log.check(
      resumedAt > 0,
      'the same worker process claimed and applied feeds again after the restart',
    );
    if (resumedAt > 0)
      log.seen(`worker resumed ${formatMs(resumedAt - crashedAt)} after the crash`);
    log.check(
      worker.child.exitCode === null && worker.child.signalCode === null,
      'the worker process never exited',
    );
    await setup.checkExactlyOnce(log);
    await worker.stop();
  } finally {
    await setup.close();
  }
}

export async function workerKilledScenario(
  log: FaultLog,
  options: SyncFaultOptions,
): Promise<void> {
  log.step('start a stack, the https fixture server and 24 feeds of 3 stays (each read in 800 ms)');
  const setup = await startSyncSetup({
    portBase: options.portBase,
    feeds: 24,
    eventsPerFeed: 3,
    slowMs: 800,
  });
  try {
    log.check((await setup.enqueue()) === 24, 'the scheduler queued 24 tasks');
    const leaseSeconds = 6;
    const doomed = setup.startWorker('w-doomed', {
      leaseSeconds,
      batchSize: 12,
      concurrency: 3,
    });
    log.step(
      `start worker A (pid ${doomed.child.pid}; lease ${leaseSeconds} s, batches of 12, 3 at a time)`,
    );
    await waitForTasks(
      setup,
      log,
      'worker A mid-batch (2+ done, 3+ leased by it)',
      (tasks) => count(tasks, 'done') >= 2 && count(tasks, 'processing', 'w-doomed') >= 3,
      30_000,
    );
    log.step(`SIGKILL worker A (pid ${doomed.child.pid})`);
    await doomed.kill();
    const killedAt = performance.now();
    const afterKill = await setup.tasks();
    const held = afterKill.filter(
      (task) => task.status === 'processing' && task.locked_by === 'w-doomed',
    );
    const doneByA = count(afterKill, 'done');
    log.seen(
      `A died holding ${held.length} leased task(s), having done ${doneByA}; ${count(afterKill, 'pending')} still waiting`,
    );
    const leaseEnds = new Map(held.map((task) => [task.id, task.locked_until?.getTime() ?? 0]));

    const survivor = setup.startWorker('w-survivor', { leaseSeconds: 60, batchSize: 12 });
    log.step(`start worker B (pid ${survivor.child.pid})`);
    await finishInterrupted(setup, log, options);
    log.seen(`A's tasks done ${formatMs(performance.now() - killedAt)} after the kill`);
    const final = (await setup.tasks()).filter((task) => leaseEnds.has(task.id));
    // A call of A's already on its way to the database when A died may still complete the
    // task (PostgREST finishes the transaction): done by A, once, within A's lease. Every
    // other one must have been claimed again, and only once the lease was over.
    const finishedByA = final.filter(
      (task) =>
        task.attempts === 1 &&
        (task.finished_at?.getTime() ?? Number.POSITIVE_INFINITY) <= (leaseEnds.get(task.id) ?? 0),
    );
    const reclaimed = final.filter((task) => !finishedByA.includes(task));
    if (finishedByA.length) {
      log.seen(`${finishedByA.length} of them completed by A's last call, in flight at the kill`);
    }
    log.check(
      final.every((task) => task.status === 'done') &&
        reclaimed.every(
          (task) =>
            task.attempts >= 2 &&
            (task.started_at?.getTime() ?? 0) >= (leaseEnds.get(task.id) ?? 0),
        ),
      `A's ${finishedByA.length ? 'other ' : ''}${reclaimed.length} task(s) were claimed again only after their lease ended (never taken early), and done by B`,
      final.map((task) => `${task.status}/${task.attempts}`).join(', '),
    );
    await setup.checkExactlyOnce(log);
    await survivor.stop();
  } finally {
    await setup.close();
  }
}
