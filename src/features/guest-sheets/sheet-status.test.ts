import { describe, expect, it } from 'vitest';
import { guestSheetUrl, isLive, sheetStatus } from '@/features/guest-sheets/sheet-status';

const NOW = Date.parse('2026-07-14T12:00:00Z');
const base = { revoked_at: null, valid_until: '2026-07-20T22:00:00Z', first_opened_at: null };

describe('sheet status', () => {
  it('is sent until the guest opens it, then opened', () => {
    expect(sheetStatus(base, NOW)).toBe('sent');
    expect(sheetStatus({ ...base, first_opened_at: '2026-07-13T18:00:00Z' }, NOW)).toBe('opened');
  });

  it('is expired from the end of its validity, opened or not', () => {
    expect(sheetStatus({ ...base, valid_until: '2026-07-14T12:00:00Z' }, NOW)).toBe('expired');
    expect(
      sheetStatus(
        { ...base, valid_until: '2026-07-01T00:00:00Z', first_opened_at: '2026-06-30T10:00:00Z' },
        NOW,
      ),
    ).toBe('expired');
  });

  it('is revoked whatever else is true', () => {
    expect(
      sheetStatus(
        {
          revoked_at: '2026-07-10T08:00:00Z',
          valid_until: '2026-07-01T00:00:00Z',
          first_opened_at: 'x',
        },
        NOW,
      ),
    ).toBe('revoked');
  });

  it('is live while sent or opened', () => {
    expect(isLive('sent')).toBe(true);
    expect(isLive('opened')).toBe(true);
    expect(isLive('expired')).toBe(false);
    expect(isLive('revoked')).toBe(false);
  });

  it('builds the guest address on the app origin', () => {
    expect(guestSheetUrl('https://app.example/', 'Ab_c-9')).toBe('https://app.example/g/Ab_c-9');
  });
});
