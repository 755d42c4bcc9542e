import { ConfirmDialog } from '@/components/confirm-dialog';
import { useCancelReservation } from '@/features/reservations/api/cancel-reservation';
import type { ReservationListRow } from '@/features/reservations/api/get-reservations';
import { useGite } from '@/features/reservations/components/gite-lookup';
import { formatStay, guestName } from '@/features/reservations/format';
import { reservationsMessages as m } from '@/features/reservations/messages';

interface CancelReservationDialogProps {
  row: ReservationListRow;
  onClose: () => void;
  onCancelled: (message: string) => void;
}

/** Modal confirmation before cancelling a direct booking (it is kept, marked cancelled). */
export function CancelReservationDialog({
  row,
  onClose,
  onCancelled,
}: CancelReservationDialogProps) {
  const cancelReservation = useCancelReservation();
  const name = guestName(row.client_nom);
  const gite = useGite(row.gite_id);
  return (
    <ConfirmDialog
      title={m.cancelTitle(name)}
      description={m.cancelWarning(formatStay(row.date_debut, row.date_fin), gite?.nom ?? '')}
      keepLabel={m.cancelKeep}
      confirmLabel={m.cancelConfirm}
      pendingLabel={m.cancelling}
      isPending={cancelReservation.isPending}
      onConfirm={async () => {
        await cancelReservation.mutateAsync(row.id);
        onCancelled(m.cancelled(name));
      }}
      onClose={onClose}
    />
  );
}
