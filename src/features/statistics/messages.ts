/** French strings of the statistics feature. */
export const statisticsMessages = {
  pageTitle: 'Statistiques',
  navLabel: 'Statistiques',
  intro:
    'Occupation, nuits et revenus de vos gîtes, mois par mois, avec l’année précédente à côté. Les séjours annulés ne comptent pas ; les périodes bloquées ne comptent pas comme nuits disponibles.',
  yearLabel: 'Année',
  giteLabel: 'Gîte',
  allGites: 'Tous les gîtes',
  loading: 'Calcul des statistiques…',
  loadError: 'Impossible de charger les statistiques.',
  offline: 'Hors ligne : les statistiques s’afficheront dès le retour de la connexion.',
  unknownGite: 'Ce gîte est introuvable : il a peut-être été supprimé. Voici tous vos gîtes.',
  noGite: 'Aucun gîte pour l’instant : les statistiques viendront avec vos premiers séjours.',
  addFirstGite: 'Ajoutez votre premier gîte',
  deletedGite: 'Gîte supprimé',
  completeLink: 'Voir les réservations',
  // key figures
  occupancy: 'Taux d’occupation',
  nights: 'Nuits louées',
  revenue: 'Revenus',
  averageRate: 'Prix moyen par nuit',
  revpar: 'Revenu par nuit disponible',
  revparHint: 'RevPAR : revenus ÷ nuits disponibles.',
  previousYear: (year: number) => `${year} :`,
  change: (change: string) => `${change} sur un an`,
  noComparison: 'pas de comparaison',
  missingAmounts: (count: number) =>
    count === 1
      ? '1 séjour de l’année n’a pas de montant : les revenus sont incomplets.'
      : `${count} séjours de l’année n’ont pas de montant : les revenus sont incomplets.`,
  // charts
  chartsTitle: 'Mois par mois',
  revenueChart: (year: number, previous: number) => `Revenus par mois, ${year} et ${previous}`,
  occupancyChart: (year: number, previous: number) =>
    `Taux d’occupation par mois, ${year} et ${previous}`,
  chartLoading: 'Chargement du graphique…',
  chartUnavailable: 'Graphique indisponible (hors ligne ?) : les chiffres sont dans le tableau.',
  // by platform / by gîte
  byPlatformTitle: 'Par plateforme',
  byGiteTitle: 'Par gîte',
  platform: 'Plateforme',
  gite: 'Gîte',
  share: 'Part des revenus',
  noStayThisYear: (year: number) => `Aucun séjour en ${year}.`,
  // monthly table
  monthlyTitle: 'Détail par mois',
  month: 'Mois',
  previousRevenue: (year: number) => `Revenus ${year}`,
  pager: 'Pages du détail par mois',
  previousPage: 'Page précédente',
  nextPage: 'Page suivante',
  pageLink: (page: number) => `Page ${page}`,
  rows: (first: number, last: number, total: number) => `Lignes ${first} à ${last} sur ${total}`,
  none: '—',
} as const;
