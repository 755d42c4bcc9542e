import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type RunningStack, type StackInfo, startStack } from '../stack/stack.ts';

/**
 * A throw-away stack of its own, for test files that act on shared state the other files'
 * rows would disturb (the sync queue: the scheduler queues every due feed of the database).
 * `offset` picks its ports next to the shared test stack's: each file its own offset
 * (100 and 200 are the stack lifecycle tests').
 */
export async function startPrivateStack(
  offset: number,
): Promise<StackInfo & Pick<RunningStack, 'parts'> & { stop: () => Promise<void> }> {
  const base = Number(process.env.TEST_STACK_PORT_BASE ?? 55320) + offset;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'lou-private-stack-'));
  const stack = await startStack({
    dataDir,
    portBase: base,
    seed: false,
    log: (part, line) => console.error(`[private-stack ${part}] ${line}`),
  });
  const { stop, appliedMigrations: _applied, seeded: _seeded, ...info } = stack;
  // info.parts: the stack's Postgres and PostgREST, to crash and restart (dev/faults/).
  return {
    ...info,
    stop: async () => {
      await stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
