/**
 * `npm test` part of the disk faults (disk-faults.ts, also run by `npm run faults`): the stack
 * started on a read-only file system, a full disk and a database directory it may not write
 * says so in one line, starts nothing, and the data is intact afterwards.
 */
import { it } from 'vitest';
import { diskFaultsScenario } from './disk-faults.ts';
import { FaultSkipped, runLogged } from './fault-log.ts';

const base = Number(process.env.TEST_STACK_PORT_BASE ?? 55320);

it('a read-only, full or unwritable data dir stops the start with the cause and the fix, and loses nothing', async (context) => {
  try {
    await runLogged('read-only or full data dir on start', (log) =>
      diskFaultsScenario(log, { portBase: base + 720 }),
    );
  } catch (error) {
    if (error instanceof FaultSkipped) context.skip(error.message);
    throw error;
  }
}, 90_000);
