/**
 * The iCal sync worker as a Supabase edge function (Deno). pg_cron calls it every 10 seconds
 * (migration 20261124000400) with the service-role key; each call reads due feeds for up to
 * ~45 s and answers with what it did. The work itself is supabase/functions/_shared/sync/,
 * the code the local stack and the tests run under Node.
 *
 * Environment (set by Supabase): SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY. Tests only (never set
 * in production): SYNC_TEST_ALLOWED_LOOPBACK (comma-separated host:port of a loopback fixture
 * server), SYNC_TEST_CA_FILE (its certificate), SYNC_TEST_PORT (where to listen).
 */
import { createClient } from '@supabase/supabase-js';
import { rpcSyncStore } from '../_shared/sync/sync-store.ts';
import { syncUntilIdle } from '../_shared/sync/worker.ts';
import { denoFeedFetch } from './deno-feed-fetch.ts';

const url = Deno.env.get('SUPABASE_URL') ?? '';
const serviceRoleKey = Deno.env.get('SUPABASE_SERVICE_ROLE_KEY') ?? '';
const client = createClient(url, serviceRoleKey, {
  auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
});
const store = rpcSyncStore(client);
// Production fetches public addresses only: no loopback exception unless a test names one.
const allowedLoopback = (Deno.env.get('SYNC_TEST_ALLOWED_LOOPBACK') ?? '')
  .split(',')
  .filter((entry) => entry !== '');
const caFile = Deno.env.get('SYNC_TEST_CA_FILE');
const fetchDeps = denoFeedFetch(
  { allowedLoopback },
  caFile ? { caCerts: [await Deno.readTextFile(caFile)] } : {},
);

/** Stops claiming batches this long before the platform's ~60 s limit. */
const WORK_BUDGET_MS = 45_000;

const testPort = Deno.env.get('SYNC_TEST_PORT');

Deno.serve(testPort ? { port: Number(testPort), hostname: '127.0.0.1' } : {}, async (request) => {
  // Only the scheduler may run the worker: it sends the service-role key.
  if (request.headers.get('authorization') !== `Bearer ${serviceRoleKey}` || !serviceRoleKey) {
    return Response.json({ message: 'service role required' }, { status: 401 });
  }
  const workerId = `edge-${crypto.randomUUID()}`;
  const report = await syncUntilIdle({
    store,
    fetchDeps,
    workerId,
    concurrency: 20,
    batchSize: 50,
    leaseSeconds: 120,
    deadline: Date.now() + WORK_BUDGET_MS,
  });
  return Response.json(report);
});
