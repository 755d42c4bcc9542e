import type { CSSProperties } from 'react';
import type { CalendarStay } from '@/features/calendar/api/get-calendar-month';
import type { StayPlacement } from '@/features/calendar/calendar-dates';
import { calendarMessages as m } from '@/features/calendar/messages';
import { isBlock, stayBarLabel, stayDescription } from '@/features/calendar/stay-text';
import { platformColour } from '@/lib/platforms';

interface StayBarProps {
  stay: CalendarStay;
  placement: StayPlacement;
  /** Grid column line of the first half-day of the row (after any leading column). */
  firstColumn: number;
  /** Grid row line of the bar's lane. */
  row: number;
  onOpen: (stay: CalendarStay, trigger: HTMLButtonElement) => void;
}

/**
 * One stay drawn as a bar across its half-days: a button whose name says who, where
 * from and when, opening the stay's details. Blocks are hatched; a cut end is square.
 */
export function StayBar({ stay, placement, firstColumn, row, onOpen }: StayBarProps) {
  const style = {
    gridColumn: `${firstColumn + placement.startHalf} / ${firstColumn + placement.endHalf}`,
    gridRow: `${row}`,
    '--stay-colour': platformColour(stay.plateforme),
  } as CSSProperties;
  return (
    <button
      type="button"
      className="stay-bar"
      data-kind={isBlock(stay) ? 'blocked' : 'stay'}
      data-platform={stay.plateforme}
      data-cut-start={placement.startsBefore || undefined}
      data-cut-end={placement.endsAfter || undefined}
      data-overlap={stay.has_overlap || undefined}
      style={style}
      onClick={(event) => onOpen(stay, event.currentTarget)}
    >
      <span className="stay-bar-label" aria-hidden="true">
        {stay.has_overlap ? '⚠ ' : null}
        {stayBarLabel(stay)}
      </span>
      <span className="visually-hidden">
        {stayDescription(stay)}
        {stay.has_overlap ? ` (${m.overlap})` : null}
      </span>
    </button>
  );
}
