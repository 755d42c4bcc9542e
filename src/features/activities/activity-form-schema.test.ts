import { describe, expect, it } from 'vitest';
import {
  type ActivityDraft,
  activityToDraft,
  categoryLabel,
  formatDistance,
  validateActivityForm,
} from '@/features/activities/activity-form-schema';
import { activitiesMessages as m } from '@/features/activities/messages';

function draft(overrides: Partial<ActivityDraft> = {}): ActivityDraft {
  return { ...activityToDraft(null), nom: 'Chez Léa', ...overrides };
}

function errorOf(field: keyof ActivityDraft, value: string): string | undefined {
  const result = validateActivityForm(draft({ [field]: value }));
  return result.ok ? undefined : result.errors[field];
}

describe('activity form', () => {
  it('gives the columns: trimmed, empty → null, comma distance', () => {
    expect(
      validateActivityForm(
        draft({
          nom: ' Chez Léa ',
          categorie: 'restaurant',
          distance_km: '2,5',
          url: 'https://www.chez-lea.fr/menu?j=1',
          telephone: '05 49 35 00 00',
        }),
      ),
    ).toEqual({
      ok: true,
      value: {
        nom: 'Chez Léa',
        categorie: 'restaurant',
        description: null,
        adresse: null,
        distance_km: 2.5,
        url: 'https://www.chez-lea.fr/menu?j=1',
        telephone: '05 49 35 00 00',
      },
    });
  });

  it.each([
    'javascript:alert(1)',
    'www.exemple.fr',
    'ftp://exemple.fr',
    'https://exemple fr',
    'https://localhost',
    `https://exemple.fr/${'a'.repeat(2048)}`,
  ])('refuses the web address %s with a French message', (url) => {
    expect(errorOf('url', url)).toBe(m.urlInvalid);
  });

  it('accepts http and https addresses', () => {
    expect(errorOf('url', 'http://office-tourisme.example.fr')).toBeUndefined();
    expect(errorOf('url', 'HTTPS://EXEMPLE.FR/Page')).toBeUndefined();
  });

  it.each(['abc', '1', '+33 6 12 34 56 78 poste 2'])('refuses the phone number %s', (phone) => {
    expect(errorOf('telephone', phone)).toBe(m.phoneInvalid);
  });

  it('refuses a negative, over-precise or too large distance (numeric(7, 2) >= 0)', () => {
    expect(errorOf('distance_km', '-1')).toBe(m.distanceInvalid);
    expect(errorOf('distance_km', '1.234')).toBe(m.distanceInvalid);
    expect(errorOf('distance_km', '100000')).toBe(m.distanceInvalid);
    expect(errorOf('distance_km', '99999.99')).toBeUndefined();
  });

  it('needs a name of at most 200 characters and a known category', () => {
    expect(errorOf('nom', '  ')).toBe(m.nomRequired);
    expect(errorOf('nom', 'n'.repeat(201))).toBe(m.tooLong(m.nomLabel, 200));
    expect(errorOf('categorie', 'casino')).toBe(m.categorieInvalid);
  });

  it('starts a new activity in the filtered category, and labels categories in French', () => {
    expect(activityToDraft(null, 'nature').categorie).toBe('nature');
    expect(activityToDraft(null, 'inconnue').categorie).toBe('restaurant');
    expect(categoryLabel('marche')).toBe('Marché');
    expect(categoryLabel('inconnue')).toBe('Autre');
    expect(formatDistance(2.5)).toBe('2,5');
  });
});
