import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { StackError } from './stack-error.ts';

export interface MigrationFile {
  version: string;
  name: string;
  file: string;
}

const MIGRATION_NAME = /^(\d+)_(.+)\.sql$/;

/** Lists `supabase/migrations/<version>_<name>.sql` in the order the Supabase CLI applies them. */
export async function listMigrations(dir: string): Promise<MigrationFile[]> {
  const entries = await readdir(dir);
  return entries
    .flatMap((entry) => {
      const match = MIGRATION_NAME.exec(entry);
      if (!match?.[1] || !match[2]) return [];
      return [{ version: match[1], name: match[2], file: path.join(dir, entry) }];
    })
    .sort((a, b) => a.version.localeCompare(b.version));
}

/** The history table exactly as the Supabase CLI keeps it, so a hosted project and this stack agree. */
const HISTORY_DDL = `
  create schema if not exists supabase_migrations;
  create table if not exists supabase_migrations.schema_migrations (
    version text primary key,
    statements text[],
    name text
  );
  create table if not exists supabase_migrations.seed_files (
    path text primary key,
    hash text not null
  );
`;

/** Turns a Postgres error position (1-based character offset) into "line N". */
function lineOf(sql: string, position: string | undefined): string {
  const offset = Number(position);
  if (!Number.isFinite(offset) || offset <= 0) return '';
  return ` (line ${sql.slice(0, offset).split('\n').length})`;
}

/**
 * Runs one SQL file in a single transaction: either all of it lands or none of it.
 * `record` runs inside the same transaction so the history never lies.
 */
export async function runSqlFile(
  client: pg.Client,
  file: string,
  record?: (sql: string) => Promise<void>,
): Promise<void> {
  const sql = await readFile(file, 'utf8');
  await client.query('begin');
  try {
    await client.query(sql);
    await record?.(sql);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    const pgError = error as { message?: string; position?: string };
    throw new StackError(
      `${path.relative(process.cwd(), file)} failed${lineOf(sql, pgError.position)}: ${pgError.message ?? String(error)} — nothing from this file was applied; fix it and start again.`,
    );
  }
}

/** Applies the migrations not yet recorded in supabase_migrations.schema_migrations; returns their names. */
export async function applyPendingMigrations(client: pg.Client, dir: string): Promise<string[]> {
  await client.query(HISTORY_DDL);
  const { rows } = await client.query<{ version: string }>(
    'select version from supabase_migrations.schema_migrations',
  );
  const applied = new Set(rows.map((row) => row.version));
  const done: string[] = [];
  for (const migration of await listMigrations(dir)) {
    if (applied.has(migration.version)) continue;
    await runSqlFile(client, migration.file, async (sql) => {
      await client.query(
        'insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)',
        [migration.version, migration.name, [sql]],
      );
    });
    done.push(`${migration.version}_${migration.name}`);
  }
  return done;
}

/** Runs the seed once per database, recorded like the CLI records seeds. Returns true when it ran. */
export async function applySeedOnce(
  client: pg.Client,
  file: string,
  hash: string,
): Promise<boolean> {
  await client.query(HISTORY_DDL);
  const key = path.basename(file);
  const { rowCount } = await client.query(
    'select 1 from supabase_migrations.seed_files where path = $1',
    [key],
  );
  if (rowCount) return false;
  await runSqlFile(client, file, async () => {
    await client.query('insert into supabase_migrations.seed_files (path, hash) values ($1, $2)', [
      key,
      hash,
    ]);
  });
  return true;
}
