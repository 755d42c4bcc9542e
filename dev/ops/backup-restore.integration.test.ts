import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningStack, startStack } from '../stack/stack.ts';
import { signedUpOwner } from '../test/clients.ts';
import { type BackupRestoreReport, backupAndRestore, formatReport } from './backup-restore.ts';

/**
 * The backup procedure of docs/OPERATIONS.md, for real: pg_dump 18 of a running stack (the
 * demo owner's data and a second owner's), pg_restore into a new bootstrap-only cluster, the
 * full stack started on it. Its own two stacks (the dump must not see other files' rows come
 * and go): ports TEST_STACK_PORT_BASE + 661… and + 761…. pg_dump 18 comes from the system
 * (/usr/lib/postgresql/18/bin, $PG_CLIENT_BIN) or the Debian bundle of dev/ops/pg-client.ts,
 * downloaded on first use (≈ 4.5 MB from Debian's mirror, a few seconds).
 */
const base = Number(process.env.TEST_STACK_PORT_BASE ?? 55320);
let source: RunningStack;
let sourceDir: string;
let report: BackupRestoreReport;
let otherOwnerStays: number;

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

beforeAll(async () => {
  sourceDir = await mkdtemp(path.join(tmpdir(), 'lou-backup-test-source-'));
  source = await startStack({
    dataDir: sourceDir,
    portBase: base + 660,
    seed: true,
    log: (part, line) => console.error(`[backup source ${part}] ${line}`),
  });
  // A second owner, so that "the owner reads only theirs" means something after the restore.
  const other = await signedUpOwner(source, 'backup-other');
  const { data: gite, error } = await other.client
    .from('gites')
    .insert({ nom: 'Le Fournil' })
    .select('id')
    .single();
  if (error || !gite) throw error ?? new Error('no gîte');
  const stays = Array.from({ length: 12 }, (_, k) => ({
    gite_id: gite.id,
    date_debut: inDays(10 + k * 7),
    date_fin: inDays(13 + k * 7),
    client_nom: `Voyageur ${k}`,
  }));
  const inserted = await other.client.from('reservations').insert(stays);
  if (inserted.error) throw inserted.error;
  otherOwnerStays = stays.length;

  report = await backupAndRestore({
    source: { dbUrl: source.dbUrl },
    targetPortBase: base + 760,
    log: (line) => console.error(`[backup] ${line}`),
  });
  console.error(formatReport(report));
}, 120_000);

afterAll(async () => {
  await source?.stop();
  if (sourceDir) await rm(sourceDir, { recursive: true, force: true });
});

describe('pg_dump -Fc of a running stack restored into a new, empty one', () => {
  it('uses a PostgreSQL 18 pg_dump (an older one refuses the server)', () => {
    expect(report.pgClient).toMatch(/^pg_dump \(PostgreSQL\) 18\./);
    expect(report.serverVersion).toMatch(/^18\./);
    expect(report.dumpBytes).toBeGreaterThan(0);
  });

  it('restores every table of public, legacy_migration, supabase_migrations and auth with the same rows (count and checksum), grants, RLS, policies, functions, triggers and indexes', () => {
    expect(report.mismatches).toEqual([]);
    expect(report.tables).toBeGreaterThan(30);
    expect(report.publicTablesWithoutRls).toEqual([]);
  });

  it('brings the migration history along: the restored stack starts with no migration to apply', () => {
    expect(report.migrationsAppliedOnRestoredStack).toEqual([]);
  });

  it('lets the demo owner sign in with the same password and read exactly their reservations through the API; anon reads none', () => {
    expect(report.owner.email).toBe('demo@liveownerunit.fr');
    expect(report.owner.reservationsInSource).toBeGreaterThan(0);
    expect(report.owner.readThroughApi).toBe(report.owner.reservationsInSource);
    expect(report.totalReservations).toBe(report.owner.reservationsInSource + otherOwnerStays);
    expect(report.anonReadsReservations).toBe('refused (42501)');
  });

  it('runs in well under a minute on this small database', () => {
    expect(report.seconds.total).toBeLessThan(60);
  });

  it('left the source untouched and running', async () => {
    const client = new pg.Client({ connectionString: source.dbUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>(
        'select count(*)::int as n from public.reservations',
      );
      expect(rows[0]?.n).toBe(report.totalReservations);
    } finally {
      await client.end();
    }
  });
});
