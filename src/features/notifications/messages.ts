/** French strings of the notifications centre. */
export const notificationMessages = {
  pageTitle: 'Notifications',
  intro:
    'Ce que LiveOwnerUnit a remarqué pour vous : nouvelles réservations et annulations de vos calendriers, doubles réservations, synchronisations en panne, ménages sans intervenant, linge insuffisant et plafond du micro-BIC.',
  // bell in the header
  bellLabel: (unread: number) =>
    unread === 0
      ? 'Notifications : aucune non lue'
      : unread === 1
        ? 'Notifications : 1 non lue'
        : `Notifications : ${unread} non lues`,
  // filters
  filtersLabel: 'Filtrer les notifications',
  showLabel: 'Afficher',
  showAll: 'Toutes',
  showUnread: 'Non lues seulement',
  // list
  loading: 'Chargement des notifications…',
  loadError: 'Impossible de charger les notifications.',
  offline: 'Hors ligne : les notifications s’afficheront dès le retour de la connexion.',
  empty: 'Aucune notification pour l’instant.',
  emptyUnread: 'Aucune notification non lue.',
  count: (total: number, unread: number) =>
    `${total} ${total > 1 ? 'notifications' : 'notification'}, ${unread} non ${unread > 1 ? 'lues' : 'lue'}`,
  pagerLabel: 'Pages de notifications',
  unreadBadge: 'Non lue',
  open: 'Ouvrir',
  markRead: 'Marquer comme lue',
  markAllRead: 'Tout marquer comme lu',
  markedRead: 'Notification marquée comme lue.',
  markedAllRead: (n: number) =>
    n === 0
      ? 'Aucune notification à marquer.'
      : n === 1
        ? '1 notification marquée comme lue.'
        : `${n} notifications marquées comme lues.`,
  markError: 'La notification n’a pas pu être marquée comme lue. Réessayez.',
  createdAt: (when: string) => `Le ${when}`,
  types: {
    reservation_new: 'Réservation',
    reservation_cancelled: 'Annulation',
    double_booking: 'Double réservation',
    sync_failed: 'Synchronisation',
    feed_stale: 'Calendrier',
    cleaning_unassigned: 'Ménage',
    linen_low: 'Linge',
    micro_bic_ceiling: 'Fiscalité',
    support_reply: 'Support',
    info: 'Information',
  } as Record<string, string>,
} as const;
