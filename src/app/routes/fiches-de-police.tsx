import type { LoaderFunctionArgs } from 'react-router';
import { appMessages } from '@/app/messages';
import { RouteError } from '@/app/route-error';
import { getSession } from '@/features/auth/api/get-session';
import { policeFormsQueries } from '@/features/police-forms/api/get-police-forms';
import { PoliceFormsPage } from '@/features/police-forms/components/police-forms-page';
import { policeFormsMessages } from '@/features/police-forms/messages';
import { queryClient } from '@/lib/query-client';

/** Starts fetching the page the URL asks for while the page renders. */
export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await getSession())) return null;
  const page = Number(new URL(request.url).searchParams.get('page') ?? '1');
  void queryClient.prefetchQuery(
    policeFormsQueries.page(Number.isInteger(page) && page >= 1 ? page : 1),
  );
  return null;
}

export function Component() {
  return (
    <>
      <title>{appMessages.title(policeFormsMessages.pageTitle)}</title>
      <PoliceFormsPage />
    </>
  );
}

export const ErrorBoundary = RouteError;
