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
