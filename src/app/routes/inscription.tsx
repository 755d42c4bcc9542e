import { appMessages } from '@/app/messages';
import { RouteError } from '@/app/route-error';
import { SignUpPage } from '@/features/auth/components/sign-up-page';
import { authMessages } from '@/features/auth/messages';

export function Component() {
  return (
    <>
      <title>{appMessages.title(authMessages.signUpTitle)}</title>
      <SignUpPage />
    </>
  );
}

export const ErrorBoundary = RouteError;
