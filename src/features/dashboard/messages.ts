/** French strings of the dashboard feature. */
export const dashboardMessages = {
  pageTitle: 'Tableau de bord',
  navLabel: 'Tableau de bord',
  loading: 'Chargement du tableau de bord…',
  loadError: 'Impossible de charger le tableau de bord.',
  offline: 'Hors ligne : le tableau de bord s’affichera dès le retour de la connexion.',
  // empty state
  welcome: 'Bienvenue !',
  addFirstGite: 'Ajoutez votre premier gîte',
  addFirstGiteHint:
    'Vos arrivées, vos départs, le taux d’occupation et votre chiffre d’affaires s’afficheront ici.',
  // today
  todayTitle: 'Aujourd’hui',
  arrivals: 'Arrivées',
  departures: 'Départs',
  noArrival: 'Aucune arrivée aujourd’hui.',
  noDeparture: 'Aucun départ aujourd’hui.',
  // next 7 days
  nextDaysTitle: 'Les 7 prochains jours',
  nothingNextDays: 'Aucune arrivée ni aucun départ dans les 7 prochains jours.',
  arrival: 'Arrivée',
  departure: 'Départ',
  // occupancy
  occupancyTitle: (month: string) => `Occupation · ${month}`,
  occupancyDetail: (booked: number, total: number) =>
    `${booked} ${booked <= 1 ? 'nuit réservée' : 'nuits réservées'} sur ${total}`,
  occupancyBlocked: (blocked: number) => `${blocked} ${blocked <= 1 ? 'bloquée' : 'bloquées'}`,
  openCalendar: 'Ouvrir le calendrier',
  // revenue
  revenueTitle: (year: number) => `Chiffre d’affaires ${year}`,
  revenueSince: (date: string) => `Séjours arrivés du 1er janvier au ${date}`,
  revenuePrevious: (year: number) => `${year}, même période`,
  revenueChange: (change: string) => `${change} par rapport à l’an dernier`,
  // cleanings
  cleaningsTitle: 'Prochains ménages',
  noCleanings: 'Aucun ménage prévu.',
  cleaningsUnavailable: 'Ménages indisponibles pour l’instant.',
  noCleaner: 'aucun intervenant',
  sameDay: '· même jour',
  openCleanings: 'Voir tous les ménages',
  // stays
  guestUnknown: 'Voyageur non renseigné',
  guests: (n: number) => (n <= 1 ? `${n} personne` : `${n} personnes`),
  nights: (n: number) => (n <= 1 ? `${n} nuit` : `${n} nuits`),
} as const;
