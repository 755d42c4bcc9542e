import type { LoaderFunctionArgs } from 'react-router';
import { appMessages } from '@/app/messages';
import { RouteError } from '@/app/route-error';
import { getSession } from '@/features/auth/api/get-session';
import { calendarQueries } from '@/features/calendar/api/get-calendar-month';
import { parseCalendarParams } from '@/features/calendar/calendar-params';
import { CalendarPage } from '@/features/calendar/components/calendar-page';
import { calendarMessages } from '@/features/calendar/messages';
import { todayIso } from '@/lib/iso-date';
import { queryClient } from '@/lib/query-client';

/** Starts fetching the month in the URL while the page renders (never blocks the navigation). */
export async function loader({ request }: LoaderFunctionArgs) {
  const params = parseCalendarParams(new URL(request.url).searchParams, todayIso());
  if (await getSession()) void queryClient.prefetchQuery(calendarQueries.month(params));
  return null;
}

export function Component() {
  return (
    <>
      <title>{appMessages.title(calendarMessages.pageTitle)}</title>
      <CalendarPage />
    </>
  );
}

export const ErrorBoundary = RouteError;
