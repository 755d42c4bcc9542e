import { useOfflineState } from '@/lib/pwa/network-status';

/** The id of the banner's sentence that says why writes are off (see OfflineBanner). */
export const OFFLINE_REASON_ID = 'hors-ligne-raison';

export const offlineMessages = {
  /** The banner's second sentence: the description of every disabled write control. */
  bannerReason: 'Les modifications sont désactivées jusqu’au retour de la connexion.',
  writeReason: 'Hors ligne : les modifications reprendront au retour de la connexion.',
  formKept:
    'Hors ligne : l’enregistrement attend le retour de la connexion. Ce que vous avez saisi est conservé.',
  signOutReason: 'Hors ligne : la déconnexion demande le réseau.',
  signInReason: 'Hors ligne : la connexion demande le réseau.',
} as const;

export interface WriteAccess {
  /** Offline: every control that sends a write is disabled. */
  blocked: boolean;
  /** Spread on a write control: the reason, as a tooltip and as its accessible description. */
  reasonProps: { title?: string; 'aria-describedby'?: string };
}

/**
 * Whether this page may send writes now. Offline, writes are disabled (not queued): each
 * write control is disabled and says why, and forms keep what was typed.
 */
export function useWriteAccess(reason: string = offlineMessages.writeReason): WriteAccess {
  const { online } = useOfflineState();
  return online
    ? { blocked: false, reasonProps: {} }
    : { blocked: true, reasonProps: { title: reason, 'aria-describedby': OFFLINE_REASON_ID } };
}
