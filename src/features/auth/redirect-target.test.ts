import { describe, expect, it } from 'vitest';
import { safeRedirectTarget, signInPathFor } from '@/features/auth/redirect-target';

describe('redirect after sign-in', () => {
  it('returns to an in-app path', () => {
    expect(safeRedirectTarget('/gites?x=1#y')).toBe('/gites?x=1#y');
  });

  it.each([
    null,
    '',
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example',
    'javascript:alert(1)',
    '/connexion',
    '/connexion?redirectTo=%2Fgites',
  ])('falls back to the dashboard for %s', (raw) => {
    expect(safeRedirectTarget(raw)).toBe('/tableau-de-bord');
  });

  it('keeps the target in the sign-in URL, except the default one', () => {
    expect(signInPathFor('/reservations?page=3')).toBe(
      '/connexion?redirectTo=%2Freservations%3Fpage%3D3',
    );
    expect(signInPathFor('/tableau-de-bord')).toBe('/connexion');
    expect(signInPathFor('/gites')).toBe('/connexion?redirectTo=%2Fgites');
    expect(signInPathFor('/')).toBe('/connexion');
  });
});
