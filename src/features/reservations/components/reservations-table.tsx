import type { ReservationListRow } from '@/features/reservations/api/get-reservations';
import {
  ActionsCell,
  COLUMNS,
  type RowActions,
} from '@/features/reservations/components/reservation-cells';
import { reservationsMessages as m } from '@/features/reservations/messages';

interface ReservationsTableProps extends RowActions {
  rows: readonly ReservationListRow[];
  caption: string;
  /** True while the next page loads over this one. */
  stale: boolean;
}

/**
 * One page of reservations: a table on wide screens, a stack of cards on a phone (the
 * same markup, restyled by reservations.css; each cell carries its column name).
 */
export function ReservationsTable({ rows, caption, stale, onEdit }: ReservationsTableProps) {
  return (
    <table className="resa-table" aria-busy={stale || undefined} data-stale={stale || undefined}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {COLUMNS.map((column) => (
            <th key={column.key} scope="col" className={`resa-col-${column.key}`}>
              {column.label}
            </th>
          ))}
          <th scope="col" className="resa-col-actions">
            <span className="visually-hidden">{m.colActions}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={row.id}
            data-status={row.status}
            data-overlap={row.has_overlap || undefined}
            className="resa-row"
          >
            {COLUMNS.map(({ key, label, Cell }) => (
              <td key={key} className={`resa-col-${key}`} data-label={label}>
                <Cell row={row} />
              </td>
            ))}
            <td className="resa-col-actions">
              <ActionsCell row={row} onEdit={onEdit} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
