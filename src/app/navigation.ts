/**
 * The main navigation. Only pages that exist are listed: a feature adds its entry here
 * together with its route in `router.tsx`.
 */
export const navItems: ReadonlyArray<{ to: string; label: string }> = [
  { to: '/tableau-de-bord', label: 'Tableau de bord' },
  { to: '/reservations', label: 'Réservations' },
  { to: '/calendrier', label: 'Calendrier' },
  { to: '/menage', label: 'Ménage' },
  { to: '/linge', label: 'Linge' },
  { to: '/statistiques', label: 'Statistiques' },
  { to: '/fiscalite', label: 'Fiscalité' },
  { to: '/taxe-de-sejour', label: 'Taxe de séjour' },
  { to: '/gites', label: 'Gîtes' },
  { to: '/fiches-clients', label: 'Fiches clients' },
  { to: '/fiches-de-police', label: 'Fiches de police' },
  { to: '/aide', label: 'Aide' },
];
