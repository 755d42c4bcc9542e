import { appMessages } from '@/app/messages';
import { RouteError } from '@/app/route-error';
import { getSession } from '@/features/auth/api/get-session';
import { gitesQueries } from '@/features/gites/api/get-gites';
import { GitesPage } from '@/features/gites/components/gites-page';
import { gitesMessages } from '@/features/gites/messages';
import { queryClient } from '@/lib/query-client';

/** Starts fetching the list while the page renders (never blocks the navigation). */
export async function loader() {
  if (await getSession()) void queryClient.prefetchQuery(gitesQueries.list());
  return null;
}

export function Component() {
  return (
    <>
      <title>{appMessages.title(gitesMessages.pageTitle)}</title>
      <GitesPage />
    </>
  );
}

export const ErrorBoundary = RouteError;
