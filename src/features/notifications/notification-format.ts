import { notificationMessages as m } from '@/features/notifications/messages';

/**
 * The in-app path a notification opens, or null. The database writes `lien`, but the page
 * only follows a path of this app (`/…`), never another origin (`//host`, `https:`, `javascript:`).
 */
export function inAppLink(lien: string | null | undefined): string | null {
  if (!lien) return null;
  if (!lien.startsWith('/') || lien.startsWith('//') || lien.startsWith('/\\')) return null;
  if (/\s/.test(lien) || [...lien].some((c) => c.charCodeAt(0) < 0x20)) return null;
  return lien;
}

/** The short French label of a notification's kind; unknown kinds read as « Information ». */
export function typeLabel(type: string): string {
  return m.types[type] ?? m.types.info ?? type;
}

/** What the header's bell shows: nothing at 0, the number up to 99, then « 99+ ». */
export function badgeText(unread: number): string | null {
  if (!Number.isFinite(unread) || unread <= 0) return null;
  return unread > 99 ? '99+' : String(Math.floor(unread));
}
