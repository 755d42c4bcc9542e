/**
 * The RLS matrix: for EVERY table of schema public, discovered from pg_catalog,
 * owner B (signed in through supabase-js) can neither read, insert, update nor
 * delete owner A's rows, cannot attach a row of theirs to A's parents, and the
 * anon key reads and writes nothing. A's own access is checked too (positive
 * control), so a table nobody can use does not pass trivially.
 *
 * Runs against the real local stack (Postgres + PostgREST + auth); rows are
 * arranged and checked behind RLS's back through a superuser connection.
 * A new table fails here until it has RLS, policies and a fixture below.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { PostgrestError, SupabaseClient } from '@supabase/supabase-js';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedUpOwner, superuserPool, testClient } from '../../dev/test/clients.ts';

type Row = Record<string, unknown>;
type Variant = 0 | 1 | 2;
type Operation = 'select' | 'insert' | 'update' | 'delete';

/** An owner's parent rows: variant 0 holds the row under test, 1 the owner's own
 * insert through the API, 2 is the target of the other owner's attacks. */
interface World {
  owner: string;
  gites: [Row, Row, Row];
  feeds: [Row, Row, Row];
  reservations: [Row, Row, Row];
  cleaners: [Row, Row, Row];
  client: Row;
  ticket: Row;
  errorLog: Row;
  /** The owner's reservation_counts row (made by the trigger when the stays were added). */
  counts: Row;
}

interface Fixture {
  /** A valid row of `w.owner`, hanging off parent variant `v`; `tag` keeps unique keys unique. */
  row: (w: World, v: Variant, tag: string) => Row;
  /** A valid change to an existing row, so only RLS or grants can refuse it. */
  change: Row;
  /** What an owner may do with their own rows through the API. */
  owner: readonly Operation[];
  /** The table allows one row per owner and the world already holds it. */
  existing?: (w: World) => Row;
}

const ALL: readonly Operation[] = ['select', 'insert', 'update', 'delete'];
const READ_ONLY: readonly Operation[] = ['select'];

const hex32 = () => `\\x${randomBytes(32).toString('hex')}`;

/**
 * One entry per table of schema public. Adding a table to the schema without
 * adding it here fails the "has a fixture" test with the table's name.
 */
