import { describe, expect, it } from 'vitest';
import {
  cachePlan,
  canServeKept,
  guestPrecacheEntries,
  isGuestSheetRequest,
  isGuestWorker,
  sheetCacheKey,
  tokenFromRpcBody,
} from './sheet-cache-rules';

const bases = ['https://abc.supabase.co'];

describe('guest sheet cache rules', () => {
  it('matches only POST to the guest_sheet RPC of a configured API', () => {
    const rpc = new URL('https://abc.supabase.co/rest/v1/rpc/guest_sheet');
    expect(isGuestSheetRequest('POST', rpc, bases)).toBe(true);
    expect(isGuestSheetRequest('GET', rpc, bases)).toBe(false);
    expect(
      isGuestSheetRequest(
        'POST',
        new URL('https://abc.supabase.co/rest/v1/rpc/dashboard_summary'),
        bases,
      ),
    ).toBe(false);
    expect(
      isGuestSheetRequest('POST', new URL('https://evil.example/rest/v1/rpc/guest_sheet'), bases),
    ).toBe(false);
  });

  it('reads the token from the JSON body, and nothing else', () => {
    expect(tokenFromRpcBody('{"p_token":"abc"}')).toBe('abc');
    expect(tokenFromRpcBody('{"p_token":""}')).toBeNull();
    expect(tokenFromRpcBody('{"p_token":42}')).toBeNull();
    expect(tokenFromRpcBody('not json')).toBeNull();
    expect(tokenFromRpcBody(`{"p_token":"${'x'.repeat(200)}"}`)).toBeNull();
  });

  it('keys a sheet by the hash of its token, on the page origin', () => {
    expect(sheetCacheKey('https://app.example', 'ab12')).toBe(
      'https://app.example/__lou/guest-sheet/ab12',
    );
  });

  it('keeps only a live sheet; an expired, revoked or unknown answer forgets the kept copy', () => {
    expect(
      cachePlan(200, JSON.stringify({ status: 'ok', valid_until: '2026-07-20T22:00:00+00:00' })),
    ).toEqual({ kind: 'store', validUntil: Date.parse('2026-07-20T22:00:00Z') });
    for (const body of ['null', '{"status":"revoked","contact":null}', '{"status":"expired"}']) {
      expect(cachePlan(200, body), body).toEqual({ kind: 'forget' });
    }
    expect(cachePlan(200, '{"status":"ok"}')).toEqual({ kind: 'forget' });
    expect(cachePlan(400, '{"status":"ok","valid_until":"2026-07-20"}')).toEqual({
      kind: 'forget',
    });
  });

  it('serves a kept sheet only before its end of validity', () => {
    const until = Date.parse('2026-07-20T22:00:00Z');
    expect(canServeKept(String(until), until - 1)).toBe(true);
    expect(canServeKept(String(until), until)).toBe(false);
    expect(canServeKept(null, 0)).toBe(false);
    expect(canServeKept('soon', 0)).toBe(false);
  });
});

describe('guest worker precache', () => {
  it('is a guest worker only with ?for=guest', () => {
    expect(isGuestWorker('https://app.example/sw.js?for=guest')).toBe(true);
    expect(isGuestWorker('https://app.example/sw.js')).toBe(false);
    expect(isGuestWorker('https://app.example/sw.js?for=owner')).toBe(false);
  });

  it('keeps only the guest page’s files of the build', () => {
    const manifest = [
      { url: 'index.html', revision: '1' },
      { url: 'guest.html', revision: '2' },
      { url: 'assets/guest-Dneukq2P.js', revision: null },
      { url: 'assets/guest-CRwgKrom.css', revision: null },
      { url: 'assets/modulepreload-polyfill-P2Xu9kJm.js', revision: null },
      { url: 'assets/preload-helper-7y9sWmk5.js', revision: null },
      { url: 'assets/police-form-DbMcPIdS.js', revision: null },
      { url: 'assets/vendor-react-DWTFM334.js', revision: null },
      { url: 'assets/gites-BnmEErhy.js', revision: null },
      { url: 'favicon.svg', revision: '3' },
      { url: 'pwa-512.png', revision: '4' },
    ];
    expect(guestPrecacheEntries(manifest).map((entry) => entry.url)).toEqual([
      'guest.html',
      'assets/guest-Dneukq2P.js',
      'assets/guest-CRwgKrom.css',
      'assets/modulepreload-polyfill-P2Xu9kJm.js',
      'assets/preload-helper-7y9sWmk5.js',
      'favicon.svg',
    ]);
  });
});
