import { useState } from 'react';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { appMessages } from '@/app/messages';
import { navItems } from '@/app/navigation';
import { useSignOut } from '@/features/auth/api/sign-out';
import { useSession } from '@/features/auth/api/use-session';
import { describeAuthError } from '@/features/auth/auth-errors';
import { authMessages } from '@/features/auth/messages';
import { SIGN_IN_PATH } from '@/features/auth/redirect-target';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
import { commonMessages } from '@/lib/i18n';
import { offlineMessages, useWriteAccess } from '@/lib/pwa/write-access';
import { TelemetryChoiceButton } from '@/lib/telemetry/telemetry-choice';

/** The signed-in shell: brand, navigation, account, and the current page. */
export function AppLayout() {
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [signOutError, setSignOutError] = useState<string | null>(null);
  // Signing out needs the server (supabase-js keeps the session when it cannot reach it).
  const write = useWriteAccess(offlineMessages.signOutReason);
  const email = session.status === 'signed-in' ? (session.user.email ?? '') : '';

  function handleSignOut() {
    setSignOutError(null);
    signOut.mutate(undefined, {
      onSuccess: () => navigate(SIGN_IN_PATH, { replace: true }),
      onError: (error) => setSignOutError(describeAuthError(error).message),
    });
  }

  return (
    <div className="app-shell">
      <a className="skip-link" href="#contenu">
        {appMessages.skipToContent}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link to="/tableau-de-bord" className="brand">
            <img src="/favicon.svg" alt="" width="28" height="28" />
            <span>{commonMessages.appName}</span>
          </Link>
          <nav className="main-nav" aria-label={appMessages.mainNav}>
            <ul>
              {navItems.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to}>{item.label}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="account">
            <NotificationBell />
            <span className="account-email" title={email}>
              <span className="visually-hidden">{appMessages.signedInAs} </span>
              {email}
            </span>
            <button
              type="button"
              className="button button-quiet"
              onClick={handleSignOut}
              disabled={signOut.isPending || write.blocked}
              {...write.reasonProps}
            >
              {signOut.isPending ? authMessages.signingOut : authMessages.signOut}
            </button>
          </div>
        </div>
        {signOutError ? (
          <p className="header-error" role="alert">
            {signOutError}
          </p>
        ) : null}
      </header>
      <main id="contenu" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="app-footer">
        <TelemetryChoiceButton className="button button-quiet" />
      </footer>
    </div>
  );
}
