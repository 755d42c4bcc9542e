import { describe, expect, it } from 'vitest';
import {
  COUNTRY_CODES,
  dayBefore,
  emptyDraft,
  FRENCH_TERRITORIES,
  type PoliceDraft,
  parseDay,
  policePayload,
  submitOutcome,
  validatePoliceForm,
  yearsBefore,
} from './police-form-rules';

const stay = { arrivee: '2026-07-10', depart: '2026-07-17' };
const today = '2026-07-09';

function filled(overrides: Partial<PoliceDraft> = {}): PoliceDraft {
  return {
    ...emptyDraft(stay),
    nom: 'Smith',
    prenoms: 'John',
    date_naissance: '1980-04-02',
    lieu_naissance: 'Leeds',
    nationalite: 'GB',
    adresse: '12 Baker Street',
    ville: 'London',
    pays: 'GB',
    telephone: '+44 7700 900123',
    email: 'john@example.co.uk',
    ...overrides,
  };
}

describe('validatePoliceForm', () => {
  it('accepts a complete form, with the stay’s dates filled in and no children', () => {
    expect(emptyDraft(stay)).toMatchObject({
      date_arrivee: '2026-07-10',
      date_depart: '2026-07-17',
      enfants_moins_15: '0',
    });
    expect(validatePoliceForm(filled(), stay, today)).toEqual({});
    expect(
      validatePoliceForm(filled({ code_postal: '', enfants_moins_15: '' }), stay, today),
    ).toEqual({});
  });

  it('names every missing required field, and only those', () => {
    expect(validatePoliceForm(emptyDraft(stay), stay, today)).toEqual({
      nom: 'required',
      prenoms: 'required',
      date_naissance: 'required',
      lieu_naissance: 'required',
      nationalite: 'required',
      adresse: 'required',
      ville: 'required',
      pays: 'required',
      telephone: 'required',
      email: 'required',
    });
    expect(validatePoliceForm(filled({ nom: '   ' }), stay, today)).toEqual({ nom: 'required' });
  });

  it('refuses what the database refuses', () => {
    const cases: Array<[Partial<PoliceDraft>, Record<string, string>]> = [
      [{ nom: 'x'.repeat(101) }, { nom: 'too_long' }],
      [{ date_naissance: '1980-02-30' }, { date_naissance: 'invalid' }],
      [{ date_naissance: '1899-12-31' }, { date_naissance: 'invalid' }],
      [{ date_naissance: '2026-07-10' }, { date_naissance: 'invalid' }],
      [{ date_naissance: '2011-07-11' }, { date_naissance: 'too_young' }],
      [{ nationalite: 'FR' }, { nationalite: 'french' }],
      [{ nationalite: 'gp' }, { nationalite: 'french' }],
      [{ nationalite: 'ZZ' }, { nationalite: 'invalid' }],
      [{ pays: 'QQ' }, { pays: 'invalid' }],
      [{ telephone: '12345' }, { telephone: 'invalid' }],
      [{ telephone: '+44 (0) 7700-900-123' }, {}],
      [{ email: 'john@example' }, { email: 'invalid' }],
      [{ date_arrivee: '2026-07-09' }, { date_arrivee: 'outside_stay' }],
      [
        { date_arrivee: '2026-07-17' },
        { date_arrivee: 'outside_stay', date_depart: 'before_arrival' },
      ],
      [{ date_depart: '2026-07-18' }, { date_depart: 'outside_stay' }],
      [{ date_depart: '2026-07-10' }, { date_depart: 'before_arrival' }],
      [{ enfants_moins_15: '21' }, { enfants_moins_15: 'invalid' }],
      [{ enfants_moins_15: '-1' }, { enfants_moins_15: 'invalid' }],
      [{ enfants_moins_15: '2.5' }, { enfants_moins_15: 'invalid' }],
    ];
    for (const [override, expected] of cases) {
      expect(validatePoliceForm(filled(override), stay, today), JSON.stringify(override)).toEqual(
        expected,
      );
    }
  });

  it('counts a guest 15 on the day of arrival as an adult', () => {
    expect(validatePoliceForm(filled({ date_naissance: '2011-07-10' }), stay, today)).toEqual({});
  });
});

describe('dates', () => {
  it('reads real calendar days only', () => {
    expect(parseDay('2024-02-29')).toBe('2024-02-29');
    expect(parseDay('2025-02-29')).toBeNull();
    expect(parseDay('10/07/2026')).toBeNull();
  });
  it('goes back years as Postgres does (29 February → 28)', () => {
    expect(yearsBefore('2026-07-10', 15)).toBe('2011-07-10');
    expect(yearsBefore('2028-02-29', 15)).toBe('2013-02-28');
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
  });
});

describe('policePayload', () => {
  it('trims, upper-cases country codes and adds the language', () => {
    expect(policePayload(filled({ nom: ' Smith ', nationalite: 'gb', pays: 'ie' }), 'en')).toEqual(
      expect.objectContaining({ nom: 'Smith', nationalite: 'GB', pays: 'IE', langue: 'en' }),
    );
  });
});

describe('submitOutcome', () => {
  it('reads the acknowledgement, the refusals and anything else as a failure', () => {
    expect(submitOutcome(200, 'recorded')).toEqual({ kind: 'sent' });
    expect(submitOutcome(200, 'already_recorded')).toEqual({ kind: 'sent' });
    expect(submitOutcome(200, { leaked: true })).toEqual({ kind: 'failed' });
    expect(submitOutcome(403, { code: '28000', hint: 'token_closed' })).toEqual({ kind: 'closed' });
    expect(submitOutcome(403, { code: '28000', hint: 'token_unknown' })).toEqual({
      kind: 'closed',
    });
    expect(submitOutcome(400, { hint: 'too_many_forms' })).toEqual({ kind: 'too_many' });
    expect(submitOutcome(400, { hint: 'french', details: 'nationalite' })).toEqual({
      kind: 'field',
      field: 'nationalite',
      reason: 'french',
    });
    expect(submitOutcome(400, { hint: 'invalid', details: 'langue' })).toEqual({ kind: 'failed' });
    expect(submitOutcome(500, null)).toEqual({ kind: 'failed' });
  });
});

describe('country lists', () => {
  it('hold 250 distinct codes, France’s territories among them', () => {
    expect(new Set(COUNTRY_CODES).size).toBe(250);
    for (const code of FRENCH_TERRITORIES) expect(COUNTRY_CODES).toContain(code);
  });
});
