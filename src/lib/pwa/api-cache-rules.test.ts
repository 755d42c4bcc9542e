import { describe, expect, it } from 'vitest';
import {
  apiBases,
  apiCacheKey,
  canServe,
  canStore,
  classifyRequest,
  isApiCacheHitMessage,
  parseCachedAt,
  parseCacheOwnerRecord,
  parseStampedStatus,
  requestOwner,
} from '@/lib/pwa/api-cache-rules';

function base64Url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function bearer(payload: Record<string, unknown>): string {
  return `Bearer ${base64Url({ alg: 'HS256', typ: 'JWT' })}.${base64Url(payload)}.c2lnbmF0dXJl`;
}

const OWNER_A = '6f1c1d4e-0000-4000-8000-00000000000a';
const OWNER_B = '6f1c1d4e-0000-4000-8000-00000000000b';

describe('classifyRequest', () => {
  const bases = apiBases(['http://127.0.0.1:54321', undefined]);

  it('sends PostgREST reads of the API origin to the API cache', () => {
    const url = new URL('http://127.0.0.1:54321/rest/v1/reservations?select=*&offset=0');
    expect(classifyRequest('GET', url, bases)).toBe('api-read');
    expect(classifyRequest('get', url, bases)).toBe('api-read');
  });

  it('never caches auth, edge functions, storage or any write', () => {
    const api = 'http://127.0.0.1:54321';
    expect(
      classifyRequest('POST', new URL(`${api}/auth/v1/token?grant_type=password`), bases),
    ).toBe('api-no-cache');
    expect(classifyRequest('GET', new URL(`${api}/auth/v1/user`), bases)).toBe('api-no-cache');
    expect(classifyRequest('GET', new URL(`${api}/functions/v1/ical-export/x.ics`), bases)).toBe(
      'api-no-cache',
    );
    expect(classifyRequest('POST', new URL(`${api}/functions/v1/sync-worker`), bases)).toBe(
      'api-no-cache',
    );
    expect(classifyRequest('POST', new URL(`${api}/rest/v1/reservations`), bases)).toBe(
      'api-no-cache',
    );
    expect(classifyRequest('PATCH', new URL(`${api}/rest/v1/gites?id=eq.1`), bases)).toBe(
      'api-no-cache',
    );
    expect(classifyRequest('HEAD', new URL(`${api}/rest/v1/sync_logs`), bases)).toBe(
      'api-no-cache',
    );
  });

  it('leaves the app origin and look-alike hosts alone', () => {
    expect(classifyRequest('GET', new URL('http://127.0.0.1:5173/rest/v1/x'), bases)).toBe('other');
    expect(classifyRequest('GET', new URL('http://127.0.0.1:5173/assets/app.js'), bases)).toBe(
      'other',
    );
    const hosted = apiBases(['https://abcd.supabase.co/']);
    expect(
      classifyRequest('GET', new URL('https://abcd.supabase.co.evil.test/rest/v1/x'), hosted),
    ).toBe('other');
    expect(classifyRequest('GET', new URL('https://abcd.supabase.co/rest/v1/x'), hosted)).toBe(
      'api-read',
    );
  });

  it('keeps a base path (an API behind a reverse proxy) and every base given', () => {
    const proxied = apiBases(['https://example.test/supabase/', 'https://replica.example.test']);
    expect(
      classifyRequest('GET', new URL('https://example.test/supabase/rest/v1/x'), proxied),
    ).toBe('api-read');
    expect(classifyRequest('GET', new URL('https://example.test/rest/v1/x'), proxied)).toBe(
      'other',
    );
    expect(classifyRequest('GET', new URL('https://replica.example.test/rest/v1/x'), proxied)).toBe(
      'api-read',
    );
    expect(apiBases(['not a url'])).toEqual([]);
  });
});

describe('requestOwner', () => {
  it('reads the user of an authenticated JWT', () => {
    expect(requestOwner(bearer({ sub: OWNER_A, role: 'authenticated', exp: 1 }))).toBe(OWNER_A);
  });

  it('gives no owner for the anon key, a missing header or garbage', () => {
    expect(requestOwner(bearer({ role: 'anon', iss: 'supabase' }))).toBeNull();
    expect(requestOwner(bearer({ sub: OWNER_A, role: 'service_role' }))).toBeNull();
    expect(requestOwner(null)).toBeNull();
    expect(requestOwner('Bearer ')).toBeNull();
    expect(requestOwner('Bearer a.b')).toBeNull();
    expect(requestOwner('Bearer !!!.@@@.x')).toBeNull();
    expect(requestOwner(`Bearer x.${Buffer.from('not json').toString('base64url')}.y`)).toBeNull();
    expect(requestOwner('Basic dXNlcjpwYXNz')).toBeNull();
  });
});

