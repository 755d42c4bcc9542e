import { appMessages } from '@/app/messages';
import { RouteError } from '@/app/route-error';
import { getSession } from '@/features/auth/api/get-session';
import { dashboardQueries } from '@/features/dashboard/api/get-dashboard-summary';
import { DashboardPage } from '@/features/dashboard/components/dashboard-page';
import { dashboardMessages } from '@/features/dashboard/messages';
import { todayIso } from '@/lib/iso-date';
import { queryClient } from '@/lib/query-client';

/** Starts fetching the summary while the page renders (never blocks the navigation). */
export async function loader() {
  if (await getSession()) void queryClient.prefetchQuery(dashboardQueries.summary(todayIso()));
  return null;
}

export function Component() {
  return (
    <>
      <title>{appMessages.title(dashboardMessages.pageTitle)}</title>
      <DashboardPage />
    </>
  );
}

export const ErrorBoundary = RouteError;
