import { appMessages } from '@/app/messages';
import { RouteError } from '@/app/route-error';
import { TicketPage } from '@/features/support/components/ticket-page';
import { supportMessages } from '@/features/support/messages';

export function Component() {
  return (
    <>
      <title>{appMessages.title(supportMessages.pageTitle)}</title>
      <TicketPage />
    </>
  );
}

export const ErrorBoundary = RouteError;
