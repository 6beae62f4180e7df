import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, Navigate } from 'react-router';
import { callPurposesQueryOptions } from '../features/callPurposes/api/getCallPurposes';
import { RequireSession } from '../features/auth/components/RequireSession';
import { SignInPage } from '../features/auth/components/SignInPage';
import { CallPurposeListPage } from '../features/callPurposes/components/CallPurposeListPage';
import { paths } from '../lib/paths';
import { sessionQueryOptions } from '../lib/session';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { RouteErrorBoundary } from './RouteErrorBoundary';

// The form routes load on demand: react-hook-form and the forms stay out of the first page.
const lazyCreateDialog = async () => {
  const module = await import('../features/callPurposes/components/CreateCallPurposeDialog');
  return { Component: module.CreateCallPurposeDialog };
};
const lazyEditDialog = async () => {
  const module = await import('../features/callPurposes/components/EditCallPurposeDialog');
  return { Component: module.EditCallPurposeDialog };
};

/**
 * Loaders only start fetches (they never wait): the session and the list load in parallel
 * with the code that renders them instead of one after the other.
 */
function prefetching(queryClient: QueryClient, load: (client: QueryClient) => Promise<void>) {
  return () => {
    void load(queryClient);
    return null;
  };
}

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter([
    { path: paths.signIn.path, element: <SignInPage />, errorElement: <RouteErrorBoundary /> },
    {
      element: (
        <RequireSession>
          <AppLayout />
        </RequireSession>
      ),
      errorElement: <RouteErrorBoundary />,
      loader: prefetching(queryClient, (client) => client.prefetchQuery(sessionQueryOptions())),
      children: [
        { index: true, element: <Navigate to={paths.callPurposes.list.href()} replace /> },
        {
          path: paths.callPurposes.list.path,
          element: <CallPurposeListPage />,
          errorElement: <RouteErrorBoundary />,
          loader: prefetching(queryClient, (client) =>
            client.prefetchQuery(callPurposesQueryOptions()),
          ),
          children: [
            {
              path: paths.callPurposes.create.path,
              lazy: lazyCreateDialog,
              errorElement: <RouteErrorBoundary />,
            },
            {
              path: paths.callPurposes.edit.path,
              lazy: lazyEditDialog,
              errorElement: <RouteErrorBoundary />,
            },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
