import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';

describe('parseEnv', () => {
  it('accepts the two Supabase variables', () => {
    expect(
      parseEnv({ VITE_SUPABASE_URL: 'http://127.0.0.1:54321', VITE_SUPABASE_ANON_KEY: 'key' }),
    ).toEqual({
      ok: true,
      env: { VITE_SUPABASE_URL: 'http://127.0.0.1:54321', VITE_SUPABASE_ANON_KEY: 'key' },
    });
  });

  it('names every missing variable', () => {
    const result = parseEnv({});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.name)).toEqual([
      'VITE_SUPABASE_URL',
      'VITE_SUPABASE_ANON_KEY',
    ]);
    expect(result.problems[0]?.problem).toBe('manquante');
  });

  it('refuses a URL that is not http(s)', () => {
    const result = parseEnv({ VITE_SUPABASE_URL: 'localhost:54321', VITE_SUPABASE_ANON_KEY: 'k' });
    expect(result.ok ? null : result.problems[0]?.name).toBe('VITE_SUPABASE_URL');
  });

  it('treats blank optional variables as not set', () => {
    const result = parseEnv({
      VITE_SUPABASE_URL: 'http://127.0.0.1:54321',
      VITE_SUPABASE_ANON_KEY: ' key ',
      VITE_SUPABASE_READ_URL: '',
      VITE_SENTRY_DSN: '  ',
      MODE: 'production',
    });
    expect(result).toEqual({
      ok: true,
      env: { VITE_SUPABASE_URL: 'http://127.0.0.1:54321', VITE_SUPABASE_ANON_KEY: 'key' },
    });
  });

  it('keeps the optional replica, Sentry and vitals addresses when valid', () => {
    const result = parseEnv({
      VITE_SUPABASE_URL: 'https://abc.supabase.co',
      VITE_SUPABASE_ANON_KEY: 'key',
      VITE_SUPABASE_READ_URL: 'https://abc-rr-eu-west-3.supabase.co',
      VITE_SENTRY_DSN: 'https://public@o1.ingest.sentry.io/2',
      VITE_VITALS_URL: '/api/vitals',
    });
    expect(result.ok ? result.env : null).toMatchObject({
      VITE_SUPABASE_READ_URL: 'https://abc-rr-eu-west-3.supabase.co',
      VITE_SENTRY_DSN: 'https://public@o1.ingest.sentry.io/2',
      VITE_VITALS_URL: '/api/vitals',
    });
  });

  it('names an invalid optional address instead of ignoring it', () => {
    const result = parseEnv({
      VITE_SUPABASE_URL: 'http://127.0.0.1:54321',
      VITE_SUPABASE_ANON_KEY: 'key',
      VITE_SUPABASE_READ_URL: 'replica:5432',
      VITE_VITALS_URL: '//elsewhere.example/vitals',
    });
    expect(result.ok ? [] : result.problems.map((problem) => problem.name)).toEqual([
      'VITE_SUPABASE_READ_URL',
      'VITE_VITALS_URL',
    ]);
  });
});
