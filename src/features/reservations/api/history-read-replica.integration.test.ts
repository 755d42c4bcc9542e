/**
 * "Tout l'historique" through the read-replica routing (src/lib/read-routing.ts) against the
 * real local stack: a replica that is down, or answers 5xx, costs the owner nothing (the
 * primary answers); a live replica serves the reads itself, with the owner's RLS.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from '@supabase/supabase-js';
import { QueryClient } from '@tanstack/react-query';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import WebSocket from 'ws';
import {
  getReservationsHistoryPage,
  HISTORY_PAGE_SIZE,
} from '@/features/reservations/api/get-reservations-history';
import {
  insertSeries,
  ownerWithGite,
  type TestOwner,
} from '@/features/reservations/api/reservations.fixtures';
import { EMPTY_FILTERS } from '@/features/reservations/list-params';
import type { Database } from '@/lib/database.types';
import { createReadReplicaClient, REPLICA_UNAVAILABLE } from '@/lib/read-replica';
import { createReadRouter } from '@/lib/read-routing';
import { superuserPool } from '../../../../dev/test/clients.ts';

const stack = inject('stack');
let db: pg.Pool;
let owner: TestOwner;
let other: TestOwner;
const STAYS = 30;

/** A fetch that records which client sent each request. */
function countingFetch(calls: string[], label: string): typeof fetch {
  return (input, init) => {
    calls.push(
      `${label} ${new URL(input instanceof Request ? input.url : String(input)).pathname}`,
    );
    return fetch(input, init);
  };
}

/** The owner signed in on a primary client of our own, so its requests can be counted. */
async function countedPrimary(calls: string[], who: TestOwner) {
  const client = createClient<Database>(stack.url, stack.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
    global: { fetch: countingFetch(calls, 'primary') },
  });
  const { error } = await client.auth.signInWithPassword({
    email: who.email,
    password: who.password,
  });
  if (error) throw error;
  return client;
}

/** The primary's access token, as src/lib/supabase.ts hands it to the replica client. */
function tokenOf(primary: Awaited<ReturnType<typeof countedPrimary>>) {
  return async () => (await primary.auth.getSession()).data.session?.access_token ?? null;
}

/** A port with nothing listening (taken from the OS, then released). */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const firstPage = (client: Parameters<typeof getReservationsHistoryPage>[0]) =>
  getReservationsHistoryPage(client, { filters: EMPTY_FILTERS, sort: 'date-desc', cursor: null });

beforeAll(async () => {
  db = await superuserPool(stack);
  const arranged = await ownerWithGite(stack, 'replica-owner');
  owner = arranged.owner;
  await insertSeries(db, owner.user.id, arranged.giteId, STAYS);
  // Someone else's stays must never come back, from the replica either.
  const second = await ownerWithGite(stack, 'replica-other');
  other = second.owner;
  await insertSeries(db, other.user.id, second.giteId, 5);
});

afterAll(async () => {
  await db.end();
});

describe('history reads routed to a read replica', () => {
  it('are served by the replica when it is up, with the owner’s token and RLS', async () => {
    const calls: string[] = [];
    const primary = await countedPrimary(calls, owner);
    // The same stack stands in for the replica: what matters is which client sent the read.
    const replica = createReadReplicaClient(stack.url, stack.anonKey, tokenOf(primary), {
      fetch: countingFetch(calls, 'replica'),
    });
    const fallbacks: unknown[] = [];
    const router = createReadRouter({ primary, replica, onFallback: (e) => fallbacks.push(e) });
    calls.length = 0;

    const page = await router.run(firstPage);

    expect(page.total).toBe(STAYS);
    expect(page.rows).toHaveLength(Math.min(STAYS, HISTORY_PAGE_SIZE));
    expect(fallbacks).toEqual([]);
    expect(calls.some((call) => call.startsWith('replica /rest/v1/reservation_list'))).toBe(true);
    expect(calls.filter((call) => call.startsWith('primary /rest/v1/'))).toEqual([]);
  });

  it('fall back to the primary when the replica is down, then skip it for the cool-down', async () => {
    const calls: string[] = [];
    const primary = await countedPrimary(calls, owner);
    const replica = createReadReplicaClient(
      `http://127.0.0.1:${await deadPort()}`,
      stack.anonKey,
      tokenOf(primary),
      { fetch: countingFetch(calls, 'replica') },
    );
    const fallbacks: unknown[] = [];
    const router = createReadRouter({
      primary,
      replica,
      onFallback: (e) => fallbacks.push(e),
    });
    calls.length = 0;

    const started = performance.now();
    const page = await router.run(firstPage);
    // At once: no 7 s of supabase-js retries against a replica that is not there.
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(page.total).toBe(STAYS);
    expect(fallbacks).toHaveLength(1);
    expect(fallbacks[0]).toMatchObject({ status: 502, code: REPLICA_UNAVAILABLE });
    expect(calls.some((call) => call.startsWith('replica /rest/v1/reservation_list'))).toBe(true);
    expect(calls.some((call) => call.startsWith('primary /rest/v1/reservation_list'))).toBe(true);

    calls.length = 0;
    const again = await router.run(firstPage);
    expect(again.total).toBe(STAYS);
    expect(calls.filter((call) => call.startsWith('replica '))).toEqual([]);
    expect(router.target()).toBe('primary');
  });

  it('fall back to the primary when the replica answers 503', async () => {
    const broken: Server = createServer((_request, response) => {
      response.writeHead(503, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: 'replica recovering', code: 'PGRST000' }));
    });
    await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = broken.address() as AddressInfo;
      const primary = await countedPrimary([], owner);
      const replica = createReadReplicaClient(
        `http://127.0.0.1:${port}`,
        stack.anonKey,
        tokenOf(primary),
      );
      const fallbacks: unknown[] = [];
      const router = createReadRouter({
        primary,
        replica,
        onFallback: (e) => fallbacks.push(e),
      });
      const started = performance.now();
      const page = await router.run(firstPage);
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(page.total).toBe(STAYS);
      expect(fallbacks).toHaveLength(1);
      expect(fallbacks[0]).toMatchObject({ status: 502, code: REPLICA_UNAVAILABLE });
    } finally {
      await new Promise<void>((resolve) => broken.close(() => resolve()));
    }
  });

  it('the app’s history query goes through the router: a dead VITE_SUPABASE_READ_URL still shows the history', async () => {
    vi.stubEnv('VITE_SUPABASE_READ_URL', `http://127.0.0.1:${await deadPort()}`);
    vi.resetModules();
    try {
      const { supabaseAuth, heavyReads } = await import('@/lib/supabase');
      const { reservationsHistoryQueries } = await import(
        '@/features/reservations/api/get-reservations-history'
      );
      const { error } = await supabaseAuth.signInWithPassword({
        email: owner.email,
        password: owner.password,
      });
      expect(error).toBeNull();
      expect(heavyReads.target()).toBe('replica');
      const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
      const started = performance.now();
      const history = await queryClient.fetchInfiniteQuery(
        reservationsHistoryQueries.history(EMPTY_FILTERS, 'date-desc'),
      );
      const page = history.pages[0];
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(page?.total).toBe(STAYS);
      expect(heavyReads.target()).toBe('primary');
      await supabaseAuth.signOut({ scope: 'local' });
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});
