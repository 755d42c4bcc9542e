import { useEffect } from 'react';
import { isRouteErrorResponse, Link, useLocation, useNavigate, useRouteError } from 'react-router';
import { ErrorScreen } from '@/app/error-screen';
import { appMessages } from '@/app/messages';
import { reportError } from '@/lib/report-error';

export function NotFound() {
  return (
    <div className="error-screen">
      <title>{appMessages.title(appMessages.notFoundTitle)}</title>
      <h1>{appMessages.notFoundTitle}</h1>
      <p>{appMessages.notFoundText}</p>
      <p>
        <Link to="/tableau-de-bord">{appMessages.backHome}</Link>
      </p>
    </div>
  );
}

/**
 * A route's errorElement: a loader, a lazy chunk or a render of that route failed.
 * The rest of the shell (header, navigation) keeps working around it.
 */
export function RouteError() {
  const error = useRouteError();
  const navigate = useNavigate();
  const location = useLocation();

  const notFound = isRouteErrorResponse(error) && error.status === 404;
  useEffect(() => {
    if (!notFound) reportError(error, `route ${location.pathname}`);
  }, [error, notFound, location.pathname]);

  if (notFound) return <NotFound />;
  return (
    <ErrorScreen
      error={error}
      // A navigation to the same place re-runs loaders and re-renders the route.
      onRetry={() => navigate(location, { replace: true })}
    />
  );
}
