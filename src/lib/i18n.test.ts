import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-error';
import { commonMessages, describeError } from '@/lib/i18n';

describe('describeError', () => {
  it('says the server does not answer for now when the gateway answers 502, 503 or 504', () => {
    // What the gateway answers while PostgREST is down (dev/faults/postgrest-restart.ts).
    for (const status of [502, 503, 504]) {
      const error = new ApiError({ message: 'upstream /rest/v1 unavailable' }, status);
      expect(describeError(error)).toBe(commonMessages.serverUnavailable);
    }
  });

  it('keeps the other messages: no network, a refusal, an unexpected 500', () => {
    expect(describeError(new ApiError({ message: 'TypeError: Failed to fetch' }, 0))).toBe(
      commonMessages.networkError,
    );
    expect(describeError(new ApiError({ message: 'denied', code: '42501' }, 403))).toBe(
      commonMessages.forbidden,
    );
    expect(describeError(new ApiError({ message: 'boom', code: 'XX000' }, 500))).toBe(
      commonMessages.unexpected,
    );
  });
});
