import {
  formatYearMonth,
  parseYearMonth,
  type YearMonth,
  yearMonthOf,
} from '@/features/calendar/calendar-dates';
import type { IsoDate } from '@/lib/iso-date';
import { isUuid } from '@/lib/uuid';

/** What the calendar's URL says: `/calendrier?mois=2026-11&gite=<id>`. */
export interface CalendarParams {
  month: YearMonth;
  /** Null: every gîte on the timeline; an id: that gîte's month grid. */
  giteId: string | null;
}

/**
 * Reads the URL, pure: a missing or malformed month is today's month, a malformed gîte
 * id is no gîte (never sent to the server, which would answer 400).
 */
export function parseCalendarParams(search: URLSearchParams, today: IsoDate): CalendarParams {
  const gite = search.get('gite');
  return {
    month: parseYearMonth(search.get('mois')) ?? yearMonthOf(today),
    giteId: gite && isUuid(gite) ? gite.toLowerCase() : null,
  };
}

/** The query string of a calendar view, month first: `?mois=2026-11&gite=<id>`. */
export function calendarSearch({ month, giteId }: CalendarParams): string {
  const search = new URLSearchParams({ mois: formatYearMonth(month) });
  if (giteId) search.set('gite', giteId);
  return `?${search.toString()}`;
}
