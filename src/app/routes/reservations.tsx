import type { LoaderFunctionArgs } from 'react-router';
import { appMessages } from '@/app/messages';
import { RouteError } from '@/app/route-error';
import { getSession } from '@/features/auth/api/get-session';
import { reservationsQueries } from '@/features/reservations/api/get-reservations';
import { reservationsHistoryQueries } from '@/features/reservations/api/get-reservations-history';
import { ReservationsPage } from '@/features/reservations/components/reservations-page';
import { parseListParams, supportsKeyset } from '@/features/reservations/list-params';
import { reservationsMessages } from '@/features/reservations/messages';
import { ownerGitesQueries } from '@/lib/owner-gites';
import { queryClient } from '@/lib/query-client';

/**
 * Starts fetching what the URL asks for (the page, or the first keyset page of the
 * history) while the page renders; never blocks the navigation.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await getSession())) return null;
  const { filters, sort, view, page } = parseListParams(new URL(request.url).searchParams);
  void queryClient.prefetchQuery(ownerGitesQueries.list());
  if (view === 'history' && supportsKeyset(sort)) {
    void queryClient.prefetchInfiniteQuery(reservationsHistoryQueries.history(filters, sort));
  } else {
    void queryClient.prefetchQuery(reservationsQueries.page({ filters, sort, page }));
  }
  return null;
}

export function Component() {
  return (
    <>
      <title>{appMessages.title(reservationsMessages.pageTitle)}</title>
      <ReservationsPage />
    </>
  );
}

export const ErrorBoundary = RouteError;
