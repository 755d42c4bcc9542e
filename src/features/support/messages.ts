/** French strings of the support feature. */
export const supportMessages = {
  pageTitle: 'Aide et support',
  navLabel: 'Aide',
  intro:
    'Une question, un problème ? Écrivez-nous : la réponse arrive ici, et une notification vous prévient.',
  // list
  listTitle: 'Vos demandes',
  loading: 'Chargement de vos demandes…',
  loadError: 'Impossible de charger vos demandes.',
  offline: 'Hors ligne : vos demandes s’afficheront dès le retour de la connexion.',
  empty: 'Aucune demande pour l’instant.',
  pagerLabel: 'Pages de demandes',
  updated: (when: string) => `mise à jour le ${when}`,
  status: {
    open: 'Ouverte',
    in_progress: 'En cours',
    resolved: 'Résolue',
    closed: 'Close',
  } as Record<string, string>,
  // new ticket
  newTitle: 'Nouvelle demande',
  subject: 'Sujet',
  message: 'Votre message',
  reference: 'Référence d’une erreur (facultatif)',
  referenceHint:
    'Affichée par l’écran « Une erreur est survenue » : elle nous aide à trouver ce qui s’est passé.',
  send: 'Envoyer',
  sending: 'Envoi…',
  sent: 'Demande envoyée. Nous vous répondons ici.',
  subjectRequired: 'Indiquez le sujet.',
  subjectTooLong: '200 caractères au plus.',
  messageRequired: 'Écrivez votre message.',
  messageTooLong: '10 000 caractères au plus.',
  referenceInvalid:
    'Cette référence n’a pas la bonne forme (32 caractères, chiffres et lettres a à f).',
  // thread
  back: 'Toutes vos demandes',
  ticketLoadError: 'Impossible de charger cette demande.',
  notFound: 'Demande introuvable.',
  you: 'Vous',
  supportTeam: 'Le support',
  referenceShown: (id: string) => `Référence d’erreur : ${id}`,
  answer: 'Répondre',
  answerLabel: 'Votre réponse',
  answered: 'Réponse envoyée.',
  close: 'Clore la demande',
  closed: 'Demande close.',
  closedNote: 'Cette demande est close. Pour un nouveau sujet, ouvrez une nouvelle demande.',
} as const;
