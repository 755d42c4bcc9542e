import { Navigate, Outlet, useLocation } from 'react-router';
import { PageLoading } from '@/app/page-loading';
import { useSession } from '@/features/auth/api/use-session';
import { signInPathFor } from '@/features/auth/redirect-target';

/**
 * Guards every signed-in page. A visitor without a session goes to /connexion, which
 * brings them back here afterwards; signing out (here or in another tab) lands there too.
 */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'loading') return <PageLoading />;
  if (session.status === 'signed-out') {
    return (
      <Navigate to={signInPathFor(location.pathname + location.search + location.hash)} replace />
    );
  }
  return <Outlet />;
}