const FIXTURES: Record<string, Fixture> = {
  gites: {
    row: (w, _v, tag) => ({
      owner_user_id: w.owner,
      nom: `Gîte ${tag}`,
      ville: 'Niort',
      capacite: 4,
    }),
    change: { nom: 'Renommé' },
    owner: ALL,
  },
  ical_feeds: {
    row: (w, v, tag) => ({
      owner_user_id: w.owner,
      gite_id: w.gites[v].id,
      platform: 'airbnb',
      url: `https://www.airbnb.fr/calendar/ical/${tag}.ics`,
    }),
    change: { label: 'Changé' },
    owner: ALL,
  },
  reservations: {
    row: (w, v, tag) => ({
      owner_user_id: w.owner,
      gite_id: w.gites[v].id,
      feed_id: w.feeds[v].id,
      external_uid: `uid-${tag}@airbnb.com`,
      plateforme: 'airbnb',
      client_nom: 'Hélène Test',
      date_debut: '2027-05-01',
      date_fin: '2027-05-04',
      montant: 300,
    }),
    change: { notes: 'changé' },
    owner: ALL,
  },
  // Kept by triggers on reservations; owners read them only.
  reservation_overlaps: {
    row: (w, v) => ({ id: w.reservations[v].id, owner_user_id: w.owner }),
    change: { owner_user_id: '00000000-0000-0000-0000-000000000000' },
    owner: READ_ONLY,
  },
  reservation_counts: {
    row: (w) => ({ owner_user_id: w.owner }),
    change: { confirmed: 99 },
    owner: READ_ONLY,
    existing: (w) => w.counts,
  },
  // Kept by the triggers on reservations (stay-month-totals.test.ts): owners read them only.
  stay_month_totals: {
    row: (w, v) => ({
      owner_user_id: w.owner,
      gite_id: w.gites[v].id,
      plateforme: 'direct',
      annee: 2031,
      mois: 1,
      nuits_louees: 3,
    }),
    change: { nuits_louees: 99 },
    owner: READ_ONLY,
  },
  // Made and revoked through create/revoke_gite_export_link (tested in ical-export.test.ts).
  gite_export_links: {
    row: (w, v, tag) => ({
      owner_user_id: w.owner,
      gite_id: w.gites[v].id,
      token: `${tag}${tag}${tag}`.padEnd(32, 'x'),
    }),
    change: { revoked_at: '2027-04-29T10:00:00+00:00' },
    owner: READ_ONLY,
  },
  infos_gites_core: {
    row: (w, v) => ({ owner_user_id: w.owner, gite_id: w.gites[v].id, nom: 'Infos' }),
    change: { nom: 'Changé' },
    owner: ALL,
  },
  infos_gites_wifi: {
    row: (w, v) => ({
      owner_user_id: w.owner,
      gite_id: w.gites[v].id,
      ssid: 'Gite',
      wifi_password: 'secret',
    }),
    change: { wifi_password: 'changé' },
    owner: ALL,
  },
  infos_gites_consignes: {
    row: (w, v) => ({
      owner_user_id: w.owner,
      gite_id: w.gites[v].id,
      langue: 'fr',
      code_acces: '1234',
    }),
    change: { code_acces: '9999' },
    owner: ALL,
  },
  infos_gites_equipements: {
    row: (w, v) => ({ owner_user_id: w.owner, gite_id: w.gites[v].id, cuisine: { four: true } }),
    change: { divers: { animaux_acceptes: false } },
    owner: ALL,
  },
  infos_gites_contacts: {
    row: (w, v) => ({
      owner_user_id: w.owner,
      gite_id: w.gites[v].id,
      type: 'medecin',
      nom: 'Dr Lefèvre',
    }),
    change: { telephone: '+33 5 49 00 00 00' },
    owner: ALL,
  },
  client_access_tokens: {
    row: (w, v) => ({
      owner_user_id: w.owner,
      reservation_id: w.reservations[v].id,
      token_hash: hex32(),
      valid_from: '2027-04-28T00:00:00Z',
      valid_until: '2027-05-05T00:00:00Z',
    }),
    change: { revoked_at: '2027-04-29T10:00:00+00:00' },
    // Made, regenerated and revoked through create/regenerate/revoke_guest_sheet (the token is
    // generated by the database): owners read them only (guest-sheets.test.ts).
    owner: READ_ONLY,
  },
  activites_gites: {
    row: (w, v, tag) => ({
      owner_user_id: w.owner,
      gite_id: w.gites[v].id,
      nom: `Balade ${tag}`,
      categorie: 'nature',
    }),
    change: { distance_km: 3.5 },
    owner: ALL,
  },
  cleaning_schedule: {
    // A cleaning added by hand (the world's stays already have theirs, made by the trigger).
    row: (w, v) => ({
      owner_user_id: w.owner,
      gite_id: w.gites[v].id,
      date: '2027-05-04',
    }),
    change: { notes: 'Clés sous le pot de fleurs' },
    owner: ALL,
  },
  cleaners: {
    row: (w, _v, tag) => ({
      owner_user_id: w.owner,
      nom: `Sylvie ${tag}`,
      telephone: '06 12 34 56 78',
    }),
    change: { telephone: '06 98 76 54 32' },
    // The link columns are written by create/revoke_cleaner_link only (cleaning.test.ts).
    owner: ALL,
  },
  linen_stocks: {
    row: (w, v, tag) => ({
      owner_user_id: w.owner,
      gite_id: w.gites[v].id,
      article: `Draps ${tag}`,
      quantite_propre: 4,
    }),
    change: { quantite_propre: 1 },
    owner: ALL,
  },
  taxe_sejour_settings: {
    row: (w, v) => ({
      owner_user_id: w.owner,
      gite_id: w.gites[v].id,
      commune: 'Niort',
      regle: 'tarif_fixe',
      tarif_centimes: 80,
    }),
    change: { tarif_centimes: 90 },
    owner: ALL,
  },
  simulations_fiscales: {
    row: (w, _v, tag) => ({ owner_user_id: w.owner, annee: 2026, inputs_hash: tag }),
    change: { is_stale: true },
    owner: ALL,
  },
  km_trajets: {
    row: (w, v) => ({
      owner_user_id: w.owner,
      gite_id: w.gites[v].id,
      date: '2026-03-01',
      motif: 'Courses pour le gîte',
      distance_km: 12.5,
    }),
    change: { motif: 'Rendez-vous artisan' },
    owner: ALL,
  },
  // Fiscalité inputs (20261125000500_fiscalite.sql); per-year singletons use a year per variant.
  charges_fiscales: {
    row: (w) => ({
      owner_user_id: w.owner,
      annee: 2026,
      nature: 'taxe_fonciere',
      montant_centimes: 95_000,
    }),
    change: { montant_centimes: 99_000 },
    owner: ALL,
  },
  composants_amortissables: {
    row: (w, v, tag) => ({
      owner_user_id: w.owner,
      gite_id: w.gites[v].id,
      libelle: `Mobilier ${tag}`,
      nature: 'mobilier',
      cout_centimes: 800_000,
      date_mise_en_service: '2025-04-01',
      duree_annees: 7,
    }),
    change: { duree_annees: 5 },
    owner: ALL,
  },
  vehicules_fiscaux: {
    row: (w, v) => ({ owner_user_id: w.owner, annee: 2020 + v, km_total: 12_000 }),
    change: { frais_carburant_centimes: 140_000 },
    owner: ALL,
  },
  parametres_fiscaux: {
    row: (w, v) => ({ owner_user_id: w.owner, annee: 2020 + v, taux_marginal_bp: 3000 }),
    change: { taux_marginal_bp: 4100 },
    owner: ALL,
  },
  reports_fiscaux: {
    row: (w, v) => ({
      owner_user_id: w.owner,
      nature: 'deficit',
      annee_origine: 2020 + v,
      montant_centimes: 150_000,
    }),
    change: { montant_centimes: 120_000 },
    owner: ALL,
  },
  // Created by the database and the worker; owners read, mark read, dismiss.
  notifications: {
    row: (w, v) => ({
      owner_user_id: w.owner,
      type: 'info',
      titre: 'Test',
      gite_id: w.gites[v].id,
      reservation_id: w.reservations[v].id,
    }),
    change: { is_read: true },
    owner: ['select', 'update', 'delete'],
  },
  // Written by the sync worker (service_role) only.
  sync_queue: {
    row: (w, v) => ({
      owner_user_id: w.owner,
      gite_id: w.feeds[v].gite_id,
      feed_id: w.feeds[v].id,
      status: 'done',
    }),
    change: { priority: 1 },
    owner: READ_ONLY,
  },
  sync_logs: {
    row: (w, v) => ({
      owner_user_id: w.owner,
      gite_id: w.feeds[v].gite_id,
      feed_id: w.feeds[v].id,
      status: 'success',
      added: 1,
    }),
    change: { error: 'changé' },
    owner: READ_ONLY,
  },
  // Billing: written by payment webhooks (service_role) only.
  cm_clients: {
    row: (w, _v, tag) => ({ owner_user_id: w.owner, email: `${tag}@exemple.fr` }),
    change: { nom: 'Changé' },
    owner: READ_ONLY,
    existing: (w) => w.client,
  },
  cm_subscriptions: {
    row: (w) => ({ owner_user_id: w.owner, client_id: w.client.id, plan: 'pro', status: 'active' }),
    change: { status: 'canceled' },
    owner: READ_ONLY,
  },
  cm_support_tickets: {
    row: (w, _v, tag) => ({
      owner_user_id: w.owner,
      client_id: w.client.id,
      error_log_id: w.errorLog.id,
      sujet: `Question ${tag}`,
      message: 'Bonjour, …',
    }),
    change: { sujet: 'Changé' },
    owner: ['select', 'insert', 'update'],
  },
  // Owners add their answers and read the thread; replies come from support (service role).
  cm_support_messages: {
    row: (w) => ({ owner_user_id: w.owner, ticket_id: w.ticket.id, message: 'Merci !' }),
    change: { message: 'Changé' },
    owner: ['select', 'insert'],
  },
  // Written by guests through submit_police_form (police-forms.test.ts); owners read and delete.
  police_forms: {
    row: (w, v) => ({
      owner_user_id: w.owner,
      reservation_id: w.reservations[v].id,
      submission_id: randomUUID(),
      nom: 'Smith',
      prenoms: 'John',
      date_naissance: '1980-04-02',
      lieu_naissance: 'Leeds',
      nationalite: 'GB',
      adresse: '12 Baker Street',
      ville: 'London',
      pays: 'GB',
      telephone: '+44 7700 900123',
      email: 'john@example.co.uk',
      date_arrivee: '2027-06-05',
      date_depart: '2027-06-12',
    }),
    change: { nom: 'Forged' },
    owner: ['select', 'delete'],
  },
  error_logs: {
    row: (w) => ({ owner_user_id: w.owner, message: 'TypeError: boom' }),
    change: { message: 'changé' },
    owner: ['select', 'insert'],
  },
};

