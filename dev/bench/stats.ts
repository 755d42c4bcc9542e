/**
 * `npm run bench:stats -- [--stack-file F] [--owners-sample K] [--runs N] [--year Y]`
 *
 * What the Statistiques and Fiscalité pages cost at scale, for the largest owners of a
 * seed:scale dataset (the most gîtes, then the most stays), through the API (gateway →
 * PostgREST) as the signed-in owner, RLS on. Each case runs the app's own data functions
 * (src/features/*\/api) with a supabase-js client per owner, so the requests are exactly the
 * pages' — the parse of each answer included:
 *
 *  - the year's statistics (`stay_statistics`, all gîtes, then one gîte);
 *  - a tax simulation, cold: the nine reads the Fiscalité page sends at once (receipts of
 *    N, N-1, N-2 per category, charges, components, vehicle, trips' km, settings,
 *    carry-forwards, saved simulations, gîtes), then the engine (input, both régimes, the
 *    explanation, the input hash);
 *  - a tax simulation, saved: the saved result read back (one request) — what the page
 *    shows at once when the owner opens the year again.
 *
 * Before measuring, each sampled owner is given what an owner enters (charges, components,
 * a vehicle, trips; kept between runs) and a saved simulation of the year.
 * Targets (issue 7): statistics p95 < 50 ms, simulation cold p95 < 100 ms, saved < 10 ms.
 * Exits non-zero when a p95 misses its target. Loopback only, bounded by --runs.
 *
 * Dataset: `npm run seed:scale`, then for example
 *   npx tsx dev/stack/cli.ts --data-dir .local/scale --port-base 54520 --no-seed --no-sync &
 *   npm run bench:stats -- --stack-file .local/scale/stack.json
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import WebSocket from 'ws';
import type { Database } from '../../src/lib/database.types.ts';
import { readStackInfo } from '../scale/db-url.ts';
import { SCALE_PASSWORD } from '../scale/generate.ts';
import { repoRoot } from '../stack/config.ts';

const { values: flags } = parseArgs({
  options: {
    'stack-file': { type: 'string', default: path.join(repoRoot, '.local', 'stack.json') },
    'owners-sample': { type: 'string', default: '5' },
    runs: { type: 'string', default: '30' },
    year: { type: 'string', default: String(new Date().getUTCFullYear() - 1) },
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

const sample = intFlag(flags['owners-sample'], 'owners-sample', 1, 50);
const runs = intFlag(flags.runs, 'runs', 1, 1000);
const year = intFlag(flags.year, 'year', 2023, 2026);

const stack = await readStackInfo(flags['stack-file'] ?? '');
if (!stack?.url || !stack.anonKey || !stack.dbUrl) {
  throw new Error(`no stack at ${flags['stack-file']}: start one (see the header of this file)`);
}
const url = new URL(stack.url);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
  throw new Error(`the bench targets loopback stacks only (got ${url.hostname})`);
}
// Node 20 has no WebSocket: supabase-js's realtime client (built with every client) takes ws.
globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket;
// The app's data layer reads its configuration like the browser app (src/lib/env.ts).
process.env.VITE_SUPABASE_URL = stack.url;
process.env.VITE_SUPABASE_ANON_KEY = stack.anonKey;

const { getStayStatistics } = await import('../../src/features/statistics/api/get-statistics.ts');
const { getFiscalGites } = await import('../../src/features/fiscalite/api/get-fiscal-gites.ts');
const { getFiscalReceipts } = await import(
  '../../src/features/fiscalite/api/get-fiscal-receipts.ts'
);
const { getCharges } = await import('../../src/features/fiscalite/api/get-charges.ts');
const { getComponents } = await import('../../src/features/fiscalite/api/get-components.ts');
const { getVehicle } = await import('../../src/features/fiscalite/api/get-vehicle.ts');
const { getTripTotals } = await import('../../src/features/fiscalite/api/get-trip-totals.ts');
const { getSettings } = await import('../../src/features/fiscalite/api/get-settings.ts');
const { getCarryForwards } = await import('../../src/features/fiscalite/api/get-carry-forwards.ts');
const { getSavedSimulations } = await import(
  '../../src/features/fiscalite/api/get-saved-simulations.ts'
);
const { saveSimulation } = await import('../../src/features/fiscalite/api/save-simulation.ts');
const { buildSimulationInput } = await import('../../src/features/fiscalite/simulation-input.ts');
const { simulate } = await import('../../src/features/fiscalite/simulation.ts');
const { explain } = await import('../../src/features/fiscalite/explain.ts');
const { simulationInputHash } = await import('../../src/features/fiscalite/simulation-key.ts');
const { parseSavedResults, savedResults } = await import(
  '../../src/features/fiscalite/saved-simulation.ts'
);

type Client = ReturnType<typeof createClient<Database>>;

interface Owner {
  id: string;
  email: string;
  gites: number;
  stays: number;
  giteId: string;
  client: Client;
}

// ------------------------------------------------------------------ owners
async function signIn(email: string): Promise<string> {
  const response = await fetch(`${stack?.url}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { apikey: stack?.anonKey ?? '', 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: flags.password }),
  });
  const json = (await response.json()) as { access_token?: string };
  if (!response.ok || !json.access_token) throw new Error(`sign-in of ${email} failed`);
  return json.access_token;
}

async function loadOwners(db: pg.Pool): Promise<Owner[]> {
  const { rows } = await db.query<{ id: string; email: string; gites: number; stays: number }>(
    `with candidates as (
       select g.owner_user_id as id, count(*)::int as gites
       from public.gites g group by g.owner_user_id
       order by count(*) desc limit greatest($1 * 4, 200)
     )
     select c.id, u.email, c.gites,
       (select count(*)::int from public.reservations r where r.owner_user_id = c.id) as stays
     from candidates c join auth.users u on u.id = c.id
     order by stays desc, u.email limit $1`,
    [sample],
  );
  if (rows.length === 0) throw new Error('no owner in this database: run npm run seed:scale first');
  const owners: Owner[] = [];
  for (const row of rows) {
    const token = await signIn(row.email);
    const client = createClient<Database>(stack?.url ?? '', stack?.anonKey ?? '', {
      accessToken: async () => token,
    });
    const { rows: gite } = await db.query<{ id: string }>(
      'select id from public.gites where owner_user_id = $1 order by ordre, nom limit 1',
      [row.id],
    );
    owners.push({ ...row, giteId: gite[0]?.id ?? '', client });
  }
  return owners;
}

/** What an owner enters on the Fiscalité page, once per owner and year (kept between runs). */
async function arrangeFiscalInputs(db: pg.Pool, owner: Owner): Promise<void> {
  const { rows } = await db.query<{ n: number }>(
    'select count(*)::int as n from public.charges_fiscales where owner_user_id = $1 and annee = $2',
    [owner.id, year],
  );
  if ((rows[0]?.n ?? 0) > 0) return;
  await db.query(
    `insert into public.charges_fiscales (owner_user_id, annee, nature, libelle, montant_centimes)
     select $1, $2, k, 'bench ' || k, 50000 + 1000 * g
     from unnest(array['assurances','energie_eau','entretien_reparations','taxe_fonciere','commissions_plateformes','comptabilite']) as k,
          generate_series(1, 3) as g`,
    [owner.id, year],
  );
  await db.query(
    `insert into public.composants_amortissables
       (owner_user_id, gite_id, libelle, nature, cout_centimes, date_mise_en_service, duree_annees)
     select $1, g.id, n.libelle, n.nature, n.cout, date '2019-05-01', n.duree
     from (select id from public.gites where owner_user_id = $1 order by ordre limit 10) g,
          (values ('Terrain', 'terrain', 3000000, null::int), ('Gros œuvre', 'gros_oeuvre', 12000000, 50),
                  ('Toiture', 'facades_etancheite', 2500000, 25), ('Mobilier', 'mobilier', 1500000, 7)) as n(libelle, nature, cout, duree)`,
    [owner.id],
  );
  await db.query(
    `insert into public.vehicules_fiscaux (owner_user_id, annee, libelle, km_total, frais_carburant_centimes, frais_assurance_centimes)
     values ($1, $2, 'Berlingo', 14000, 180000, 60000)
     on conflict do nothing`,
    [owner.id, year],
  );
  await db.query(
    `insert into public.km_trajets (owner_user_id, date, motif, distance_km, aller_retour)
     select $1, make_date($2, 1, 1) + (k * 3), 'Ménage et état des lieux', 12 + k % 30, true
     from generate_series(0, 119) as k`,
    [owner.id, year],
  );
}

