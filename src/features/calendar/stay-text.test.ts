import { describe, expect, it } from 'vitest';
import { stayBarLabel, stayDescription, stayTitle } from '@/features/calendar/stay-text';

const stay = {
  client_nom: 'Léa Martin',
  status: 'confirmed',
  plateforme: 'airbnb',
  date_debut: '2026-11-07',
  date_fin: '2026-11-14',
};

describe('stay texts', () => {
  it('names the guest, or says what the stay is', () => {
    expect(stayTitle(stay)).toBe('Léa Martin');
    expect(stayTitle({ ...stay, client_nom: '  ' })).toBe('Voyageur non renseigné');
    expect(stayTitle({ ...stay, status: 'blocked', client_nom: null })).toBe('Période bloquée');
    expect(stayBarLabel({ ...stay, client_nom: null, plateforme: 'booking' })).toBe('Booking.com');
    expect(stayBarLabel({ ...stay, status: 'blocked' })).toBe('Bloqué');
  });

  it('describes the dates in French, with the year once unless the stay spans two', () => {
    expect(stayDescription(stay)).toBe(
      'Léa Martin, Airbnb, du samedi 7 novembre au samedi 14 novembre 2026',
    );
    expect(stayDescription({ ...stay, date_debut: '2026-12-30', date_fin: '2027-01-02' })).toBe(
      'Léa Martin, Airbnb, du mercredi 30 décembre 2026 au samedi 2 janvier 2027',
    );
  });
});