/** Functions of schema public that anon may execute (token-checking security definer ones). */
const ANON_FUNCTIONS = new Set<string>([
  // The calendar export: returns null unless p_token is a live export link (ical-export.test.ts).
  'ical_export(text)',
  // The guest welcome sheet: null unless p_token is a sheet's token (guest-sheets.test.ts).
  'guest_sheet(text)',
  // A cleaner's page and their "done": null unless p_token is a cleaner's link (cleaning.test.ts).
  'cleaner_tasks(text)',
  'cleaner_mark_done(text,uuid,text)',
  // A guest's police form for the stay of a sheet's token; answers an acknowledgement only
  // (police-forms.test.ts).
  'submit_police_form(text,uuid,jsonb)',
]);

/**
 * Policies allowed to be something other than the owner check, as
 * "table: policy name". Each one needs its own test of what it lets through.
 */
const NON_OWNER_POLICIES = new Set<string>();

/** How Postgres prints `(select auth.uid()) = owner_user_id`. */
const OWNER_CHECK = '(( SELECT auth.uid() AS uid) = owner_user_id)';

// -----------------------------------------------------------------------------
// Discovery (at collection time, so each table gets its own tests)
// -----------------------------------------------------------------------------

const stack = inject('stack');
const db: pg.Pool = await superuserPool(stack);

interface TableInfo {
  name: string;
  rls: boolean;
}
interface ForeignKey {
  table: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
}

const tables = (
  await db.query<TableInfo>(
    `select c.relname as name, c.relrowsecurity as rls
     from pg_catalog.pg_class c
     where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
     order by c.relname`,
  )
).rows;

const foreignKeys = (
  await db.query<ForeignKey>(
    `select c.relname as table,
       array(select a.attname from unnest(k.conkey) with ordinality x(n, i)
             join pg_catalog.pg_attribute a on a.attrelid = k.conrelid and a.attnum = x.n order by x.i)::text[] as columns,
       r.relname as "referencedTable",
       array(select a.attname from unnest(k.confkey) with ordinality x(n, i)
             join pg_catalog.pg_attribute a on a.attrelid = k.confrelid and a.attnum = x.n order by x.i)::text[] as "referencedColumns"
     from pg_catalog.pg_constraint k
     join pg_catalog.pg_class c on c.oid = k.conrelid
     join pg_catalog.pg_class r on r.oid = k.confrelid
     where k.contype = 'f' and c.relnamespace = 'public'::regnamespace
       and r.relnamespace = 'public'::regnamespace`,
  )
).rows;

// -----------------------------------------------------------------------------
// Helpers
// -----------------------------------------------------------------------------

function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Inserts through the superuser connection (no RLS) and returns the stored row. */
async function insertRow(table: string, row: Row): Promise<Row> {
  const columns = Object.keys(row);
  const values = columns.map((column) => {
    const value = row[column];
    // jsonb objects go as JSON text; arrays and scalars as pg serialises them.
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? JSON.stringify(value)
      : value;
  });
  const { rows } = await db.query<{ row: Row }>(
    `insert into public.${ident(table)} (${columns.map(ident).join(', ')})
     values (${columns.map((_, i) => `$${i + 1}`).join(', ')})
     returning to_jsonb(${ident(table)}.*) as row`,
    values,
  );
  const stored = rows[0]?.row;
  if (!stored) throw new Error(`insert into ${table} returned nothing`);
  return stored;
}

/** The row as stored now, or null when it is gone. */
async function storedRow(table: string, id: unknown): Promise<Row | null> {
  const { rows } = await db.query<{ row: Row }>(
    `select to_jsonb(t.*) as row from public.${ident(table)} t where t.id = $1`,
    [id],
  );
  return rows[0]?.row ?? null;
}

