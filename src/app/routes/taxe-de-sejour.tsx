import { appMessages } from '@/app/messages';
import { RouteError } from '@/app/route-error';
import { getSession } from '@/features/auth/api/get-session';
import { taxeSettingsQueries } from '@/features/taxe-sejour/api/get-taxe-settings';
import { TaxeSejourPage } from '@/features/taxe-sejour/components/taxe-sejour-page';
import { taxeMessages } from '@/features/taxe-sejour/messages';
import { queryClient } from '@/lib/query-client';

/** Starts fetching the gîtes' settings while the page renders. */
export async function loader() {
  if (await getSession()) void queryClient.prefetchQuery(taxeSettingsQueries.list());
  return null;
}

export function Component() {
  return (
    <>
      <title>{appMessages.title(taxeMessages.pageTitle)}</title>
      <TaxeSejourPage />
    </>
  );
}

export const ErrorBoundary = RouteError;
