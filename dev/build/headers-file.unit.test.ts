import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from './headers-file.ts';

const rules = parseHeadersFile(
  readFileSync(new URL('../../public/_headers', import.meta.url), 'utf8'),
);
const cacheOf = (path: string) => headersFor(rules, path)['cache-control'];

describe('public/_headers', () => {
  it('caches hashed build files for a year, immutable', () => {
    expect(cacheOf('/assets/vendor-react-DWTFM334.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheOf('/assets/index-CrAjpDTB.css')).toBe('public, max-age=31536000, immutable');
  });

  it('revalidates the page, the service worker and the manifest on every visit', () => {
    for (const path of ['/', '/index.html', '/sw.js', '/manifest.webmanifest']) {
      expect(cacheOf(path), path).toBe('no-cache');
    }
  });

  it('never marks anything else immutable (client routes are left to the host’s default)', () => {
    expect(cacheOf('/tableau-de-bord')).toBeUndefined();
    expect(cacheOf('/assets')).toBeUndefined();
    expect(cacheOf('/favicon.svg')).toBeUndefined();
  });
});

describe('parseHeadersFile', () => {
  it('applies every matching rule, joins repeated headers, and knows :placeholders', () => {
    const parsed = parseHeadersFile(
      '# comment\n/*\n  X-Frame-Options: DENY\n  Cache-Control: a\n/items/:id\n  Cache-Control: b\n',
    );
    expect(headersFor(parsed, '/items/42')).toEqual({
      'x-frame-options': 'DENY',
      'cache-control': 'a, b',
    });
    expect(headersFor(parsed, '/items/42/more')).toEqual({
      'x-frame-options': 'DENY',
      'cache-control': 'a',
    });
  });

  it('refuses a header line outside any path', () => {
    expect(() => parseHeadersFile('  Cache-Control: x\n')).toThrow(/line 1/);
  });
});
