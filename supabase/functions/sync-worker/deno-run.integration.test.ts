/**
 * The sync-worker edge function run by Deno itself (see dev/deno.ts), as Supabase runs
 * it: called over HTTP with the service-role key, it reads a due feed from the https fixture
 * server and writes its stays through PostgREST — the same shared code the Node tests run,
 * here through Deno's fetch and resolver. A stack of its own: the worker claims any due task.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { denoBinary } from '../../../dev/deno.ts';
import { type FixtureServer, startFixtureServer } from '../../../dev/ical-fixtures/server.ts';
import { signedUpOwner, superuserPool } from '../../../dev/test/clients.ts';
import { startPrivateStack } from '../../../dev/test/private-stack.ts';

const stack = await startPrivateStack(500);
const functionsDir = path.resolve(import.meta.dirname, '..');
const deno = denoBinary();
const port = Number(process.env.TEST_STACK_PORT_BASE ?? 55320) + 509;

let db: pg.Pool;
let fixtures: FixtureServer;
let worker: ChildProcess | undefined;
let tempDir: string;

beforeAll(async () => {
  db = await superuserPool(stack);
  fixtures = await startFixtureServer({ port: 0 });
  tempDir = await mkdtemp(path.join(tmpdir(), 'lou-deno-worker-'));
  const caFile = path.join(tempDir, 'ca.pem');
  await writeFile(caFile, fixtures.ca);
  worker = spawn(deno, ['run', '-A', 'sync-worker/index.ts'], {
    cwd: functionsDir,
    env: {
      ...process.env,
      NO_COLOR: '1',
      DENO_NO_UPDATE_CHECK: '1',
      SUPABASE_URL: stack.url,
      SUPABASE_SERVICE_ROLE_KEY: stack.serviceRoleKey,
      SYNC_TEST_ALLOWED_LOOPBACK: new URL(fixtures.origin).host,
      SYNC_TEST_CA_FILE: caFile,
      SYNC_TEST_PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  worker.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[deno] ${chunk}`));
  // Listening when it answers (401 without the key).
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST' }).then(
      (r) => r.status === 401,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline || worker.exitCode !== null)
      throw new Error('deno worker did not start');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}, 90_000);

afterAll(async () => {
  worker?.kill('SIGTERM');
  await fixtures.close();
  await db.end();
  await stack.stop();
  await rm(tempDir, { recursive: true, force: true });
});

it('reads a due feed and stores its stays when the scheduler calls it', async () => {
  const owner = await signedUpOwner(stack, 'deno');
  const { rows: gites } = await db.query<{ id: string }>(
    "insert into public.gites (owner_user_id, nom) values ($1, 'Le Lavoir') returning id",
    [owner.user.id],
  );
  const { rows: feeds } = await db.query<{ id: string }>(
    `insert into public.ical_feeds (owner_user_id, gite_id, platform, url)
     values ($1, $2, 'airbnb', $3) returning id`,
    [owner.user.id, gites[0]?.id, `${fixtures.origin}/feeds/airbnb.ics`],
  );
  await db.query('select public.enqueue_due_feeds()');

  const refused = await fetch(`http://127.0.0.1:${port}/`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.anonKey}` },
  });
  expect(refused.status).toBe(401);

  const response = await fetch(`http://127.0.0.1:${port}/`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.serviceRoleKey}` },
  });
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ claimed: 1, applied: 1, failed: 0, errors: [] });
  const { rows } = await db.query<{ n: number }>(
    "select count(*)::int as n from public.reservations where feed_id = $1 and status <> 'cancelled'",
    [feeds[0]?.id],
  );
  expect(rows[0]?.n).toBeGreaterThan(2);
}, 60_000);
