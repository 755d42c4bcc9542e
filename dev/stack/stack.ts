/**
 * The zero-Docker local Supabase: embedded PostgreSQL, the bootstrap, the migrations and the
 * seed, PostgREST, the auth service and the gateway. Used by `npm start`, `npm run stack`,
 * the Vitest global setup and Playwright. If any part fails to start, the parts already
 * started are stopped before the error is thrown: nothing is left half-running.
 */
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { startAuthServer } from './auth-server.ts';
import {
  bootstrapFile,
  migrationsDir,
  portsFrom,
  type StackPorts,
  seedFile,
  superuserUrl,
} from './config.ts';
import { assertDataDirWritable, writeFileAtomic } from './data-dir.ts';
import { startFunctionsServer } from './functions-server.ts';
import { startGateway } from './gateway.ts';
import { loadOrCreateKeys } from './keys.ts';
import { applyPendingMigrations, applySeedOnce, runSqlFile } from './migrations.ts';
import { startPostgres } from './postgres.ts';
import { startPostgrest } from './postgrest.ts';
import { StackError } from './stack-error.ts';

export interface StackOptions {
  dataDir: string;
  portBase: number;
  /** Run supabase/seed.sql on a database that has not had it yet (default true). */
  seed?: boolean;
  /** Where the migrations are read from (tests point it elsewhere); default supabase/migrations. */
  migrationsDir?: string;
  /** The Supabase-platform bootstrap run on a new cluster; default dev/stack/bootstrap.sql. */
  bootstrapFile?: string;
  /** Access-token lifetime of the auth service, in seconds. */
  accessTokenSeconds?: number;
  log?: (part: string, line: string) => void;
}

/** What clients need; also written to `<dataDir>/stack.json`. */
export interface StackInfo {
  url: string;
  anonKey: string;
  serviceRoleKey: string;
  jwtSecret: string;
  dbUrl: string;
  ports: StackPorts;
}

/** One of the stack's server processes, for fault tests: crash it, then start it again. */
export interface StackPart {
  /** Its pid, or null while it is not running. */
  pid(): number | null;
  /** SIGKILL (a crash: no clean shutdown); resolves once the process is gone. */
  kill(): Promise<void>;
  /** Starts it again with the same settings; resolves once it is ready. */
  start(): Promise<void>;
}

export interface RunningStack extends StackInfo {
  appliedMigrations: string[];
  seeded: boolean;
  /** The database server and PostgREST (the gateway, auth and functions run in this process). */
  parts: { postgres: StackPart; postgrest: StackPart };
  stop(): Promise<void>;
}

/** PostgREST's start-up lines: noise on every start, so only anything else is shown. */
const POSTGREST_CHATTER =
  /Starting PostgREST|Attempting to connect|[Ll]istening|Connection successful|Config reloaded|Schema cache loaded/;

async function assertPortFree(port: number, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new StackError(
          error.code === 'EADDRINUSE'
            ? `port ${port} (${what}) is already in use — is another local stack running? Stop it, or pick other ports with --port-base.`
            : `cannot listen on 127.0.0.1:${port} (${what}): ${error.message}`,
        ),
      );
    });
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

export async function assertPortsFree(ports: Record<string, number>): Promise<void> {
  for (const [what, port] of Object.entries(ports)) await assertPortFree(port, what);
}

/** A postgres left running by a killed earlier start holds the data dir (and its port). */
async function assertNoOrphanPostgres(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // stale pid file of a crashed server: PostgreSQL recovers from it by itself
  }
  throw new StackError(
    `a PostgreSQL from an earlier run is still using ${path.join(dataDir, 'pg')} (pid ${pid}): stop it with "kill ${pid}" and start again.`,
  );
}

