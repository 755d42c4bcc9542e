/** The sync history dialog's pages and labels. Pure. */
import { gitesMessages as m } from '@/features/gites/messages';

export const SYNC_HISTORY_PAGE_SIZE = 20;

/** "Réussi", "Inchangé" or "Échec". */
export function syncResultLabel(status: string): string {
  if (status === 'success') return m.resultSuccess;
  if (status === 'not_modified') return m.resultNotModified;
  return m.resultError;
}
