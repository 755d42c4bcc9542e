/**
 * The data side of the Réservations screens (issue 3), against the real local stack:
 * the computed fields client_nom_search and has_overlap, the search_reservations RPC,
 * dashboard_summary, and keyset pagination as the client does it with PostgREST filters.
 * The normaliser the UI uses for search terms (src/lib/search-normalize.ts) is checked
 * against the database's own unaccent_lower, character by character.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedUpOwner, superuserPool, testClient } from '../../dev/test/clients.ts';
import type { Database, TablesInsert } from '../../src/lib/database.types.ts';
import {
  COVERED,
  FULLWIDTH_FIRST,
  FULLWIDTH_LAST,
  normalizeSearchTerm,
  unaccentLower,
  unaccentLowerChar,
} from '../../src/lib/search-normalize.ts';

const stack = inject('stack');

type Client = SupabaseClient<Database>;
type NewReservation = TablesInsert<'reservations'>;

let db: pg.Pool;

beforeAll(async () => {
  db = await superuserPool(stack);
});

afterAll(async () => {
  await db.end();
});

async function createGite(client: Client, nom: string, extra: Partial<TablesInsert<'gites'>> = {}) {
  const { data, error } = await client
    .from('gites')
    .insert({ nom, ...extra })
    .select('id')
    .single();
  if (error) throw error;
  return data.id;
}

async function insertStays(client: Client, rows: NewReservation[]): Promise<string[]> {
  // defaultToNull: false — a row without an id gets the default, even next to rows that have one.
  const { data, error } = await client
    .from('reservations')
    .insert(rows, { defaultToNull: false })
    .select('id');
  if (error) throw error;
  return data.map((r) => r.id);
}

function stay(
  gite_id: string,
  date_debut: string,
  date_fin: string,
  extra: Partial<NewReservation> = {},
): NewReservation {
  return { gite_id, date_debut, date_fin, plateforme: 'direct', status: 'confirmed', ...extra };
}

// ---------------------------------------------------------------------------------------------
describe('guest-name search', () => {
  let owner: Awaited<ReturnType<typeof signedUpOwner>>;
  let dupontIds: string[];
  let percentId: string;
  let underscoreId: string;

  beforeAll(async () => {
    owner = await signedUpOwner(stack, 'search');
    const gite = await createGite(owner.client, 'Le Moulin');
    const names = [
      'Jean Dupont',
      'Émile DUPONT',
      'Chloé Dupônt',
      'Marie Durand',
      'Zoé Cœurdevey',
      '100% Martin',
      'Anne_Marie Roux',
      // What % and _ would match if they were wildcards.
      'Paul 100 ans',
      'Irène Moreau',
    ];
    const ids = await insertStays(
      owner.client,
      names.map((client_nom, i) =>
        stay(gite, `2030-01-${String(10 + i * 2).padStart(2, '0')}`, `2030-01-${11 + i * 2}`, {
          client_nom,
        }),
      ),
    );
    dupontIds = ids.slice(0, 3).sort();
    percentId = ids[5] ?? '';
    underscoreId = ids[6] ?? '';
    // Another owner's Dupont must never show up.
    const other = await signedUpOwner(stack, 'search-other');
    const otherGite = await createGite(other.client, 'Ailleurs');
    await insertStays(other.client, [
      stay(otherGite, '2030-01-10', '2030-01-12', { client_nom: 'Paul Dupont' }),
    ]);
  });

  for (const term of ['dupont', 'DUPONT', 'Dupônt']) {
    it(`finds every Dupont, whatever the case and accents, with client_nom_search like "${term}"`, async () => {
      const { data, error } = await owner.client
        .from('reservations')
        .select('id, client_nom_search')
        .like('client_nom_search', `%${normalizeSearchTerm(term)}%`);
      expect(error).toBeNull();
      expect(data?.map((r) => r.id).sort()).toEqual(dupontIds);
      expect(data?.every((r) => r.client_nom_search?.includes('dupont'))).toBe(true);
    });

    // search_reservation_list is what the list calls; search_reservations is kept for app
    // builds from before it that may still be installed as a PWA: both must stay right.
    for (const fn of ['search_reservation_list', 'search_reservations'] as const) {
      it(`finds the same rows with rpc ${fn}("${term}"), only the caller's`, async () => {
        const { data, error, count } = await owner.client
          .rpc(fn, { p_query: term }, { count: 'exact' })
          // PostgREST 12 narrows an RPC's rows to the selected columns before it orders and
          // filters them: select every column the order and filters use — `*` is simplest.
          .select('*')
          .order('date_debut', { ascending: false })
          .range(0, 49);
        expect(error).toBeNull();
        expect(count).toBe(3);
        expect(data?.map((r) => r.id).sort()).toEqual(dupontIds);
      });
    }
  }

  for (const fn of ['search_reservation_list', 'search_reservations'] as const) {
    it(`${fn} matches %, _ and * in a search term literally, not as wildcards`, async () => {
      const percent = await owner.client.rpc(fn, { p_query: '100%' }).select('id');
      expect(percent.data?.map((r) => r.id)).toEqual([percentId]);
      const underscore = await owner.client.rpc(fn, { p_query: 'e_m' }).select('id');
      expect(underscore.data?.map((r) => r.id)).toEqual([underscoreId]);
      const star = await owner.client.rpc(fn, { p_query: 'd*' }).select('id');
      expect(star.data).toEqual([]);
    });

    it(`${fn} combines the search with the list filters PostgREST applies on top`, async () => {
      const { data, error } = await owner.client
        .rpc(fn, { p_query: 'dupont' })
        .select('*')
        .gte('date_debut', '2030-01-12');
      expect(error).toBeNull();
      expect(data?.length).toBe(2);
    });

    it(`refuses ${fn} to anon`, async () => {
      const { error } = await testClient(stack).rpc(fn, { p_query: 'dupont' });
      expect(error?.code).toBe('42501');
    });
  }

  it("gives search_reservation_list the list view's rows, overlap flag included", async () => {
    const { data, error } = await owner.client
      .rpc('search_reservation_list', { p_query: 'dupont' })
      .select('*')
      .order('date_debut')
      .limit(1)
      .single();
    expect(error).toBeNull();
    const { data: viewRow } = await owner.client
      .from('reservation_list')
      .select('*')
      .eq('id', data?.id ?? '')
      .single();
    expect(data).toEqual(viewRow);
    expect(data).toMatchObject({ has_overlap: false });
  });
});

// ---------------------------------------------------------------------------------------------
describe('normalizeSearchTerm (src/lib/search-normalize.ts) and public.unaccent_lower', () => {
  const FRENCH_NAMES = [
    'Hélène Lefèvre',
    'François Œuvray',
    'Lætitia Cœurdevey',
    'ÆLIS BRŒCKER',
    'Jérôme Façade',
    'Strauß',
    'Noël Anaïs',
    'ÉLODIE GÂTEAU-MÊLÉE',
    'Marie-Thérèse d’Aubigné',
    "Benoît L'Hôte",
    'Ødegaard Łukasz',
    'Çağla Öztürk',
    'Ÿvonne Ïsoline',
    'Åsa Ñúñez',
    'Dupônt',
    'Maël Gaëlle Zoé',
    'He\u0301le\u0300ne (décomposé)',
  ];

  it('agrees with the database on French names with accents, ligatures, ç and ß', async () => {
    const { rows } = await db.query<{ name: string; sql: string }>(
      'select name, public.unaccent_lower(name) as sql from unnest($1::text[]) as name',
      [FRENCH_NAMES],
    );
    for (const { name, sql } of rows)
      expect({ name, js: unaccentLower(name) }).toEqual({ name, js: sql });
  });

  it('agrees with the database on every character of the ranges it covers', async () => {
    const chars: string[] = [];
    for (const [first, last] of COVERED) {
      for (let c = Math.max(first, 0x20); c <= last; c += 1) chars.push(String.fromCodePoint(c));
    }
    for (let c = FULLWIDTH_FIRST; c <= FULLWIDTH_LAST; c += 1) chars.push(String.fromCodePoint(c));
    const { rows } = await db.query<{ c: string; sql: string }>(
      'select c, public.unaccent_lower(c) as sql from unnest($1::text[]) as c',
      [chars],
    );
    const disagreements = rows
      .filter(({ c, sql }) => unaccentLowerChar(c) !== sql)
      .map(
        ({ c, sql }) =>
          `U+${c.codePointAt(0)?.toString(16)} ${c} → db "${sql}", js "${unaccentLowerChar(c)}"`,
      );
    expect(disagreements).toEqual([]);
    expect(rows.length).toBeGreaterThan(1900);
  });
});

// ---------------------------------------------------------------------------------------------
describe('has_overlap', () => {
  let owner: Awaited<ReturnType<typeof signedUpOwner>>;
  const ids: Record<string, string> = {};

  async function flags(): Promise<Record<string, boolean | null>> {
    const { data, error } = await owner.client.from('reservations').select('id, has_overlap');
    if (error) throw error;
    const byId = new Map(data.map((r) => [r.id, r.has_overlap]));
    return Object.fromEntries(
      Object.entries(ids).map(([name, id]) => [name, byId.get(id) ?? null]),
    );
  }

  beforeAll(async () => {
    owner = await signedUpOwner(stack, 'overlap');
    const a = await createGite(owner.client, 'Gîte A');
    const b = await createGite(owner.client, 'Gîte B');
    const rows: [string, NewReservation][] = [
      ['first', stay(a, '2030-07-01', '2030-07-08')],
      // Arrives the day `first` leaves: not an overlap.
      ['adjacent', stay(a, '2030-07-08', '2030-07-15')],
      // Shares the night of 14 July with `adjacent`.
      ['clash', stay(a, '2030-07-14', '2030-07-16')],
      ['cancelled', stay(a, '2030-08-01', '2030-08-05', { status: 'cancelled' })],
      ['overCancelled', stay(a, '2030-08-03', '2030-08-06')],
      ['blocked', stay(a, '2030-09-01', '2030-09-05', { status: 'blocked', plateforme: 'airbnb' })],
      ['overBlocked', stay(a, '2030-09-02', '2030-09-04')],
      // Same dates as `first`, other gîte.
      ['otherGite', stay(b, '2030-07-01', '2030-07-08')],
      // A 90-night let, and a short stay 68 days into it.
      ['longLet', stay(a, '2031-01-01', '2031-04-01')],
      ['insideLongLet', stay(a, '2031-03-10', '2031-03-12')],
      ['afterLongLet', stay(a, '2031-04-01', '2031-04-03')],
    ];
    const inserted = await insertStays(
      owner.client,
      rows.map(([, row]) => row),
    );
    rows.forEach(([name], i) => {
      ids[name] = inserted[i] ?? '';
    });
  });

  it('flags confirmed stays of one gîte sharing a night, and only them', async () => {
    expect(await flags()).toEqual({
      first: false,
      adjacent: true,
      clash: true,
      cancelled: false,
      overCancelled: false,
      blocked: false,
      overBlocked: false,
      otherGite: false,
      longLet: true,
      insideLongLet: true,
      afterLongLet: false,
    });
  });

  it('is computed when read: cancelling one side clears the other', async () => {
    const { error } = await owner.client
      .from('reservations')
      .update({ status: 'cancelled' })
      .eq('id', ids.clash ?? '');
    expect(error).toBeNull();
    const now = await flags();
    expect(now.adjacent).toBe(false);
    expect(now.clash).toBe(false);
  });

  it('is selectable with an alias and filterable', async () => {
    const { data, error } = await owner.client
      .from('reservations')
      .select('id, overlap:has_overlap')
      .eq('has_overlap', true);
    expect(error).toBeNull();
    expect(data?.map((r) => r.id).sort()).toEqual([ids.longLet, ids.insideLongLet].sort());
    expect(data?.every((r) => r.overlap === true)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
describe('dashboard_summary', () => {
  let owner: Awaited<ReturnType<typeof signedUpOwner>>;
  const id: Record<string, string> = {};
  let alpha: string;
  let beta: string;

  interface Item {
    id: string;
    gite_id: string;
    gite_nom: string;
    client_nom: string | null;
    plateforme: string;
    status: string;
    date_debut: string;
    date_fin: string;
    nb_personnes: number | null;
    kind?: string;
    date?: string;
  }
  interface Summary {
    today: string;
    arrivals_today: Item[];
    departures_today: Item[];
    next_7_days: Item[];
    occupancy: {
      gite_id: string;
      gite_nom: string;
      nights_booked: number;
      nights_blocked: number;
      nights_in_month: number;
      rate: number;
    }[];
    revenue_ytd: number;
    revenue_ytd_previous: number;
  }

  beforeAll(async () => {
    owner = await signedUpOwner(stack, 'dashboard');
    alpha = await createGite(owner.client, 'Alpha', { ordre: 1 });
    beta = await createGite(owner.client, 'Beta', { ordre: 2 });
    await createGite(owner.client, 'Gamma (fermé)', { ordre: 3, is_active: false });
    const rows: [string, NewReservation][] = [
      [
        'arrivalToday',
        stay(alpha, '2030-03-15', '2030-03-18', {
          montant: 300,
          client_nom: 'Léa Arrivée',
          nb_personnes: 2,
        }),
      ],
      [
        'departureToday',
        stay(beta, '2030-03-10', '2030-03-15', { montant: 500, client_nom: 'Hugo Départ' }),
      ],
      [
        'cancelledToday',
        stay(beta, '2030-03-15', '2030-03-16', { status: 'cancelled', montant: 80 }),
      ],
      ['soon', stay(beta, '2030-03-17', '2030-03-20', { montant: 420 })],
      ['weekEnd', stay(alpha, '2030-03-22', '2030-03-25', { montant: 330 })],
      ['later', stay(alpha, '2030-03-26', '2030-04-03', { montant: 900 })],
      ['fromFebruary', stay(alpha, '2030-02-25', '2030-03-02', { montant: 200 })],
      ['blockAlpha', stay(alpha, '2030-03-05', '2030-03-08', { status: 'blocked' })],
      // Its first night is also booked (soon): only 20 March counts as blocked.
      ['blockBeta', stay(beta, '2030-03-19', '2030-03-21', { status: 'blocked' })],
      ['lastYearSameDay', stay(alpha, '2029-03-15', '2029-03-17', { montant: 150 })],
      ['lastYearNextDay', stay(alpha, '2029-03-16', '2029-03-18', { montant: 999 })],
      ['lastYearJanuary', stay(beta, '2029-01-01', '2029-01-03', { montant: 50 })],
      ['twoYearsAgo', stay(beta, '2028-03-01', '2028-03-03', { montant: 7000 })],
    ];
    const inserted = await insertStays(
      owner.client,
      rows.map(([, row]) => row),
    );
    rows.forEach(([name], i) => {
      id[name] = inserted[i] ?? '';
    });
    // Someone else's arrival today must not appear.
    const other = await signedUpOwner(stack, 'dashboard-other');
    const otherGite = await createGite(other.client, 'Ailleurs');
    await insertStays(other.client, [stay(otherGite, '2030-03-15', '2030-03-16', { montant: 1 })]);
  });

  async function summary(): Promise<Summary> {
    const { data, error } = await owner.client.rpc('dashboard_summary', { p_today: '2030-03-15' });
    if (error) throw error;
    return data as unknown as Summary;
  }

  it("lists today's arrivals and departures (confirmed stays only, the caller's only)", async () => {
    const s = await summary();
    expect(s.today).toBe('2030-03-15');
    expect(s.arrivals_today).toEqual([
      {
        id: id.arrivalToday,
        gite_id: alpha,
        gite_nom: 'Alpha',
        client_nom: 'Léa Arrivée',
        plateforme: 'direct',
        status: 'confirmed',
        date_debut: '2030-03-15',
        date_fin: '2030-03-18',
        nb_personnes: 2,
      },
    ]);
    expect(s.departures_today.map((d) => [d.id, d.gite_nom])).toEqual([
      [id.departureToday, 'Beta'],
    ]);
  });

  it('lists arrivals and departures from tomorrow to today + 7, in date order', async () => {
    const s = await summary();
    expect(s.next_7_days.map((e) => [e.date, e.kind, e.id])).toEqual([
      ['2030-03-17', 'arrival', id.soon],
      ['2030-03-18', 'departure', id.arrivalToday],
      ['2030-03-20', 'departure', id.soon],
      ['2030-03-22', 'arrival', id.weekEnd],
    ]);
    expect(s.next_7_days[0]?.gite_nom).toBe('Beta');
  });

  it("gives each active gîte's occupancy of the month, nights clipped to the month, blocks apart", async () => {
    const s = await summary();
    expect(s.occupancy).toEqual([
      // 1 (from February) + 3 (today) + 3 (22–25) + 6 (26–31) booked; 5–8 blocked.
      {
        gite_id: alpha,
        gite_nom: 'Alpha',
        nights_booked: 13,
        nights_blocked: 3,
        nights_in_month: 31,
        rate: 0.4194,
      },
      // 10–14 and 17–19 booked; the block adds 20 only.
      {
        gite_id: beta,
        gite_nom: 'Beta',
        nights_booked: 8,
        nights_blocked: 1,
        nights_in_month: 31,
        rate: 0.2581,
      },
    ]);
  });

  it('sums revenue of confirmed stays from 1 January to today, and last year to the same day', async () => {
    const s = await summary();
    // 200 (February) + 500 (10 March) + 300 (today); not 17 March, not the cancelled one.
    expect(s.revenue_ytd).toBe(1000);
    // 50 (January 2029) + 150 (15 March 2029); not 16 March 2029.
    expect(s.revenue_ytd_previous).toBe(200);
  });

  it('defaults p_today to the current date, and is refused to anon', async () => {
    const { data, error } = await owner.client.rpc('dashboard_summary');
    expect(error).toBeNull();
    expect((data as unknown as Summary).today).toBe(new Date().toISOString().slice(0, 10));
    const anon = await testClient(stack).rpc('dashboard_summary');
    expect(anon.error?.code).toBe('42501');
  });
});

// ---------------------------------------------------------------------------------------------
describe('keyset pagination (date_debut desc, id desc)', () => {
  const PAGE = 50;
  let owner: Awaited<ReturnType<typeof signedUpOwner>>;
  let gites: string[];
  let original: { id: string; date_debut: string }[];

  interface Row {
    id: string;
    date_debut: string;
  }

  /** The page after `cursor`, as the client asks for it (the lte bound lets the index seek). */
  async function pageAfter(cursor: Row | undefined): Promise<Row[]> {
    let query = owner.client.from('reservations').select('id, date_debut');
    if (cursor) {
      query = query
        .lte('date_debut', cursor.date_debut)
        .or(
          `date_debut.lt.${cursor.date_debut},and(date_debut.eq.${cursor.date_debut},id.lt.${cursor.id})`,
        );
    }
    const { data, error } = await query
      .order('date_debut', { ascending: false })
      .order('id', { ascending: false })
      .limit(PAGE);
    if (error) throw error;
    return data;
  }

  const after = (a: Row, b: Row) =>
    a.date_debut < b.date_debut || (a.date_debut === b.date_debut && a.id < b.id);

  beforeAll(async () => {
    owner = await signedUpOwner(stack, 'keyset');
    gites = [
      await createGite(owner.client, 'G1'),
      await createGite(owner.client, 'G2'),
      await createGite(owner.client, 'G3'),
    ];
    // 237 stays on 60 arrival days: many share a date, so the id tie-break matters.
    const rows: NewReservation[] = [];
    for (let i = 0; i < 237; i += 1) {
      const day = new Date(Date.UTC(2030, 0, 1 + (i % 60) * 3));
      const end = new Date(day.getTime() + 2 * 86_400_000);
      rows.push(
        stay(gites[i % 3] ?? '', day.toISOString().slice(0, 10), end.toISOString().slice(0, 10)),
      );
    }
    await insertStays(owner.client, rows);
    const { data, error } = await owner.client
      .from('reservations')
      .select('id, date_debut')
      .order('date_debut', { ascending: false })
      .order('id', { ascending: false });
    if (error) throw error;
    original = data;
  });

  it('returns every row exactly once, in order, across pages', async () => {
    const seen: Row[] = [];
    for (
      let page = await pageAfter(undefined);
      page.length > 0;
      page = await pageAfter(seen.at(-1))
    ) {
      seen.push(...page);
      if (page.length < PAGE) break;
    }
    expect(seen.map((r) => r.id)).toEqual(original.map((r) => r.id));
  });

  it('has no duplicates and no gaps when rows are inserted between pages', async () => {
    const seen: Row[] = [];
    const insertedBehind: string[] = [];
    const insertedAhead: string[] = [];
    let page = await pageAfter(undefined);
    let round = 0;
    while (page.length > 0) {
      seen.push(...page);
      const cursor = seen.at(-1);
      if (!cursor || page.length < PAGE) break;
      round += 1;
      // Behind the cursor (already paged past): newer stays, and ones on the cursor's day that
      // sort before it. Ahead of it: older stays, and ones on its day that sort after it.
      const g = gites[round % 3] ?? '';
      const day = cursor.date_debut;
      const behind = await insertStays(owner.client, [
        stay(g, '2031-06-01', '2031-06-03'),
        stay(g, day, '2031-12-31', {
          id: `ffffffff-ffff-4fff-bfff-${String(round).padStart(12, '0')}`,
        }),
      ]);
      const ahead = await insertStays(owner.client, [
        stay(g, '2029-06-01', '2029-06-03'),
        stay(g, day, '2031-12-31', {
          id: `00000000-0000-4000-8000-${String(round).padStart(12, '0')}`,
        }),
      ]);
      insertedBehind.push(...behind);
      insertedAhead.push(...ahead);
      page = await pageAfter(cursor);
    }
    const ids = seen.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Every row that existed before paging started is there, once.
    const originalIds = original.map((r) => r.id);
    expect(originalIds.filter((id) => !ids.includes(id))).toEqual([]);
    // Rows inserted behind the cursor never show up (they belong to pages already read)…
    expect(insertedBehind.filter((id) => ids.includes(id))).toEqual([]);
    // …rows inserted ahead of it show up, once, in their place.
    expect(insertedAhead.filter((id) => !ids.includes(id))).toEqual([]);
    for (let i = 1; i < seen.length; i += 1) {
      const previous = seen[i - 1];
      const current = seen[i];
      if (previous && current) expect(after(current, previous)).toBe(true);
    }
  });

  it('counts the owner rows exactly, and an owner without stays has 0 and an empty page', async () => {
    const { count } = await owner.client
      .from('reservations')
      .select('id', { count: 'exact', head: true });
    expect(count).toBeGreaterThanOrEqual(237);
    const empty = await signedUpOwner(stack, 'keyset-empty');
    const {
      data,
      count: none,
      error,
    } = await empty.client
      .from('reservations')
      .select('id', { count: 'exact' })
      .range(0, PAGE - 1);
    expect(error).toBeNull();
    expect(none).toBe(0);
    expect(data).toEqual([]);
  });
});
