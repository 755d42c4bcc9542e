import { describe, expect, it } from 'vitest';
import {
  countryName,
  frenchDay,
  fullName,
  homeAddress,
  keptUntil,
  POLICE_CSV_HEADER,
  type PoliceFormFields,
  policeCsvFileName,
  policeFormsCsv,
} from './police-form-format';

const form: PoliceFormFields = {
  nom: 'Smith',
  prenoms: 'John Albert',
  date_naissance: '1980-04-02',
  lieu_naissance: 'Leeds',
  nationalite: 'GB',
  adresse: '12 Baker Street',
  code_postal: 'NW1 6XE',
  ville: 'London',
  pays: 'GB',
  telephone: '+44 7700 900123',
  email: 'john@example.co.uk',
  date_arrivee: '2026-07-10',
  date_depart: '2026-07-17',
  enfants_moins_15: 2,
  created_at: '2026-07-10T15:04:00+00:00',
};

describe('how a form reads', () => {
  it('names countries in French and writes days the French way', () => {
    expect(countryName('GB')).toBe('Royaume-Uni');
    expect(countryName('DE')).toBe('Allemagne');
    expect(frenchDay('2026-07-10')).toBe('10/07/2026');
    expect(frenchDay('2026-07-10T15:04:00+00:00')).toBe('10/07/2026');
  });
  it('puts the surname first in capitals, and the address on one line', () => {
    expect(fullName({ nom: 'van der Berg', prenoms: 'Anna' })).toBe('VAN DER BERG Anna');
    expect(homeAddress(form)).toBe('12 Baker Street, NW1 6XE London, Royaume-Uni');
    expect(homeAddress({ ...form, code_postal: null, pays: 'IE', ville: 'Galway' })).toBe(
      '12 Baker Street, Galway, Irlande',
    );
  });
});

describe('keptUntil', () => {
  it('is 6 months after departure, month ends clamped as Postgres does', () => {
    expect(keptUntil('2026-07-17')).toBe('2027-01-17');
    expect(keptUntil('2026-08-31')).toBe('2027-02-28');
    expect(keptUntil('2027-08-31')).toBe('2028-02-29');
    expect(keptUntil('2026-03-31')).toBe('2026-09-30');
  });
});

describe('policeFormsCsv', () => {
  it('writes one line per form under the French header, ;-separated with a BOM', () => {
    const csv = policeFormsCsv([form, { ...form, nom: '=cmd', code_postal: null, pays: 'IE' }]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(POLICE_CSV_HEADER.join(';'));
    expect(lines[1]).toBe(
      'Smith;John Albert;02/04/1980;Leeds;Royaume-Uni;GB;12 Baker Street;NW1 6XE;London;Royaume-Uni;' +
        "'+44 7700 900123;john@example.co.uk;10/07/2026;17/07/2026;2;10/07/2026",
    );
    // A formula is defused, an absent postcode is an empty field.
    expect(lines[2]?.startsWith("'=cmd;John Albert;")).toBe(true);
    expect(lines[2]).toContain(';12 Baker Street;;London;Irlande;');
    expect(lines[3]).toBe('');
    expect(lines).toHaveLength(4);
  });
});

describe('policeCsvFileName', () => {
  it('names the file after the gîte and the arrival', () => {
    expect(policeCsvFileName('Le Moulin « Été »', '2026-07-10')).toBe(
      'fiches-de-police-le-moulin-ete-2026-07-10.csv',
    );
    expect(policeCsvFileName('!!!', '2026-07-10')).toBe('fiches-de-police-gite-2026-07-10.csv');
  });
});
