/**
 * The traffic of one owner's session, defined once: the pages an owner opens, each through
 * the app's own data functions (src/features/*\/api), so the load test sends exactly the
 * requests the app sends — same paths, selects, filters, headers and bodies.
 *
 * Each virtual owner's session is recorded once against the real stack (a recording
 * `fetch` under supabase-js: every answer is real and parsed by the app's code, so a
 * broken page fails here, not silently under load), then replayed by autocannon.
 */
import { createClient } from '@supabase/supabase-js';
import type pg from 'pg';
import WebSocket from 'ws';
import type { Database } from '../../src/lib/database.types.ts';

/** One recorded HTTP request, replayable: the token is set at send time (it gets refreshed). */
export interface RecordedRequest {
  /** "page: request", e.g. "dashboard: rpc/dashboard_summary". */
  name: string;
  method: string;
  /** Path and query under the API's /rest/v1. */
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export interface LoadOwner {
  id: string;
  email: string;
  stays: number;
  accessToken: string;
  refreshToken: string;
  /** The deeper reservations page this owner opens (page 5, or their last). */
  deepPage: number;
  searchTerm: string;
  /** A confirmed stay the session saves unchanged (the full write path, triggers included). */
  stay: StayToSave;
  session: RecordedRequest[];
}

interface StayToSave {
  id: string;
  imported: boolean;
  gite_id: string;
  date_debut: string;
  date_fin: string;
  client_nom: string | null;
  client_email: string | null;
  client_telephone: string | null;
  nb_personnes: number | null;
  nb_adultes: number | null;
  montant: number | null;
  notes: string | null;
}

export const PAGE_SIZE = 50;
const DEEP_PAGE = 5;

/**
 * Owners of the dataset with at least `minStays` stays, a fixed pseudo-random sample (the
 * same owners from run to run), with what their session needs: a name to search for and a
 * confirmed stay to save.
 */
export async function pickOwners(
  db: pg.Pool,
  count: number,
  minStays: number,
  /** Only these owners (a test's own), else any owner of the dataset. */
  ownerIds: readonly string[] | null = null,
): Promise<Omit<LoadOwner, 'accessToken' | 'refreshToken' | 'session'>[]> {
  const { rows } = await db.query<{
    id: string;
    email: string;
    stays: number;
    search_term: string | null;
    stay: StayToSave | null;
  }>(
    `with sample as (
       select c.owner_user_id as id, (c.confirmed + c.blocked + c.cancelled)::int as stays
       from public.reservation_counts c
       where c.confirmed + c.blocked + c.cancelled >= $2
         and ($3::uuid[] is null or c.owner_user_id = any($3::uuid[]))
       order by hashtext(c.owner_user_id::text)
       limit $1
     )
     select s.id, u.email, s.stays,
       (select lower(substring(r.client_nom from '^[[:alpha:]]{3,}'))
          from public.reservations r
          where r.owner_user_id = s.id and r.client_nom ~ '^[[:alpha:]]{3,}'
          order by r.date_debut desc limit 1) as search_term,
       (select to_jsonb(x) from (
          select r.id, (r.feed_id is not null or r.external_uid is not null) as imported,
            r.gite_id, r.date_debut, r.date_fin, r.client_nom, r.client_email, r.client_telephone,
            r.nb_personnes, r.nb_adultes, r.montant, r.notes
          from public.reservations r
          where r.owner_user_id = s.id and r.status = 'confirmed'
          order by r.date_debut desc offset 3 limit 1) x) as stay
     from sample s join auth.users u on u.id = s.id
     order by hashtext(s.id::text)`,
    [count, minStays, ownerIds],
  );
  return rows.flatMap((row) =>
    row.stay && row.search_term
      ? [
          {
            id: row.id,
            email: row.email,
            stays: row.stays,
            deepPage: Math.max(1, Math.min(DEEP_PAGE, Math.ceil(row.stays / PAGE_SIZE))),
            searchTerm: row.search_term,
            stay: row.stay,
          },
        ]
      : [],
  );
}

/** The tokens of a password sign-in (POST /auth/v1/token, as the login page sends it). */
export async function signIn(
  apiUrl: string,
  anonKey: string,
  email: string,
  password: string,
): Promise<{ accessToken: string; refreshToken: string }> {
  return tokenRequest(apiUrl, anonKey, 'password', { email, password }, email);
}

/** A new access token from the refresh token (long soaks outlive the 1-hour tokens). */
export async function refreshSession(
  apiUrl: string,
  anonKey: string,
  owner: LoadOwner,
): Promise<void> {
  const tokens = await tokenRequest(
    apiUrl,
    anonKey,
    'refresh_token',
    { refresh_token: owner.refreshToken },
    owner.email,
  );
  owner.accessToken = tokens.accessToken;
  owner.refreshToken = tokens.refreshToken;
}

async function tokenRequest(
  apiUrl: string,
  anonKey: string,
  grant: string,
  body: Record<string, string>,
  who: string,
): Promise<{ accessToken: string; refreshToken: string }> {
  const response = await fetch(`${apiUrl}/auth/v1/token?grant_type=${grant}`, {
    method: 'POST',
    headers: { apikey: anonKey, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { access_token?: string; refresh_token?: string };
  if (!response.ok || !json.access_token || !json.refresh_token) {
    throw new Error(`${grant} sign-in of ${who} failed (${response.status})`);
  }
  return { accessToken: json.access_token, refreshToken: json.refresh_token };
}

type AppClient = ReturnType<typeof createClient<Database>>;

/**
 * The app's modules read their configuration like the browser app (src/lib/env.ts falls back
 * to process.env) and build supabase-js clients, whose realtime part needs a WebSocket
 * (Node 20 has none: ws).
 */
function configureAppModules(apiUrl: string, anonKey: string) {
  process.env.VITE_SUPABASE_URL ??= apiUrl;
  process.env.VITE_SUPABASE_ANON_KEY ??= anonKey;
  globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket;
}

/** The pages of a session, in order; each calls what the page calls when it opens. */
async function sessionPages(owner: Omit<LoadOwner, 'session'>) {
  const { todayIso } = await import('../../src/lib/iso-date.ts');
  const { yearMonthOf } = await import('../../src/features/calendar/calendar-dates.ts');
  const { getDashboardSummary } = await import(
    '../../src/features/dashboard/api/get-dashboard-summary.ts'
  );
  const { getNextCleanings } = await import(
    '../../src/features/dashboard/api/get-next-cleanings.ts'
  );
  const { getUnreadCount } = await import(
    '../../src/features/notifications/api/get-unread-count.ts'
  );
  const { getReservationsPage } = await import(
    '../../src/features/reservations/api/get-reservations.ts'
  );
  const { getOwnerGites } = await import('../../src/lib/owner-gites.ts');
  const { EMPTY_FILTERS, DEFAULT_SORT } = await import(
    '../../src/features/reservations/list-params.ts'
  );
  const { getCalendarMonth } = await import(
    '../../src/features/calendar/api/get-calendar-month.ts'
  );
  const { updateReservation } = await import(
    '../../src/features/reservations/api/update-reservation.ts'
  );
  const today = todayIso();
  const { stay } = owner;
  const owned = {
    client_email: stay.client_email,
    client_telephone: stay.client_telephone,
    nb_personnes: stay.nb_personnes,
    nb_adultes: stay.nb_adultes,
    montant: stay.montant,
    notes: stay.notes,
  };
  return [
    {
      page: 'dashboard',
      open: (client: AppClient) =>
        Promise.all([
          getDashboardSummary(client, today),
          getNextCleanings(client, today),
          getUnreadCount(client),
        ]),
    },
    {
      page: 'reservations p1',
      // The route also loads the owner's gîtes (the filter, the form); kept 30 s by the
      // query cache, they are not asked again for the deeper page or the search.
      open: (client: AppClient) =>
        Promise.all([
          getReservationsPage(client, { filters: EMPTY_FILTERS, sort: DEFAULT_SORT, page: 1 }),
          getOwnerGites(client),
        ]),
    },
    {
      page: `reservations p${DEEP_PAGE}`,
      open: (client: AppClient) =>
        getReservationsPage(client, {
          filters: EMPTY_FILTERS,
          sort: DEFAULT_SORT,
          page: owner.deepPage,
        }),
    },
    {
      page: 'name search',
      open: (client: AppClient) =>
        getReservationsPage(client, {
          filters: { ...EMPTY_FILTERS, search: owner.searchTerm },
          sort: DEFAULT_SORT,
          page: 1,
        }),
    },
    {
      page: 'calendar month',
      open: (client: AppClient) =>
        getCalendarMonth(client, { month: yearMonthOf(today), giteId: null }),
    },
    {
      page: 'save stay',
      open: (client: AppClient) =>
        updateReservation(
          client,
          stay.imported
            ? { id: stay.id, kind: 'imported', values: { client_nom: stay.client_nom, ...owned } }
            : {
                id: stay.id,
                kind: 'direct',
                values: {
                  gite_id: stay.gite_id,
                  date_debut: stay.date_debut,
                  date_fin: stay.date_fin,
                  client_nom: stay.client_nom ?? '',
                  ...owned,
                } as never,
              },
        ),
    },
  ];
}

/** "rpc/dashboard_summary", "reservations", "notifications (HEAD)". */
function requestLabel(method: string, restPath: string): string {
  const resource = restPath.split('?')[0] ?? restPath;
  return method === 'GET' || method === 'POST' ? resource : `${resource} (${method})`;
}

/**
 * Opens every page of the session once as this owner, against the real API, and records
 * the requests the app sent. Throws when a page fails (the replay would measure errors).
 */
export async function recordSession(
  apiUrl: string,
  anonKey: string,
  owner: Omit<LoadOwner, 'session'>,
): Promise<RecordedRequest[]> {
  configureAppModules(apiUrl, anonKey);
  const recorded: RecordedRequest[] = [];
  let page = '';
  const restPrefix = `${new URL(apiUrl).pathname.replace(/\/$/, '')}/rest/v1`;
  const recordingFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = init?.body === undefined || init.body === null ? undefined : String(init.body);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => {
      if (key !== 'authorization') headers[key] = value;
    });
    const path = `${url.pathname.slice(restPrefix.length)}${url.search}`;
    recorded.push({
      name: `${page}: ${requestLabel(request.method, path.replace(/^\//, ''))}`,
      method: request.method,
      path,
      headers,
      body,
    });
    return fetch(input, init);
  };
  const client = createClient<Database>(apiUrl, anonKey, {
    accessToken: async () => owner.accessToken,
    global: { fetch: recordingFetch },
  });
  for (const step of await sessionPages(owner)) {
    page = step.page;
    try {
      await step.open(client);
    } catch (error) {
      throw new Error(`${owner.email}, page ${step.page}: ${(error as Error).message}`);
    }
  }
  return recorded;
}

/** The session's shape: every virtual owner's session must have it to share the replay slots. */
export function sessionShape(session: readonly RecordedRequest[]): string {
  return session.map((request) => `${request.method} ${request.name}`).join('\n');
}