async function countOwned(table: string, owner: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from public.${ident(table)} where owner_user_id = $1`,
    [owner],
  );
  return rows[0]?.n ?? 0;
}

/** Builds an owner's parents: three gîtes, a feed and a stay in each, a billing profile, an error report. */
async function buildWorld(owner: string): Promise<World> {
  const tag = () => randomUUID().slice(0, 8);
  const partial: Pick<World, 'owner'> = { owner };
  const gites: Row[] = [];
  for (let i = 0; i < 3; i += 1) {
    gites.push(await insertRow('gites', { owner_user_id: owner, nom: `Parent ${i} ${tag()}` }));
  }
  const feeds: Row[] = [];
  const reservations: Row[] = [];
  for (const gite of gites) {
    const feed = await insertRow('ical_feeds', {
      owner_user_id: owner,
      gite_id: gite.id,
      platform: 'booking',
      url: `https://admin.booking.com/hotel/hoteladmin/ical.html?t=${tag()}`,
    });
    feeds.push(feed);
    reservations.push(
      await insertRow('reservations', {
        owner_user_id: owner,
        gite_id: gite.id,
        feed_id: feed.id,
        external_uid: `${tag()}@booking.com`,
        plateforme: 'booking',
        date_debut: '2027-06-05',
        date_fin: '2027-06-12',
      }),
    );
  }
  // The attack target's stay keeps no departure cleaning (the trigger made one): a cleaning
  // pointed at it by another owner must be refused by the foreign key, not by the one-per-stay key.
  await db.query('delete from public.cleaning_schedule where reservation_id = $1', [
    reservations[2]?.id,
  ]);
  const cleaners: Row[] = [];
  for (let i = 0; i < 3; i += 1) {
    cleaners.push(await insertRow('cleaners', { owner_user_id: owner, nom: `Parent ${i}` }));
  }
  const client = await insertRow('cm_clients', {
    owner_user_id: owner,
    email: `${tag()}@exemple.fr`,
  });
  const ticket = await insertRow('cm_support_tickets', {
    owner_user_id: owner,
    sujet: 'Parent ticket',
    message: 'Bonjour',
  });
  const errorLog = await insertRow('error_logs', {
    owner_user_id: owner,
    message: 'parent report',
  });
  const counts = (
    await db.query<{ row: Row }>(
      'select to_jsonb(c.*) as row from public.reservation_counts c where c.owner_user_id = $1',
      [owner],
    )
  ).rows[0]?.row;
  if (!counts) throw new Error('no reservation_counts row: is the counting trigger there?');
  const [g0, g1, g2] = gites;
  const [f0, f1, f2] = feeds;
  const [r0, r1, r2] = reservations;
  const [c0, c1, c2] = cleaners;
  if (!g0 || !g1 || !g2 || !f0 || !f1 || !f2 || !r0 || !r1 || !r2 || !c0 || !c1 || !c2)
    throw new Error('world incomplete');
  return {
    ...partial,
    gites: [g0, g1, g2],
    feeds: [f0, f1, f2],
    reservations: [r0, r1, r2],
    cleaners: [c0, c1, c2],
    client,
    ticket,
    errorLog,
    counts,
  };
}

/** The parent row of `world` that a foreign key to `table` points at (variant 2: the attack target). */
function parentOf(world: World, table: string): Row {
  switch (table) {
    case 'gites':
      return world.gites[2];
    case 'ical_feeds':
      return world.feeds[2];
    case 'reservations':
      return world.reservations[2];
    case 'cleaners':
      return world.cleaners[2];
    case 'cm_clients':
      return world.client;
    case 'cm_support_tickets':
      return world.ticket;
    case 'error_logs':
      return world.errorLog;
    default:
      throw new Error(
        `no parent fixture for a foreign key to ${table}: add one to buildWorld/parentOf`,
      );
  }
}

/** `row` with the foreign key's columns (but not owner_user_id) pointing at `parent`. */
function pointedAt(row: Row, fk: ForeignKey, parent: Row): Row {
  const out: Row = { ...row };
  fk.columns.forEach((column, i) => {
    const referenced = fk.referencedColumns[i];
    if (column !== 'owner_user_id' && referenced) out[column] = parent[referenced];
  });
  return out;
}

function expectRefused(error: PostgrestError | null, codes: readonly string[], what: string): void {
  expect(error, `${what} should have been refused`).not.toBeNull();
  expect(codes, `${what}: unexpected error ${error?.code} ${error?.message}`).toContain(
    error?.code,
  );
}

const tag = () => randomUUID().replace(/-/g, '').slice(0, 12);

// -----------------------------------------------------------------------------
// Owners
// -----------------------------------------------------------------------------

// Tables are named at run time, so the clients are used untyped here.
let ownerA: SupabaseClient;
let ownerB: SupabaseClient;
/** An owner with no rows at all: their unfiltered update or delete must touch nothing. */
let ownerC: SupabaseClient;
let anon: SupabaseClient;
let worldA: World;
let worldB: World;

beforeAll(async () => {
  const [a, b, c] = await Promise.all([
    signedUpOwner(stack, 'rls-a'),
    signedUpOwner(stack, 'rls-b'),
    signedUpOwner(stack, 'rls-c'),
  ]);
  ownerA = a.client as unknown as SupabaseClient;
  ownerB = b.client as unknown as SupabaseClient;
  ownerC = c.client as unknown as SupabaseClient;
  anon = testClient(stack) as unknown as SupabaseClient;
  worldA = await buildWorld(a.user.id);
  worldB = await buildWorld(b.user.id);
});

