import { appMessages } from '@/app/messages';
import { RouteError } from '@/app/route-error';
import { getSession } from '@/features/auth/api/get-session';
import { linenQueries } from '@/features/linen/api/get-linen';
import { LinenPage } from '@/features/linen/components/linen-page';
import { linenMessages } from '@/features/linen/messages';
import { todayIso } from '@/lib/iso-date';
import { queryClient } from '@/lib/query-client';

/** Starts fetching the stocks and the week's needs while the page renders. */
export async function loader() {
  if (await getSession()) void queryClient.prefetchQuery(linenQueries.page(todayIso()));
  return null;
}

export function Component() {
  return (
    <>
      <title>{appMessages.title(linenMessages.pageTitle)}</title>
      <LinenPage />
    </>
  );
}

export const ErrorBoundary = RouteError;
