/**
 * The load tool against the test stack, tiny: virtual owners sign in, their sessions are
 * recorded through the app's data functions and replayed by autocannon straight to
 * PostgREST and through the gateway. Every page of the session must answer, so a change
 * that breaks a replayed request (or the replay itself) fails here, not in a 16-minute run.
 */

import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedUpOwner, superuserPool } from '../test/clients.ts';
import { prepareOwners, prepareTarget, runStages } from './run-load.ts';

const stack = inject('stack');
const ROWS_BUT_UPDATED_AT = `select to_jsonb(r) - 'updated_at' as row from public.reservations r
  where owner_user_id = any($1) order by id`;
let db: pg.Pool;
const ownerIds: string[] = [];
let password = '';

beforeAll(async () => {
  db = await superuserPool(stack);
  for (const label of ['load-a', 'load-b']) {
    const owner = await signedUpOwner(stack, label);
    password = owner.password;
    ownerIds.push(owner.user.id);
    const { rows } = await db.query<{ id: string }>(
      `insert into public.gites (owner_user_id, nom) values ($1, 'Gîte de charge') returning id`,
      [owner.user.id],
    );
    // 120 stays: the deeper page (3) exists; one of them is this month's, for the calendar.
    await db.query(
      `insert into public.reservations
         (owner_user_id, gite_id, date_debut, date_fin, client_nom, plateforme, status, montant)
       select $1, $2, current_date - 200 + i * 3, current_date - 200 + i * 3 + 2,
              'Martin ' || i, 'direct', 'confirmed', 100 + i
       from generate_series(1, 120) as i`,
      [owner.user.id, rows[0]?.id],
    );
  }
});

afterAll(async () => {
  await db.end();
});

describe('npm run load, in miniature', () => {
  it.each(['rest', 'gateway'] as const)(
    'replays every page of the session via %s without an error',
    async (via) => {
      const lines: string[] = [];
      const options = {
        stack,
        password,
        owners: 10,
        minStays: 100,
        via,
        ownerIds,
        log: (line: string) => lines.push(line),
      };
      const { target, watched } = await prepareTarget(options);
      const { owners, template } = await prepareOwners(options);
      expect(owners.map((owner) => owner.id).sort()).toEqual([...ownerIds].sort());
      expect(template.map((request) => request.name)).toEqual([
        'dashboard: rpc/dashboard_summary',
        'dashboard: cleaning_schedule',
        'dashboard: notifications (HEAD)',
        'reservations p1: reservation_counts',
        'reservations p1: reservation_list',
        'reservations p1: gites',
        'reservations p5: reservation_counts',
        'reservations p5: reservation_list',
        'name search: rpc/search_reservation_list',
        'calendar month: gites',
        'calendar month: calendar_stays',
        'save stay: reservations (PATCH)',
      ]);
      expect(owners[0]?.deepPage).toBe(3);
      expect(watched.map((process) => process.name)).toContain('load generator');

      const before = await db.query(ROWS_BUT_UPDATED_AT, [ownerIds]);
      const results = await runStages(
        [{ name: 'smoke', kind: 'smoke', fromOwners: 12, toOwners: 12, seconds: 3, checked: true }],
        { target, watched, owners, template, stepSeconds: 3, log: (line) => lines.push(line) },
      );
      const [smoke] = results;
      expect(smoke?.summary.errors).toBe(0);
      // 12 owners, 3 s, one request a second each: the whole session once (give or take).
      expect(smoke?.summary.requests).toBeGreaterThanOrEqual(22);
      expect([...(smoke?.endpoints.keys() ?? [])].sort()).toEqual(
        template.map((r) => r.name).sort(),
      );
      // Saving a stay unchanged writes it (updated_at moves) and changes nothing else.
      const after = await db.query(ROWS_BUT_UPDATED_AT, [ownerIds]);
      expect(after.rows.map((row) => row.id)).toEqual(before.rows.map((row) => row.id));
    },
  );
});
