import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, whatever the current directory. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const DEFAULT_PORT_BASE = 54320;
export const DEFAULT_APP_PORT = 5173;

/** Every local port derives from one base so that a test stack never collides with `npm start`. */
export interface StackPorts {
  gateway: number;
  postgres: number;
  rest: number;
  auth: number;
}

export function portsFrom(base: number): StackPorts {
  return { gateway: base + 1, postgres: base + 2, rest: base + 3, auth: base + 4 };
}

/** Superuser of the local cluster only; hosted Supabase never sees it. */
export const PG_SUPERUSER = 'postgres';
export const PG_SUPERUSER_PASSWORD = 'postgres';
/** Password of the `authenticator` role, set by dev/stack/bootstrap.sql. */
export const AUTHENTICATOR_PASSWORD = 'authenticator-local';
export const DATABASE_NAME = 'postgres';

export const migrationsDir = path.join(repoRoot, 'supabase', 'migrations');
export const seedFile = path.join(repoRoot, 'supabase', 'seed.sql');
export const bootstrapFile = path.join(repoRoot, 'dev', 'stack', 'bootstrap.sql');
export const defaultDataDir = path.join(repoRoot, '.local');

export function superuserUrl(port: number): string {
  return `postgres://${PG_SUPERUSER}:${PG_SUPERUSER_PASSWORD}@127.0.0.1:${port}/${DATABASE_NAME}`;
}