afterAll(async () => {
  await db.end();
});

// -----------------------------------------------------------------------------
// Catalog-wide checks
// -----------------------------------------------------------------------------

describe('schema public, from pg_catalog', () => {
  it('has tables to check (the discovery query works)', () => {
    expect(tables.length).toBeGreaterThanOrEqual(21);
  });

  it('has row level security enabled on every table', () => {
    const without = tables.filter((t) => !t.rls).map((t) => t.name);
    expect(without, `tables without RLS: ${without.join(', ')}`).toEqual([]);
  });

  it('has a fixture in the RLS matrix for every table (add one to FIXTURES for a new table)', () => {
    const missing = tables.map((t) => t.name).filter((name) => !(name in FIXTURES));
    expect(
      missing,
      `tables missing from FIXTURES in supabase/tests/rls-matrix.test.ts: ${missing.join(', ')}`,
    ).toEqual([]);
  });

  it('gives anon no privilege on any table or sequence', async () => {
    const { rows } = await db.query<{ name: string }>(
      `select c.relname as name from pg_catalog.pg_class c
       where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'S')
         and (has_table_privilege('anon', c.oid, 'select, insert, update, delete, truncate, references, trigger')
              or (c.relkind <> 'S' and has_any_column_privilege('anon', c.oid, 'select, insert, update, references')))`,
    );
    expect(rows.map((r) => r.name)).toEqual([]);
  });

  it('grants authenticated an operation on a table only where a policy for it exists', async () => {
    const { rows } = await db.query<{ name: string; op: string }>(
      `select c.relname as name, op
       from pg_catalog.pg_class c
       cross join unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE']) as op
       where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
         and (case when op = 'DELETE' then has_table_privilege('authenticated', c.oid, op)
                   else has_any_column_privilege('authenticated', c.oid, op) end)
         and not exists (
           select 1 from pg_catalog.pg_policies p
           where p.schemaname = 'public' and p.tablename = c.relname
             and p.cmd in (op, 'ALL') and 'authenticated' = any (p.roles)
         )`,
    );
    expect(rows.map((r) => `${r.name}: ${r.op}`)).toEqual([]);
  });

  it('has only owner policies, one per operation: to authenticated, (select auth.uid()) = owner_user_id', async () => {
    const { rows } = await db.query<{
      name: string;
      roles: string[];
      cmd: string;
      qual: string | null;
      with_check: string | null;
    }>(
      `select tablename || ': ' || policyname as name, roles::text[] as roles, cmd, qual, with_check
       from pg_catalog.pg_policies where schemaname = 'public'`,
    );
    const odd = rows
      .filter((p) => !NON_OWNER_POLICIES.has(p.name))
      .filter((p) => {
        const usingOk = p.cmd === 'INSERT' ? p.qual === null : p.qual === OWNER_CHECK;
        const checkOk =
          p.cmd === 'INSERT' || p.cmd === 'UPDATE'
            ? p.with_check === OWNER_CHECK
            : p.with_check === null;
        return !(usingOk && checkOk && p.roles.join() === 'authenticated' && p.cmd !== 'ALL');
      })
      .map((p) => p.name);
    expect(
      odd,
      'policies that are not the owner check (list deliberate ones in NON_OWNER_POLICIES)',
    ).toEqual([]);
  });

  it('writes every policy with the sub-select form (select auth.uid()), evaluated once per statement', async () => {
    const { rows } = await db.query<{ name: string }>(
      `select tablename || ': ' || policyname as name from pg_catalog.pg_policies
       where schemaname = 'public'
         and coalesce(qual, '') || coalesce(with_check, '') ~ 'auth\\.uid\\(\\)'
         and coalesce(qual, '') || coalesce(with_check, '') !~* 'select auth\\.uid\\(\\)'`,
    );
    expect(rows.map((r) => r.name)).toEqual([]);
  });

  it('has an index led by the first column of every foreign key (cascades and FK checks never scan)', async () => {
    const { rows } = await db.query<{ name: string }>(
      `select k.conrelid::regclass::text || ': ' || k.conname as name
       from pg_catalog.pg_constraint k
       where k.contype = 'f' and k.connamespace = 'public'::regnamespace
         and not exists (
           -- A partial index counts only if its predicate is "<column> is not null",
           -- which every FK lookup (column = value) implies.
           select 1 from pg_catalog.pg_index i
           join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
           where i.indrelid = k.conrelid and i.indkey[0] = k.conkey[1]
             and (i.indpred is null
                  or pg_get_expr(i.indpred, i.indrelid) = '(' || a.attname || ' IS NOT NULL)')
         )`,
    );
    expect(rows.map((r) => r.name)).toEqual([]);
  });

  it('has an index starting with owner_user_id on every table (what RLS filters on)', async () => {
    const { rows } = await db.query<{ name: string }>(
      `select c.relname as name from pg_catalog.pg_class c
       where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
         and not exists (
           select 1 from pg_catalog.pg_index i
           join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
           where i.indrelid = c.oid and a.attname = 'owner_user_id' and i.indpred is null
         )`,
    );
    expect(rows.map((r) => r.name)).toEqual([]);
  });

  it('has no view that bypasses RLS (views must be security_invoker, materialized views unreadable)', async () => {
    const { rows } = await db.query<{ name: string }>(
      `select c.relname as name from pg_catalog.pg_class c
       where c.relnamespace = 'public'::regnamespace
         and ((c.relkind = 'v' and not coalesce('security_invoker=true' = any (c.reloptions), false)
               and has_table_privilege('authenticated', c.oid, 'select'))
              or (c.relkind = 'm' and has_table_privilege('authenticated', c.oid, 'select')))`,
    );
    expect(rows.map((r) => r.name)).toEqual([]);
  });

  it('lets anon execute no function of schema public except the listed token-checking ones', async () => {
    const { rows } = await db.query<{ name: string }>(
      `select p.oid::regprocedure::text as name from pg_catalog.pg_proc p
       where p.pronamespace = 'public'::regnamespace and has_function_privilege('anon', p.oid, 'execute')`,
    );
    expect(rows.map((r) => r.name).filter((name) => !ANON_FUNCTIONS.has(name))).toEqual([]);
  });

  it('sets search_path on every security definer function of schema public', async () => {
    const { rows } = await db.query<{ name: string }>(
      `select p.oid::regprocedure::text as name from pg_catalog.pg_proc p
       where p.pronamespace = 'public'::regnamespace and p.prosecdef
         and not exists (select 1 from unnest(p.proconfig) c where c like 'search_path=%')`,
    );
    expect(rows.map((r) => r.name)).toEqual([]);
  });
});

