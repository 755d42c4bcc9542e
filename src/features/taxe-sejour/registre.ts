import { taxeMessages as m } from '@/features/taxe-sejour/messages';
import { type CsvValue, centsToCsv, toCsv } from '@/lib/csv';
import { platformLabel } from '@/lib/platforms';

/** A ledger row as `taxe_sejour_ledger` returns it. */
export interface LedgerRow {
  reservation_id: string;
  gite_id: string;
  gite_nom: string;
  commune: string | null;
  mois: string;
  date_debut: string;
  date_fin: string;
  plateforme: string;
  client_nom: string | null;
  nuits: number;
  nuits_sejour: number;
  nb_personnes: number | null;
  adultes_taxables: number | null;
  personnes_exonerees: number | null;
  regle: string | null;
  prix_nuitee_centimes: number | null;
  tarif_centimes: number | null;
  montant_centimes: number | null;
  collecte_par: string;
  anomalies: string[];
}

/** "2031-01-10" → "10/01/2031", as the forms of the communes write dates. */
export function frenchDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** The rate per person-night in euros: "0,88", or up to 4 decimals for a percentage rule. */
export function rateToCsv(cents: number | null): string {
  if (cents === null) return '';
  // Rounded to 4 decimals, trailing zeros dropped down to 2: 0,88 / 1,6667.
  const [whole, decimals = ''] = (Number(cents) / 100).toFixed(4).split('.');
  return `${whole},${decimals.replace(/0{1,2}$/, '')}`;
}

/**
 * The registre du logeur's columns (what the état of CGCT L2333-34 and the former R2333-51
 * ask per stay: dates, nights, people, exempt people and why, price per night for
 * unclassified lodging, rate, amount), plus who collects it.
 */
export const REGISTRE_HEADER = [
  'Gîte',
  'Commune',
  'Mois',
  'Date d’arrivée',
  'Date de départ',
  'Nuitées (dans le mois)',
  'Personnes hébergées',
  'Personnes assujetties',
  'Personnes exonérées',
  'Motif d’exonération',
  'Nuitées taxables',
  'Prix de la nuitée (€)',
  'Tarif par personne et par nuitée (€)',
  'Montant de la taxe (€)',
  'Collectée par',
  'Remarques',
] as const;

export function registreRow(row: LedgerRow): CsvValue[] {
  return [
    row.gite_nom,
    row.commune,
    row.mois.slice(0, 7),
    frenchDate(row.date_debut),
    frenchDate(row.date_fin),
    row.nuits,
    row.nb_personnes,
    row.adultes_taxables,
    row.personnes_exonerees,
    row.personnes_exonerees ? 'Mineurs' : '',
    row.adultes_taxables === null ? null : row.nuits * row.adultes_taxables,
    row.regle === 'pourcentage' && row.prix_nuitee_centimes !== null
      ? centsToCsv(row.prix_nuitee_centimes)
      : '',
    rateToCsv(row.tarif_centimes),
    row.montant_centimes === null ? '' : centsToCsv(row.montant_centimes),
    row.collecte_par === 'plateforme' ? platformLabel(row.plateforme) : 'Propriétaire',
    row.anomalies.map((a) => m.anomalies[a] ?? a).join(', '),
  ];
}

export function registreCsv(rows: readonly LedgerRow[]): string {
  return toCsv(REGISTRE_HEADER, rows.map(registreRow));
}
