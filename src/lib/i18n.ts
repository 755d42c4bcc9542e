import { isClientError, isNetworkError, isServerUnavailable } from '@/lib/api-error';

/**
 * Minimal i18n: the app is French first. Each feature keeps its own strings in a
 * `messages.ts`; what several features share lives here.
 */
export const locale = 'fr-FR';

export const commonMessages = {
  appName: 'LiveOwnerUnit',
  loading: 'Chargement…',
  offline: 'Hors ligne : les données s’afficheront au retour de la connexion.',
  networkError: 'Connexion impossible au serveur',
  serverUnavailable: 'Le serveur ne répond pas pour le moment. Réessayez dans un instant.',
  sessionExpired: 'Votre session a expiré. Reconnectez-vous.',
  forbidden: 'Vous n’avez pas le droit de faire cette action.',
  notFound: 'Élément introuvable : il a peut-être été supprimé.',
  changedMeanwhile:
    'Cet élément a changé entre-temps (sur un autre appareil, ou par un intervenant) : rien n’a été enregistré ; vérifiez la page avant de recommencer.',
  invalidValue: 'Une des valeurs n’est pas acceptée par le serveur.',
  duplicate: 'Cet élément existe déjà.',
  unexpected: 'Une erreur est survenue. Réessayez dans un instant.',
  retry: 'Réessayer',
  fixErrors: 'Corrigez les champs signalés : rien n’a été enregistré.',
} as const;

function stringField(error: unknown, key: string): string {
  if (typeof error !== 'object' || error === null) return '';
  const value: unknown = (error as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : '';
}

/**
 * The code of an ApiError a guarded write throws when the row is no longer in the state the
 * owner saw (changed by a cleaner, another device…): nothing was written.
 */
export const CHANGED_MEANWHILE = 'changed_meanwhile';

/** A French sentence for any data-layer error (supabase-js PostgREST or auth). */
export function describeError(error: unknown): string {
  if (isNetworkError(error)) return commonMessages.networkError;
  // The gateway answers but the database or PostgREST behind it is down or restarting.
  if (isServerUnavailable(error)) return commonMessages.serverUnavailable;
  const code = stringField(error, 'code');
  if (code === 'PGRST301' || code === 'PGRST303' || code === 'session_expired') {
    return commonMessages.sessionExpired;
  }
  if (code === '42501') return commonMessages.forbidden;
  if (code === 'PGRST116') return commonMessages.notFound;
  if (code === CHANGED_MEANWHILE) return commonMessages.changedMeanwhile;
  if (code === '23505') return commonMessages.duplicate;
  if (code.startsWith('22') || code.startsWith('23')) return commonMessages.invalidValue;
  if (isClientError(error)) return commonMessages.invalidValue;
  return commonMessages.unexpected;
}

const dateTimeFormat = new Intl.DateTimeFormat(locale, {
  dateStyle: 'short',
  timeStyle: 'short',
});

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}