// -----------------------------------------------------------------------------
// The matrix: one block per discovered table
// -----------------------------------------------------------------------------

describe.each(tables.map((t) => t.name))('table %s', (table) => {
  const fixture = FIXTURES[table];
  const parents = foreignKeys.filter((fk) => fk.table === table);
  const allowed = (op: Operation) => fixture?.owner.includes(op) ?? false;
  let rowA: Row;
  let rowB: Row;

  beforeAll(async () => {
    if (!fixture) return;
    rowA = fixture.existing
      ? fixture.existing(worldA)
      : await insertRow(table, fixture.row(worldA, 0, tag()));
    rowB = fixture.existing
      ? fixture.existing(worldB)
      : await insertRow(table, fixture.row(worldB, 0, tag()));
  });

  it.skipIf(!fixture)(
    'owner B cannot select owner A’s row, nor see any row of A in a full read',
    async () => {
      const byId = await ownerB.from(table).select('*').eq('id', rowA.id);
      expect(byId.error ? [] : byId.data).toEqual([]);
      const all = await ownerB.from(table).select('owner_user_id');
      const owners = new Set((all.data ?? []).map((r: Row) => r.owner_user_id));
      expect(owners.has(worldA.owner)).toBe(false);
    },
  );

  it.skipIf(!fixture)('owner B cannot insert a row owned by owner A', async () => {
    if (!fixture) return;
    const before = await countOwned(table, worldA.owner);
    const { error } = await ownerB.from(table).insert(fixture.row(worldA, 2, tag()));
    expectRefused(error, ['42501'], `insert into ${table} with owner_user_id = A`);
    expect(await countOwned(table, worldA.owner)).toBe(before);
  });

  // Tables without a parent have no foreign key to point at another owner's rows.
  if (parents.length > 0) {
    it.skipIf(!fixture)(
      'owner B cannot insert a row of theirs attached to owner A’s parent rows (each foreign key)',
      async () => {
        if (!fixture) return;
        for (const fk of parents) {
          const before = await countOwned(table, worldB.owner);
          const attempt = pointedAt(
            fixture.row(worldB, 2, tag()),
            fk,
            parentOf(worldA, fk.referencedTable),
          );
          const { error } = await ownerB.from(table).insert(attempt);
          expectRefused(
            error,
            ['23503', '42501'],
            `insert into ${table} pointing ${fk.columns.join(', ')} at A's ${fk.referencedTable}`,
          );
          expect(await countOwned(table, worldB.owner)).toBe(before);
        }
      },
    );
  }

  it.skipIf(!fixture)('owner B cannot update owner A’s row', async () => {
    if (!fixture) return;
    const before = await storedRow(table, rowA.id);
    const result = await ownerB.from(table).update(fixture.change).eq('id', rowA.id).select();
    expect(result.error ? [] : result.data).toEqual([]);
    const stolen = await ownerB
      .from(table)
      .update({ owner_user_id: worldB.owner })
      .eq('id', rowA.id)
      .select();
    expect(stolen.error ? [] : stolen.data).toEqual([]);
    expect(await storedRow(table, rowA.id)).toEqual(before);
  });

  it.skipIf(!fixture)(
    'owner B cannot hand their own row to owner A or move it under A’s parents',
    async () => {
      if (!fixture) return;
      const before = await storedRow(table, rowB.id);
      const handed = await ownerB
        .from(table)
        .update({ owner_user_id: worldA.owner })
        .eq('id', rowB.id)
        .select();
      expect(handed.error ? [] : handed.data, 'owner_user_id changed to A').toEqual([]);
      for (const fk of parents) {
        const moved = pointedAt({}, fk, parentOf(worldA, fk.referencedTable));
        const result = await ownerB.from(table).update(moved).eq('id', rowB.id).select();
        expect(result.error ? [] : result.data, `moved under A's ${fk.referencedTable}`).toEqual(
          [],
        );
      }
      expect(await storedRow(table, rowB.id)).toEqual(before);
    },
  );

  it.skipIf(!fixture)(
    'an unfiltered update or delete by another owner leaves owner A’s row alone',
    async () => {
      if (!fixture) return;
      // Without a WHERE clause Postgres applies only the UPDATE/DELETE policy
      // (not the SELECT one), so this catches a too-wide write policy.
      const before = await storedRow(table, rowA.id);
      await ownerC.from(table).update(fixture.change);
      await ownerC.from(table).delete();
      expect(await storedRow(table, rowA.id)).toEqual(before);
    },
  );

  it.skipIf(!fixture)('owner B cannot delete owner A’s row', async () => {
    await ownerB.from(table).delete().eq('id', rowA.id);
    expect(await storedRow(table, rowA.id)).not.toBeNull();
  });

  it.skipIf(!fixture)('anon reads nothing and writes nothing', async () => {
    if (!fixture) return;
    const read = await anon.from(table).select('*');
    expect(read.error ? [] : read.data).toEqual([]);
    const before = await storedRow(table, rowA.id);
    const inserted = await anon.from(table).insert(fixture.row(worldA, 2, tag()));
    expectRefused(inserted.error, ['42501'], `anon insert into ${table}`);
    await anon.from(table).update(fixture.change).eq('id', rowA.id);
    await anon.from(table).delete().eq('id', rowA.id);
    expect(await storedRow(table, rowA.id)).toEqual(before);
  });

  it.skipIf(!fixture)(
    `owner A can do exactly what the table allows with their own rows (${fixture?.owner.join(', ')})`,
    async () => {
      if (!fixture) return;
      // select (positive control: a table nobody can read would pass the checks above)
      const read = await ownerA.from(table).select('*').eq('id', rowA.id);
      if (allowed('select')) {
        expect(read.error).toBeNull();
        expect(read.data).toHaveLength(1);
      } else {
        expect(read.error ? [] : read.data).toEqual([]);
      }

      // insert
      const before = await countOwned(table, worldA.owner);
      const inserted = await ownerA
        .from(table)
        .insert(fixture.row(worldA, 1, tag()))
        .select('id')
        .single();
      if (allowed('insert')) {
        expect(inserted.error).toBeNull();
        expect(await countOwned(table, worldA.owner)).toBe(before + 1);
      } else {
        expectRefused(inserted.error, ['42501'], `owner insert into ${table}`);
        expect(await countOwned(table, worldA.owner)).toBe(before);
      }

      // update
      const unchanged = await storedRow(table, rowA.id);
      const updated = await ownerA
        .from(table)
        .update(fixture.change)
        .eq('id', rowA.id)
        .select('id');
      const after = await storedRow(table, rowA.id);
      if (allowed('update')) {
        expect(updated.error).toBeNull();
        expect(updated.data).toHaveLength(1);
        for (const [column, value] of Object.entries(fixture.change)) {
          expect(after?.[column], `${table}.${column}`).toEqual(value);
        }
      } else {
        expect(updated.error ? [] : updated.data).toEqual([]);
        expect(after).toEqual(unchanged);
      }

      // delete (last: it removes the row under test)
      const deleted = await ownerA.from(table).delete().eq('id', rowA.id).select('id');
      if (allowed('delete')) {
        expect(deleted.error).toBeNull();
        expect(await storedRow(table, rowA.id)).toBeNull();
      } else {
        expect(deleted.error ? [] : deleted.data).toEqual([]);
        expect(await storedRow(table, rowA.id)).not.toBeNull();
      }
    },
  );
});

