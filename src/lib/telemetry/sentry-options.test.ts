import { describe, expect, it } from 'vitest';
import {
  isBrowserExtensionEvent,
  scrubBreadcrumb,
  scrubEvent,
  scrubSpan,
  sentrySettings,
} from '@/lib/telemetry/sentry-options';

const frames = (...files: string[]) => ({
  exception: {
    values: [{ value: 'boom', stacktrace: { frames: files.map((filename) => ({ filename })) } }],
  },
});

describe('sentrySettings', () => {
  it('samples 10 % of traces, sends no personal data, and tags the release', () => {
    const settings = sentrySettings({
      dsn: 'https://k@o1.ingest.sentry.io/2',
      release: 'r1',
      environment: 'production',
    });
    expect(settings.tracesSampleRate).toBe(0.1);
    expect(settings.sendDefaultPii).toBe(false);
    expect(settings.release).toBe('r1');
    expect(settings.denyUrls.some((url) => url.test('chrome-extension://abc/content.js'))).toBe(
      true,
    );
  });

  it('drops events raised by a browser extension, keeps the app’s own', () => {
    const { beforeSend } = sentrySettings({
      dsn: 'https://k@o1.ingest.sentry.io/2',
      release: 'r',
      environment: 'p',
    });
    const ours = frames('https://app.liveownerunit.fr/assets/shell-abc.js');
    expect(beforeSend(ours)).toBe(ours);
    expect(
      beforeSend(
        frames('https://app.liveownerunit.fr/assets/app.js', 'moz-extension://x/inject.js'),
      ),
    ).toBeNull();
  });
});

describe('isBrowserExtensionEvent', () => {
  it('recognises extension frames in any position and extension URLs in the message', () => {
    expect(isBrowserExtensionEvent(frames('safari-web-extension://id/script.js'))).toBe(true);
    expect(isBrowserExtensionEvent(frames('webkit-masked-url://hidden/'))).toBe(true);
    expect(
      isBrowserExtensionEvent({
        exception: { values: [{ value: 'Failed to load chrome-extension://abc/x.js' }] },
      }),
    ).toBe(true);
    expect(isBrowserExtensionEvent(frames('https://app.liveownerunit.fr/assets/index.js'))).toBe(
      false,
    );
    expect(isBrowserExtensionEvent({})).toBe(false);
  });
});

describe('what is sent carries no guest name', () => {
  it('drops query strings from the page address of an event', () => {
    expect(
      scrubEvent({
        request: { url: 'https://app.fr/reservations?q=Dupont#x', query_string: 'q=Dupont' },
      }),
    ).toEqual({ request: { url: 'https://app.fr/reservations' } });
  });

  it('drops query strings from request breadcrumbs and keeps the rest', () => {
    expect(
      scrubBreadcrumb({
        category: 'fetch',
        data: {
          url: 'https://x.supabase.co/rest/v1/reservations?client_nom=ilike.*Dupont*',
          method: 'GET',
          status_code: 200,
        },
      }),
    ).toEqual({
      category: 'fetch',
      data: { url: 'https://x.supabase.co/rest/v1/reservations', method: 'GET', status_code: 200 },
    });
    expect(
      scrubBreadcrumb({ category: 'navigation', data: { from: '/a?q=Marie', to: '/b' } }).data,
    ).toEqual({
      from: '/a',
      to: '/b',
    });
  });

  it('drops query strings from traced requests', () => {
    expect(
      scrubSpan({
        name: 'GET https://x.supabase.co/rest/v1/reservations?client_nom=ilike.*Dupont*',
        attributes: {
          'url.full': 'https://x.supabase.co/rest/v1/reservations?client_nom=ilike.*Dupont*',
          'url.query': '?client_nom=ilike.*Dupont*',
          'http.response.status_code': 200,
        },
      }),
    ).toEqual({
      name: 'GET https://x.supabase.co/rest/v1/reservations',
      attributes: {
        'url.full': 'https://x.supabase.co/rest/v1/reservations',
        'http.response.status_code': 200,
      },
    });
  });
});
