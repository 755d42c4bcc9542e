import type { ChargeKind } from '@/features/fiscalite/regime-reel';
import type { VehicleCostKind } from '@/features/fiscalite/vehicle';

/** French labels of the tax feature's inputs (the sentences are built in explain.ts). */
export const fiscaliteMessages = {
  regime: { micro_bic: 'micro-BIC', reel: 'régime réel' },
  chargeKinds: {
    interets_emprunt: 'Intérêts d’emprunt',
    assurance_emprunteur: 'Assurance emprunteur',
    assurances: 'Assurances (habitation, PNO)',
    taxe_fonciere: 'Taxe foncière',
    cfe: 'Cotisation foncière des entreprises (CFE)',
    commissions_plateformes: 'Commissions des plateformes',
    gestion_conciergerie: 'Gestion et conciergerie',
    menage_linge: 'Ménage et linge',
    entretien_reparations: 'Entretien et réparations',
    energie_eau: 'Électricité, gaz et eau',
    telecom_internet: 'Téléphone et internet',
    petit_equipement: 'Petit équipement (moins de 500 € HT)',
    comptabilite: 'Comptabilité et centre de gestion',
    frais_bancaires: 'Frais bancaires',
    deplacements: 'Péages, stationnement et transports',
    autres: 'Autres charges',
  } satisfies Record<ChargeKind, string>,
  vehicleCostKinds: {
    carburant: 'Carburant',
    assurance: 'Assurance',
    entretien_reparations: 'Entretien et réparations',
    pneumatiques: 'Pneumatiques',
    location_credit_bail: 'Location ou crédit-bail',
    interets_emprunt: 'Intérêts d’emprunt du véhicule',
    autres: 'Autres frais du véhicule',
  } satisfies Record<VehicleCostKind, string>,
} as const;

/** French messages of the Fiscalité page's forms (fiscal-forms.ts). */
export const fiscalFormMessages = {
  amountInvalid: 'Montant invalide : saisissez un nombre d’euros positif, par exemple 1 250,50.',
  amountPositive: 'Le montant doit être supérieur à 0 €.',
  kmInvalid: 'Kilomètres invalides : un nombre supérieur à 0, une décimale au plus (ex. 12,5).',
  dateInvalid: 'Date invalide : choisissez un jour du calendrier.',
  durationInvalid: 'Durée invalide : un nombre entier d’années entre 1 et 100.',
  kindInvalid: 'Choisissez une nature dans la liste.',
  giteRequired: 'Choisissez le gîte.',
  labelRequired: 'Le libellé est obligatoire.',
  purposeRequired: 'Le motif du trajet est obligatoire.',
  rateInvalid: 'Choisissez un taux dans la liste.',
  yearInvalid: 'Année invalide : quatre chiffres entre 2000 et 2100.',
  tooLong: (max: number) => `${max} caractères au plus.`,
} as const;
