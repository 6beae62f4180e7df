import { createBrowserRouter, Navigate } from 'react-router';
import { RequireSession } from '../features/auth/components/RequireSession';
import { SignInPage } from '../features/auth/components/SignInPage';
import { CallPurposeListPage } from '../features/callPurposes/components/CallPurposeListPage';
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

export function createAppRouter() {
  return createBrowserRouter([
    { path: '/sign-in', element: <SignInPage />, errorElement: <RouteErrorBoundary /> },
    {
      element: (
        <RequireSession>
          <AppLayout />
        </RequireSession>
      ),
      errorElement: <RouteErrorBoundary />,
      children: [
        { index: true, element: <Navigate to="/call-purposes" replace /> },
        {
          path: 'call-purposes',
          element: <CallPurposeListPage />,
          errorElement: <RouteErrorBoundary />,
          children: [
            { path: 'new', lazy: lazyCreateDialog, errorElement: <RouteErrorBoundary /> },
            { path: ':id/edit', lazy: lazyEditDialog, errorElement: <RouteErrorBoundary /> },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}

export type AppRouter = ReturnType<typeof createAppRouter>;
