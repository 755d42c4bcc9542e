import { guestSheetsMessages as m } from '@/features/guest-sheets/messages';
import type { SheetStatus } from '@/features/guest-sheets/sheet-status';

export function SheetStatusBadge({ status }: { status: SheetStatus }) {
  return (
    <span className="sheet-status" data-status={status}>
      {m.status[status]}
    </span>
  );
}
