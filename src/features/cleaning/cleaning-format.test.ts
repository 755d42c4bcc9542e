import { describe, expect, it } from 'vitest';
import {
  cleaningDay,
  nextGuestsText,
  shortTime,
  statusLabel,
  timeWindow,
} from '@/features/cleaning/cleaning-format';

describe('cleaning texts', () => {
  it('writes hours and windows', () => {
    expect(shortTime('10:30:00')).toBe('10:30');
    expect(shortTime(null)).toBeNull();
    expect(timeWindow('10:00:00', '14:00:00')).toBe('de 10:00 à 14:00');
    expect(timeWindow('10:00:00', null)).toBe('à partir de 10:00');
    expect(timeWindow(null, '16:00:00')).toBe('avant 16:00');
    expect(timeWindow(null, null)).toBe('');
  });

  it('names the day and the next guests', () => {
    expect(cleaningDay('2026-11-24')).toBe('Mardi 24 novembre');
    expect(nextGuestsText({ arrivee: '2026-11-28', personnes: 4 })).toBe(
      'Prochains voyageurs le 28/11 : 4 personnes',
    );
    expect(nextGuestsText({ arrivee: '2026-11-28', personnes: 1 })).toBe(
      'Prochains voyageurs le 28/11 : 1 personne',
    );
    expect(nextGuestsText({ arrivee: '2026-11-28', personnes: null })).toBe(
      'Prochains voyageurs le 28/11',
    );
    expect(nextGuestsText(null)).toBe('Pas d’arrivée prévue dans les 60 jours');
    expect(statusLabel('done')).toBe('Fait');
  });
});
