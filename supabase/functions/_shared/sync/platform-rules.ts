/**
 * What each platform's SUMMARY means. Feeds carry little: the summary is all a platform tells us
 * about an event, and each platform has its own convention (see DESIGN.md, "Data"). Pure
 * functions, plain strings: nothing here is ever interpreted as HTML.
 */
import type { FeedEventKind, FeedPlatform } from './types.ts';

export interface EventClassification {
  kind: FeedEventKind;
  /** Only when the platform's convention puts the guest's name in the summary (Abritel). */
  guestName: string | null;
}

/** reservations.client_nom is capped at 200 characters. */
export const MAX_GUEST_NAME_LENGTH = 200;

/**
 * Lower case, accents removed, spaces collapsed: "Fermé", "FERME" and "fermé" all read "ferme",
 * so owners and platforms can write the keywords any way they like.
 */
export function foldForMatching(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * A summary saying the period is unavailable, closed or blocked, in English or French (matched
 * on whole words of the folded summary). "ferme" is also French for "farm": a stay whose summary
 * names "La Ferme du Moulin" would read as a closure; accepted, as feeds' summaries are statuses,
 * not the gîte's name.
 */
const UNAVAILABLE =
  /\b(not available|unavailable|non disponible|pas disponible|indisponible|indispo|blocked|block|bloquee?|blocage|closed|fermee?|fermeture)\b/;

export function saysUnavailable(summary: string | null): boolean {
  return summary !== null && UNAVAILABLE.test(foldForMatching(summary));
}

/**
 * Abritel/VRBO writes "Reserved - <Guest name>" (the French interface "Réservée - <Nom>"), or a
 * bare "Reserved" when the name is hidden. The summary is NFC-normalised first so a decomposed
 * "é" matches too.
 */
const ABRITEL_RESERVED = /^(?:reserved|r[eé]serv[eé]e?s?)(?:\s*[-–—:]\s*(.*))?$/iu;

export function classifyEvent(platform: FeedPlatform, summary: string | null): EventClassification {
  switch (platform) {
    case 'booking':
      // Booking.com writes "CLOSED - Not available" for its real stays too: never a block.
      return { kind: 'to_complete', guestName: null };
    case 'airbnb':
      // "Reserved" is a stay, "Airbnb (Not available)" the owner's block; Airbnb gives no name.
      return { kind: saysUnavailable(summary) ? 'block' : 'stay', guestName: null };
    case 'abritel': {
      const reserved = summary === null ? null : ABRITEL_RESERVED.exec(summary.normalize('NFC'));
      if (reserved) return { kind: 'stay', guestName: cleanGuestName(reserved[1]) };
      return { kind: saysUnavailable(summary) ? 'block' : 'stay', guestName: null };
    }
    case 'gites_de_france':
    case 'other':
      // No known convention: a stay unless the summary says closed. A summary that looks like a
      // name may be anything (a label, the gîte…), so it is never taken as the guest's name.
      return { kind: saysUnavailable(summary) ? 'block' : 'stay', guestName: null };
  }
}

function cleanGuestName(name: string | undefined): string | null {
  const trimmed = Array.from(name?.trim() ?? '')
    .slice(0, MAX_GUEST_NAME_LENGTH)
    .join('')
    .trim();
  return trimmed === '' ? null : trimmed;
}
