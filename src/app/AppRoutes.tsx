import type { QueryClient } from '@tanstack/react-query';
import { lazy, Suspense, type ComponentType } from 'react';
import { createRoutesFromElements, Navigate, Route } from 'react-router';
import { RequireSession } from '../features/auth/components/RequireSession';
import { callPurposesQueryOptions } from '../features/callPurposes/api/getCallPurposes';
import { CallPurposeListPage } from '../features/callPurposes/components/CallPurposeListPage';
import {
  loadCreateDialog,
  loadEditDialog,
} from '../features/callPurposes/components/writerDialogs';
import { showsCallPurposeList } from '../../shared/firstPageRequests';
import { paths } from '../lib/paths';
import { sessionQueryOptions } from '../lib/session';
import { AppLayout } from './AppLayout';
import { RouteErrorBoundary } from './RouteErrorBoundary';

// Only the list is in the first page's code. The form routes (with react-hook-form) load on
// demand or once the list is idle, for writers only; a signed-in user never needs the sign-in
// page, and hardly anyone the not-found page.
const SignInPage = lazy(async () => ({
  default: (await import('../features/auth/components/SignInPage')).SignInPage,
}));
const NotFoundPage = lazy(async () => ({ default: (await import('./NotFoundPage')).NotFoundPage }));
const HistoryPage = lazy(async () => ({
  default: (await import('../features/history/components/HistoryPage')).HistoryPage,
}));
const CreateCallPurposeDialog = lazy(async () => ({
  default: (await loadCreateDialog()).CreateCallPurposeDialog,
}));
const EditCallPurposeDialog = lazy(async () => ({
  default: (await loadEditDialog()).EditCallPurposeDialog,
}));

/** A route's page, behind its own error boundary; a page still loading shows nothing yet. */
function page(Page: ComponentType) {
  return (
    <RouteErrorBoundary>
      <Suspense fallback={null}>
        <Page />
      </Suspense>
    </RouteErrorBoundary>
  );
}

/**
 * A dialog over the list: no Suspense boundary of its own. Navigations run in a transition, and
 * a transition keeps an already-shown boundary (the list's) on screen while the dialog's code
 * resolves; a new boundary would commit its empty fallback and React would hold the dialog back
 * for its fallback throttle (about 300 ms), which made every first opening slow.
 */
function dialogPage(Page: ComponentType) {
  return (
    <RouteErrorBoundary>
      <Page />
    </RouteErrorBoundary>
  );
}

/**
 * Starts the first page's queries before its code renders, so the session and the list load in
 * parallel instead of one after the other (the session gates the page that asks for the list).
 * For a signed-in navigation the app server has already told the browser to fetch both (a
 * preload `Link` on index.html, by the same rule), and these requests are answered from it.
 */
export function prefetchFirstPage(queryClient: QueryClient, pathname: string) {
  if (pathname === paths.signIn.href()) return;
  void queryClient.prefetchQuery(sessionQueryOptions());
  if (showsCallPurposeList(pathname)) {
    void queryClient.prefetchQuery(callPurposesQueryOptions());
  }
}

/** The app's routes, for the data router (`createBrowserRouter` in `App.tsx`). */
export const routes = createRoutesFromElements(
  <>
    <Route path={paths.signIn.path} element={page(SignInPage)} />
    <Route
      element={
        <RouteErrorBoundary>
          <RequireSession>
            <AppLayout />
          </RequireSession>
        </RouteErrorBoundary>
      }
    >
      <Route index element={<Navigate to={paths.callPurposes.list.href()} replace />} />
      <Route path={paths.callPurposes.history.path} element={page(HistoryPage)} />
      <Route path={paths.callPurposes.list.path} element={page(CallPurposeListPage)}>
        <Route
          path={paths.callPurposes.create.path}
          element={dialogPage(CreateCallPurposeDialog)}
        />
        <Route path={paths.callPurposes.edit.path} element={dialogPage(EditCallPurposeDialog)} />
      </Route>
      <Route path="*" element={page(NotFoundPage)} />
    </Route>
  </>,
);
