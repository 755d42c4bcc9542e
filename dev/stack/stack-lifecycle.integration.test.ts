import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from './config.ts';
import { assertPortsFree, startStack } from './stack.ts';

/**
 * Ports of these tests' own stacks, above the shared test stack's base (55320 by default, or
 * TEST_STACK_PORT_BASE), so parallel runs with different bases never collide.
 */
const TEST_BASE = Number(process.env.TEST_STACK_PORT_BASE ?? 55320);
const PORT_BASE = TEST_BASE + 100;
const CLI_PORT_BASE = TEST_BASE + 200;
const stackPorts = (base: number) => ({
  gateway: base + 1,
  postgres: base + 2,
  rest: base + 3,
  auth: base + 4,
  restAdmin: base + 5,
});

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDir(label: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `lou-${label}-`));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const quiet = () => undefined;

describe('local stack lifecycle', () => {
  it('reuses a data dir and applies only the migrations it has not seen, recorded as the Supabase CLI does', async () => {
    const dataDir = await tempDir('reuse');
    const migrations = await tempDir('migrations');
    await writeFile(
      path.join(migrations, '20260101000000_first.sql'),
      'create table public.lifecycle_first (id int primary key);\nalter table public.lifecycle_first enable row level security;\n',
    );
    const first = await startStack({
      dataDir,
      portBase: PORT_BASE,
      migrationsDir: migrations,
      seed: false,
      log: quiet,
    });
    expect(first.appliedMigrations).toEqual(['20260101000000_first']);
    await first.stop();

    await writeFile(
      path.join(migrations, '20260102000000_second.sql'),
      'create table public.lifecycle_second (id int primary key);\nalter table public.lifecycle_second enable row level security;\n',
    );
    const second = await startStack({
      dataDir,
      portBase: PORT_BASE,
      migrationsDir: migrations,
      seed: false,
      log: quiet,
    });
    cleanups.push(() => second.stop());
    expect(second.appliedMigrations).toEqual(['20260102000000_second']);
    const db = new pg.Client({ connectionString: second.dbUrl });
    await db.connect();
    const { rows } = await db.query<{ version: string; name: string }>(
      'select version, name from supabase_migrations.schema_migrations order by version',
    );
    await db.end();
    expect(rows).toEqual([
      { version: '20260101000000', name: 'first' },
      { version: '20260102000000', name: 'second' },
    ]);
  });

  it('stops on a failing migration with the file and line, applies none of it, and leaves nothing listening', async () => {
    const dataDir = await tempDir('badmig');
    const migrations = await tempDir('badmigrations');
    await writeFile(
      path.join(migrations, '20260101000000_broken.sql'),
      'create table public.half_done (id int primary key);\nselect this is not sql;\n',
    );
    await expect(
      startStack({
        dataDir,
        portBase: PORT_BASE,
        migrationsDir: migrations,
        seed: false,
        log: quiet,
      }),
    ).rejects.toThrow(
      /20260101000000_broken\.sql failed \(line 2\): .*nothing from this file was applied/,
    );
    await assertPortsFree(stackPorts(PORT_BASE));

    // The cluster itself is fine: once the file is fixed, it applies from scratch.
    await writeFile(
      path.join(migrations, '20260101000000_broken.sql'),
      'create table public.half_done (id int primary key);\nalter table public.half_done enable row level security;\n',
    );
    const fixed = await startStack({
      dataDir,
      portBase: PORT_BASE,
      migrationsDir: migrations,
      seed: false,
      log: quiet,
    });
    cleanups.push(() => fixed.stop());
    expect(fixed.appliedMigrations).toEqual(['20260101000000_broken']);
  });

  it('starts from a data dir inside a private (0700) directory, as a `mktemp -d` checkout has', async () => {
    const privateDir = await tempDir('private');
    await chmod(privateDir, 0o700);
    const migrations = await tempDir('private-migrations');
    const stack = await startStack({
      dataDir: path.join(privateDir, 'nested', 'data'),
      portBase: PORT_BASE,
      migrationsDir: migrations,
      seed: false,
      log: quiet,
    });
    cleanups.push(() => stack.stop());
    expect(
      (await fetch(`${stack.url}/auth/v1/health`, { headers: { apikey: stack.anonKey } })).status,
    ).toBe(200);
  });

  it('names the port that is taken and starts nothing', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(PORT_BASE + 1, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => blocker.close(resolve)));
    const dataDir = await tempDir('busy');
    await expect(
      startStack({ dataDir, portBase: PORT_BASE, seed: false, log: quiet }),
    ).rejects.toThrow(`port ${PORT_BASE + 1} (gateway) is already in use`);
  });

  it('refuses a data dir that is not a PostgreSQL cluster, and one that is broken, with the fix', async () => {
    const foreign = await tempDir('foreign');
    await mkdir(path.join(foreign, 'pg'));
    await writeFile(path.join(foreign, 'pg', 'notes.txt'), 'not a database');
    await expect(
      startStack({ dataDir: foreign, portBase: PORT_BASE, seed: false, log: quiet }),
    ).rejects.toThrow(/not a PostgreSQL data directory .*remove it/);

    const broken = await tempDir('broken');
    await mkdir(path.join(broken, 'pg'));
    await writeFile(path.join(broken, 'pg', 'PG_VERSION'), '18\n');
    await expect(
      startStack({ dataDir: broken, portBase: PORT_BASE, seed: false, log: quiet }),
    ).rejects.toThrow(/PostgreSQL did not start .*remove it/);
    await assertPortsFree(stackPorts(PORT_BASE));
  });

  it('`npm start` (the CLI with the app) serves the app and the API, and Ctrl-C leaves nothing listening', async () => {
    const appPort = CLI_PORT_BASE + 53;
    const ephemeralDirs = async () =>
      (await readdir(tmpdir())).filter((name) => name.startsWith('lou-stack-'));
    const dirsBefore = new Set(await ephemeralDirs());
    // Through the `tsx` wrapper, as `npm start` runs it: the wrapper relays Ctrl-C, so the
    // CLI gets the signal twice and must still finish its clean-up.
    const cli = spawn(
      path.join(repoRoot, 'node_modules', '.bin', 'tsx'),
      [
        'dev/stack/cli.ts',
        '--ephemeral',
        '--port-base',
        String(CLI_PORT_BASE),
        '--with-app',
        '--app-port',
        String(appPort),
      ],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
        // Without the VITE_SUPABASE_* of this test process: set, they mean "hosted project".
        env: Object.fromEntries(
          Object.entries(process.env).filter(([name]) => !name.startsWith('VITE_')),
        ),
      },
    );
    let output = '';
    cli.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    cli.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => cli.once('exit', resolve));
    // On failure, kill the whole process group (wrapper, CLI, Vite, PostgREST, Postgres):
    // killing only the wrapper would leave its children running.
    cleanups.push(async () => {
      if (cli.exitCode === null && cli.pid) process.kill(-cli.pid, 'SIGKILL');
    });

    const deadline = Date.now() + 90_000;
    while (!output.includes('Ready in') && cli.exitCode === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(output, `CLI output:\n${output}`).toContain('Ready in');
    expect(output).toContain('demo@liveownerunit.fr');
    expect((await fetch(`http://127.0.0.1:${appPort}/`)).status).toBe(200);
    const health = await fetch(`http://127.0.0.1:${CLI_PORT_BASE + 1}/auth/v1/health`, {
      headers: { apikey: 'x' },
    });
    expect(health.status).toBe(200);

    cli.kill('SIGINT');
    expect(await exited).toBe(0);
    await assertPortsFree({ ...stackPorts(CLI_PORT_BASE), app: appPort });
    // Its throw-away data directory is gone too.
    expect((await ephemeralDirs()).filter((name) => !dirsBefore.has(name))).toEqual([]);
  }, 120_000);
});
