import { describe, expect, it } from 'vitest';
import { CSV_BOM } from '@/lib/csv';
import { type LedgerRow, rateToCsv, registreCsv } from './registre';

const row: LedgerRow = {
  reservation_id: 'r1',
  gite_id: 'g1',
  gite_nom: 'Le Moulin; bas',
  commune: 'Coulon',
  mois: '2031-01-01',
  date_debut: '2031-01-10',
  date_fin: '2031-01-13',
  plateforme: 'direct',
  client_nom: null,
  nuits: 3,
  nuits_sejour: 3,
  nb_personnes: 4,
  adultes_taxables: 2,
  personnes_exonerees: 2,
  regle: 'tarif_fixe',
  prix_nuitee_centimes: 20000,
  tarif_centimes: 88,
  montant_centimes: 528,
  collecte_par: 'proprietaire',
  anomalies: [],
};

describe('registreCsv', () => {
  it('writes one line per ledger row with the registre’s columns, French dates and decimals', () => {
    const lines = registreCsv([
      row,
      {
        ...row,
        plateforme: 'airbnb',
        collecte_par: 'plateforme',
        personnes_exonerees: null,
        anomalies: ['repartition_inconnue'],
      },
    ]).split('\r\n');
    expect(lines[0]?.startsWith(`${CSV_BOM}Gîte;Commune;Mois;Date d’arrivée`)).toBe(true);
    expect(lines[1]).toBe(
      '"Le Moulin; bas";Coulon;2031-01;10/01/2031;13/01/2031;3;4;2;2;Mineurs;6;;0,88;5,28;Propriétaire;',
    );
    expect(lines[2]).toBe(
      '"Le Moulin; bas";Coulon;2031-01;10/01/2031;13/01/2031;3;4;2;;;6;;0,88;5,28;Airbnb;adultes / mineurs non précisés : tous comptés adultes',
    );
    expect(lines[3]).toBe('');
  });

  it('gives the price per night only for the percentage rule, and the rate to 4 decimals', () => {
    const line = registreCsv([
      { ...row, regle: 'pourcentage', tarif_centimes: 166.6667, montant_centimes: 1333 },
    ]).split('\r\n')[1];
    expect(line).toContain(';200,00;1,6667;13,33;');
  });

  it('leaves the amount empty when it cannot be computed', () => {
    const line = registreCsv([
      { ...row, montant_centimes: null, anomalies: ['sans_reglage'] },
    ]).split('\r\n')[1];
    expect(line?.endsWith(';0,88;;Propriétaire;gîte non réglé')).toBe(true);
  });

  it('writes rates in euros', () => {
    expect(rateToCsv(88)).toBe('0,88');
    expect(rateToCsv(230)).toBe('2,30');
    expect(rateToCsv(null)).toBe('');
  });
});
