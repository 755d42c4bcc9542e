import type { LoaderFunctionArgs } from 'react-router';
import { appMessages } from '@/app/messages';
import { RouteError } from '@/app/route-error';
import { getSession } from '@/features/auth/api/get-session';
import { notificationQueries } from '@/features/notifications/api/get-notifications';
import { NotificationsPage } from '@/features/notifications/components/notifications-page';
import { notificationMessages } from '@/features/notifications/messages';
import { parseNotificationParams } from '@/features/notifications/notification-params';
import { queryClient } from '@/lib/query-client';

/** Starts fetching the page in the URL while it renders (never blocks the navigation). */
export async function loader({ request }: LoaderFunctionArgs) {
  const params = parseNotificationParams(new URL(request.url).searchParams);
  if (await getSession()) void queryClient.prefetchQuery(notificationQueries.list(params));
  return null;
}

export function Component() {
  return (
    <>
      <title>{appMessages.title(notificationMessages.pageTitle)}</title>
      <NotificationsPage />
    </>
  );
}

export const ErrorBoundary = RouteError;