describe('canStore / canServe: one owner per cache', () => {
  it('stores only the cache owner’s successful answers', () => {
    expect(canStore({ requestOwner: OWNER_A, cacheOwner: OWNER_A, status: 200 })).toBe(true);
    expect(canStore({ requestOwner: OWNER_A, cacheOwner: OWNER_A, status: 206 })).toBe(true);
    expect(canStore({ requestOwner: OWNER_A, cacheOwner: OWNER_A, status: 304 })).toBe(false);
    expect(canStore({ requestOwner: OWNER_A, cacheOwner: OWNER_A, status: 401 })).toBe(false);
    expect(canStore({ requestOwner: OWNER_A, cacheOwner: OWNER_A, status: 500 })).toBe(false);
    expect(canStore({ requestOwner: OWNER_A, cacheOwner: OWNER_A, status: 0 })).toBe(false);
  });

  it('never stores an answer that lands after its owner signed out or another signed in', () => {
    expect(canStore({ requestOwner: OWNER_A, cacheOwner: null, status: 200 })).toBe(false);
    expect(canStore({ requestOwner: OWNER_A, cacheOwner: OWNER_B, status: 200 })).toBe(false);
    // anon-key reads (RLS answers them with empty lists) are never kept
    expect(canStore({ requestOwner: null, cacheOwner: OWNER_A, status: 200 })).toBe(false);
  });

  it('never serves owner A’s answers to owner B', () => {
    expect(canServe({ entryOwner: OWNER_A, cacheOwner: OWNER_A, requestOwner: OWNER_A })).toBe(
      true,
    );
    expect(canServe({ entryOwner: OWNER_A, cacheOwner: OWNER_A, requestOwner: OWNER_B })).toBe(
      false,
    );
    expect(canServe({ entryOwner: OWNER_A, cacheOwner: OWNER_B, requestOwner: OWNER_B })).toBe(
      false,
    );
    expect(canServe({ entryOwner: OWNER_A, cacheOwner: OWNER_B, requestOwner: null })).toBe(false);
    expect(canServe({ entryOwner: OWNER_A, cacheOwner: null, requestOwner: null })).toBe(false);
    expect(canServe({ entryOwner: null, cacheOwner: null, requestOwner: null })).toBe(false);
  });

  it('serves the cache owner when supabase-js could only send the anon key (expired, offline)', () => {
    expect(canServe({ entryOwner: OWNER_A, cacheOwner: OWNER_A, requestOwner: null })).toBe(true);
  });
});

describe('apiCacheKey', () => {
  const url = 'http://127.0.0.1:54321/rest/v1/reservations?select=*&id=eq.1';

  it('tells apart the answers PostgREST shapes by header for one URL', () => {
    const list = apiCacheKey(url, new Headers({ accept: 'application/json' }));
    const single = apiCacheKey(url, new Headers({ accept: 'application/vnd.pgrst.object+json' }));
    const counted = apiCacheKey(url, new Headers({ prefer: 'count=exact' }));
    expect(new Set([list, single, counted]).size).toBe(3);
    expect(apiCacheKey(url, new Headers({ accept: 'application/json' }))).toBe(list);
  });

  it('keeps the query and ignores the fragment and other headers', () => {
    const key = apiCacheKey(`${url}#x`, new Headers({ authorization: 'Bearer a.b.c' }));
    const parsed = new URL(key);
    expect(parsed.searchParams.get('select')).toBe('*');
    expect(parsed.searchParams.get('id')).toBe('eq.1');
    expect(parsed.hash).toBe('');
    expect(key).toBe(apiCacheKey(url, new Headers()));
  });
});

describe('records and stamps', () => {
  it('parses the cache owner record', () => {
    expect(parseCacheOwnerRecord(JSON.stringify({ ownerId: OWNER_A }))).toBe(OWNER_A);
    expect(parseCacheOwnerRecord(JSON.stringify({ ownerId: '' }))).toBeNull();
    expect(parseCacheOwnerRecord('null')).toBeNull();
    expect(parseCacheOwnerRecord('{')).toBeNull();
  });

  it('parses the stamps', () => {
    expect(parseCachedAt('1767225600000')).toBe(1767225600000);
    expect(parseCachedAt('-1')).toBeNull();
    expect(parseCachedAt('12abc')).toBeNull();
    expect(parseCachedAt(null)).toBeNull();
    expect(parseStampedStatus('206')).toBe(206);
    expect(parseStampedStatus('500')).toBe(200);
    expect(parseStampedStatus(null)).toBe(200);
  });

  it('recognises the worker’s cache-hit message', () => {
    expect(isApiCacheHitMessage({ type: 'lou:api-cache-hit', cachedAt: 5 })).toBe(true);
    expect(isApiCacheHitMessage({ type: 'lou:api-cache-hit', cachedAt: Number.NaN })).toBe(false);
    expect(isApiCacheHitMessage({ type: 'other', cachedAt: 5 })).toBe(false);
    expect(isApiCacheHitMessage(null)).toBe(false);
  });
});
