import { QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ToastProvider } from '../components/toast/ToastProvider';
import { SIGN_IN_PATH, signInPath } from '../features/auth/signInUrls';
import { forgetSession } from '../lib/session';
import { prefetchFirstPage, routes } from './AppRoutes';
import { createQueryClient } from './createQueryClient';
import { PublicDemoNotice } from './PublicDemoNotice';

const router = createBrowserRouter(routes);

const queryClient = createQueryClient({
  // The session ended (expired, signed out elsewhere): sign in again, then come back here.
  onUnauthenticated: () => {
    const { pathname, search } = router.state.location;
    if (pathname === SIGN_IN_PATH) return;
    void router.navigate(signInPath(pathname + search), { replace: true });
    forgetSession(queryClient);
  },
});

prefetchFirstPage(queryClient, router.state.location.pathname);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <PublicDemoNotice />
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  );
}
