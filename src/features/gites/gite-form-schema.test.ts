import { describe, expect, it } from 'vitest';
import {
  emptyGiteDraft,
  FEED_URL_MAX_LENGTH,
  type GiteDraft,
  giteFormSchema,
  newFeedDraft,
  validateGiteForm,
} from '@/features/gites/gite-form-schema';
import { gitesMessages as m } from '@/features/gites/messages';

const FEED_ID = '1f0c6f7e-8a59-4a4b-9d5e-3c2b1a0f9e8d';

function draft(overrides: Partial<GiteDraft> = {}): GiteDraft {
  return {
    nom: 'Le Mas des Oliviers',
    adresse: '12 chemin des Vignes',
    code_postal: '84000',
    ville: 'Avignon',
    capacite: '6',
    couleur: '#1F7A5C',
    feeds: [
      { id: FEED_ID, platform: 'airbnb', url: 'https://www.airbnb.fr/calendar/ical/123.ics?s=abc' },
    ],
    ...overrides,
  };
}

function feedUrlError(url: string): string | undefined {
  const result = validateGiteForm(draft({ feeds: [{ id: FEED_ID, platform: 'booking', url }] }));
  return result.ok ? undefined : result.errors.feeds[FEED_ID]?.url;
}

describe('gîte form validation', () => {
  it('accepts a complete gîte and normalises it for the database', () => {
    const result = validateGiteForm(draft({ nom: '  Le Mas  ', adresse: '', capacite: '' }));
    expect(result).toEqual({
      ok: true,
      value: {
        nom: 'Le Mas',
        adresse: null,
        code_postal: '84000',
        ville: 'Avignon',
        capacite: null,
        couleur: '#1f7a5c',
        feeds: [
          {
            id: FEED_ID,
            platform: 'airbnb',
            url: 'https://www.airbnb.fr/calendar/ical/123.ics?s=abc',
          },
        ],
      },
    });
  });

  it('accepts a gîte with no feed (direct bookings only)', () => {
    expect(validateGiteForm(draft({ feeds: [] })).ok).toBe(true);
  });

  it('requires a name and caps it at 120 characters', () => {
    const empty = validateGiteForm(draft({ nom: '   ' }));
    expect(empty.ok ? null : empty.errors.fields.nom).toBe(m.nomRequired);
    const long = validateGiteForm(draft({ nom: 'a'.repeat(121) }));
    expect(long.ok ? null : long.errors.fields.nom).toBe(m.nomTooLong);
    expect(validateGiteForm(draft({ nom: 'a'.repeat(120) })).ok).toBe(true);
  });

  it.each(['-1', '2.5', 'deux', '1e3'])('refuses the capacity %s', (capacite) => {
    const result = validateGiteForm(draft({ capacite }));
    expect(result.ok ? null : result.errors.fields.capacite).toBe(m.capaciteInvalid);
  });

  it('accepts capacity 0 and integers up to the database maximum', () => {
    expect(validateGiteForm(draft({ capacite: '0' })).ok).toBe(true);
    expect(validateGiteForm(draft({ capacite: '100' })).ok).toBe(true);
    const tooMany = validateGiteForm(draft({ capacite: '101' }));
    expect(tooMany.ok ? null : tooMany.errors.fields.capacite).toBe(m.capaciteTooLarge);
  });

  it('refuses a postcode that is not 5 digits', () => {
    const result = validateGiteForm(draft({ code_postal: '8400' }));
    expect(result.ok ? null : result.errors.fields.code_postal).toBe(m.codePostalInvalid);
  });

  it('refuses an http:// feed URL with the https message', () => {
    expect(feedUrlError('http://www.airbnb.fr/calendar/ical/123.ics')).toBe(m.feedUrlNotHttps);
    expect(feedUrlError('webcal://example.com/cal.ics')).toBe(m.feedUrlNotHttps);
    expect(feedUrlError('https:example.com/cal.ics')).toBe(m.feedUrlNotHttps);
  });

  it('requires a feed URL and refuses malformed ones', () => {
    expect(feedUrlError('')).toBe(m.feedUrlRequired);
    expect(feedUrlError('   ')).toBe(m.feedUrlRequired);
    expect(feedUrlError('pas une adresse')).toBe(m.feedUrlInvalid);
    expect(feedUrlError('https://exa mple.com/cal.ics')).toBe(m.feedUrlInvalid);
    expect(feedUrlError('https:///cal.ics')).toBe(m.feedUrlInvalid);
  });

  it('accepts a feed URL of exactly 2,048 characters and refuses 2,049', () => {
    const base = 'https://example.com/';
    const exact = base + 'a'.repeat(FEED_URL_MAX_LENGTH - base.length);
    expect(exact).toHaveLength(2048);
    expect(feedUrlError(exact)).toBeUndefined();
    expect(feedUrlError(`${exact}a`)).toBe(m.feedUrlTooLong);
  });

  it('only accepts the five known platforms', () => {
    for (const platform of ['airbnb', 'booking', 'abritel', 'gites_de_france', 'other']) {
      const feeds = [{ id: FEED_ID, platform, url: 'https://example.com/a.ics' }];
      expect(validateGiteForm(draft({ feeds })).ok).toBe(true);
    }
    const result = validateGiteForm(
      draft({ feeds: [{ id: FEED_ID, platform: 'vrbo', url: 'https://example.com/a.ics' }] }),
    );
    expect(result.ok ? null : result.errors.feeds[FEED_ID]?.platform).toBe(m.platformInvalid);
  });

  it('keys feed errors by feed id, not by position', () => {
    const ok = newFeedDraft();
    const bad = { ...newFeedDraft(), url: 'http://example.com/a.ics' };
    const result = validateGiteForm(
      draft({ feeds: [{ ...ok, url: 'https://example.com/a.ics' }, bad] }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors.feeds)).toEqual([bad.id]);
  });

  it('flags the same calendar added twice to one gîte', () => {
    const first = { ...newFeedDraft(), url: 'https://example.com/a.ics' };
    const second = { ...newFeedDraft(), url: ' https://example.com/a.ics ' };
    const result = validateGiteForm(draft({ feeds: [first, second] }));
    expect(result.ok ? null : result.errors.feeds[second.id]?.url).toBe(m.feedUrlDuplicate);
  });

  it('starts a new gîte with one empty feed row, which must be filled or removed', () => {
    const empty = emptyGiteDraft();
    expect(empty.feeds).toHaveLength(1);
    const result = validateGiteForm({ ...empty, nom: 'Gîte' });
    expect(result.ok).toBe(false);
  });

  it('never lets an invalid colour through', () => {
    expect(giteFormSchema.safeParse(draft({ couleur: 'red' })).success).toBe(false);
  });
});
