/** French strings of the reservations feature. */
export const reservationsMessages = {
  pageTitle: 'Réservations',
  navLabel: 'Réservations',
  add: 'Nouvelle réservation',
  // filters
  filtersTitle: 'Filtrer les réservations',
  giteFilter: 'Gîte',
  allGites: 'Tous les gîtes',
  platformFilter: 'Plateforme',
  allPlatforms: 'Toutes',
  statusFilter: 'Statut',
  allStatuses: 'Tous',
  fromFilter: 'Du',
  toFilter: 'Au',
  dateFilterHint: 'Séjours ayant au moins une nuit dans cette période.',
  searchFilter: 'Nom du client',
  searchPlaceholder: 'ex. Dupont',
  sortLabel: 'Trier par',
  sortOptions: {
    'date-desc': 'Arrivée (plus récentes d’abord)',
    'date-asc': 'Arrivée (plus anciennes d’abord)',
    'montant-desc': 'Montant (décroissant)',
    'montant-asc': 'Montant (croissant)',
  },
  resetFilters: 'Effacer les filtres',
  moreFilters: (active: number) => (active > 0 ? `Filtres et tri (${active})` : 'Filtres et tri'),
  fewerFilters: 'Masquer les filtres',
  viewLabel: 'Affichage',
  viewPages: 'Par pages',
  viewHistory: 'Tout l’historique',
  historyNeedsDateSort:
    'Tout l’historique se parcourt par date d’arrivée : avec le tri par montant, la liste reste affichée par pages.',
  // summary
  count: (n: number) =>
    n === 0
      ? 'Aucune réservation'
      : n === 1
        ? '1 réservation'
        : `${n.toLocaleString('fr-FR')} réservations`,
  pageSummary: (page: number, pages: number) => `Page ${page} sur ${pages}`,
  rowSpan: (first: number, last: number, total: number) =>
    `${first.toLocaleString('fr-FR')}–${last.toLocaleString('fr-FR')} sur ${total.toLocaleString('fr-FR')}`,
  pastEnd: (page: number, last: number) =>
    `La page ${page} n’existe pas : voici la dernière page (${last}).`,
  empty: 'Aucune réservation pour l’instant.',
  emptyHint:
    'Les séjours de vos calendriers Airbnb, Booking.com, Abritel et Gîtes de France apparaîtront ici ; ajoutez vos réservations directes avec « Nouvelle réservation ».',
  noMatch: 'Aucune réservation ne correspond à ces filtres.',
  loadError: 'Impossible de charger les réservations.',
  offline: 'Hors ligne : les réservations s’afficheront dès le retour de la connexion.',
  updating: 'Mise à jour…',
  // pager
  pagerLabel: 'Pages de réservations',
  // history
  historyLabel: 'Historique complet des réservations',
  historyLoadingMore: 'Chargement des réservations suivantes…',
  historyEnd: 'Fin de l’historique',
  historyLoadError: 'Impossible de charger la suite de l’historique.',
  // columns and rows
  colStay: 'Séjour',
  colGite: 'Gîte',
  colGuest: 'Client',
  colSource: 'Plateforme / statut',
  colAmount: 'Montant',
  colActions: 'Actions',
  nights: (n: number) => (n <= 1 ? `${n} nuit` : `${n} nuits`),
  guests: (n: number) => (n <= 1 ? `${n} personne` : `${n} personnes`),
  noName: 'Nom non renseigné',
  noAmount: '—',
  unknownGite: 'Gîte inconnu',
  overlapFlag: 'double réservation ?',
  overlapFlagHint: 'Un autre séjour confirmé de ce gîte partage au moins une nuit avec celui-ci.',
  status: {
    confirmed: 'Confirmée',
    blocked: 'Bloquée',
    cancelled: 'Annulée',
  },
  edit: 'Modifier',
  cancelStayAction: 'Annuler la réservation…',
  stayLabel: (guest: string, dates: string) => `${guest}, ${dates}`,
  // form
  newTitle: 'Nouvelle réservation directe',
  editTitle: (guest: string) => `Modifier la réservation de ${guest}`,
  importedNotice: (platform: string) =>
    `Séjour importé depuis ${platform} : ses dates, son gîte et sa plateforme suivent le calendrier de la plateforme. Vous pouvez compléter les informations du client, le montant et les notes.`,
  noGites: 'Ajoutez d’abord un gîte : une réservation appartient toujours à un gîte.',
  goToGites: 'Ajouter un gîte',
  giteLabel: 'Gîte',
  chooseGite: 'Choisissez un gîte',
  dateDebutLabel: 'Arrivée',
  dateFinLabel: 'Départ',
  clientNomLabel: 'Nom du client',
  clientEmailLabel: 'E-mail du client',
  clientTelephoneLabel: 'Téléphone du client',
  nbPersonnesLabel: 'Nombre de personnes',
  montantLabel: 'Montant (€)',
  montantHint: 'Montant total du séjour, par ex. 1 250,50',
  notesLabel: 'Notes',
  platformLabel: 'Plateforme',
  submitCreate: 'Enregistrer la réservation',
  submitUpdate: 'Enregistrer',
  saving: 'Enregistrement…',
  checking: 'Vérification des dates…',
  close: 'Fermer',
  cancel: 'Annuler',
  fixErrors: 'Corrigez les champs signalés.',
  created: (guest: string) => `Réservation de ${guest} enregistrée.`,
  updated: (guest: string) => `Réservation de ${guest} modifiée.`,
  cancelled: (guest: string) => `Réservation de ${guest} annulée.`,
  // overlap warning
  overlapTitle: 'Ces dates chevauchent déjà une réservation confirmée',
  overlapText: (n: number) =>
    n === 1
      ? 'Ce gîte a déjà un séjour confirmé sur ces dates :'
      : `Ce gîte a déjà ${n} séjours confirmés sur ces dates :`,
  overlapMore: (n: number) => `… et ${n} autre${n > 1 ? 's' : ''}`,
  overlapConfirm: 'Enregistrer quand même',
  overlapBack: 'Modifier les dates',
  // cancel dialog
  cancelTitle: (guest: string) => `Annuler la réservation de ${guest} ?`,
  cancelWarning: (dates: string, gite: string) =>
    `Le séjour du ${dates} à ${gite} sera marqué comme annulé. Il reste dans l’historique et libère les dates du calendrier.`,
  cancelConfirm: 'Annuler la réservation',
  cancelKeep: 'Garder la réservation',
  cancelling: 'Annulation…',
  nature: {
    echo: 'Reflet de votre calendrier',
    closure: 'Fermeture',
    'to-complete': 'À compléter',
  },
  natureHint: {
    echo: 'Cette période est une de vos réservations que la plateforme renvoie après avoir importé votre calendrier : elle n’est comptée ni comme séjour ni comme double réservation.',
    closure: 'Vous avez indiqué que cette période est une fermeture et non un séjour.',
    'to-complete':
      'La plateforme indique seulement que ces dates sont indisponibles : complétez le séjour (voyageur, montant) ou marquez-le comme fermeture.',
  },
  markClosure: 'C’est une fermeture, pas un séjour',
  markStay: 'C’est finalement un séjour',
  markedClosure: 'Période marquée comme fermeture.',
  markedStay: 'Période remise en séjour.',
  importedCannotCancel: 'Pour l’annuler, annulez-le sur sa plateforme : il sera mis à jour ici.',
  // validation
  giteRequired: 'Choisissez un gîte',
  dateDebutRequired: 'Indiquez la date d’arrivée',
  dateFinRequired: 'Indiquez la date de départ',
  dateInvalid: 'Date invalide',
  dateFinBeforeDebut: 'Le départ doit être après l’arrivée',
  stayTooLong: 'Un séjour ne peut pas dépasser 365 nuits',
  clientNomRequired: 'Le nom du client est obligatoire',
  clientNomTooLong: 'Le nom ne peut pas dépasser 200 caractères',
  clientEmailInvalid: 'Adresse e-mail invalide',
  clientTelephoneInvalid: 'Numéro de téléphone invalide',
  nbPersonnesInvalid: 'Le nombre de personnes doit être un nombre entier entre 1 et 100',
  montantInvalid: 'Le montant doit être un nombre, par ex. 450 ou 450,50',
  montantNegative: 'Le montant doit être positif ou nul',
  montantTooLarge: 'Le montant est trop élevé',
  notesTooLong: 'Les notes ne peuvent pas dépasser 10 000 caractères',
} as const;
