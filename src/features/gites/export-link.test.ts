import { describe, expect, it } from 'vitest';
import { exportLinkUrl } from '@/features/gites/export-link';

describe('exportLinkUrl', () => {
  it('puts the token under the ical-export function of the API origin', () => {
    expect(exportLinkUrl('https://abc.supabase.co', 'Tok_en-123')).toBe(
      'https://abc.supabase.co/functions/v1/ical-export/Tok_en-123.ics',
    );
    expect(exportLinkUrl('http://127.0.0.1:54321/', 'x')).toBe(
      'http://127.0.0.1:54321/functions/v1/ical-export/x.ics',
    );
  });
});
