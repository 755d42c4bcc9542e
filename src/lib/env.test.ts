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
});
