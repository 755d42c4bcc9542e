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

/** French strings of the Fiscalité page. */
export const fiscalPageMessages = {
  pageTitle: 'Fiscalité',
  intro:
    'Micro-BIC ou régime réel : la simulation de vos revenus de location meublée d’une année, à partir de vos séjours, de vos charges, de vos amortissements et de vos trajets. Une aide à la décision, pas un conseil fiscal.',
  dateRule:
    'Les recettes d’un séjour sont réparties sur ses nuits, et chaque nuit compte dans l’année où elle tombe : la location est une prestation continue, imposable au fur et à mesure de son exécution (CGI art. 38-2 bis). Un séjour du 30 décembre au 2 janvier compte deux nuits pour la première année et une pour la suivante. Les séjours annulés, les périodes bloquées, les fermetures et les échos de votre propre calendrier ne comptent pas.',
  yearLabel: 'Année des revenus',
  loading: 'Chargement des données fiscales…',
  loadError: 'Impossible de charger les données fiscales.',
  offline: 'Hors ligne : la fiscalité s’affichera dès le retour de la connexion.',
  cancel: 'Annuler',
  save: 'Enregistrer',
  saving: 'Enregistrement…',
  add: 'Ajouter',
  edit: 'Modifier',
  delete: 'Supprimer',
  deleting: 'Suppression…',
  keep: 'Garder',
  saved: 'Enregistré.',
  // receipts
  receiptsTitle: 'Recettes par catégorie',
  category: 'Catégorie fiscale',
  total: 'Total',
  noReceipts: (year: number) => `Aucune recette en ${year}.`,
  missingAmounts: (count: number) =>
    count === 1
      ? '1 séjour de l’année n’a pas de montant : les recettes sont incomplètes.'
      : `${count} séjours de l’année n’ont pas de montant : les recettes sont incomplètes.`,
  completeLink: 'Compléter les réservations',
  // charges
  chargesTitle: (year: number) => `Charges ${year}`,
  chargesHint:
    'Les charges déductibles au régime réel, payées dans l’année. Les péages et le stationnement des trajets professionnels vont dans « Péages, stationnement et transports » ; les frais du véhicule, plus bas.',
  noCharges: 'Aucune charge saisie pour cette année.',
  chargeKind: 'Nature',
  chargeLabel: 'Libellé (facultatif)',
  amount: 'Montant (€)',
  newCharge: 'Nouvelle charge',
  editCharge: 'Modifier la charge',
  deleteChargeTitle: 'Supprimer cette charge ?',
  deleteChargeText: (what: string) => `« ${what} » ne comptera plus dans la simulation.`,
  chargesTotal: (amount: string) => `Total des charges : ${amount}`,
  // components
  componentsTitle: 'Amortissements par composant',
  componentsHint:
    'Ce que vous louez, composant par composant : le terrain (jamais amorti), le gros œuvre, la toiture, les installations, le mobilier… Chaque composant s’amortit sur sa durée à partir de sa mise en service.',
  noComponents: 'Aucun composant saisi.',
  noGite: 'Ajoutez d’abord un gîte pour y rattacher des composants.',
  gite: 'Gîte',
  componentLabel: 'Libellé',
  componentKind: 'Composant',
  cost: 'Coût (€)',
  inService: 'Mise en service',
  duration: 'Durée (années)',
  durationHint: (years: number) => `Usage courant : ${years} ans.`,
  annuity: (year: number) => `Amortissement ${year}`,
  notDepreciated: 'non amorti',
  newComponent: 'Nouveau composant',
  editComponent: 'Modifier le composant',
  deleteComponentTitle: 'Supprimer ce composant ?',
  deleteComponentText: (what: string) => `« ${what} » ne sera plus amorti dans les simulations.`,
  componentKinds: {
    terrain: 'Terrain (non amortissable)',
    gros_oeuvre: 'Gros œuvre',
    facades_etancheite: 'Façades et étanchéité',
    installations_techniques: 'Installations techniques',
    agencements_interieurs: 'Agencements intérieurs',
    mobilier: 'Mobilier',
    equipements: 'Équipements',
    travaux: 'Travaux',
  },
  // vehicle and trips
  vehicleTitle: 'Véhicule et kilomètres',
  vehicleHint:
    'Au régime réel, vous déduisez les frais réels du véhicule au prorata des kilomètres professionnels. Le barème kilométrique est réservé aux salariés et aux BNC : il ne s’applique pas à la location meublée (BIC).',
  vehicleName: 'Véhicule (facultatif)',
  totalKm: 'Kilomètres parcourus dans l’année (tous usages)',
  vehicleCosts: 'Frais réels de l’année',
  saveVehicle: 'Enregistrer le véhicule',
  deleteVehicle: 'Retirer le véhicule',
  noVehicle: 'Aucun véhicule saisi : aucun frais de véhicule ne sera déduit.',
  businessShare: (km: string, total: string, share: string, deductible: string) =>
    `${km} km professionnels sur ${total} km : ${share} des frais, soit ${deductible} déductibles.`,
  kmProblem: (km: string, total: string) =>
    `Vos trajets font ${km} km, plus que les ${total} km parcourus dans l’année : corrigez le kilométrage total ou vos trajets. Le véhicule n’est pas compté tant que c’est le cas.`,
  tripsTitle: (year: number) => `Trajets professionnels ${year}`,
  tripsTotal: (count: number, km: string) =>
    `${count} ${count > 1 ? 'trajets' : 'trajet'}, ${km} km professionnels (aller-retour comptés deux fois).`,
  noTrips: 'Aucun trajet saisi pour cette année.',
  tripDate: 'Date',
  tripPurpose: 'Motif',
  tripDistance: 'Distance (km, un trajet)',
  tripRoundTrip: 'Aller-retour',
  tripVehicle: 'Véhicule',
  tripKm: 'Km comptés',
  yes: 'oui',
  no: 'non',
  newTrip: 'Nouveau trajet',
  editTrip: 'Modifier le trajet',
  addTrip: 'Ajouter un trajet',
  deleteTripTitle: 'Supprimer ce trajet ?',
  deleteTripText: (what: string) => `« ${what} » ne comptera plus dans vos kilomètres.`,
  tripsPager: 'Pages de trajets',
  tripsPage: (page: number, count: number) => `Page ${page} sur ${count}`,
  // settings and carry-forwards
  householdTitle: 'Votre foyer et vos reports',
  marginalRate: 'Tranche marginale d’imposition',
  marginalRateUnknown: 'Je ne sais pas',
  marginalRateHint: 'Pour chiffrer l’impôt de chaque régime en euros.',
  otherIncome: 'Autres revenus professionnels du foyer (€, facultatif)',
  otherIncomeHint: 'Pour savoir si vous êtes loueur professionnel (LMP).',
  saveSettings: 'Enregistrer',
  carryTitle: 'Reports des années avant l’application',
  carryHint:
    'Déficits de location meublée non encore utilisés (par année d’origine) et amortissements différés. Dès qu’une simulation est enregistrée pour une année, l’année suivante part de ses reports.',
  carrySource: {
    previous_simulation: (year: number) =>
      `Reports pris de la simulation ${year} enregistrée (régime retenu).`,
    entered: () => 'Reports pris de ceux que vous avez saisis.',
    none: () => 'Aucun report des années précédentes.',
  },
  carryKind: 'Nature',
  carryKinds: { deficit: 'Déficit', amortissements_differes: 'Amortissements différés' },
  carryYear: 'Année d’origine',
  addCarry: 'Ajouter le report',
  noCarry: 'Aucun report saisi.',
  deleteCarryTitle: 'Supprimer ce report ?',
  deleteCarryText: (what: string) => `« ${what} » ne sera plus déduit.`,
  // simulation
  simulationTitle: (year: number) => `Micro-BIC ou régime réel en ${year}`,
  microTitle: 'Micro-BIC',
  reelTitle: 'Régime réel',
  socialTitle: 'Prélèvements sociaux et impôt',
  warningsTitle: 'À surveiller',
  noticesTitle: 'Règles de l’année',
  cheaper: (name: string) => `Le moins cher : ${name}.`,
  equal: 'Les deux régimes se valent.',
  saveSimulation: 'Enregistrer la simulation',
  simulationSaved: 'Simulation enregistrée.',
  savedFresh: (when: string) => `Simulation enregistrée le ${when} : à jour.`,
  savedStale: (when: string) =>
    `Simulation enregistrée le ${when} : périmée, vos séjours, charges, trajets ou réglages ont changé depuis. Les chiffres ci-dessous sont recalculés ; enregistrez-les pour la mettre à jour.`,
  notSaved: 'Cette simulation n’est pas encore enregistrée.',
  cannotSimulate:
    'La simulation est impossible avec ces données : un montant, une durée ou un kilométrage enregistré est incohérent. Vérifiez vos charges, composants et trajets de l’année.',
  noRules: (year: number) => `Les règles fiscales de ${year} ne sont pas connues de l’application.`,
} as const;