// -----------------------------------------------------------------------------
// Guest-name search and data constraints
// -----------------------------------------------------------------------------

describe('guest-name search (trigram index on public.unaccent_lower(client_nom))', () => {
  it('finds "Dupônt" by "dupont", "DUPONT" and "Dupônt", as the owner under RLS, and only the owner’s stays', async () => {
    const mine = await insertRow('reservations', {
      ...FIXTURES.reservations?.row(worldA, 0, tag()),
      client_nom: 'Marie Dupônt',
    });
    await insertRow('reservations', {
      ...FIXTURES.reservations?.row(worldB, 0, tag()),
      client_nom: 'Paul Dupont',
    });
    const search = async (term: string) => {
      const client = await db.connect();
      try {
        await client.query('begin');
        await client.query('set local role authenticated');
        await client.query(`select set_config('request.jwt.claims', $1, true)`, [
          JSON.stringify({ sub: worldA.owner, role: 'authenticated' }),
        ]);
        const { rows } = await client.query<{ id: string }>(
          `select id from public.reservations
           where public.unaccent_lower(client_nom) like '%' || public.unaccent_lower($1) || '%'`,
          [term],
        );
        return rows.map((r) => r.id);
      } finally {
        await client.query('rollback');
        client.release();
      }
    };
    for (const term of ['dupont', 'DUPONT', 'Dupônt', 'dupônt']) {
      expect(await search(term), term).toEqual([mine.id]);
    }
  });

  it('can answer the search from the GIN trigram index', async () => {
    const client = await db.connect();
    try {
      await client.query('begin');
      await client.query('set local enable_seqscan = off');
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(
        `explain select id from public.reservations
         where public.unaccent_lower(client_nom) like '%' || public.unaccent_lower('Dupônt') || '%'`,
      );
      expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('idx_reservations_client_nom');
    } finally {
      await client.query('rollback');
      client.release();
    }
  });
});

