import { Link, Navigate, useSearchParams } from 'react-router';
import { useSignIn } from '@/features/auth/api/sign-in';
import { useSession } from '@/features/auth/api/use-session';
import { AuthCard } from '@/features/auth/components/auth-card';
import { CredentialsForm } from '@/features/auth/components/credentials-form';
import { authMessages } from '@/features/auth/messages';
import { redirectTargetFrom, withRedirectTarget } from '@/features/auth/redirect-target';

export function SignInPage() {
  const session = useSession();
  const [searchParams] = useSearchParams();
  const signIn = useSignIn();

  // Signed in (just now, or already): go where the owner was heading.
  if (session.status === 'signed-in') {
    return <Navigate to={redirectTargetFrom(searchParams)} replace />;
  }

  return (
    <AuthCard
      title={authMessages.signInTitle}
      intro={authMessages.signInIntro}
      footer={
        <>
          {authMessages.noAccount}{' '}
          <Link to={withRedirectTarget('/inscription', searchParams)}>
            {authMessages.signUpLink}
          </Link>
        </>
      }
    >
      <CredentialsForm
        mode="sign-in"
        submitLabel={authMessages.signInSubmit}
        pendingLabel={authMessages.signInPending}
        isPending={signIn.isPending}
        onSubmit={(credentials) => signIn.mutateAsync(credentials)}
      />
    </AuthCard>
  );
}
