import { useEffect, useId, useRef, useState } from 'react';
import { FormAlert } from '@/components/form-alert';
import { useCancelReservation } from '@/features/reservations/api/cancel-reservation';
import type { ReservationListRow } from '@/features/reservations/api/get-reservations';
import { formatStay, guestName } from '@/features/reservations/format';
import { reservationsMessages as m } from '@/features/reservations/messages';
import { describeError } from '@/lib/i18n';

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
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const cancelReservation = useCancelReservation();
  const [error, setError] = useState<string | null>(null);
  const name = guestName(row.client_nom);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  async function confirm() {
    setError(null);
    try {
      await cancelReservation.mutateAsync(row.id);
      onCancelled(m.cancelled(name));
    } catch (cause) {
      setError(describeError(cause));
    }
  }

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      onClose={onClose}
    >
      <h2 id={`${id}-title`}>{m.cancelTitle(name)}</h2>
      <p id={`${id}-desc`}>
        {m.cancelWarning(formatStay(row.date_debut, row.date_fin), row.gites.nom)}
      </p>
      {error ? <FormAlert>{error}</FormAlert> : null}
      <div className="form-actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => ref.current?.close()}
        >
          {m.cancelKeep}
        </button>
        <button
          type="button"
          className="button button-danger"
          onClick={confirm}
          disabled={cancelReservation.isPending}
        >
          {cancelReservation.isPending ? m.cancelling : m.cancelConfirm}
        </button>
      </div>
    </dialog>
  );
}
