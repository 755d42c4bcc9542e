import { type LoaderFunctionArgs, useParams } from 'react-router';
import { appMessages } from '@/app/messages';
import { NotFound, RouteError } from '@/app/route-error';
import { getSession } from '@/features/auth/api/get-session';
import { staySheetsQueries } from '@/features/guest-sheets/api/get-stay-sheets';
import { StaySheetPage } from '@/features/guest-sheets/components/stay-sheet-page';
import { guestSheetsMessages } from '@/features/guest-sheets/messages';
import { queryClient } from '@/lib/query-client';
import { isUuid } from '@/lib/uuid';

/** /fiches-clients/sejour/:reservationId — a stay's sheet link (from Réservations). */
export async function loader({ params }: LoaderFunctionArgs) {
  const id = params.reservationId ?? '';
  if (isUuid(id) && (await getSession()))
    void queryClient.prefetchQuery(staySheetsQueries.stay(id));
  return null;
}

export function Component() {
  const { reservationId = '' } = useParams();
  if (!isUuid(reservationId)) return <NotFound />;
  return (
    <>
      <title>{appMessages.title(guestSheetsMessages.pageTitle)}</title>
      <StaySheetPage reservationId={reservationId} />
    </>
  );
}

export const ErrorBoundary = RouteError;
