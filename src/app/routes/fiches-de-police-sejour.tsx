import { type LoaderFunctionArgs, useParams } from 'react-router';
import { appMessages } from '@/app/messages';
import { NotFound, RouteError } from '@/app/route-error';
import { getSession } from '@/features/auth/api/get-session';
import { stayPoliceFormsQueries } from '@/features/police-forms/api/get-stay-police-forms';
import { StayPoliceFormsPage } from '@/features/police-forms/components/stay-police-forms-page';
import { policeFormsMessages } from '@/features/police-forms/messages';
import { queryClient } from '@/lib/query-client';
import { isUuid } from '@/lib/uuid';

/** /fiches-de-police/sejour/:reservationId — a stay's police forms (from Réservations). */
export async function loader({ params }: LoaderFunctionArgs) {
  const id = params.reservationId ?? '';
  if (isUuid(id) && (await getSession()))
    void queryClient.prefetchQuery(stayPoliceFormsQueries.stay(id));
  return null;
}

export function Component() {
  const { reservationId = '' } = useParams();
  if (!isUuid(reservationId)) return <NotFound />;
  return (
    <>
      <title>{appMessages.title(policeFormsMessages.pageTitle)}</title>
      <StayPoliceFormsPage reservationId={reservationId} />
    </>
  );
}

export const ErrorBoundary = RouteError;
