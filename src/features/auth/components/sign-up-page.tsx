import { useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { FormAlert } from '@/components/form-alert';
import { useSignUp } from '@/features/auth/api/sign-up';
import { useSession } from '@/features/auth/api/use-session';
import { AuthCard } from '@/features/auth/components/auth-card';
import { CredentialsForm } from '@/features/auth/components/credentials-form';
import { authMessages } from '@/features/auth/messages';
import { redirectTargetFrom, withRedirectTarget } from '@/features/auth/redirect-target';

export function SignUpPage() {
  const session = useSession();
  const [searchParams] = useSearchParams();
  const signUp = useSignUp();
  const [awaitingConfirmation, setAwaitingConfirmation] = useState(false);

  if (session.status === 'signed-in') {
    return <Navigate to={redirectTargetFrom(searchParams)} replace />;
  }

  return (
    <AuthCard
      title={authMessages.signUpTitle}
      intro={authMessages.signUpIntro}
      footer={
        <>
          {authMessages.haveAccount}{' '}
          <Link to={withRedirectTarget('/connexion', searchParams)}>{authMessages.signInLink}</Link>
        </>
      }
    >
      {awaitingConfirmation ? (
        <FormAlert tone="success">{authMessages.checkInbox}</FormAlert>
      ) : (
        <CredentialsForm
          mode="sign-up"
          submitLabel={authMessages.signUpSubmit}
          pendingLabel={authMessages.signUpPending}
          isPending={signUp.isPending}
          onSubmit={async (credentials) => {
            const data = await signUp.mutateAsync(credentials);
            // With e-mail confirmation on (hosted projects), there is no session yet.
            if (!data.session) setAwaitingConfirmation(true);
          }}
        />
      )}
    </AuthCard>
  );
}
