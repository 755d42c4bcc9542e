import { type LoaderFunctionArgs, useParams } from 'react-router';
import { appMessages } from '@/app/messages';
import { RouteError } from '@/app/route-error';
import { GitePageTabs } from '@/app/routes/gite-page-tabs';
import { getSession } from '@/features/auth/api/get-session';
import { giteInfoQueries } from '@/features/gite-info/api/get-gite-info';
import { GiteInfoPage } from '@/features/gite-info/components/gite-info-page';
import { giteInfoMessages } from '@/features/gite-info/messages';
import { queryClient } from '@/lib/query-client';

/** Starts reading the gîte's infos while the page renders (never blocks the navigation). */
export async function loader({ params }: LoaderFunctionArgs) {
  if (params.giteId && (await getSession())) {
    void queryClient.prefetchQuery(giteInfoQueries.detail(params.giteId));
  }
  return null;
}

export function Component() {
  const { giteId = '' } = useParams();
  return (
    <>
      <title>{appMessages.title(giteInfoMessages.pageTitle)}</title>
      <GitePageTabs giteId={giteId} />
      <GiteInfoPage key={giteId} giteId={giteId} />
    </>
  );
}

export const ErrorBoundary = RouteError;
