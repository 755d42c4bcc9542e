import { AuthApiError } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-error';
import { shouldRetryQuery } from '@/lib/query-client';

describe('query retries', () => {
  it('retries a network failure up to three times', () => {
    const offline = new ApiError({ message: 'TypeError: Failed to fetch', code: '' }, 0);
    expect(shouldRetryQuery(0, offline)).toBe(true);
    expect(shouldRetryQuery(2, offline)).toBe(true);
    expect(shouldRetryQuery(3, offline)).toBe(false);
  });

  it('retries a 5xx', () => {
    expect(shouldRetryQuery(0, new ApiError({ message: 'x', code: '' }, 503))).toBe(true);
  });

  it('never retries a 4xx answer', () => {
    expect(shouldRetryQuery(0, new ApiError({ message: 'denied', code: '42501' }, 403))).toBe(
      false,
    );
    expect(shouldRetryQuery(0, new ApiError({ message: 'bad', code: '22P02' }, 400))).toBe(false);
    expect(shouldRetryQuery(0, new AuthApiError('expired', 401, 'bad_jwt'))).toBe(false);
  });
});
