import type { Lang } from './sheet-answer';

/** Every word of the guest page, in French and English (the guest switches at any time). */
export const guestMessages = {
  fr: {
    htmlTitle: 'Votre séjour',
    welcome: (name: string | null) => (name ? `Bienvenue, ${name} !` : 'Bienvenue !'),
    switchTo: 'English',
    switchLabel: 'Read in English',
    loading: 'Chargement de votre fiche de séjour…',
    stay: 'Votre séjour',
    arrival: 'Arrivée',
    departure: 'Départ',
    from: (time: string) => `à partir de ${time}`,
    until: (time: string) => `avant ${time}`,
    address: 'Adresse',
    openMap: 'Ouvrir dans une carte',
    accessCode: 'Code d’accès',
    parking: 'Stationnement',
    wifi: 'Wifi',
    network: 'Réseau',
    password: 'Mot de passe',
    qrHelp: 'Scannez ce code avec l’appareil photo pour vous connecter.',
    qrLabel: (ssid: string) => `Code QR pour rejoindre le réseau wifi ${ssid}`,
    speed: 'Débit',
    router: 'La box',
    coverage: 'Bonne réception',
    instructions: 'Consignes',
    onArrival: 'À l’arrivée',
    duringStay: 'Pendant le séjour',
    onDeparture: 'Au départ',
    equipment: 'Équipements',
    sections: {
      chauffage: 'Chauffage',
      cuisine: 'Cuisine',
      multimedia: 'Multimédia',
      exterieur: 'Extérieur',
      divers: 'Divers',
    } as Record<string, string>,
    contacts: 'Contacts utiles',
    contactTypes: {
      urgence: 'Urgence',
      proprietaire: 'Propriétaire',
      gardien: 'Gardien',
      medecin: 'Médecin',
      pharmacie: 'Pharmacie',
      hopital: 'Hôpital',
      veterinaire: 'Vétérinaire',
      plombier: 'Plombier',
      electricien: 'Électricien',
      taxi: 'Taxi',
      autre: 'Autre',
    } as Record<string, string>,
    emergency: 'Urgences : 112',
    activities: 'À découvrir autour',
    categories: {
      restaurant: 'Restaurant',
      visite: 'Visite',
      nature: 'Nature',
      sport: 'Sport',
      culture: 'Culture',
      loisirs: 'Loisirs',
      enfants: 'Enfants',
      marche: 'Marché',
      commerce: 'Commerce',
      autre: 'Autre',
    } as Record<string, string>,
    km: (km: number) => `${km.toLocaleString('fr-FR')} km`,
    website: 'Site web',
    host: 'Votre hôte',
    offlineCopy: (when: string) => `Hors ligne — fiche enregistrée le ${when}.`,
    closedTitle: 'Ce lien n’est plus valable',
    closedText:
      'Cette fiche de séjour a expiré ou a été désactivée. Pour toute question, contactez votre hôte.',
    notYetTitle: 'Votre fiche n’est pas encore ouverte',
    notYetText:
      'Elle sera disponible quelques jours avant votre arrivée. Contactez votre hôte si besoin.',
    unknownTitle: 'Lien introuvable',
    unknownText:
      'Ce lien ne correspond à aucune fiche de séjour. Vérifiez l’adresse reçue ou demandez-la à nouveau à votre hôte.',
    failedTitle: 'Impossible de charger la fiche',
    failedText: 'Vérifiez votre connexion internet, puis réessayez.',
    retry: 'Réessayer',
    call: (phone: string) => `Appeler le ${phone}`,
    policeTitle: 'Fiche de police',
    policeWho:
      'La loi française demande à chaque voyageur de nationalité étrangère (Union européenne comprise) de remplir une fiche individuelle de police : une fiche par adulte.',
    policeChildren:
      'Les enfants de moins de 15 ans figurent sur la fiche d’un adulte qui les accompagne. Les voyageurs français n’ont rien à remplir.',
    policeOpen: 'Remplir ma fiche de police',
    policeLoading: 'Chargement du formulaire…',
    policeOffline:
      'Pas de connexion : la fiche de police s’envoie en ligne. Reconnectez-vous, puis réessayez.',
  },
  en: {
    htmlTitle: 'Your stay',
    welcome: (name: string | null) => (name ? `Welcome, ${name}!` : 'Welcome!'),
    switchTo: 'Français',
    switchLabel: 'Lire en français',
    loading: 'Loading your stay details…',
    stay: 'Your stay',
    arrival: 'Arrival',
    departure: 'Departure',
    from: (time: string) => `from ${time}`,
    until: (time: string) => `by ${time}`,
    address: 'Address',
    openMap: 'Open in a map',
    accessCode: 'Access code',
    parking: 'Parking',
    wifi: 'Wi-Fi',
    network: 'Network',
    password: 'Password',
    qrHelp: 'Scan this code with your camera to connect.',
    qrLabel: (ssid: string) => `QR code to join the Wi-Fi network ${ssid}`,
    speed: 'Speed',
    router: 'The router',
    coverage: 'Good reception',
    instructions: 'House instructions',
    onArrival: 'On arrival',
    duringStay: 'During your stay',
    onDeparture: 'On departure',
    equipment: 'Equipment',
    sections: {
      chauffage: 'Heating',
      cuisine: 'Kitchen',
      multimedia: 'TV & media',
      exterieur: 'Outdoors',
      divers: 'Other',
    } as Record<string, string>,
    contacts: 'Useful contacts',
    contactTypes: {
      urgence: 'Emergency',
      proprietaire: 'Owner',
      gardien: 'Caretaker',
      medecin: 'Doctor',
      pharmacie: 'Pharmacy',
      hopital: 'Hospital',
      veterinaire: 'Vet',
      plombier: 'Plumber',
      electricien: 'Electrician',
      taxi: 'Taxi',
      autre: 'Other',
    } as Record<string, string>,
    emergency: 'Emergencies: 112',
    activities: 'Things to do nearby',
    categories: {
      restaurant: 'Restaurant',
      visite: 'Sightseeing',
      nature: 'Nature',
      sport: 'Sport',
      culture: 'Culture',
      loisirs: 'Leisure',
      enfants: 'Kids',
      marche: 'Market',
      commerce: 'Shops',
      autre: 'Other',
    } as Record<string, string>,
    km: (km: number) => `${km.toLocaleString('en-GB')} km`,
    website: 'Website',
    host: 'Your host',
    offlineCopy: (when: string) => `Offline — saved on ${when}.`,
    closedTitle: 'This link is no longer valid',
    closedText:
      'This stay sheet has expired or was turned off. If you have any question, please contact your host.',
    notYetTitle: 'Your stay sheet is not open yet',
    notYetText: 'It will be available a few days before you arrive. Contact your host if needed.',
    unknownTitle: 'Link not found',
    unknownText:
      'This link does not match any stay sheet. Check the address you received or ask your host for it again.',
    failedTitle: 'The stay sheet could not be loaded',
    failedText: 'Check your internet connection, then try again.',
    retry: 'Try again',
    call: (phone: string) => `Call ${phone}`,
    policeTitle: 'Police registration form',
    policeWho:
      'French law asks every guest who is not a French national (EU citizens included) to fill in an individual police registration form: one form per adult.',
    policeChildren:
      'Children under 15 are listed on the form of an adult travelling with them. French nationals have nothing to fill in.',
    policeOpen: 'Fill in my police registration form',
    policeLoading: 'Loading the form…',
    policeOffline:
      'No connection: the police registration form is sent online. Reconnect, then try again.',
  },
} satisfies Record<Lang, unknown>;

export type GuestMessages = (typeof guestMessages)['fr'];

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

/** `2026-07-14` → « mardi 14 juillet 2026 » / "Tuesday 14 July 2026" (a calendar day, no time zone). */
export function formatDay(iso: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(LOCALES[lang], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

export function formatMoment(ms: number, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(ms),
  );
}
