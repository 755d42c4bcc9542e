import type { LoaderFunctionArgs } from 'react-router';
import { appMessages } from '@/app/messages';
import { RouteError } from '@/app/route-error';
import { getSession } from '@/features/auth/api/get-session';
import { serviceStartsQueries } from '@/features/statistics/api/get-service-starts';
import { statisticsQueries } from '@/features/statistics/api/get-statistics';
import { StatisticsPage } from '@/features/statistics/components/statistics-page';
import { statisticsMessages } from '@/features/statistics/messages';
import { parseStatisticsParams } from '@/features/statistics/statistics-params';
import { todayIso } from '@/lib/iso-date';
import { ownerGitesQueries } from '@/lib/owner-gites';
import { queryClient } from '@/lib/query-client';

/** Starts fetching the year in the URL while the page renders (never blocks the navigation). */
export async function loader({ request }: LoaderFunctionArgs) {
  const params = parseStatisticsParams(new URL(request.url).searchParams, todayIso());
  if (await getSession()) {
    void queryClient.prefetchQuery(ownerGitesQueries.list());
    void queryClient.prefetchQuery(serviceStartsQueries.list());
    void queryClient.prefetchQuery(statisticsQueries.year(params.year, params.giteId));
  }
  return null;
}

export function Component() {
  return (
    <>
      <title>{appMessages.title(statisticsMessages.pageTitle)}</title>
      <StatisticsPage />
    </>
  );
}

export const ErrorBoundary = RouteError;
