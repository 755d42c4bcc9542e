import { createBrowserRouter, RouterProvider, redirect } from 'react-router';
import { PageLoading } from '@/app/page-loading';
import { NotFound, RouteError } from '@/app/route-error';
import { AppLayout } from '@/app/routes/app-layout';
import { RequireAuth } from '@/app/routes/require-auth';

/**
 * Every page is a lazy chunk (`src/app/routes/*.tsx` exporting `Component`, optional
 * `loader` and `ErrorBoundary`); the shell around them is in the entry chunk.
 */
export function createAppRouter() {
  return createBrowserRouter([
    {
      path: '/',
      HydrateFallback: PageLoading,
      ErrorBoundary: RouteError,
      children: [
        { path: 'connexion', lazy: () => import('@/app/routes/connexion') },
        { path: 'inscription', lazy: () => import('@/app/routes/inscription') },
        {
          Component: RequireAuth,
          children: [
            {
              Component: AppLayout,
              ErrorBoundary: RouteError,
              children: [
                { index: true, loader: () => redirect('/tableau-de-bord') },
                { path: 'tableau-de-bord', lazy: () => import('@/app/routes/tableau-de-bord') },
                { path: 'reservations', lazy: () => import('@/app/routes/reservations') },
                { path: 'gites', lazy: () => import('@/app/routes/gites') },
                // A gîte's own address (the sync's failure notices link there): its card is on
                // the Gîtes page.
                { path: 'gites/:giteId', loader: () => redirect('/gites') },
                { path: 'gites/:giteId/infos', lazy: () => import('@/app/routes/gite-infos') },
                {
                  path: 'gites/:giteId/activites',
                  lazy: () => import('@/app/routes/gite-activites'),
                },
                { path: 'calendrier', lazy: () => import('@/app/routes/calendrier') },
                { path: 'menage', lazy: () => import('@/app/routes/menage') },
                { path: 'linge', lazy: () => import('@/app/routes/linge') },
                { path: 'statistiques', lazy: () => import('@/app/routes/statistiques') },
                { path: 'aide', lazy: () => import('@/app/routes/aide') },
                { path: 'aide/:ticketId', lazy: () => import('@/app/routes/aide-demande') },
                { path: 'fiscalite', lazy: () => import('@/app/routes/fiscalite') },
                { path: 'notifications', lazy: () => import('@/app/routes/notifications') },
                { path: 'taxe-de-sejour', lazy: () => import('@/app/routes/taxe-de-sejour') },
                { path: 'fiches-clients', lazy: () => import('@/app/routes/fiches-clients') },
                {
                  path: 'fiches-clients/sejour/:reservationId',
                  lazy: () => import('@/app/routes/fiche-client'),
                },
                { path: 'fiches-de-police', lazy: () => import('@/app/routes/fiches-de-police') },
                {
                  path: 'fiches-de-police/sejour/:reservationId',
                  lazy: () => import('@/app/routes/fiches-de-police-sejour'),
                },
                {
                  path: 'fiches-de-police/fiche/:formId',
                  lazy: () => import('@/app/routes/fiches-de-police-fiche'),
                },
                { path: '*', Component: NotFound },
              ],
            },
          ],
        },
      ],
    },
  ]);
}

const router = createAppRouter();

export function AppRouter() {
  return <RouterProvider router={router} />;
}