describe('constraints that keep data honest (through the API, as the owner)', () => {
  const stay = (overrides: Row): Row => ({
    gite_id: worldA.gites[1].id,
    plateforme: 'direct',
    client_nom: 'Test Contrainte',
    date_debut: '2027-08-01',
    date_fin: '2027-08-08',
    ...overrides,
  });

  it('rejects a stay whose departure is not after its arrival', async () => {
    for (const date_fin of ['2027-08-01', '2027-07-30']) {
      const { error } = await ownerA.from('reservations').insert(stay({ date_fin }));
      expectRefused(error, ['23514'], `date_fin ${date_fin}`);
    }
  });

  it('rejects a negative amount and a negative guest count', async () => {
    expectRefused(
      (await ownerA.from('reservations').insert(stay({ montant: -1 }))).error,
      ['23514'],
      'montant -1',
    );
    expectRefused(
      (await ownerA.from('reservations').insert(stay({ nb_personnes: -2 }))).error,
      ['23514'],
      'nb_personnes -2',
    );
  });

  it('rejects an unknown platform or status', async () => {
    expectRefused(
      (await ownerA.from('reservations').insert(stay({ plateforme: 'expedia' }))).error,
      ['23514'],
      'plateforme',
    );
    expectRefused(
      (await ownerA.from('reservations').insert(stay({ status: 'pending' }))).error,
      ['23514'],
      'status',
    );
    const feed = await ownerA.from('ical_feeds').insert({
      gite_id: worldA.gites[1].id,
      platform: 'expedia',
      url: `https://example.com/${tag()}.ics`,
    });
    expectRefused(feed.error, ['23514'], 'feed platform');
  });

  it('rejects a feed URL that is not https or longer than 2,048 characters', async () => {
    const feed = (url: string) =>
      ownerA.from('ical_feeds').insert({ gite_id: worldA.gites[1].id, platform: 'other', url });
    for (const url of [
      'http://www.airbnb.fr/calendar/ical/1.ics',
      'ftp://example.com/cal.ics',
      'https://',
      'https://exa mple.com/cal.ics',
      `https://example.com/${'a'.repeat(2030)}`,
    ]) {
      expectRefused((await feed(url)).error, ['23514'], `url ${url.slice(0, 40)}`);
    }
    const prefix = `https://example.com/${tag()}/`;
    const longest = `${prefix}${'a'.repeat(2048 - prefix.length)}`;
    expect(longest).toHaveLength(2048);
    expect((await feed(longest)).error).toBeNull();
  });

  it('rejects the same (gite_id, feed_id, external_uid) twice, and allows any number of direct bookings', async () => {
    const imported = stay({
      gite_id: worldA.gites[1].id,
      feed_id: worldA.feeds[1].id,
      plateforme: 'booking',
      external_uid: `dup-${tag()}@booking.com`,
    });
    expect((await ownerA.from('reservations').insert(imported)).error).toBeNull();
    expectRefused(
      (await ownerA.from('reservations').insert(imported)).error,
      ['23505'],
      'duplicate import',
    );
    expect((await ownerA.from('reservations').insert(stay({}))).error).toBeNull();
    expect((await ownerA.from('reservations').insert(stay({}))).error).toBeNull();
  });

  it('refuses a stay whose feed belongs to another gîte of the same owner', async () => {
    const { error } = await ownerA.from('reservations').insert(
      stay({
        gite_id: worldA.gites[1].id,
        feed_id: worldA.feeds[2].id,
        external_uid: `x-${tag()}`,
      }),
    );
    expectRefused(error, ['23503'], 'feed of another gîte');
  });

  it('keeps a stay when its feed is deleted (feed_id cleared, the rest kept)', async () => {
    const gite = worldA.gites[1];
    const feed = await insertRow('ical_feeds', {
      owner_user_id: worldA.owner,
      gite_id: gite.id,
      platform: 'abritel',
      url: `https://www.abritel.fr/icalendar/${tag()}.ics`,
    });
    const kept = await insertRow('reservations', {
      ...stay({ feed_id: feed.id, plateforme: 'abritel', external_uid: `k-${tag()}` }),
      owner_user_id: worldA.owner,
    });
    expect((await ownerA.from('ical_feeds').delete().eq('id', feed.id)).error).toBeNull();
    const after = await storedRow('reservations', kept.id);
    expect(after).toMatchObject({ feed_id: null, gite_id: gite.id, owner_user_id: worldA.owner });
  });

  it('stamps cancelled_at when a stay is cancelled and clears it when reinstated', async () => {
    const { data, error } = await ownerA
      .from('reservations')
      .insert(stay({}))
      .select('id')
      .single();
    expect(error).toBeNull();
    const id = (data as Row | null)?.id;
    await ownerA.from('reservations').update({ status: 'cancelled' }).eq('id', id);
    expect((await storedRow('reservations', id))?.cancelled_at).not.toBeNull();
    await ownerA.from('reservations').update({ status: 'confirmed' }).eq('id', id);
    expect((await storedRow('reservations', id))?.cancelled_at).toBeNull();
  });

  it('lets the owner upsert feeds by id, as the Gîtes page saves them, and a new URL makes the feed due', async () => {
    const id = randomUUID();
    const feed = {
      id,
      gite_id: worldA.gites[1].id,
      platform: 'other',
      url: `https://example.com/${tag()}.ics`,
    };
    expect((await ownerA.from('ical_feeds').upsert([feed], { onConflict: 'id' })).error).toBeNull();
    await db.query(
      `update public.ical_feeds set etag = 'W/"1"', next_sync_at = now() + interval '1 hour' where id = $1`,
      [id],
    );
    const moved = {
      ...feed,
      platform: 'abritel',
      url: `https://www.abritel.fr/icalendar/${tag()}.ics`,
    };
    expect(
      (await ownerA.from('ical_feeds').upsert([moved], { onConflict: 'id' })).error,
    ).toBeNull();
    const { rows } = await db.query<{ platform: string; etag: string | null; due: boolean }>(
      'select platform, etag, next_sync_at <= now() as due from public.ical_feeds where id = $1',
      [id],
    );
    expect(rows[0]).toEqual({ platform: 'abritel', etag: null, due: true });
  });

  it('does not let the owner write a feed’s sync state (only the worker does)', async () => {
    const feed = worldA.feeds[1];
    const { error } = await ownerA
      .from('ical_feeds')
      .update({ last_status: 'success' })
      .eq('id', feed.id);
    expectRefused(error, ['42501'], 'owner writes last_status');
  });
});
