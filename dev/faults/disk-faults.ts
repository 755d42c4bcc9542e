/**
 * Starting the stack on a data directory that cannot be written: the start fails with one
 * line naming the problem and the fix, starts nothing, changes nothing, and once the problem
 * is gone the next start finds every row as it was.
 *
 *   read-only   the data dir's file system remounted read-only (a tmpfs of its own)
 *   disk full   that file system filled to the last byte
 *   no write    the database directory made unwritable for the postgres user (chmod; as
 *               root the stack runs PostgreSQL as `postgres`, for whom file modes apply)
 *
 * The first two need `mount` (root with CAP_SYS_ADMIN, as on this machine and its CI);
 * where mounting is refused they are skipped with the reason printed, the third still runs.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { assertPortsFree, type RunningStack, startStack } from '../stack/stack.ts';
import { type FaultLog, FaultSkipped } from './fault-log.ts';

const run = promisify(execFile);

/** Mounted here and not yet unmounted: unmounted if this process exits first (a time limit). */
const mounts = new Set<string>();
process.once('exit', () => {
  for (const dir of mounts) {
    try {
      execFileSync('umount', ['-l', dir]);
    } catch {
      // already gone
    }
  }
});

interface Snapshot {
  rows: number;
  checksum: string;
  jwtSecret: string;
  stackJson: string;
}

const quiet = () => undefined;

