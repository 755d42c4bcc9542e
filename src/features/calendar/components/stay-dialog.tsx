import { useEffect, useId, useRef } from 'react';
import type { CalendarStay } from '@/features/calendar/api/get-calendar-month';
import { stayNights } from '@/features/calendar/calendar-dates';
import { calendarMessages as m } from '@/features/calendar/messages';
import { isBlock, stayTitle } from '@/features/calendar/stay-text';
import { formatIsoDate } from '@/lib/iso-date';
import { formatEuros } from '@/lib/money';
import { platformLabel } from '@/lib/platforms';

interface StayDialogProps {
  stay: CalendarStay;
  giteNom: string;
  onClose: () => void;
}

function fullDate(iso: string): string {
  return formatIsoDate(iso, { dateStyle: 'full' });
}

/**
 * A stay's details in a modal dialog: Escape, the close button or a click outside
 * closes it, and the page's focus returns to the bar that opened it.
 */
export function StayDialog({ stay, giteNom, onClose }: StayDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const block = isBlock(stay);

  useEffect(() => {
    const dialog = ref.current;
    // Removing the element on unmount also takes it out of the top layer.
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog stay-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      // Escape and a click on the backdrop close it, where the browser supports it.
      closedby="any"
    >
      <div className="stay-dialog-header">
        <h2 id={`${id}-title`}>{stayTitle(stay)}</h2>
        <span className="platform-badge" data-platform={stay.plateforme}>
          {platformLabel(stay.plateforme)}
        </span>
      </div>
      {stay.has_overlap ? (
        <div className="form-alert form-alert-error stay-overlap">
          <strong>{m.overlap}</strong> {m.overlapHint}
        </div>
      ) : null}
      <dl className="stay-details">
        <dt>{m.detailsGite}</dt>
        <dd>{giteNom}</dd>
        <dt>{m.detailsArrival}</dt>
        <dd>{fullDate(stay.date_debut)}</dd>
        <dt>{m.detailsDeparture}</dt>
        <dd>{fullDate(stay.date_fin)}</dd>
        <dt>{m.detailsNights}</dt>
        <dd>{m.nights(stayNights(stay))}</dd>
        <dt>{m.detailsStatus}</dt>
        <dd>{block ? m.statusBlocked : m.statusConfirmed}</dd>
        {block ? null : (
          <>
            <dt>{m.detailsGuests}</dt>
            <dd>{stay.nb_personnes === null ? m.notProvided : m.guests(stay.nb_personnes)}</dd>
            <dt>{m.detailsAmount}</dt>
            <dd>{stay.montant === null ? m.notProvided : formatEuros(stay.montant)}</dd>
          </>
        )}
      </dl>
      <div className="form-actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => ref.current?.close()}
        >
          {m.close}
        </button>
      </div>
    </dialog>
  );
}
