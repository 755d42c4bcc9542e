/**
 * The sync worker's faults in `npm test` (the scenarios of sync-faults.ts, also run by
 * `npm run faults`): Postgres crashed and restarted under a working worker process, and a
 * worker process killed mid-batch. Each test prints its scenario's log.
 */
import { describe, it } from 'vitest';
import { runLogged } from './fault-log.ts';
import { postgresRestartScenario, workerKilledScenario } from './sync-faults.ts';

const base = Number(process.env.TEST_STACK_PORT_BASE ?? 55320);

// Two stacks of their own, mostly waiting (slow feeds, leases): side by side.
describe.concurrent('sync worker faults', () => {
  it('Postgres killed and restarted mid-batch: the worker resumes, every task done once, no stay twice', async () => {
    await runLogged('Postgres restarted under a sync worker', (log) =>
      postgresRestartScenario(log, { portBase: base + 700, realBackoff: false }),
    );
  }, 90_000);

  it('a worker killed mid-batch: its leased tasks come back after the lease and another worker does them once', async () => {
    await runLogged('a sync worker killed mid-batch', (log) =>
      workerKilledScenario(log, { portBase: base + 710, realBackoff: false }),
    );
  }, 90_000);
});
