/**
 * Where a sheet link stands for the owner's list (pure):
 *
 * - `revoked`: the owner turned it off (or regenerated it: the old link is revoked);
 * - `expired`: its validity is over;
 * - `opened`: the guest has opened it at least once (first_opened_at);
 * - `sent`: made, not opened yet.
 */
export type SheetStatus = 'sent' | 'opened' | 'expired' | 'revoked';

export interface SheetTimes {
  revoked_at: string | null;
  valid_until: string;
  first_opened_at: string | null;
}

export function sheetStatus(sheet: SheetTimes, now: number): SheetStatus {
  if (sheet.revoked_at !== null) return 'revoked';
  if (Date.parse(sheet.valid_until) <= now) return 'expired';
  if (sheet.first_opened_at !== null) return 'opened';
  return 'sent';
}

/** Whether the guest can still open it (the owner may regenerate or revoke it). */
export function isLive(status: SheetStatus): boolean {
  return status === 'sent' || status === 'opened';
}

/** The guest's address of a sheet: `<origin of the app>/g/<token>`. */
export function guestSheetUrl(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, '')}/g/${encodeURIComponent(token)}`;
}
