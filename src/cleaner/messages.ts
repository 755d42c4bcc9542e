/** The cleaner page's French strings (the cleaners of French gîtes). */
export const cleanerMessages = {
  htmlTitle: 'Mes ménages',
  title: (name: string) => (name ? `Ménages de ${name}` : 'Mes ménages'),
  intro: 'Les ménages qui vous sont confiés, d’hier à dans 30 jours.',
  loading: 'Chargement de vos ménages…',
  empty: 'Aucun ménage prévu pour vous dans les 30 prochains jours.',
  invalid:
    'Ce lien ne fonctionne plus : il a été remplacé ou désactivé. Demandez le nouveau lien au propriétaire.',
  network: 'Connexion impossible. Vérifiez le réseau puis réessayez.',
  misconfigured: 'Page mal configurée : prévenez le propriétaire.',
  retry: 'Réessayer',
  sameDay: 'Même jour : des voyageurs arrivent ce jour-là',
  window: (from: string | null, to: string | null) =>
    from && to ? `de ${from} à ${to}` : from ? `à partir de ${from}` : to ? `avant ${to}` : '',
  nextGuests: (when: string, people: number | null) =>
    people === null
      ? `Prochains voyageurs le ${when}`
      : `Prochains voyageurs le ${when} : ${people} ${people > 1 ? 'personnes' : 'personne'}`,
  noNextGuests: 'Pas d’arrivée prévue ensuite',
  notes: 'Consignes',
  noteLabel: 'Une remarque pour le propriétaire ? (facultatif)',
  markDone: 'C’est fait',
  saving: 'Envoi…',
  done: (when: string) => `Fait le ${when}`,
  yourNote: 'Votre remarque',
  notYet: 'À faire à partir de la veille.',
  refused: 'Ce ménage ne peut plus être marqué fait (déjà fait, ou retiré). La liste est à jour.',
  noteTooLong: 'Remarque trop longue (2 000 caractères au plus).',
} as const;
