import type { LoaderFunctionArgs } from 'react-router';
import { appMessages } from '@/app/messages';
import { RouteError } from '@/app/route-error';
import { getSession } from '@/features/auth/api/get-session';
import { guestSheetsQueries } from '@/features/guest-sheets/api/get-guest-sheets';
import { GuestSheetsPage } from '@/features/guest-sheets/components/guest-sheets-page';
import { guestSheetsMessages } from '@/features/guest-sheets/messages';
import { queryClient } from '@/lib/query-client';

/** Starts fetching the page the URL asks for while the page renders. */
export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await getSession())) return null;
  const page = Number(new URL(request.url).searchParams.get('page') ?? '1');
  void queryClient.prefetchQuery(
    guestSheetsQueries.page(Number.isInteger(page) && page >= 1 ? page : 1),
  );
  return null;
}

export function Component() {
  return (
    <>
      <title>{appMessages.title(guestSheetsMessages.pageTitle)}</title>
      <GuestSheetsPage />
    </>
  );
}

export const ErrorBoundary = RouteError;
