/** French strings of the app shell. */
export const appMessages = {
  skipToContent: 'Aller au contenu',
  mainNav: 'Navigation principale',
  signedInAs: 'Connecté en tant que',
  errorTitle: 'Une erreur est survenue',
  errorText:
    'La page n’a pas pu s’afficher. Réessayez ; si le problème continue, rechargez la page.',
  errorReference: 'Référence de l’erreur :',
  contactSupport: 'Écrire au support avec cette référence',
  retry: 'Réessayer',
  reload: 'Recharger la page',
  staleTitle: 'Nouvelle version disponible',
  staleText:
    'L’application a été mise à jour depuis l’ouverture de cette page. Rechargez pour continuer.',
  notFoundTitle: 'Page introuvable',
  notFoundText: 'Cette adresse ne correspond à aucune page.',
  backHome: 'Retour au tableau de bord',
  configTitle: 'Configuration incomplète',
  configText:
    'L’application ne sait pas à quel serveur Supabase se connecter. Variables en cause :',
  configFix:
    'En local, lancez « npm start » (il les définit). Pour un projet Supabase hébergé, définissez-les dans .env.local puis relancez.',
  loadFailedTitle: 'Chargement impossible',
  loadFailedText: 'L’application n’a pas pu se charger. Vérifiez votre connexion puis rechargez.',
  title: (page: string) => `${page} · LiveOwnerUnit`,
} as const;
