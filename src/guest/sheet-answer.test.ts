import { describe, expect, it } from 'vitest';
import {
  type Consignes,
  consignesFor,
  equipmentEntries,
  mapLink,
  parseSheetAnswer,
  safeWebUrl,
  telLink,
  tokenFromPath,
} from './sheet-answer';

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('guest sheet answer', () => {
  it('reads a live sheet, keeping owner text verbatim and dropping what has the wrong type', () => {
    const answer = parseSheetAnswer({
      status: 'ok',
      langue: 'en',
      valid_until: '2026-07-20T22:00:00+00:00',
      guest: { prenom: 'Hélène' },
      stay: { arrivee: '2026-07-14', depart: '2026-07-19' },
      gite: { nom: HOSTILE, latitude: 46.3, longitude: '-0.4', adresse: null },
      wifi: { ssid: 'Moulin', password: 'x', securite: 'WPA', zones: ['salon', 3, null] },
      consignes: { fr: { code_acces: '4812', sejour: HOSTILE }, de: { code_acces: 'nein' } },
      equipements: { cuisine: { items: [{ nom: 'Four', mode_emploi: 'Bouton gauche' }] } },
      contacts: [{ type: 'medecin', nom: 'Dr L', telephone: '05 49' }, { type: 'x' }],
      activites: [{ nom: 'Marais', url: 'javascript:alert(1)', distance_km: 12 }],
    });
    if (answer.status !== 'ok') throw new Error(answer.status);
    expect(answer.langue).toBe('en');
    expect(answer.prenom).toBe('Hélène');
    expect(answer.gite.nom).toBe(HOSTILE);
    expect(answer.gite.longitude).toBeNull();
    expect(answer.wifi?.zones).toEqual(['salon']);
    expect(answer.consignes).toEqual({
      fr: expect.objectContaining({ code_acces: '4812', sejour: HOSTILE }),
    });
    expect(answer.equipements).toEqual([
      { section: 'cuisine', entries: [['Four', 'Bouton gauche']] },
    ]);
    expect(answer.contacts).toHaveLength(1);
    expect(answer.activites[0]?.url).toBeNull();
  });

  it('reads a closed sheet as its status and the contact only', () => {
    expect(
      parseSheetAnswer({
        status: 'revoked',
        langue: 'fr',
        contact: { nom: 'Marie', telephone: null, email: 'm@x.fr' },
        wifi: { ssid: 'should not be read' },
      }),
    ).toEqual({
      status: 'revoked',
      langue: 'fr',
      contact: { nom: 'Marie', telephone: null, email: 'm@x.fr' },
    });
    expect(parseSheetAnswer({ status: 'expired', contact: null })).toEqual({
      status: 'expired',
      langue: 'fr',
      contact: null,
    });
  });

  it('reads null (unknown token) and anything unexpected as unknown', () => {
    expect(parseSheetAnswer(null)).toEqual({ status: 'unknown' });
    expect(parseSheetAnswer({ status: 'hacked' })).toEqual({ status: 'unknown' });
    expect(parseSheetAnswer('ok')).toEqual({ status: 'unknown' });
  });

  it('reads other equipment shapes as name → text pairs', () => {
    expect(equipmentEntries({ lave_linge: true, four: 'à gauche', vide: '' })).toEqual([
      ['Lave linge', '✓'],
      ['Four', 'à gauche'],
    ]);
    expect(equipmentEntries(null)).toEqual([]);
  });

  it('makes map, phone and web links only from safe values', () => {
    const gite = { nom: null, adresse: '1 rue X, Niort', latitude: null, longitude: null };
    expect(mapLink({ ...gite, telephoneUrgence: null, email: null })).toBe(
      'https://www.google.com/maps/search/?api=1&query=1%20rue%20X%2C%20Niort',
    );
    expect(
      mapLink({ ...gite, latitude: 46.3, longitude: -0.4, telephoneUrgence: null, email: null }),
    ).toBe('https://www.google.com/maps/search/?api=1&query=46.3%2C-0.4');
    expect(telLink('+33 5 49.00-00 00')).toBe('tel:+33549000000');
    expect(telLink('appelez-moi')).toBeNull();
    expect(safeWebUrl('https://example.org/a')).toBe('https://example.org/a');
    expect(safeWebUrl('data:text/html,x')).toBeNull();
  });

  it('takes the token from /g/<token> only', () => {
    expect(tokenFromPath('/g/AbCdEfGhIjKlMnOpQrStUvWxYz012345')).toBe(
      'AbCdEfGhIjKlMnOpQrStUvWxYz012345',
    );
    expect(tokenFromPath('/g/AbCdEfGhIjKlMnOpQrStUvWxYz012345/')).toBe(
      'AbCdEfGhIjKlMnOpQrStUvWxYz012345',
    );
    expect(tokenFromPath('/g/short')).toBeNull();
    expect(tokenFromPath('/g/<script>alert(1)</script>')).toBeNull();
    expect(tokenFromPath('/reservations')).toBeNull();
  });

  it('dials « +33 (0)5 … » without the (0), and keeps a national (0…) number whole', () => {
    expect(telLink('+33 (0)5 49 35 12 00')).toBe('tel:+33549351200');
    expect(telLink('(05) 49 35 12 00')).toBe('tel:0549351200');
  });

  it('gives each instruction in the guest’s language, else the other one’s (the door code above all)', () => {
    const empty: Consignes = {
      arrivee: null,
      sejour: null,
      sortie: null,
      code_acces: null,
      horaire_arrivee: null,
      horaire_depart: null,
      parking: null,
    };
    const fr = {
      ...empty,
      arrivee: 'Clés dans la boîte',
      code_acces: '1234',
      horaire_arrivee: '16:00',
    };
    const en = { ...empty, arrivee: 'Keys in the box' };
    expect(consignesFor({ fr, en }, 'en')).toEqual({
      ...empty,
      arrivee: 'Keys in the box',
      code_acces: '1234',
      horaire_arrivee: '16:00',
    });
    expect(consignesFor({ fr }, 'en')).toEqual(fr);
    expect(consignesFor({ en }, 'fr')).toEqual(en);
    expect(consignesFor({}, 'fr')).toBeNull();
  });
});