async function query<T extends pg.QueryResultRow>(stack: RunningStack, sql: string) {
  const client = new pg.Client({ connectionString: stack.dbUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function snapshot(stack: RunningStack, dataDir: string): Promise<Snapshot> {
  const [row] = await query<{ rows: number; checksum: string }>(
    stack,
    `select count(*)::int as rows, md5(string_agg(id || ':' || v, ',' order by id)) as checksum
     from public.fault_probe`,
  );
  return {
    rows: row?.rows ?? 0,
    checksum: row?.checksum ?? '',
    jwtSecret: await readFile(path.join(dataDir, 'jwt-secret'), 'utf8'),
    stackJson: await readFile(path.join(dataDir, 'stack.json'), 'utf8'),
  };
}

/** Starts the stack expecting a refusal; returns the error's message. */
async function refusedStart(
  log: FaultLog,
  dataDir: string,
  portBase: number,
  expected: RegExp,
  what: string,
): Promise<void> {
  log.time(`refused start (${what})`);
  let message = '';
  try {
    const stack = await startStack({ dataDir, portBase, seed: false, log: quiet });
    await stack.stop();
  } catch (error) {
    message = `${(error as Error).name}: ${(error as Error).message}`;
  }
  log.stop(`refused start (${what})`);
  log.seen(`error: ${message || '(none: the stack started)'}`);
  log.check(
    message.startsWith('StackError: ') && expected.test(message),
    `the start fails with one line naming the problem (${what}) and the fix`,
  );
  log.check(
    !/rm -rf/.test(message),
    'the message does not tell the owner to delete the data directory',
  );
  const free = await assertPortsFree({
    gateway: portBase + 1,
    postgres: portBase + 2,
    postgrest: portBase + 3,
    auth: portBase + 4,
  })
    .then(() => true)
    .catch(() => false);
  log.check(free, 'nothing was left running (every port of the stack is free)');
}

/** Starts normally and checks the data and the stack's files are as before. */
async function intactStart(
  log: FaultLog,
  dataDir: string,
  portBase: number,
  before: Snapshot,
): Promise<void> {
  log.time('normal start after the fix');
  const stack = await startStack({ dataDir, portBase, seed: false, log: quiet });
  log.stop('normal start after the fix');
  try {
    const after = await snapshot(stack, dataDir);
    log.check(
      after.rows === before.rows && after.checksum === before.checksum,
      `all ${before.rows} rows are there, unchanged (md5 ${after.checksum.slice(0, 8)}…)`,
      `${after.rows} rows, md5 ${after.checksum}`,
    );
    const written = JSON.parse(after.stackJson) as { jwtSecret?: string };
    log.check(
      after.jwtSecret === before.jwtSecret && written.jwtSecret === before.jwtSecret.trim(),
      'the JWT secret is unchanged and stack.json whole (tokens issued before still work)',
    );
  } finally {
    await stack.stop();
  }
}

async function arrange(log: FaultLog, dataDir: string, portBase: number): Promise<Snapshot> {
  log.step(`start a stack on ${dataDir} and write 1,000 rows`);
  const stack = await startStack({ dataDir, portBase, seed: false, log: quiet });
  try {
    await query(
      stack,
      `create table public.fault_probe (id int primary key, v text);
       alter table public.fault_probe enable row level security;
       insert into public.fault_probe select g, md5(g::text) from generate_series(1, 1000) g;`,
    );
    return await snapshot(stack, dataDir);
  } finally {
    await stack.stop();
  }
}

/** A tmpfs of `megabytes` at a new directory, or the reason it cannot be mounted. */
async function mountTmpfs(megabytes: number): Promise<{ dir: string } | { refused: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lou-faults-disk-'));
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m,mode=0755`, 'tmpfs', dir]);
    mounts.add(dir);
    return { dir };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: string }).stderr?.trim();
    return { refused: stderr || (error as Error).message };
  }
}

async function unmount(dir: string): Promise<void> {
  await run('umount', [dir]).catch(() => run('umount', ['-l', dir]));
  mounts.delete(dir);
  await rm(dir, { recursive: true, force: true });
}

export async function diskFaultsScenario(
  log: FaultLog,
  options: { portBase: number },
): Promise<void> {
  const { portBase } = options;

  // 1 and 2: a file system of its own, made read-only, then full.
  const mounted = await mountTmpfs(160);
  if ('refused' in mounted) {
    const skipped = `mounting a tmpfs is not permitted here (${mounted.refused}): read-only and disk-full starts skipped`;
    log.seen(`SKIPPED: ${skipped}`);
    const dataDir = await mkdtemp(path.join(tmpdir(), 'lou-faults-nowrite-'));
    try {
      await unwritableDatabaseDir(log, dataDir, portBase, await arrange(log, dataDir, portBase));
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
    throw new FaultSkipped(skipped);
  }
  try {
    log.step(`mount a 160 MB tmpfs at ${mounted.dir}`);
    const dataDir = path.join(mounted.dir, 'data');
    const before = await arrange(log, dataDir, portBase);

    log.step('remount it read-only, start the stack');
    await run('mount', ['-o', 'remount,ro', mounted.dir]);
    await refusedStart(log, dataDir, portBase, /read-only file system.*remount/, 'read-only');
    log.step('remount it read-write');
    await run('mount', ['-o', 'remount,rw', mounted.dir]);
    await intactStart(log, dataDir, portBase, before);

    log.step('fill the file system to the last byte, start the stack');
    const filler = path.join(mounted.dir, 'filler');
    await run('dd', ['if=/dev/zero', `of=${filler}`, 'bs=1M']).catch(() => undefined);
    const { stdout } = await run('df', ['--output=avail', '-B1', mounted.dir]);
    log.seen(`bytes free: ${stdout.split('\n')[1]?.trim()}`);
    await refusedStart(log, dataDir, portBase, /disk .* is full.*free some space/, 'disk full');
    log.step('delete the filler file');
    await rm(filler);
    await intactStart(log, dataDir, portBase, before);

    await unwritableDatabaseDir(log, dataDir, portBase, before);
  } finally {
    await unmount(mounted.dir);
  }
}

/** 3: the database directory unwritable for the postgres user (no mount needed). */
async function unwritableDatabaseDir(
  log: FaultLog,
  dataDir: string,
  portBase: number,
  before: Snapshot,
): Promise<void> {
  const pgDir = path.join(dataDir, 'pg');
  try {
    log.step('chmod 0500 the database directory (pg/): PostgreSQL, run as postgres, may not write');
    await chmod(pgDir, 0o500);
    await refusedStart(log, dataDir, portBase, /may not write there.*chmod/, 'no write access');
    log.step('chmod 0700 it back');
    await chmod(pgDir, 0o700);
    await intactStart(log, dataDir, portBase, before);
  } finally {
    await chmod(pgDir, 0o700).catch(() => undefined);
  }
}
