/**
 * `npm run load -- [--quick] [--find-knee] [--stack-file F] [--owners N] [--via rest|gateway]`
 * `npm run soak -- --minutes N [--rate R]`
 *
 * Issue 8's load tests, against a running local stack — by default the 70,000-owner dataset:
 *   npm run seed:scale   (once; see dev/scale/seed-scale.ts)
 *   npx tsx dev/stack/cli.ts --data-dir .local/scale --port-base 54520 --no-seed --no-sync &
 *   npm run load -- --quick
 *
 * Virtual owners of the dataset sign in, each records one session through the app's data
 * functions (dashboard, reservations page 1, a deeper page, a name search, the calendar
 * month, saving a stay: session.ts), then autocannon replays the sessions, each virtual
 * owner sending one request a second (run-stage.ts).
 *
 *  - load (default): the plan's stages — ramp to 100 owners, hold, spike to 1,000, hold,
 *    ramp down (16 min; `--quick`: 2 min 20 s). Fails (exit 1) when a hold breaks
 *    p95 < 300 ms or errors < 0.5 %.
 *  - `--find-knee`: rising constant rates (`--rates 500,1000,…`) until one is not sustained
 *    (p95 ≥ 300 ms, errors ≥ 0.5 %, or under 90 % of the offered rate answered); prints the
 *    highest sustained rate with the CPU of Postgres, PostgREST, the gateway and the generator.
 *  - `--per-endpoint [--rate R]`: each request of the session alone at R req/s (default 300),
 *    with the Postgres and PostgREST CPU it costs per request.
 *  - `--soak --minutes N` (npm run soak): N minutes at `--rate` (default 300 req/s), memory
 *    (PSS) of each process every minute; fails on any error or a process that keeps growing.
 *
 * `--via rest` (default) sends the replay straight to PostgREST, as a production PostgREST
 * node receives it behind the platform's gateway; `--via gateway` goes through the local
 * stack's Node gateway (a stand-in for Supabase's, on the same two cores). Loopback only.
 * Each run writes its figures to .local/load/*.json.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SCALE_PASSWORD } from '../scale/generate.ts';
import { repoRoot } from '../stack/config.ts';
import { KNEE_RATES, kneeStages, loadStages } from './plan.ts';
import { type LoadStack, runEndpointCosts, runKnee, runLoadTest, runSoak } from './run-load.ts';

const { values: flags } = parseArgs({
  options: {
    'stack-file': { type: 'string', default: path.join(repoRoot, '.local', 'scale', 'stack.json') },
    quick: { type: 'boolean', default: false },
    'find-knee': { type: 'boolean', default: false },
    'per-endpoint': { type: 'boolean', default: false },
    soak: { type: 'boolean', default: false },
    minutes: { type: 'string', default: '30' },
    rate: { type: 'string', default: '300' },
    rates: { type: 'string' },
    owners: { type: 'string' },
    'min-stays': { type: 'string', default: '250' },
    via: { type: 'string', default: 'rest' },
    password: { type: 'string', default: SCALE_PASSWORD },
  },
});

function intFlag(value: string | undefined, name: string, min: number, max: number): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new Error(`--${name} must be an integer between ${min} and ${max} (got ${value})`);
  }
  return parsed;
}

async function readStack(file: string): Promise<LoadStack> {
  let parsed: Partial<LoadStack>;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<LoadStack>;
  } catch {
    throw new Error(
      `no running stack described by ${file}: start one (see the header of dev/load/cli.ts)`,
    );
  }
  const { url, anonKey, dbUrl, ports } = parsed;
  if (!url || !anonKey || !dbUrl || !ports?.rest || !ports.gateway || !ports.postgres) {
    throw new Error(`${file} lacks the stack's url, keys or ports`);
  }
  return { url, anonKey, dbUrl, ports };
}

const via = flags.via === 'gateway' ? 'gateway' : flags.via === 'rest' ? 'rest' : undefined;
if (!via) throw new Error(`--via must be rest or gateway (got ${flags.via})`);
const quick = flags.quick ?? false;
const options = {
  stack: await readStack(flags['stack-file'] ?? ''),
  password: flags.password ?? SCALE_PASSWORD,
  owners: intFlag(flags.owners ?? (quick ? '300' : '1000'), 'owners', 1, 10_000),
  minStays: intFlag(flags['min-stays'], 'min-stays', 1, 100_000),
  via,
} as const;

let ok: boolean;
if (flags.soak) {
  ({ ok } = await runSoak(
    options,
    intFlag(flags.minutes, 'minutes', 1, 24 * 60),
    intFlag(flags.rate, 'rate', 1, 10_000),
  ));
} else if (flags['per-endpoint']) {
  ({ ok } = await runEndpointCosts(
    options,
    intFlag(flags.rate, 'rate', 1, 10_000),
    quick ? 10 : 20,
  ));
} else if (flags['find-knee']) {
  const rates = flags.rates
    ? flags.rates.split(',').map((rate) => intFlag(rate.trim(), 'rates', 1, 20_000))
    : [...KNEE_RATES];
  ({ ok } = await runKnee(options, kneeStages(quick, rates)));
} else {
  ({ ok } = await runLoadTest(options, loadStages(quick), quick ? 5 : 10));
}
process.exit(ok ? 0 : 1);
