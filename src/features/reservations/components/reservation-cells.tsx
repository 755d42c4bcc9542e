import type { CSSProperties } from 'react';
import type { ReservationListRow } from '@/features/reservations/api/get-reservations';
import { useGite } from '@/features/reservations/components/gite-lookup';
import {
  formatAmount,
  formatStay,
  guestName,
  importedNature,
  nightsBetween,
  statusLabel,
} from '@/features/reservations/format';
import { reservationsMessages as m } from '@/features/reservations/messages';
import { platformLabel } from '@/lib/platforms';

/**
 * The content of each column, shared by the paged table and the virtual history list.
 * Every guest- or feed-supplied string is rendered as text.
 */

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

export function StayCell({ row }: { row: ReservationListRow }) {
  return (
    <>
      {/* The dates have no space: a narrow card breaks the line at the arrow only. */}
      <span className="resa-dates">{formatStay(row.date_debut, row.date_fin)}</span>
      <span className="resa-sub">{m.nights(nightsBetween(row.date_debut, row.date_fin))}</span>
      {row.has_overlap ? (
        <span className="resa-overlap" title={m.overlapFlagHint}>
          {m.overlapFlag}
        </span>
      ) : null}
    </>
  );
}

export function GiteCell({ row }: { row: ReservationListRow }) {
  const gite = useGite(row.gite_id);
  const colour = gite?.couleur && HEX_COLOUR.test(gite.couleur) ? gite.couleur : null;
  return (
    <span
      className="resa-gite"
      style={colour ? ({ '--gite-colour': colour } as CSSProperties) : undefined}
    >
      <span className="resa-swatch" aria-hidden="true" />
      {gite?.nom}
    </span>
  );
}

export function GuestCell({ row }: { row: ReservationListRow }) {
  return (
    <>
      <span className={row.client_nom?.trim() ? 'resa-guest' : 'resa-guest resa-muted'}>
        {guestName(row.client_nom)}
      </span>
      {row.nb_personnes !== null ? (
        <span className="resa-sub">{m.guests(row.nb_personnes)}</span>
      ) : null}
    </>
  );
}

/** Where the stay comes from and where it stands, one above the other. */
export function SourceCell({ row }: { row: ReservationListRow }) {
  const nature = importedNature(row);
  return (
    <span className="resa-source">
      <span className="platform-badge" data-platform={row.plateforme}>
        {platformLabel(row.plateforme)}
      </span>
      <span className="resa-status" data-status={row.status}>
        {statusLabel(row.status)}
      </span>
      {nature ? (
        <span className="resa-nature" data-nature={nature} title={m.natureHint[nature]}>
          {m.nature[nature]}
        </span>
      ) : null}
    </span>
  );
}

export function AmountCell({ row }: { row: ReservationListRow }) {
  return <span className="resa-amount">{formatAmount(row.montant)}</span>;
}

export interface RowActions {
  /** Opens the reservation's form (cancelling a direct booking is done from there). */
  onEdit: (row: ReservationListRow) => void;
}

/** The stay named for screen readers on its button ("Modifier — Dupont, 14/07 → 21/07"). */
function stayName(row: ReservationListRow): string {
  return m.stayLabel(guestName(row.client_nom), formatStay(row.date_debut, row.date_fin));
}

export function ActionsCell({ row, onEdit }: { row: ReservationListRow } & RowActions) {
  return (
    <button
      type="button"
      className="button button-quiet resa-edit"
      aria-label={`${m.edit} — ${stayName(row)}`}
      onClick={() => onEdit(row)}
    >
      {m.edit}
    </button>
  );
}

/** The columns in display order: header text, CSS class, content. */
export const COLUMNS = [
  { key: 'stay', label: m.colStay, Cell: StayCell },
  { key: 'gite', label: m.colGite, Cell: GiteCell },
  { key: 'guest', label: m.colGuest, Cell: GuestCell },
  { key: 'source', label: m.colSource, Cell: SourceCell },
  { key: 'amount', label: m.colAmount, Cell: AmountCell },
] as const;
