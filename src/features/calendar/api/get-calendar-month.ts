import { queryOptions, useQuery } from '@tanstack/react-query';
import { formatYearMonth, monthInterval, type YearMonth } from '@/features/calendar/calendar-dates';
import { ApiError } from '@/lib/api-error';
import type { Tables } from '@/lib/database.types';
import { locale } from '@/lib/i18n';
import { type SupabaseClient, supabase } from '@/lib/supabase';

/** Every calendar query key starts with `calendarKeys.all`: invalidating it refreshes them all. */
export const calendarKeys = {
  all: ['calendar'] as const,
  months: () => [...calendarKeys.all, 'month'] as const,
  /** One month of one view: every gîte (`giteId` null, the timeline) or one gîte's month. */
  month: (month: YearMonth, giteId: string | null) =>
    [...calendarKeys.months(), formatYearMonth(month), giteId ?? 'tous'] as const,
};

/** What the calendar shows of a stay (and its details dialog). */
export type CalendarStay = Pick<
  Tables<'reservations'>,
  | 'id'
  | 'gite_id'
  | 'client_nom'
  | 'plateforme'
  | 'status'
  | 'date_debut'
  | 'date_fin'
  | 'nb_personnes'
  | 'montant'
> & { has_overlap: boolean | null };

export type CalendarGite = Pick<Tables<'gites'>, 'id' | 'nom' | 'couleur' | 'ordre'> & {
  reservations: CalendarStay[];
};

export interface CalendarMonthParams {
  month: YearMonth;
  /** Null: the stays of every gîte (timeline); an id: that gîte's stays only (month view). */
  giteId: string | null;
}

const CALENDAR_SELECT =
  'id, nom, couleur, ordre, reservations(id, gite_id, client_nom, plateforme, status, date_debut, date_fin, nb_personnes, montant, has_overlap)';

/** An owner has a few gîtes (50 for the largest): one bounded page holds them all. */
const MAX_GITES = 500;

const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });

/**
 * One request for one view of one month: the owner's gîtes (RLS keeps them to theirs),
 * each with the stays that have a night in the month — arrival before the 1st of the
 * next month and departure after the 1st (a departure on the 1st has no night in it) —
 * never cancelled ones. With `giteId`, only that gîte's stays come along (the other
 * gîtes still come, without stays, for the gîte picker).
 */
export async function getCalendarMonth(
  client: SupabaseClient,
  { month, giteId }: CalendarMonthParams,
): Promise<CalendarGite[]> {
  const { from, to } = monthInterval(month);
  let query = client
    .from('gites')
    .select(CALENDAR_SELECT)
    .lt('reservations.date_debut', to)
    .gt('reservations.date_fin', from)
    .neq('reservations.status', 'cancelled');
  if (giteId) query = query.eq('reservations.gite_id', giteId);
  const { data, error, status } = await query
    .order('date_debut', { referencedTable: 'reservations' })
    .order('id', { referencedTable: 'reservations' })
    .order('ordre')
    .order('created_at')
    .range(0, MAX_GITES - 1);
  if (error) throw new ApiError(error, status);
  return data.toSorted((a, b) => a.ordre - b.ordre || collator.compare(a.nom, b.nom));
}

export const calendarQueries = {
  month: (params: CalendarMonthParams) =>
    queryOptions({
      queryKey: calendarKeys.month(params.month, params.giteId),
      queryFn: () => getCalendarMonth(supabase, params),
    }),
};

export function useCalendarMonth(params: CalendarMonthParams) {
  return useQuery(calendarQueries.month(params));
}
