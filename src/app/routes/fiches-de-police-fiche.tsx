import { type LoaderFunctionArgs, useParams } from 'react-router';
import { appMessages } from '@/app/messages';
import { NotFound, RouteError } from '@/app/route-error';
import { getSession } from '@/features/auth/api/get-session';
import { policeFormQueries } from '@/features/police-forms/api/get-police-form';
import { PoliceFormPage } from '@/features/police-forms/components/police-form-page';
import { policeFormsMessages } from '@/features/police-forms/messages';
import { queryClient } from '@/lib/query-client';
import { isUuid } from '@/lib/uuid';

/** /fiches-de-police/fiche/:formId — one form whose stay is gone (from « Fiches de police »). */
export async function loader({ params }: LoaderFunctionArgs) {
  const id = params.formId ?? '';
  if (isUuid(id) && (await getSession()))
    void queryClient.prefetchQuery(policeFormQueries.form(id));
  return null;
}

export function Component() {
  const { formId = '' } = useParams();
  if (!isUuid(formId)) return <NotFound />;
  return (
    <>
      <title>{appMessages.title(policeFormsMessages.pageTitle)}</title>
      <PoliceFormPage formId={formId} />
    </>
  );
}

export const ErrorBoundary = RouteError;
