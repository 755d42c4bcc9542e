import { appMessages } from '@/app/messages';
import { RouteError } from '@/app/route-error';
import { SignInPage } from '@/features/auth/components/sign-in-page';
import { authMessages } from '@/features/auth/messages';

export function Component() {
  return (
    <>
      <title>{appMessages.title(authMessages.signInTitle)}</title>
      <SignInPage />
    </>
  );
}

export const ErrorBoundary = RouteError;