export async function startStack(options: StackOptions): Promise<RunningStack> {
  const log = options.log ?? ((part, line) => console.log(`[${part}] ${line}`));
  const ports = portsFrom(options.portBase);
  await assertNoOrphanPostgres(options.dataDir);
  // A read-only or full disk is named before anything starts or is written.
  await assertDataDirWritable(options.dataDir);
  const restAdminPort = options.portBase + 5;
  const functionsPort = options.portBase + 7;
  await assertPortsFree({
    functions: functionsPort,
    gateway: ports.gateway,
    postgres: ports.postgres,
    postgrest: ports.rest,
    'postgrest admin': restAdminPort,
    auth: ports.auth,
  });

  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) {
      await stop().catch((error: unknown) => log('stack', `stop failed: ${String(error)}`));
    }
  };

  try {
    const postgres = await startPostgres({
      dataDir: options.dataDir,
      port: ports.postgres,
      log: (line) => log('db', line),
    });
    stops.push(() => postgres.stop());
    const keys = await loadOrCreateKeys(options.dataDir);
    const dbUrl = superuserUrl(ports.postgres);

    const client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    let appliedMigrations: string[];
    let seeded = false;
    try {
      // The bootstrap gives plain Postgres what hosted Supabase has; it runs once per cluster.
      const { rows } = await client.query<{ ready: boolean }>(
        "select to_regrole('authenticator') is not null as ready",
      );
      if (!rows[0]?.ready) await runSqlFile(client, options.bootstrapFile ?? bootstrapFile);
      appliedMigrations = await applyPendingMigrations(
        client,
        options.migrationsDir ?? migrationsDir,
      );
      if ((options.seed ?? true) && existsSync(seedFile)) {
        const hash = createHash('sha256')
          .update(await readFile(seedFile))
          .digest('hex');
        seeded = await applySeedOnce(client, seedFile, hash);
      }
      // PostgREST may already hold a schema cache from an earlier start of this cluster.
      await client.query("notify pgrst, 'reload schema'");
    } finally {
      await client.end();
    }

    const startRest = () =>
      startPostgrest({
        postgresPort: ports.postgres,
        port: ports.rest,
        adminPort: restAdminPort,
        jwtSecret: keys.jwtSecret,
        log: (line) => {
          if (!POSTGREST_CHATTER.test(line)) log('rest', line);
        },
      });
    let postgrest = await startRest();
    stops.push(() => postgrest.stop());
    const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;
    const postgrestPart: StackPart = {
      pid: () => (running(postgrest.child) ? (postgrest.child.pid ?? null) : null),
      async kill() {
        if (!running(postgrest.child)) return;
        const exited = new Promise((resolve) => postgrest.child.once('exit', resolve));
        postgrest.child.kill('SIGKILL');
        await exited;
      },
      async start() {
        if (running(postgrest.child)) return;
        postgrest = await startRest();
      },
    };

    const auth = await startAuthServer({
      databaseUrl: dbUrl,
      jwtSecret: keys.jwtSecret,
      port: ports.auth,
      ...(options.accessTokenSeconds ? { accessTokenSeconds: options.accessTokenSeconds } : {}),
    });
    stops.push(() => auth.stop());

    const functions = await startFunctionsServer({
      port: functionsPort,
      apiUrl: `http://127.0.0.1:${ports.gateway}`,
      anonKey: keys.anonKey,
      serviceRoleKey: keys.serviceRoleKey,
    });
    stops.push(() => functions.stop());

    const gateway = await startGateway(ports.gateway, [
      { prefix: '/rest/v1', port: ports.rest },
      { prefix: '/auth/v1', port: ports.auth },
      { prefix: '/functions/v1', port: functionsPort, public: true },
    ]);
    stops.push(() => gateway.stop());

    const info: StackInfo = {
      url: `http://127.0.0.1:${ports.gateway}`,
      anonKey: keys.anonKey,
      serviceRoleKey: keys.serviceRoleKey,
      jwtSecret: keys.jwtSecret,
      dbUrl,
      ports,
    };
    await writeFileAtomic(
      path.join(options.dataDir, 'stack.json'),
      `${JSON.stringify(info, null, 2)}\n`,
    );
    return {
      ...info,
      appliedMigrations,
      seeded,
      parts: {
        postgres: { pid: postgres.pid, kill: postgres.kill, start: postgres.start },
        postgrest: postgrestPart,
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
