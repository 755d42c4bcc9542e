import { type LoaderFunctionArgs, useParams } from 'react-router';
import { appMessages } from '@/app/messages';
import { RouteError } from '@/app/route-error';
import { GitePageTabs } from '@/app/routes/gite-page-tabs';
import { activityQueries } from '@/features/activities/api/get-activities';
import { ActivitiesPage } from '@/features/activities/components/activities-page';
import { parseActivityParams } from '@/features/activities/list-params';
import { activitiesMessages } from '@/features/activities/messages';
import { getSession } from '@/features/auth/api/get-session';
import { queryClient } from '@/lib/query-client';

/** Starts reading the page the URL asks for while the page renders. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  if (params.giteId && (await getSession())) {
    const listParams = parseActivityParams(new URL(request.url).searchParams);
    void queryClient.prefetchQuery(activityQueries.gite(params.giteId));
    void queryClient.prefetchQuery(activityQueries.page(params.giteId, listParams));
  }
  return null;
}

export function Component() {
  const { giteId = '' } = useParams();
  return (
    <>
      <title>{appMessages.title(activitiesMessages.pageTitle)}</title>
      <GitePageTabs giteId={giteId} />
      <ActivitiesPage key={giteId} giteId={giteId} />
    </>
  );
}

export const ErrorBoundary = RouteError;
