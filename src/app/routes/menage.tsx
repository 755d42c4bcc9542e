import type { LoaderFunctionArgs } from 'react-router';
import { appMessages } from '@/app/messages';
import { RouteError } from '@/app/route-error';
import { getSession } from '@/features/auth/api/get-session';
import { cleanersQueries } from '@/features/cleaning/api/get-cleaners';
import { cleaningQueries } from '@/features/cleaning/api/get-cleanings';
import { parseCleaningParams } from '@/features/cleaning/cleaning-params';
import { CleaningPage } from '@/features/cleaning/components/cleaning-page';
import { cleaningMessages } from '@/features/cleaning/messages';
import { todayIso } from '@/lib/iso-date';
import { queryClient } from '@/lib/query-client';

/** Starts fetching the list in the URL while the page renders (never blocks the navigation). */
export async function loader({ request }: LoaderFunctionArgs) {
  const params = parseCleaningParams(new URL(request.url).searchParams);
  if (await getSession()) {
    void queryClient.prefetchQuery(cleaningQueries.list(params, todayIso()));
    void queryClient.prefetchQuery(cleanersQueries.list());
  }
  return null;
}

export function Component() {
  return (
    <>
      <title>{appMessages.title(cleaningMessages.pageTitle)}</title>
      <CleaningPage />
    </>
  );
}

export const ErrorBoundary = RouteError;