// ------------------------------------------------------------------ the cases
async function simulationCold(owner: Owner) {
  const { client } = owner;
  const [, receipts, charges, components, vehicle, totals, settings, carryForwards, saved] =
    await Promise.all([
      getFiscalGites(client),
      getFiscalReceipts(client, year),
      getCharges(client, year),
      getComponents(client),
      getVehicle(client, year),
      getTripTotals(client, year),
      getSettings(client, year),
      getCarryForwards(client),
      getSavedSimulations(client, year),
    ]);
  const previous = saved.previous ? parseSavedResults(saved.previous.resultats) : null;
  const input = buildSimulationInput({
    year,
    receipts,
    charges,
    components,
    vehicle,
    businessKm: totals.businessKm,
    settings,
    carryForwards,
    previousYear: previous
      ? { regime: previous.regime, carryOut: previous.carryOut[previous.regime] }
      : null,
  });
  const result = simulate(input);
  const explanation = explain(result);
  const hash = await simulationInputHash(input);
  return { input, result, explanation, hash, saved };
}

async function saveOnce(owner: Owner): Promise<void> {
  const cold = await simulationCold(owner);
  await saveSimulation(owner.client, {
    year,
    id: cold.saved.current?.id ?? null,
    input: cold.input,
    inputsHash: cold.hash,
    results: savedResults(cold.result, cold.explanation),
    receipts: cold.result.receipts,
  });
}

