import { appMessages } from '@/app/messages';
import { RouteError } from '@/app/route-error';
import { SupportPage } from '@/features/support/components/support-page';
import { supportMessages } from '@/features/support/messages';

export function Component() {
  return (
    <>
      <title>{appMessages.title(supportMessages.pageTitle)}</title>
      <SupportPage />
    </>
  );
}

export const ErrorBoundary = RouteError;
