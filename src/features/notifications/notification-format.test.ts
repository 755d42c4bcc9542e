import { describe, expect, it } from 'vitest';
import { badgeText, inAppLink, typeLabel } from '@/features/notifications/notification-format';

describe('inAppLink', () => {
  it('keeps the app’s own paths', () => {
    expect(inAppLink('/reservations')).toBe('/reservations');
    expect(inAppLink('/menage?statut=planned')).toBe('/menage?statut=planned');
  });

  it('refuses other origins, schemes and odd characters', () => {
    for (const lien of [
      null,
      '',
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
      'reservations',
      '/ok\nnot',
    ]) {
      expect(inAppLink(lien), String(lien)).toBeNull();
    }
  });
});

describe('typeLabel', () => {
  it('names each kind in French and an unknown one « Information »', () => {
    expect(typeLabel('reservation_cancelled')).toBe('Annulation');
    expect(typeLabel('micro_bic_ceiling')).toBe('Fiscalité');
    expect(typeLabel('something_new')).toBe('Information');
  });
});

describe('badgeText', () => {
  it('shows nothing at zero, the count, then 99+', () => {
    expect(badgeText(0)).toBeNull();
    expect(badgeText(-1)).toBeNull();
    expect(badgeText(7)).toBe('7');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
  });
});
