import { test } from '@playwright/test';
import { runLogged } from '../../dev/faults/fault-log.ts';
import { postgrestRestartScenario } from '../../dev/faults/postgrest-restart.ts';

/**
 * PostgREST killed and restarted while the owner uses the app (dev/faults/postgrest-restart.ts,
 * also run by `npm run faults`): a stack and a dev server of its own, apart from the project's
 * (56520… + E2E_PORT_OFFSET), since it kills part of its stack.
 */
const base = 56520 + Number(process.env.E2E_PORT_OFFSET ?? 0);

test('PostgREST killed under traffic: the app says so in French, keeps what was typed, then saves and shows the data again without a reload', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await runLogged('PostgREST killed and restarted under the app', (log) =>
    postgrestRestartScenario(log, { page, portBase: base, appPort: base + 53 }),
  );
});
