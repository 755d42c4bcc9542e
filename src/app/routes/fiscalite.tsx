import type { LoaderFunctionArgs } from 'react-router';
import { appMessages } from '@/app/messages';
import { RouteError } from '@/app/route-error';
import { getSession } from '@/features/auth/api/get-session';
import { fiscalReceiptsQueries } from '@/features/fiscalite/api/get-fiscal-receipts';
import { tripsQueries } from '@/features/fiscalite/api/get-trips';
import { FiscalitePage } from '@/features/fiscalite/components/fiscalite-page';
import { parseFiscalParams } from '@/features/fiscalite/fiscal-params';
import { fiscalPageMessages } from '@/features/fiscalite/messages';
import { TAX_YEARS } from '@/features/fiscalite/rules';
import { todayIso } from '@/lib/iso-date';
import { queryClient } from '@/lib/query-client';

/** Starts fetching the year's heavy read and trips while the page renders (never blocks). */
export async function loader({ request }: LoaderFunctionArgs) {
  const params = parseFiscalParams(new URL(request.url).searchParams, todayIso(), TAX_YEARS);
  if (await getSession()) {
    void queryClient.prefetchQuery(fiscalReceiptsQueries.year(params.year));
    void queryClient.prefetchQuery(tripsQueries.page(params.year, params.tripsPage));
  }
  return null;
}

export function Component() {
  return (
    <>
      <title>{appMessages.title(fiscalPageMessages.pageTitle)}</title>
      <FiscalitePage />
    </>
  );
}

export const ErrorBoundary = RouteError;