async function simulationSaved(owner: Owner) {
  const saved = await getSavedSimulations(owner.client, year);
  if (!saved.current || !parseSavedResults(saved.current.resultats)) {
    throw new Error(`no saved simulation of ${year} for ${owner.email}`);
  }
}

interface Case {
  name: string;
  targetMs: number;
  run: (owner: Owner) => Promise<unknown>;
}

const CASES: Case[] = [
  {
    name: `statistics ${year} + ${year - 1}, all gîtes (stay_statistics)`,
    targetMs: 50,
    run: (owner) => getStayStatistics(owner.client, year, null),
  },
  {
    name: `statistics ${year} + ${year - 1}, one gîte`,
    targetMs: 50,
    run: (owner) => getStayStatistics(owner.client, year, owner.giteId),
  },
  { name: `tax simulation ${year}, cold (9 reads + engine)`, targetMs: 100, run: simulationCold },
  { name: `tax simulation ${year}, saved (read back)`, targetMs: 10, run: simulationSaved },
];

// ------------------------------------------------------------------ measure
function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));

async function main() {
  const db = new pg.Pool({ connectionString: stack?.dbUrl, max: 4 });
  try {
    const owners = await loadOwners(db);
    console.log(
      `[bench:stats] ${owners.length} owner(s): ${owners
        .map((o) => `${o.gites} gîtes / ${o.stays.toLocaleString('en')} stays`)
        .join(', ')}; year ${year}; ${runs} run(s) per case and owner`,
    );
    for (const owner of owners) {
      await arrangeFiscalInputs(db, owner);
      await saveOnce(owner);
    }

    const rows: string[][] = [];
    let missed = 0;
    for (const testCase of CASES) {
      const times: number[] = [];
      for (const owner of owners) {
        await testCase.run(owner); // warm-up
        for (let i = 0; i < runs; i += 1) {
          const started = performance.now();
          await testCase.run(owner);
          times.push(performance.now() - started);
        }
      }
      times.sort((a, b) => a - b);
      const p95 = percentile(times, 95);
      const ok = p95 < testCase.targetMs;
      if (!ok) missed += 1;
      rows.push([
        testCase.name,
        ms(percentile(times, 50)),
        ms(p95),
        ms(percentile(times, 99)),
        `< ${testCase.targetMs} ${ok ? '✅' : '❌'}`,
      ]);
    }

    const header = ['case', 'p50 ms', 'p95 ms', 'p99 ms', 'target p95'];
    const widths = header.map((h, i) =>
      Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)),
    );
    const line = (cells: string[]) =>
      cells
        .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
        .join('  ');
    console.log(`\n${line(header)}`);
    for (const row of rows) console.log(line(row));
    console.log(
      '\nThrough the API as each owner (gateway → PostgREST, RLS), answers parsed as the pages parse them; the simulation includes the engine and the input hash.',
    );
    if (missed > 0) {
      console.error(`${missed} case(s) above target`);
      process.exitCode = 1;
    }
  } finally {
    await db.end();
  }
}

await main();
