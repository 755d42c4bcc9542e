import { describe, expect, it } from 'vitest';
import { parseStoredSession, sessionStorageKey } from '@/lib/stored-session';

describe('stored session (offline, expired access token)', () => {
  it('uses supabase-js’s default storage key', () => {
    expect(sessionStorageKey('http://127.0.0.1:54321')).toBe('sb-127-auth-token');
    expect(sessionStorageKey('https://abcdefgh.supabase.co')).toBe('sb-abcdefgh-auth-token');
  });

  it('reads the user of a stored session that can still be refreshed', () => {
    const stored = JSON.stringify({
      access_token: 'expired',
      refresh_token: 'r1',
      expires_at: 1,
      user: { id: 'u1', email: 'gite@example.com', app_metadata: {} },
    });
    expect(parseStoredSession(stored)).toEqual({
      accessToken: 'expired',
      user: { id: 'u1', email: 'gite@example.com' },
    });
  });

  it('keeps no session without a refresh token, a user id, or readable JSON', () => {
    expect(parseStoredSession(null)).toBeNull();
    expect(parseStoredSession('{')).toBeNull();
    expect(parseStoredSession('null')).toBeNull();
    expect(
      parseStoredSession(JSON.stringify({ refresh_token: '', user: { id: 'u1' } })),
    ).toBeNull();
    expect(parseStoredSession(JSON.stringify({ refresh_token: 'r', user: {} }))).toBeNull();
    expect(parseStoredSession(JSON.stringify({ refresh_token: 'r' }))).toBeNull();
  });

  it('accepts a user without e-mail', () => {
    expect(parseStoredSession(JSON.stringify({ refresh_token: 'r', user: { id: 'u1' } }))).toEqual({
      accessToken: null,
      user: { id: 'u1', email: null },
    });
  });
});
